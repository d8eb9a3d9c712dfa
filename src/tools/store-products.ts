import { z } from "zod";
import { DEMO } from "../demo.js";
import { defineTools } from "../registry/define.js";
import { clearable, httpUrl, isoDateTime, objectId, projection, SANITY_CAP, skipQuery } from "../registry/schemas.js";
import type { ToolSpec } from "../registry/types.js";
import { accessRules, html, lang, userID } from "./store-shared.js";

/** Store products: the product update route takes some twenty settings, so four tools share it. */

const productID = objectId;
const toggle = z.boolean();
const name = z.string().trim().min(1).max(SANITY_CAP);
const price = z.number().min(0);
const description = html(20000);

type Fields = Record<string, z.ZodType>;

const details = {
  name,
  price,
  description,
  image: httpUrl,
  categoryName: z.string().max(SANITY_CAP).describe("category by its name"),
  isArchived: toggle,
};

const redemption = {
  redemptionInstructions: html(10000),
  // The docs type it string|null: null removes the override.
  purchaseStatusOverrideName: z.string().max(SANITY_CAP).nullable(),
  // The docs ask for the whole nested object, so its fields are required once it is sent.
  userInformation: z.strictObject({
    isEnabled: toggle,
    shouldCollectName: toggle,
    shouldCollectPhone: toggle,
    shouldCollectAddress: toggle,
  }),
};

// The docs type both dates string|null, and their example ends a discount with null.
const discount = {
  discountPrice: price,
  isDiscountEnabled: toggle,
  discountStartDate: isoDateTime.nullable(),
  discountEndDate: isoDateTime.nullable(),
};

// The docs: send `vouchers: []` with `voucherExpireDate: ""` when there are none to add.
const vouchers = {
  vouchers: z.array(z.string().min(1).max(512)).max(10000).describe("codes to add to stock"),
  voucherExpireDate: clearable(isoDateTime, 'ISO date-time of the added codes\' expiry; "" with none'),
};

/** Codes added need their expiry, as the docs require it whenever the list is not empty. */
const datedVouchers = (v: { vouchers: string[]; voucherExpireDate: string }) =>
  v.vouchers.length === 0 || v.voucherExpireDate !== "";

const voucherDisplay = {
  shouldPrioritiesExpiringVouchers: toggle,
  shouldDisplayRemainingQuantity: toggle,
  expiringVoucherHighlight: z.strictObject({
    isEnabled: toggle,
    duration: z.number().int().min(0),
    timeframe: z.enum(["minutes", "hours", "days", "weeks", "months"]),
  }),
};

const access = { productPermission: accessRules, isProductAccessEnabled: toggle };

/** One focused tool over the product PUT route. */
const update = <const N extends string>(
  spec: Pick<ToolSpec, "title" | "description" | "example"> & { name: N },
  input: z.ZodObject,
): ToolSpec & { name: N } => ({
  ...spec,
  operation: "store_products.update",
  input,
  risk: "write",
});

const some = (fields: Fields) => z.strictObject({ productID, ...z.strictObject(fields).partial().shape });

export const productTools = defineTools([
  {
    name: "list_store_products",
    operation: "store_products.list",
    title: "List store products",
    description: "List store products; filter by categoryID:<id> or type:<type>.",
    input: z.strictObject({ ...skipQuery, lang, userID }),
    example: { filter: `categoryID:${DEMO.categoryId}`, limit: 5 },
    risk: "read",
    view: {
      says: "name, type, price, discount, stock, category, orders",
      keep: [
        "_id",
        "name",
        "type",
        "price",
        "discountPrice",
        "isDiscountEnabled",
        "stocks",
        "categoryID",
        "totalOrders",
        "isArchived",
      ],
    },
  },
  {
    name: "get_store_product",
    operation: "store_products.get",
    title: "Get store product",
    description: "Get one store product.",
    input: z.strictObject({ productID, ...projection, lang }),
    example: { productID: DEMO.productId, fields: "name,price" },
    risk: "read",
  },
  {
    name: "create_store_product",
    operation: "store_products.create",
    title: "Create store product",
    description: "Create a store product.",
    input: z
      .strictObject({ name, price, description, type: z.string().max(50).describe("e.g. voucher"), categoryID: objectId })
      .partial()
      .required({ name: true, price: true }),
    example: { name: "Hoodie", price: 800, type: "physical", categoryID: DEMO.categoryIds[1] },
    risk: "write",
  },
  update(
    {
      name: "update_store_product",
      title: "Update store product",
      description: "Change a store product's name, price, description, image, category or archive flag.",
      example: { productID: DEMO.productIds[1], price: 275 },
    },
    some(details),
  ),
  update(
    {
      name: "update_store_product_redemption",
      title: "Update store product redemption",
      description: "Set a store product's redemption instructions, status override and buyer details to collect.",
      example: {
        productID: DEMO.productIds[2],
        userInformation: { isEnabled: true, shouldCollectName: true, shouldCollectPhone: false, shouldCollectAddress: true },
      },
    },
    some(redemption),
  ),
  update(
    {
      name: "update_store_product_discount",
      title: "Update store product discount",
      description: "Set or end a store product's discount: price, on/off, dates.",
      example: { productID: DEMO.productId, isDiscountEnabled: true, discountPrice: 80 },
    },
    some(discount),
  ),
  update(
    {
      name: "update_store_product_vouchers",
      title: "Add store product vouchers",
      description: "Add voucher codes, with their expiry, to a product's stock.",
      example: {
        productID: DEMO.productIds[1],
        vouchers: ["GOLD-001", "GOLD-002"],
        voucherExpireDate: "2027-06-30T00:00:00.000Z",
      },
    },
    // Both required here: the docs need an expiry whenever codes are added.
    z
      .strictObject({ productID, ...vouchers })
      .refine(datedVouchers, { path: ["voucherExpireDate"], message: "an ISO date-time is required when vouchers are added" }),
  ),
  update(
    {
      name: "update_store_product_voucher_display",
      title: "Update store product voucher display",
      description: "Choose how a product's vouchers show: expiring first, stock left, expiry highlight.",
      example: {
        productID: DEMO.productId,
        shouldPrioritiesExpiringVouchers: true,
        expiringVoucherHighlight: { isEnabled: true, duration: 7, timeframe: "days" },
      },
    },
    some(voucherDisplay),
  ),
  update(
    {
      name: "update_store_product_access",
      title: "Update store product access",
      description: "Set who may buy a store product, and how often.",
      example: {
        productID: DEMO.productIds[2],
        isProductAccessEnabled: true,
        productPermission: [{ type: "role", permission: { roleNames: ["VIP"] }, accessLevel: "full-access", isEnabled: true }],
      },
    },
    some(access),
  ),
  {
    name: "delete_store_product",
    operation: "store_products.delete",
    title: "Delete store product",
    description: "Delete a store product.",
    input: z.strictObject({ productID }),
    example: { productID: DEMO.productIds[4] },
    risk: "destructive",
  },
]);
