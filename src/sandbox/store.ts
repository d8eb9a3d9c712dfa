import { store } from "../tools/store.js";
import { crud, type SandboxResource, sandboxFor } from "./engine/bind.js";

/** The rewards store: one toolset over src/tools/store*.ts, so one sandbox file. */

const categories: SandboxResource = {
  name: "categories",
  noun: "category",
  plural: "categories",
  pagination: "skip",
  searchFields: ["name"],
};

const products: SandboxResource = {
  name: "products",
  noun: "product",
  plural: "products",
  pagination: "skip",
  searchFields: ["name", "type"],
  // Added voucher codes are stock: the store shows `stocks` as what is left to redeem.
  countInto: { vouchers: "stocks" },
};

const stores: SandboxResource = { name: "stores", noun: "store config", plural: "store configs", singleton: true };

const purchaseHistories: SandboxResource = {
  name: "purchaseHistories",
  noun: "purchase history",
  plural: "purchase histories",
  altIds: ["orderID"],
};

const updateProduct = crud(products, "update");
const updateConfig = crud(stores, "update-singleton");

export const storeSandbox = sandboxFor(store, {
  list_store_categories: crud(categories, "list"),
  get_store_category: crud(categories, "get"),
  create_store_category: crud(categories, "create"),
  update_store_category: crud(categories, "update"),
  update_store_category_access: crud(categories, "update"),
  delete_store_category: crud(categories, "delete"),
  list_store_products: crud(products, "list"),
  get_store_product: crud(products, "get"),
  create_store_product: crud(products, "create"),
  update_store_product: updateProduct,
  update_store_product_redemption: updateProduct,
  update_store_product_discount: updateProduct,
  update_store_product_vouchers: updateProduct,
  update_store_product_voucher_display: updateProduct,
  update_store_product_access: updateProduct,
  delete_store_product: crud(products, "delete"),
  get_store_config: crud(stores, "read-singleton"),
  update_store_config: updateConfig,
  update_store_cover: updateConfig,
  update_store_currency: updateConfig,
  update_store_widget: updateConfig,
  update_purchase_history: crud(purchaseHistories, "update"),
});
