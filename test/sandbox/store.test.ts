import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/demo.js";
import { dataOf, sandboxSession } from "../support/helpers.js";

/** Store writes through an MCP client and our server to the sandbox: each shows in the next read. */
describe("store products", () => {
  let session: Awaited<ReturnType<typeof sandboxSession>>;
  beforeAll(async () => {
    session = await sandboxSession();
  });
  afterAll(() => session.close());

  const stocks = async (productID: string) =>
    dataOf<{ stocks: number }>(await session.mcp.call("get_store_product", { productID, fields: "name,stocks" })).stocks;

  it("adds vouchers to a product's stock", async () => {
    const product = DEMO.productIds[1];
    const before = await stocks(product);
    const added = await session.mcp.call("update_store_product_vouchers", {
      productID: product,
      vouchers: ["GOLD-101", "GOLD-102", "GOLD-103"],
      voucherExpireDate: "2027-06-30T00:00:00.000Z",
    });
    expect(dataOf<{ stocks: number }>(added).stocks).toBe(before + 3);
    expect(await stocks(product)).toBe(before + 3);
  });
});
