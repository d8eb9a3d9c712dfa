import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { encode } from "gpt-tokenizer/encoding/o200k_base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_TOOL_NAME } from "../../src/audit/surface.js";
import { selectReach, selectTools } from "../../src/catalog/filters.js";
import { findTool, TOOLSET_NAMES } from "../../src/catalog/index.js";
import { fullSchema, listTool } from "../../src/catalog/listing.js";
import { parseConfig } from "../../src/config.js";
import { DEMO } from "../../src/demo.js";
import { type Sandbox, startSandbox } from "../../src/sandbox/index.js";
import { type Connected, connectInMemory, dataOf, textOf } from "../support/helpers.js";
import { structureProblems, topLevelProblems } from "../support/schema-rules.js";

type Found = { tools: Array<{ name: string; description: string; inputSchema: unknown }>; matched: number; hint?: string };

/** --discover: the whole registry behind find_tools, describe_tool and call_tool, through an MCP client. */
describe("discovery mode", () => {
  let sandbox: Sandbox;
  let mcp: Connected;

  beforeAll(async () => {
    sandbox = await startSandbox();
    const tools = selectTools({ toolsets: ["all", "legacy"], legacy: true });
    mcp = await connectInMemory({ baseUrl: sandbox.url, apiKey: sandbox.apiKey, keySource: "sandbox", tools, discover: true });
  });
  afterAll(async () => {
    await mcp.close();
    await sandbox.close();
  });

  const find = async (args: Record<string, unknown>) => (await mcp.call("find_tools", args)).structuredContent as Found;

  it("lists three tools, within 1,200 tokens, that strict clients accept", async () => {
    const { tools } = await mcp.client.listTools();
    expect(tools.map((t) => t.name)).toEqual(["find_tools", "describe_tool", "call_tool"]);
    expect(encode(JSON.stringify({ tools })).length).toBeLessThanOrEqual(1200);
    for (const tool of tools) {
      const schema = tool.inputSchema as Record<string, unknown>;
      expect(topLevelProblems(schema), tool.name).toEqual([]);
      expect(structureProblems(schema, "(arguments)", ["(arguments).arguments"]), tool.name).toEqual([]);
    }
    expect(mcp.client.getInstructions()).toMatch(/find_tools/);
  });

  it("finds tools by plain words, with the schema tools/list would show", async () => {
    const found = await find({ query: "archive a store category" });
    expect(found.tools[0]?.name).toBe("update_store_category");
    expect(found.tools[0]?.inputSchema).toEqual(listTool(findTool("update_store_category")!).inputSchema);
    const removal = await find({ query: "remove leaderboard", limit: 1 });
    expect(removal.tools.map((t) => t.name)).toEqual(["delete_leaderboard"]);
    expect(removal.matched).toBeGreaterThan(1);
  });

  it("narrows to a toolset and says so when nothing matches", async () => {
    const keys = await find({ query: "", toolset: "api_keys" });
    expect(keys.tools.map((t) => t.name)).toEqual([
      "list_community_api_keys",
      "create_community_api_key",
      "update_community_api_key",
      "delete_community_api_key",
    ]);
    const none = await find({ query: "quantum teleport" });
    expect(none.tools).toEqual([]);
    expect(none.hint).toBe(`No tool matched. Try other words, or a toolset: ${TOOLSET_NAMES.join(", ")}.`);
    const bad = await mcp.call("find_tools", { query: "x", toolset: "nope" });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toMatch(/^Invalid arguments for find_tools: toolset: /);
  });

  it("describes one tool: full schema, route, risk and an example", async () => {
    const described = (await mcp.call("describe_tool", { name: "delete_leaderboard" })).structuredContent as Record<
      string,
      unknown
    >;
    expect(described).toMatchObject({
      name: "delete_leaderboard",
      toolset: "leaderboards",
      route: { method: "DELETE", path: "/leaderboards/{leaderboardID}", status: "inferred" },
      risk: "destructive",
      needsConfirmation: true,
      dryRun: true,
      example: { leaderboardID: DEMO.leaderboardIds[1] },
    });
    // The full schema keeps the rules tools/list leaves out, such as the id pattern.
    expect(described.inputSchema).toEqual(fullSchema(findTool("delete_leaderboard")!));
    expect(JSON.stringify(described.inputSchema)).toContain("pattern");
    const unknown = await mcp.call("describe_tool", { name: "drop_database" });
    expect(textOf(unknown)).toBe("Unknown tool 'drop_database'. find_tools lists the tools this server reaches.");
  });

  it("runs a gated call only with its confirmation token", async () => {
    const target = DEMO.leaderboardIds[1];
    const asked = await mcp.call("call_tool", { name: "delete_leaderboard", arguments: { leaderboardID: target } });
    const gate = asked.structuredContent as { confirmationRequired: boolean; confirmToken: string; preview: { method: string } };
    expect(gate).toMatchObject({ confirmationRequired: true, preview: { method: "DELETE" } });
    expect(
      dataOf<{ _id: string }>(await mcp.call("call_tool", { name: "get_leaderboard", arguments: { leaderboardID: target } }))._id,
    ).toBe(target);
    const wrong = await mcp.call("call_tool", {
      name: "delete_leaderboard",
      arguments: { leaderboardID: DEMO.leaderboardIds[0], confirm: gate.confirmToken },
    });
    expect(wrong.isError).toBe(true);
    const done = await mcp.call("call_tool", {
      name: "delete_leaderboard",
      arguments: { leaderboardID: target, confirm: gate.confirmToken },
    });
    expect(dataOf<{ _id: string }>(done)._id).toBe(target);
    const gone = await mcp.call("call_tool", { name: "get_leaderboard", arguments: { leaderboardID: target } });
    expect(textOf(gone)).toMatch(/^Returning\.AI API 404 Not Found/);
  });

  it("validates, previews and decodes like a direct call", async () => {
    const bad = await mcp.call("call_tool", { name: "get_leaderboard", arguments: { leaderboardID: "nope" } });
    expect(textOf(bad)).toBe(
      "Invalid arguments for get_leaderboard: leaderboardID: must be a 24-hex ObjectId. Nothing was sent.",
    );
    const dry = await mcp.call("call_tool", {
      name: "create_store_category",
      arguments: JSON.stringify({ name: "Ghost", dryRun: true }),
    });
    expect(dry.structuredContent).toMatchObject({ dryRun: true, request: { method: "POST", body: { name: "Ghost" } } });
    const missing = await mcp.call("call_tool", { arguments: {} });
    expect(textOf(missing)).toBe("Invalid arguments for call_tool: name: required.");
  });
});

describe("discovery mode over a filtered registry", () => {
  it("reaches only the enabled tools, and says call_tool is read-only when they all are", async () => {
    const sandbox = await startSandbox();
    const mcp = await connectInMemory({
      baseUrl: sandbox.url,
      apiKey: sandbox.apiKey,
      keySource: "sandbox",
      tools: selectTools({ toolsets: ["store"], readOnly: true }),
      discover: true,
    });
    try {
      const { tools } = await mcp.client.listTools();
      expect(tools.find((t) => t.name === "call_tool")?.annotations).toMatchObject({
        readOnlyHint: true,
        destructiveHint: false,
      });
      const write = await mcp.call("call_tool", { name: "create_store_category", arguments: { name: "X" } });
      expect(textOf(write)).toBe("Unknown tool 'create_store_category'. find_tools lists the tools this server reaches.");
      const found = (await mcp.call("find_tools", { query: "leaderboard" })).structuredContent as Found;
      expect(found.tools).toEqual([]);
      expect(
        dataOf<unknown[]>(await mcp.call("call_tool", { name: "list_store_categories", arguments: { limit: 2 } })),
      ).toHaveLength(2);
    } finally {
      await mcp.close();
      await sandbox.close();
    }
  });
});

describe("discovery mode from the command line", () => {
  it("is switched on by RETURNING_AI_DISCOVER and reaches the sandbox through call_tool", async () => {
    const client = new Client({ name: "discover-test", version: "1.0.0" });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [new URL("../../dist/cli.js", import.meta.url).pathname, "--sandbox", "--toolsets", "all"],
        env: { PATH: process.env.PATH ?? "", RETURNING_AI_DISCOVER: "1" },
        stderr: "ignore",
      }),
    );
    try {
      expect((await client.listTools()).tools.map((t) => t.name)).toEqual(["find_tools", "describe_tool", "call_tool"]);
      const result = await client.callTool({
        name: "call_tool",
        arguments: { name: "list_store_categories", arguments: { limit: 1 } },
      });
      expect((result.structuredContent as { data: unknown[] }).data).toHaveLength(1);
    } finally {
      await client.close();
    }
  });
});

/** The default configuration as a runtime selects it: default toolsets listed, discovery reaching the rest. */
describe("default reach", () => {
  let sandbox: Sandbox;
  let mcp: Connected;
  beforeAll(async () => {
    sandbox = await startSandbox();
    // The reach a default start selects, from its settings: a refusal names the setting that lifts it.
    const reach = selectReach(parseConfig([], {}).filter);
    mcp = await connectInMemory({ baseUrl: sandbox.url, apiKey: sandbox.apiKey, keySource: "sandbox", reach });
  });
  afterAll(async () => {
    await mcp.close();
    await sandbox.close();
  });

  it("lists the default toolsets and the discovery tools within 6,000 tokens, and says more are reachable", async () => {
    const { tools } = await mcp.client.listTools();
    const discovery = ["find_tools", "describe_tool", "call_tool"];
    expect(tools.map((t) => t.name)).toEqual([...selectTools({}).map((t) => t.name), AUDIT_TOOL_NAME, ...discovery]);
    expect(encode(JSON.stringify({ tools })).length).toBeLessThanOrEqual(6000);
    const more = selectReach({}).reachable.length - selectTools({}).length;
    expect(mcp.client.getInstructions()).toContain(`${more} more tools are reachable than listed: find_tools`);
  });

  it("reaches an unlisted tool through call_tool and by name", async () => {
    const viaDiscovery = await mcp.call("call_tool", { name: "get_store_config" });
    expect(dataOf<{ title: string }>(viaDiscovery).title).toBeTruthy();
    expect(dataOf<{ title: string }>(await mcp.call("get_store_config")).title).toBeTruthy();
  });

  it("refuses a tool the settings keep off with the setting that enables it, directly and through discovery", async () => {
    const way =
      'Tool legacy_list_badges is not enabled on this server: it is a legacy tool: start with --legacy (env RETURNING_AI_LEGACY, or "Legacy tools" in the bundle\'s settings).';
    for (const [name, args] of [
      ["legacy_list_badges", {}],
      ["call_tool", { name: "legacy_list_badges" }],
      ["describe_tool", { name: "legacy_list_badges" }],
    ] as const) {
      const result = await mcp.call(name, args);
      expect(result.isError, name).toBe(true);
      expect(textOf(result), name).toBe(way);
    }
    await expect(mcp.call("drop_database")).rejects.toThrow(/Unknown tool 'drop_database'/);
  });

  it.each([
    ["store config", ["get_store_config"]],
    ["get my store's configuration", ["get_store_config"]],
    // A question that asks for no change ranks the reading tool first, with the one that restocks beside it.
    ["vouchers running out", ["list_store_products", "update_store_product_vouchers"]],
    ["pending orders", ["list_redemption_orders"]],
    ["react to a message", ["react_to_message"]],
    ["rotate api key", ["create_user_api_key", "create_community_api_key", "delete_community_api_key"]],
  ])("find_tools ranks %j by name and description", async (query, expected) => {
    const found = (await mcp.call("find_tools", { query, limit: 5 })).structuredContent as Found;
    const names = found.tools.map((t) => t.name);
    expect(names[0]).toBe(expected[0]);
    expect(names).toEqual(expect.arrayContaining(expected));
  });
});
