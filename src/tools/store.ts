import { z } from "zod";
import { DEMO } from "../demo.js";
import {
  dayMonthYear,
  httpUrl,
  isoDateTime,
  listedAs,
  looseObject,
  objectId,
  projection,
  SANITY_CAP,
  skipQuery,
} from "../registry/schemas.js";
import type { ToolsetDef } from "../registry/types.js";

const categoryID = objectId;
const productID = objectId;
const lang = listedAs(z.string().regex(/^[a-z]{2}(-[A-Za-z]{2})?$/, "a language code such as en or th"), "e.g. th").optional();
const userID = objectId.optional().describe("only what this user may see");
const html = (max: number) => z.string().max(max).describe("HTML");

const permissionRules = listedAs(
  z.array(z.record(z.string(), z.unknown())).max(100),
  "[{type, permission{roleNames[], tagNames[], usernames[]}, purchaseLimit, accessLevel, isEnabled}]",
);

const category = {
  name: z.string().trim().min(1).max(SANITY_CAP),
  coverImage: httpUrl,
  shouldShowCover: z.boolean(),
  isArchived: z.boolean(),
  viewType: z.enum(["full", "preview"]),
  displayOrder: z.number().int().min(0),
  categoryPermission: permissionRules,
  defaultPurchaseStatusID: objectId,
};
const categoryFields = z.strictObject(category).partial();

const toggle = z.boolean();
const product = {
  name: z.string().trim().min(1).max(SANITY_CAP),
  price: z.number().min(0),
  description: html(20000),
  type: z.string().max(50).describe("e.g. voucher"),
  categoryID,
};
const productUpdate = {
  name: product.name,
  price: product.price,
  description: product.description,
  image: httpUrl,
  categoryName: z.string().max(SANITY_CAP).describe("category by its name"),
  discountPrice: z.number().min(0),
  isDiscountEnabled: toggle,
  discountStartDate: isoDateTime.nullable(),
  discountEndDate: isoDateTime.nullable(),
  userInformation: listedAs(
    z.strictObject({
      isEnabled: toggle,
      shouldCollectName: toggle,
      shouldCollectPhone: toggle,
      shouldCollectAddress: toggle,
    }),
    "{isEnabled, shouldCollectName, shouldCollectPhone, shouldCollectAddress} (all booleans)",
  ),
  shouldPrioritiesExpiringVouchers: toggle,
  shouldDisplayRemainingQuantity: toggle,
  expiringVoucherHighlight: listedAs(
    z.strictObject({
      isEnabled: toggle,
      duration: z.number().int().min(0),
      timeframe: z.enum(["minutes", "hours", "days", "weeks", "months"]),
    }),
    "{isEnabled, duration, timeframe: minutes|hours|days|weeks|months}",
  ),
  isArchived: toggle,
  redemptionInstructions: html(10000),
  productPermission: permissionRules,
  isProductAccessEnabled: toggle,
  purchaseStatusOverrideName: z.string().max(SANITY_CAP).nullable(),
  vouchers: z.array(z.string().min(1).max(512)).max(10000).describe("codes to add to stock"),
  voucherExpireDate: isoDateTime.describe("expiry of the added vouchers"),
};

const purchaseHistoryID = listedAs(
  z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "an order id such as ORD202641612055614747 or a 24-hex id"),
  "order id (ORD...) or 24-hex id",
);

export const store: ToolsetDef = {
  name: "store",
  summary: "rewards store: configuration, categories, products, purchase history",
  resources: [
    { name: "categories", noun: "category", plural: "categories", pagination: "skip", searchFields: ["name"] },
    { name: "products", noun: "product", plural: "products", pagination: "skip", searchFields: ["name", "type"] },
    { name: "stores", noun: "store config", plural: "store configs", singleton: true },
    { name: "purchaseHistories", noun: "purchase history", plural: "purchase histories", altIds: ["orderID"] },
  ],
  tools: [
    {
      name: "list_store_categories",
      title: "List store categories",
      description: "List store categories, with skip/limit paging.",
      method: "GET",
      path: "/v1/categories",
      catalogIds: ["store_categories.list"],
      input: z.strictObject({ ...skipQuery, userID }),
      example: { skip: 0, limit: 10 },
      risk: "read",
      sandbox: { resource: "categories", op: "list" },
    },
    {
      name: "get_store_category",
      title: "Get store category",
      description: "Get one store category.",
      method: "GET",
      path: "/v1/categories/{categoryID}",
      catalogIds: ["store_categories.get"],
      input: z.strictObject({ categoryID, ...projection }),
      example: { categoryID: DEMO.categoryId },
      risk: "read",
      sandbox: { resource: "categories", op: "get" },
    },
    {
      name: "create_store_category",
      title: "Create store category",
      description: "Create a store category.",
      method: "POST",
      path: "/v1/categories",
      catalogIds: ["store_categories.create"],
      input: categoryFields.required({ name: true }),
      example: { name: "Limited Editions", viewType: "full" },
      risk: "write",
      sandbox: { resource: "categories", op: "create" },
    },
    {
      name: "update_store_category",
      title: "Update store category",
      description: "Change some fields of a store category.",
      method: "PUT",
      path: "/v1/categories/{categoryID}",
      catalogIds: ["store_categories.update"],
      input: categoryFields.extend({ categoryID }),
      example: { categoryID: DEMO.categoryIds[1], isArchived: true },
      risk: "write",
      sandbox: { resource: "categories", op: "update" },
    },
    {
      name: "delete_store_category",
      title: "Delete store category",
      description: "Delete a store category.",
      method: "DELETE",
      path: "/v1/categories/{categoryID}",
      routeStatus: "inferred",
      catalogIds: ["store_categories.delete"],
      input: z.strictObject({ categoryID }),
      example: { categoryID: DEMO.categoryIds[2] },
      risk: "destructive",
      sandbox: { resource: "categories", op: "delete" },
    },
    {
      name: "list_store_products",
      title: "List store products",
      description: "List store products, with skip/limit paging; filter takes categoryID:<id> or type:<type>.",
      method: "GET",
      path: "/v1/products",
      catalogIds: ["store_products.list"],
      input: z.strictObject({ ...skipQuery, lang, userID }),
      example: { filter: `categoryID:${DEMO.categoryId}`, limit: 5 },
      risk: "read",
      sandbox: { resource: "products", op: "list" },
    },
    {
      name: "get_store_product",
      title: "Get store product",
      description: "Get one store product.",
      method: "GET",
      path: "/v1/products/{productID}",
      catalogIds: ["store_products.get"],
      input: z.strictObject({ productID, ...projection, lang }),
      example: { productID: DEMO.productId, fields: "name,price" },
      risk: "read",
      sandbox: { resource: "products", op: "get" },
    },
    {
      name: "create_store_product",
      title: "Create store product",
      description: "Create a store product.",
      method: "POST",
      path: "/v1/products",
      catalogIds: ["store_products.create"],
      input: z.strictObject(product).partial().required({ name: true, price: true }),
      example: { name: "Hoodie", price: 800, type: "physical", categoryID: DEMO.categoryIds[1] },
      risk: "write",
      sandbox: { resource: "products", op: "create" },
    },
    {
      name: "update_store_product",
      title: "Update store product",
      description: "Change some fields of a store product; vouchers adds codes and needs voucherExpireDate.",
      method: "PUT",
      path: "/products/{productID}",
      catalogIds: ["store_products.update"],
      input: z
        .strictObject(productUpdate)
        .partial()
        .extend({ productID })
        .refine((a) => !a.vouchers?.length || a.voucherExpireDate, {
          message: "voucherExpireDate is required when vouchers are added",
          path: ["voucherExpireDate"],
        }),
      example: { productID: DEMO.productIds[1], price: 275 },
      risk: "write",
      sandbox: { resource: "products", op: "update" },
    },
    {
      name: "delete_store_product",
      title: "Delete store product",
      description: "Delete a store product.",
      method: "DELETE",
      path: "/v1/products/{productID}",
      routeStatus: "inferred",
      catalogIds: ["store_products.delete"],
      input: z.strictObject({ productID }),
      example: { productID: DEMO.productIds[4] },
      risk: "destructive",
      sandbox: { resource: "products", op: "delete" },
    },
    {
      name: "get_store_config",
      title: "Get store configuration",
      description: "Get the store's configuration: title, cover, currency, widget.",
      method: "GET",
      path: "/v1/stores",
      catalogIds: ["store_config.get"],
      input: z.strictObject({ ...projection, lang }),
      example: {},
      risk: "read",
      sandbox: { resource: "stores", op: "read-singleton" },
    },
    {
      name: "update_store_config",
      title: "Update store configuration",
      description: "Change the store's configuration; a title (max 32) is needed to enable it.",
      method: "PUT",
      path: "/stores",
      catalogIds: ["store_config.update"],
      input: z.strictObject({
        isEnabled: toggle.optional(),
        title: z.string().trim().min(1).max(32).optional(),
        description: html(20000).optional(),
        cover: looseObject("isEnabled, light, dark").optional(),
        currency: looseObject("isEnabled, name, light, dark").optional(),
        widget: looseObject("isEnabled, allowedDomains, accessMode, size, appearance, callToAction ...").optional(),
      }),
      example: { title: "Rewards Store", isEnabled: true },
      risk: "write",
      sandbox: { resource: "stores", op: "update-singleton" },
    },
    {
      name: "update_purchase_history",
      title: "Update purchase history",
      description: "Edit an order's redemption instructions, or its voucher code and expiry (sent together).",
      method: "PATCH",
      path: "/v1/purchase-histories/{purchaseHistoryID}",
      catalogIds: ["purchase_history.update"],
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
      sandbox: { resource: "purchaseHistories", op: "update" },
    },
  ],
};
