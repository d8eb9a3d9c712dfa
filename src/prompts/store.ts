import type { PromptArgs, PromptDef } from "./types.js";
import { WHOLE_NUMBER } from "./values.js";

const restocking = (args: PromptArgs) => args.action === "restock";
const threshold = (args: PromptArgs) => args.below ?? "10";

export const restockOrRepriceStore: PromptDef = {
  name: "restock_or_reprice_store",
  title: "Restock or reprice the store",
  description: "Find store products that run low or need a new price, and update them once you approve the list.",
  arguments: [
    {
      name: "action",
      description: "restock (add voucher codes) or reprice",
      required: true,
      values: () => ["restock", "reprice"],
      closed: true,
    },
    { name: "category", description: "Only this store category, by name (default: every category)" },
    { name: "below", description: "Restock products with fewer than this many in stock (default 10)", pattern: WHOLE_NUMBER },
    { name: "change", description: "Reprice: the change, e.g. -10% or +50 (default: ask me per product)" },
  ],
  intro: (args) =>
    restocking(args)
      ? `Restock my store${args.category ? `'s "${args.category}" category` : ""}: find products with fewer than ${threshold(args)} ` +
        "in stock and add voucher codes that I will give you."
      : `Reprice my store${args.category ? `'s "${args.category}" category` : ""}` +
        `${args.change ? ` by ${args.change}` : ""}. Prices are in the store's own currency; round to whole units.`,
  steps: [
    {
      tools: ["list_store_categories"],
      optional: true,
      when: (args) => Boolean(args.category),
      text: (args) => `Find the category named "${args.category}" and use its id as the filter categoryID:<id> below.`,
    },
    {
      tools: ["list_store_products"],
      text: (args) =>
        `List the products page by page (skip/limit) and leave out archived ones. ${
          restocking(args)
            ? `Keep those with stocks below ${threshold(args)}, voucher products first.`
            : "Show each product's price, discount price and total orders."
        } Show me the list as a table and wait for my go-ahead.`,
    },
    {
      // Codes go through the vouchers tool: update_store_product takes no vouchers.
      tools: ["update_store_product_vouchers"],
      when: restocking,
      text: () =>
        "For each product I approve, ask me for its new voucher codes and their expiry, then add them (vouchers with " +
        "voucherExpireDate); its stocks grows by the codes added. Physical products take no codes: list them for me to " +
        "restock by hand.",
    },
    {
      tools: ["update_store_product", "update_store_product_discount"],
      when: (args) => !restocking(args),
      text: () =>
        "For each product I approve, send the new price with update_store_product, or for a time-limited offer " +
        "discountPrice with isDiscountEnabled and its dates with update_store_product_discount. Never set a price below zero.",
    },
    {
      tools: ["update_store_products_from_csv"],
      optional: true,
      text: () =>
        "When more than 20 products change, offer one bulk CSV update instead of one call per product, and show me the CSV first.",
    },
  ],
};
