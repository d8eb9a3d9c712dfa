import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_TOOLS, findTool } from "../../src/catalog/index.js";
import { type Sandbox, startSandbox } from "../../src/sandbox/index.js";
import { BOARD, type Connected, connectInMemory, dataOf, textOf } from "../support/helpers.js";

/** The slice end to end: an MCP client, our server, the client, real HTTP, the sandbox. */
describe("tools against the sandbox", () => {
  let sandbox: Sandbox;
  let mcp: Connected;

  beforeAll(async () => {
    sandbox = await startSandbox();
    mcp = await connectInMemory({ baseUrl: sandbox.url, apiKey: sandbox.apiKey, keySource: "sandbox" });
  });
  afterAll(async () => {
    await mcp.close();
    await sandbox.close();
  });

  it("lists the whole slice with explicit safety hints", async () => {
    const { tools } = await mcp.client.listTools();
    // Every registry tool, and the audit trail's reader.
    expect(tools).toHaveLength(ALL_TOOLS.length + 1);
    for (const tool of tools.filter((t) => findTool(t.name))) {
      // readOnlyHint is stated where it is true; left out, it is false (the protocol's default).
      expect(tool.annotations?.readOnlyHint ?? false, tool.name).toBe(findTool(tool.name)?.risk === "read");
      expect(typeof tool.annotations?.destructiveHint, tool.name).toBe("boolean");
    }
    const del = tools.find((t) => t.name === "delete_leaderboard");
    expect(del?.annotations).toMatchObject({ destructiveHint: true });
    expect(del?.inputSchema.properties).toHaveProperty("confirm");
    const list = tools.find((t) => t.name === "list_leaderboards");
    expect(list?.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    expect(list?.inputSchema.properties).not.toHaveProperty("dryRun");
  });

  it("creates, lists, updates and deletes a leaderboard", async () => {
    const created = dataOf<{ _id: string; slug: string }>(
      await mcp.call("create_leaderboard", { ...BOARD, name: "Weekly Quiz", slug: "weekly-quiz" }),
    );
    expect(created.slug).toBe("weekly-quiz");
    expect(created._id).toMatch(/^[a-f0-9]{24}$/);

    const listed = await mcp.call("list_leaderboards", { search: "keyword:weekly", limit: 5 });
    const rows = dataOf<Array<{ _id: string }>>(listed);
    expect(rows.map((r) => r._id)).toContain(created._id);
    expect((listed.structuredContent as { meta: Record<string, unknown> }).meta).toMatchObject({ page: 1, limit: 5 });

    const updated = dataOf<{ name: string }>(
      await mcp.call("update_leaderboard", { leaderboardID: created._id, name: "Weekly Quiz II" }),
    );
    expect(updated.name).toBe("Weekly Quiz II");

    const asked = await mcp.call("delete_leaderboard", { leaderboardID: created._id });
    expect(asked.isError).toBeFalsy();
    const { confirmToken } = asked.structuredContent as { confirmToken: string };
    expect(dataOf<{ _id: string }>(await mcp.call("get_leaderboard", { leaderboardID: created._id }))._id).toBe(created._id);

    const deleted = await mcp.call("delete_leaderboard", { leaderboardID: created._id, confirm: confirmToken });
    expect(dataOf<{ _id: string }>(deleted)._id).toBe(created._id);
    const gone = await mcp.call("get_leaderboard", { leaderboardID: created._id });
    expect(gone.isError).toBe(true);
    expect(textOf(gone)).toMatch(/^Returning\.AI API 404 Not Found: .+\. Check the ids/);
  });

  it("reports a duplicate slug as a 409 the assistant can act on", async () => {
    const args = { ...BOARD, name: "Dup", slug: "dup-slug" };
    expect((await mcp.call("create_leaderboard", args)).isError).toBeFalsy();
    const again = await mcp.call("create_leaderboard", args);
    expect(again.isError).toBe(true);
    expect(again.structuredContent).toBeUndefined();
    expect(textOf(again)).toMatch(/409 Conflict.*duplicate/i);
  });

  it("names the bad field and sends nothing on invalid arguments", async () => {
    const bad = await mcp.call("get_leaderboard", { leaderboardID: "not-an-id" });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toContain("leaderboardID: must be a 24-hex ObjectId");
    const missing = await mcp.call("create_leaderboard", { name: "No slug" });
    expect(textOf(missing)).toMatch(
      /slug: required; rankingField: required; displayedColumns: required; startDate: required; isEnabled: required/,
    );
    const unknown = await mcp.call("list_leaderboards", { pgae: 2 });
    expect(textOf(unknown)).toMatch(/pgae: unknown field/);
    const empty = await mcp.call("update_store_category", { categoryID: "0123456789abcdef01234567" });
    expect(textOf(empty)).toMatch(/nothing to change/);
    const pair = await mcp.call("update_purchase_history", { purchaseHistoryID: "ORD1", voucherCode: "X" });
    expect(textOf(pair)).toMatch(/voucherCode and voucherExpiryDate go together/);
  });

  it("walks the store: categories, products, config and purchase history", async () => {
    const category = dataOf<{ _id: string }>(await mcp.call("create_store_category", { name: "Merch", viewType: "preview" }));
    const product = dataOf<{ _id: string; categoryID: string }>(
      await mcp.call("create_store_product", { name: "Mug", price: 50, type: "physical", categoryID: category._id }),
    );
    expect(product.categoryID).toBe(category._id);
    const page = await mcp.call("list_store_products", { skip: 0, limit: 2 });
    expect(dataOf<unknown[]>(page)).toHaveLength(2);
    expect((page.structuredContent as { meta: Record<string, unknown> }).meta).toMatchObject({ skip: 0, limit: 2 });
    const config = dataOf<{ title: string }>(await mcp.call("update_store_config", { title: "Loot", isEnabled: true }));
    expect(config.title).toBe("Loot");
    expect(dataOf<{ title: string }>(await mcp.call("get_store_config")).title).toBe("Loot");
    const orders = await mcp.call("update_purchase_history", {
      purchaseHistoryID: "ORD202641612055614747",
      voucherCode: "NEW-CODE",
      voucherExpiryDate: "31/12/2027",
    });
    expect(orders.isError).toBeFalsy();
  });

  it("previews a write with dryRun and leaves the data alone", async () => {
    const before = dataOf<unknown[]>(await mcp.call("list_store_categories", { limit: 100 })).length;
    const dry = await mcp.call("create_store_category", { name: "Ghost", dryRun: true });
    expect(dry.isError).toBeFalsy();
    expect(dry.structuredContent).toMatchObject({
      dryRun: true,
      request: { method: "POST", url: `${sandbox.url}/v1/categories`, body: { name: "Ghost" } },
    });
    expect(dataOf<unknown[]>(await mcp.call("list_store_categories", { limit: 100 }))).toHaveLength(before);
  });
});
