import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/demo.js";
import { BOARD, type Connected, dataOf, sandboxSession, textOf } from "../support/helpers.js";

/** Clients that send nested arguments as JSON text, through an MCP client against the sandbox. */
describe("arguments sent as JSON text", () => {
  let mcp: Connected;
  let close: () => Promise<void>;

  beforeAll(async () => ({ mcp, close } = await sandboxSession()));
  afterAll(() => close());

  it("decodes an array sent as text where the schema wants an array", async () => {
    const columns = [
      { column: "user", visible: true, order: 0 },
      { column: "xps", visible: false, order: 1 },
    ];
    const created = dataOf<{ _id: string; displayedColumns: unknown }>(
      await mcp.call("create_leaderboard", {
        ...BOARD,
        name: "Text Columns",
        slug: "text-columns",
        displayedColumns: JSON.stringify(columns),
      }),
    );
    expect(created.displayedColumns).toEqual(columns);
  });

  it("decodes nested text inside a decoded object", async () => {
    const widget = JSON.stringify({ isEnabled: true, allowedDomains: '["a.example", "b.example"]', size: '{"width": 300}' });
    expect((await mcp.call("update_store_widget", { widget })).isError).toBeFalsy();
    const config = dataOf<{ widget: Record<string, unknown> }>(await mcp.call("get_store_config"));
    expect(config.widget).toEqual({ isEnabled: true, allowedDomains: ["a.example", "b.example"], size: { width: 300 } });
  });

  it("leaves text alone where the schema wants text", async () => {
    const description = '{"not": "an object"}';
    const updated = dataOf<{ description: string }>(
      await mcp.call("update_leaderboard", { leaderboardID: DEMO.leaderboardId, description }),
    );
    expect(updated.description).toBe(description);
  });

  it("names the field when the text is not JSON of the expected kind, and sends nothing", async () => {
    const before = dataOf<unknown[]>(await mcp.call("list_leaderboards", { limit: 100 })).length;
    const broken = await mcp.call("create_leaderboard", { ...BOARD, name: "Broken", slug: "broken", displayedColumns: "[{" });
    expect(broken.isError).toBe(true);
    expect(textOf(broken)).toMatch(
      /^Invalid arguments for create_leaderboard: displayedColumns: expected array, received string/,
    );
    const object = await mcp.call("create_leaderboard", { ...BOARD, name: "Obj", slug: "obj", displayedColumns: '{"a":1}' });
    expect(textOf(object)).toMatch(/displayedColumns: expected array, received string/);
    expect(dataOf<unknown[]>(await mcp.call("list_leaderboards", { limit: 100 }))).toHaveLength(before);
  });
});
