import { z } from "zod";
import { DEMO } from "../demo.js";
import { defineToolset } from "../registry/define.js";
import { dayMonthYear, httpUrl, objectId, projection, SANITY_CAP, skipQuery } from "../registry/schemas.js";
import { configTools } from "./store-config.js";
import { productTools } from "./store-products.js";
import { accessRules, userID } from "./store-shared.js";

const categoryID = objectId;

/** Access rules have their own tool, so that creating or editing a category lists a small schema. */
const categoryFields = z
  .strictObject({
    name: z.string().trim().min(1).max(SANITY_CAP),
    coverImage: httpUrl,
    shouldShowCover: z.boolean(),
    isArchived: z.boolean(),
    viewType: z.enum(["full", "preview"]),
    displayOrder: z.number().int().min(0),
    defaultPurchaseStatusID: objectId,
  })
  .partial();

const purchaseHistoryID = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "an order id such as ORD202641612055614747 or a 24-hex id")
  .describe("order id (ORD...) or 24-hex id");

export const store = defineToolset({
  name: "store",
  memberText: true,
  summary: "rewards store: configuration, categories, products, purchase history",
  tools: [
    {
      name: "list_store_categories",
      operation: "store_categories.list",
      title: "List store categories",
      description: "List store categories.",
      input: z.strictObject({ ...skipQuery, userID }),
      example: { skip: 0, limit: 10 },
      risk: "read",
      view: { says: "name, view type, order, archived", keep: ["_id", "name", "viewType", "displayOrder", "isArchived"] },
    },
    {
      name: "get_store_category",
      operation: "store_categories.get",
      title: "Get store category",
      description: "Get one store category.",
      input: z.strictObject({ categoryID, ...projection }),
      example: { categoryID: DEMO.categoryId },
      risk: "read",
    },
    {
      name: "create_store_category",
      operation: "store_categories.create",
      title: "Create store category",
      description: "Create a store category.",
      input: categoryFields.required({ name: true }),
      example: { name: "Limited Editions", viewType: "full" },
      risk: "write",
    },
    {
      name: "update_store_category",
      operation: "store_categories.update",
      title: "Update store category",
      description: "Change a store category's name, cover, view type, order or archive flag.",
      input: categoryFields.extend({ categoryID }),
      example: { categoryID: DEMO.categoryIds[1], isArchived: true },
      risk: "write",
    },
    {
      name: "update_store_category_access",
      operation: "store_categories.update",
      title: "Update store category access",
      description: "Set who may see and buy from a store category, and how often.",
      input: z.strictObject({ categoryID, categoryPermission: accessRules }),
      example: {
        categoryID: DEMO.categoryId,
        categoryPermission: [
          {
            type: "role",
            permission: { roleNames: ["VIP"] },
            purchaseLimit: { isEnabled: true, quantity: 1, intervalCount: 1, intervalUnit: "month" },
            isEnabled: true,
          },
        ],
      },
      risk: "write",
    },
    {
      name: "delete_store_category",
      operation: "store_categories.delete",
      title: "Delete store category",
      description: "Delete a store category.",
      input: z.strictObject({ categoryID }),
      example: { categoryID: DEMO.categoryIds[2] },
      risk: "destructive",
    },
    ...productTools,
    ...configTools,
    {
      name: "update_purchase_history",
      operation: "purchase_history.update",
      title: "Update purchase history",
      description: "Edit an order's redemption instructions, or its voucher code and expiry (sent together).",
      input: z
        .strictObject({
          purchaseHistoryID,
          redemptionInstructions: z.string().trim().min(1).max(10000).optional(),
          voucherCode: z.string().trim().min(1).max(512).optional(),
          voucherExpiryDate: dayMonthYear.optional(),
        })
        .refine((a) => (a.voucherCode === undefined) === (a.voucherExpiryDate === undefined), {
          message: "voucherCode and voucherExpiryDate go together",
          path: ["voucherExpiryDate"],
        }),
      example: { purchaseHistoryID: DEMO.orderId, redemptionInstructions: "Collect at the front desk." },
      risk: "write",
      annotations: { idempotentHint: true },
    },
  ],
});
