import type { ProductCsvColumn } from "../tools/bulk.js";
import type { Handler } from "./engine/bind.js";
import { SandboxError } from "./engine/envelope.js";
import { setField } from "./engine/listing.js";
import { ofCommunity } from "./engine/members.js";
import type { Rec } from "./engine/store.js";
import { readUpload } from "./engine/upload.js";

/**
 * PUT /v1/products/bulk with a CSV (dev.returning.ai/api-37690410): non-blank cells change the
 * product of their row; a row without a Product ID adds a permission entry to the product above.
 * The whole file is checked before any product changes. Field names follow the product's JSON.
 */

type Kind = "text" | "number" | "boolean" | "date" | "list";

/** Where each column goes: on the product, or (`permission: true`) on the row's permission entry. */
const COLUMNS: Record<Exclude<ProductCsvColumn, "Product ID">, { path: string; kind: Kind; permission?: true }> = {
  Name: { path: "name", kind: "text" },
  Description: { path: "description", kind: "text" },
  Image: { path: "image", kind: "text" },
  Price: { path: "price", kind: "number" },
  "Category Name": { path: "categoryName", kind: "text" },
  "Discount Enabled": { path: "isDiscountEnabled", kind: "boolean" },
  "Discount Price": { path: "discountPrice", kind: "number" },
  "Discount Start Date": { path: "discountStartDate", kind: "date" },
  "Discount End Date": { path: "discountEndDate", kind: "date" },
  "User Information Enabled": { path: "userInformation.isEnabled", kind: "boolean" },
  "Collect Name": { path: "userInformation.shouldCollectName", kind: "boolean" },
  "Collect Phone": { path: "userInformation.shouldCollectPhone", kind: "boolean" },
  "Collect Address": { path: "userInformation.shouldCollectAddress", kind: "boolean" },
  "Prioritize Expiring Vouchers": { path: "shouldPrioritiesExpiringVouchers", kind: "boolean" },
  "Display Remaining Quantity": { path: "shouldDisplayRemainingQuantity", kind: "boolean" },
  "Expiring Highlight Enabled": { path: "expiringVoucherHighlight.isEnabled", kind: "boolean" },
  "Expiring Highlight Duration": { path: "expiringVoucherHighlight.duration", kind: "number" },
  "Expiring Highlight Timeframe": { path: "expiringVoucherHighlight.timeframe", kind: "text" },
  Archived: { path: "isArchived", kind: "boolean" },
  "Redemption Instructions": { path: "redemptionInstructions", kind: "text" },
  "Product Access Enabled": { path: "isProductAccessEnabled", kind: "boolean" },
  "Purchase Status Override Name": { path: "purchaseStatusOverrideName", kind: "text" },
  Vouchers: { path: "vouchers", kind: "list" },
  "Voucher Expire Date": { path: "voucherExpireDate", kind: "date" },
  "Permission Enabled": { path: "isEnabled", kind: "boolean", permission: true },
  "Permission Type": { path: "type", kind: "text", permission: true },
  Roles: { path: "permission.roleNames", kind: "list", permission: true },
  Tags: { path: "permission.tagNames", kind: "list", permission: true },
  Users: { path: "permission.usernames", kind: "list", permission: true },
  "Combination Type": { path: "permission.combination.type", kind: "text", permission: true },
  "Combination Values": { path: "permission.combination.values", kind: "list", permission: true },
  "Special Price": { path: "purchaseAccess.specialPrice", kind: "number", permission: true },
  "Special Price Enabled": { path: "purchaseAccess.isSpecialPriceEnabled", kind: "boolean", permission: true },
  "Purchase Limit Enabled": { path: "purchaseLimit.isPurchaseLimitEnabled", kind: "boolean", permission: true },
  "Purchase Limit Quantity": { path: "purchaseLimit.quantity", kind: "number", permission: true },
  "Purchase Limit Interval Count": { path: "purchaseLimit.intervalCount", kind: "number", permission: true },
  "Purchase Limit Interval Unit": { path: "purchaseLimit.intervalUnit", kind: "text", permission: true },
  "Access Level": { path: "accessLevel", kind: "text", permission: true },
  "Exclusive Tag Enabled": { path: "isExclusiveTagEnabled", kind: "boolean", permission: true },
};

const BOOLEANS: Readonly<Record<string, boolean>> = { true: true, yes: true, "1": true, false: false, no: false, "0": false };

function convert(value: string, kind: Kind, where: string): unknown {
  switch (kind) {
    case "text":
      return value;
    case "number": {
      const n = Number(value);
      if (!Number.isFinite(n)) throw new SandboxError(400, `${where}: not a number`);
      return n;
    }
    case "boolean": {
      const b = BOOLEANS[value.toLowerCase()];
      if (b === undefined) throw new SandboxError(400, `${where}: expected true or false`);
      return b;
    }
    case "date": {
      const t = Date.parse(value);
      if (Number.isNaN(t)) throw new SandboxError(400, `${where}: not a date`);
      return new Date(t).toISOString();
    }
    case "list":
      return value
        .split(/[,;\n]/)
        .map((v) => v.trim())
        .filter(Boolean);
  }
}

interface Pending {
  product: Rec;
  changes: Record<string, unknown>;
  permissions: Record<string, unknown>[];
  row: number;
}

/** Bulk Update Products: rows apply at once (no job), a product per block of rows. */
export const updateProductsFromCsv: Handler<unknown> = (input) => {
  const { store, communityId } = input;
  const table = readUpload(input);
  const products = ofCommunity(store, "products", communityId);
  const categories = ofCommunity(store, "categories", communityId);
  const pending: Pending[] = [];
  table.rows.forEach((row, i) => {
    const rowNumber = i + 2;
    const id = (row[table.columns.indexOf("Product ID")] ?? "").trim();
    let current = pending.at(-1);
    if (id) {
      const product = products.find((p) => p._id === id);
      if (!product) throw new SandboxError(404, `row ${rowNumber}: product ${id.slice(0, 40)} not found`);
      current = { product, changes: {}, permissions: [], row: rowNumber };
      pending.push(current);
    } else if (!current) throw new SandboxError(400, `row ${rowNumber}: the first row needs a Product ID`);
    const permission: Record<string, unknown> = {};
    table.columns.forEach((column, c) => {
      const value = (row[c] ?? "").trim();
      const spec = COLUMNS[column as keyof typeof COLUMNS];
      if (!value || !spec) return;
      if (!id && !spec.permission) {
        throw new SandboxError(
          400,
          `row ${rowNumber}: a row without Product ID only adds a permission entry, so "${column}" must be blank`,
        );
      }
      setField(
        spec.permission ? permission : (current as Pending).changes,
        spec.path,
        convert(value, spec.kind, `row ${rowNumber}, column "${column}"`),
      );
    });
    if (Object.keys(permission).length) current?.permissions.push(permission);
  });
  const updated = pending.map(({ product, changes, permissions, row }) => {
    const { vouchers, voucherExpireDate, categoryName, ...fields } = changes;
    const codes = (vouchers as string[] | undefined) ?? [];
    if (codes.length && !voucherExpireDate)
      throw new SandboxError(400, `row ${row}: Voucher Expire Date is required with Vouchers`);
    const category = categoryName === undefined ? undefined : categories.find((c) => c.name === categoryName);
    if (categoryName !== undefined && !category)
      throw new SandboxError(404, `row ${row}: category "${String(categoryName).slice(0, 80)}" not found`);
    // Nested settings replace the stored ones as a whole, as the docs ask callers to send them complete.
    const entries = permissions.map((p) => {
      const combination = (p.permission as Record<string, unknown> | undefined)?.combination;
      return combination ? { ...p, permission: { ...(p.permission as object), combination: [combination] } } : p;
    });
    return {
      ...product,
      ...fields,
      ...(category ? { categoryID: category._id } : {}),
      ...(entries.length ? { productPermission: entries } : {}),
      stocks: (product.stocks as number) + codes.length,
    };
  });
  // Written only once every row has passed: a bad row leaves every product as it was.
  const all = store.collection("products");
  const now = store.now();
  const data = updated.map((next) => {
    const record = { ...next, updatedAt: now } as Rec;
    all[all.findIndex((p) => p._id === record._id)] = record;
    return record;
  });
  return { statusCode: 200, message: "Update products success.", data, meta: { updated: data.length } };
};
