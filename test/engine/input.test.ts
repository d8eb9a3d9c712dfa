import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { ALL_TOOLS } from "../../src/catalog/index.js";
import { MAX_ERROR_CHARS } from "../../src/util/tool-error.js";
import { type Connected, connectInMemory, recordingApi, textOf } from "../support/helpers.js";

const ID = "0123456789abcdef01234567";
const KEY = "rk_test_input_checks_0001";

describe("argument checks", () => {
  let api: Awaited<ReturnType<typeof recordingApi>>;
  let mcp: Connected;

  beforeAll(async () => {
    api = await recordingApi();
    mcp = await connectInMemory({ baseUrl: api.url, apiKey: KEY });
  });
  afterEach(() => {
    // Emptied on the way, so that one test that sent something does not fail every later one.
    expect(api.requests.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await mcp.close();
    await api.close();
  });

  /** Calls a tool expecting an error result (never a protocol error) and returns its text. */
  const refused = async (name: string, args: Record<string, unknown>) => {
    const result = await mcp.call(name, args);
    expect(result.isError, JSON.stringify(result).slice(0, 300)).toBe(true);
    return textOf(result);
  };

  it("names the full path of a nested unknown field", async () => {
    const text = await refused("update_leaderboard_widget", { leaderboardID: ID, widget: { enabled: true, foo: 1 } });
    expect(text).toBe("Invalid arguments for update_leaderboard_widget: widget.foo: unknown field. Nothing was sent.");
    const deeper = await refused("update_leaderboard_widget", { leaderboardID: ID, widget: { size: { type: "s", bar: 2 } } });
    expect(deeper).toMatch(/widget\.size\.bar: unknown field/);
  });

  it("refuses text that is not valid Unicode, naming the field", async () => {
    expect(await refused("list_leaderboards", { search: "keyword:\ud800" })).toBe(
      "Invalid arguments for list_leaderboards: search: must be valid Unicode text (it holds a lone surrogate). Nothing was sent.",
    );
    expect(await refused("create_store_category", { name: "ok", description: "x\udc00y" })).toMatch(
      /^Invalid arguments for create_store_category: description: must be valid Unicode/,
    );
    expect(await refused("list_store_products", { "\ud801": 1 })).toMatch(/"\\ud801": field names must be valid Unicode/);
  });

  it("refuses nesting deeper than any tool takes", async () => {
    let deep: Record<string, unknown> = { end: true };
    for (let i = 0; i < 5_000; i++) deep = { d: deep };
    expect(await refused("update_leaderboard_widget", { leaderboardID: ID, widget: deep })).toMatch(
      /^Invalid arguments for update_leaderboard_widget: widget(\.d)+: nested deeper than 32 levels\. Nothing was sent\.$/,
    );
  });

  // JSON.parse, like a transport reading a line, keeps `__proto__` as an own field; an object literal would not.
  it.each([
    ['{"leaderboardID":"0123456789abcdef01234567","name":"x","__proto__":{"dryRun":true}}', "__proto__"],
    ['{"leaderboardID":"0123456789abcdef01234567","name":"x","constructor":{"dryRun":true}}', "constructor"],
    ['{"leaderboardID":"0123456789abcdef01234567","widget":{"enabled":true,"prototype":1}}', "widget.prototype"],
  ])("refuses a reserved field name, whatever the schema would do with it: %s", async (raw, path) => {
    const name = path.split(".").pop();
    const tool = path.includes(".") ? "update_leaderboard_widget" : "update_leaderboard";
    expect(await refused(tool, JSON.parse(raw))).toBe(
      `Invalid arguments for ${tool}: ${path}: "${name}" is not accepted as a field name (__proto__, constructor and prototype are reserved); remove it. Nothing was sent.`,
    );
  });

  it("refuses a reserved field name inside an argument sent as JSON text", async () => {
    const columns = '[{"column":"user","visible":true,"order":0,"__proto__":{"x":1}}]';
    expect(await refused("update_leaderboard_columns", { leaderboardID: ID, displayedColumns: columns })).toMatch(
      /^Invalid arguments for update_leaderboard_columns: displayedColumns\.0\.__proto__: "__proto__" is not accepted/,
    );
  });

  it.each([
    ["list_leaderboards", { sort: `${"a".repeat(1_000_000)}:asc` }, /^Invalid arguments for list_leaderboards: sort: Too big/],
    ["list_leaderboards", { sort: "name" }, /sort: must be field:asc or field:desc/],
    ["list_leaderboards", { sort: "name:up" }, /sort: must be field:asc or field:desc/],
    ["list_leaderboards", { fields: "name;rm -rf" }, /fields: must be comma-separated field names/],
    ["list_leaderboards", { fields: "name,,slug" }, /fields: must be comma-separated field names/],
    ["list_leaderboards", { search: "premium" }, /search: must be keyword:<text>/],
    ["list_store_products", { filter: "type" }, /filter: must be field:value/],
    ["list_store_products", { filter: "type:voucher\nx" }, /filter: must be field:value/],
  ])("checks %s %# against the documented format", async (name, args, message) => {
    expect(await refused(name, args)).toMatch(message);
  });

  it.each([
    "javascript:alert(1)",
    "file:///etc/passwd",
    "data:text/html,<script>alert(1)</script>",
    "ftp://files.example.com/a.png",
  ])("refuses the URL %s", async (url) => {
    expect(await refused("create_store_category", { name: "x", coverImage: url })).toMatch(
      /coverImage: must be an http\(s\) URL/,
    );
    expect(
      await refused("update_leaderboard_widget", { leaderboardID: ID, widget: { button: { enabled: true, link: url } } }),
    ).toMatch(/widget\.button\.link: must be an http\(s\) URL/);
  });

  it("caps error texts", async () => {
    const text = await refused("list_leaderboards", { ["k".repeat(1_000_000)]: 1, sort: "x".repeat(5_000) });
    expect(text.length).toBeLessThanOrEqual(MAX_ERROR_CHARS);
    expect(text).toMatch(/^Invalid arguments for list_leaderboards: /);
  });
});

/** Every URL format in every tool's schema, found by walking the zod definitions. */
function urlChecks(schema: z.ZodType, path: string, found: Array<{ path: string; protocol?: RegExp }>): void {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  if (def.format === "url") found.push({ path, protocol: def.protocol as RegExp | undefined });
  for (const check of (def.checks as Array<{ _zod: { def: Record<string, unknown> } }> | undefined) ?? []) {
    if (check._zod.def.format === "url") found.push({ path, protocol: check._zod.def.protocol as RegExp | undefined });
  }
  const shape = def.shape as Record<string, z.ZodType> | undefined;
  for (const [name, child] of Object.entries(shape ?? {})) urlChecks(child, `${path}.${name}`, found);
  for (const key of ["innerType", "element", "in", "out", "valueType"]) {
    if (def[key]) urlChecks(def[key] as z.ZodType, path, found);
  }
  for (const option of (def.options as z.ZodType[] | undefined) ?? []) urlChecks(option, path, found);
}

describe("URL fields", () => {
  it("take http(s) only, in every tool", () => {
    const found: Array<{ path: string; protocol?: RegExp }> = [];
    for (const tool of ALL_TOOLS) urlChecks(tool.input, tool.name, found);
    expect(found.length).toBeGreaterThan(0);
    for (const { path, protocol } of found) {
      expect(protocol, path).toBeDefined();
      expect(
        ["https", "http"].every((p) => protocol?.test(p)),
        path,
      ).toBe(true);
      expect(
        ["javascript", "file", "data", "ftp"].some((p) => protocol?.test(p)),
        path,
      ).toBe(false);
    }
  });
});
