import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { selectTools } from "../../src/catalog/filters.js";
import { DEMO } from "../../src/demo.js";
import type { ToolDef } from "../../src/registry/types.js";
import { type Connected, connectInMemory, recordingApi, textOf } from "../support/helpers.js";

/** Legacy tools are listed only when asked for, and every call of one waits for a confirmation. */

const LEGACY = selectTools({ toolsets: ["legacy"], legacy: true });
const names = (tools: readonly ToolDef[]) => tools.map((t) => t.name);

const CREDENTIALS = { apiKey: "rk_test_legacy_api", systemKey: "rk_test_legacy_system" };

describe("legacy tools: which are listed", () => {
  it("covers the whole Legacy section, every tool legacy and gated", () => {
    expect(LEGACY).toHaveLength(28);
    expect(new Set(LEGACY.flatMap((t) => t.catalogIds)).size).toBe(28);
    for (const tool of LEGACY) {
      expect(tool.legacy, tool.name).toBe(true);
      expect(tool.name.startsWith("legacy_"), tool.name).toBe(true);
      expect(tool.description, tool.name).toMatch(/Legacy route(: prefer [a-z_]+|, may be retired)\.$/);
    }
  });

  it("lists none without --legacy, and refuses to enable them by name", async () => {
    const mcp = await connectInMemory({ baseUrl: "http://127.0.0.1:9", apiKey: "k", tools: selectTools({}) });
    const { tools } = await mcp.client.listTools();
    await mcp.close();
    expect(tools.length).toBeGreaterThan(0);
    expect(tools.filter((t) => t.name.startsWith("legacy_"))).toEqual([]);
    expect(() => selectTools({ toolsets: ["legacy"] })).toThrow(/add --legacy/);
    expect(() => selectTools({ tools: ["legacy_list_badges"] })).toThrow(/add --legacy/);
  });

  it("lists only the legacy reads with --read-only --legacy, and still asks before reading", async () => {
    const api = await recordingApi();
    const readOnly = selectTools({ toolsets: ["legacy"], legacy: true, readOnly: true });
    const mcp = await connectInMemory({ baseUrl: api.url, credentials: CREDENTIALS, tools: readOnly });
    try {
      const { tools } = await mcp.client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual([
        "legacy_list_badges",
        "legacy_list_integration_api_keys",
        "legacy_list_server_roles",
        "legacy_list_servers",
        "legacy_list_user_roles",
        "list_recent_changes",
      ]);
      for (const tool of tools.filter((t) => t.name.startsWith("legacy_")))
        expect(tool.inputSchema.properties, tool.name).toHaveProperty("confirm");
      const asked = await mcp.call("legacy_list_badges");
      expect(asked.structuredContent).toMatchObject({ confirmationRequired: true });
      expect(api.requests).toHaveLength(0);
      await expect(mcp.call("legacy_delete_badge", { id: DEMO.badgeId })).rejects.toThrow(/Unknown tool 'legacy_delete_badge'/);
    } finally {
      await mcp.close();
      await api.close();
    }
  });
});

describe("legacy tools: the gate, request by request", () => {
  let api: Awaited<ReturnType<typeof recordingApi>>;
  let mcp: Connected;
  beforeAll(async () => {
    api = await recordingApi();
    mcp = await connectInMemory({ baseUrl: api.url, credentials: CREDENTIALS, tools: LEGACY });
  });
  afterEach(() => {
    api.requests.length = 0;
  });
  afterAll(async () => {
    await mcp.close();
    await api.close();
  });

  it.each(names(LEGACY))("%s sends nothing before confirmation and exactly one request after", async (name) => {
    const tool = LEGACY.find((t) => t.name === name) as ToolDef;
    const asked = await mcp.call(name, tool.example);
    expect(asked.structuredContent, textOf(asked)).toMatchObject({ confirmationRequired: true });
    expect(api.requests).toHaveLength(0);
    const { confirmToken } = asked.structuredContent as { confirmToken: string };
    const sent = await mcp.call(name, { ...tool.example, confirm: confirmToken });
    expect(sent.isError, textOf(sent)).toBeFalsy();
    // Its path and body are held in the wire snapshot (wire.test.ts); here: one request, by its method.
    expect(api.requests.map((r) => r.method)).toEqual([tool.method]);
    const expected: Record<string, string | undefined> =
      tool.auth === "system"
        ? { "x-api-key": CREDENTIALS.systemKey }
        : tool.auth === "none"
          ? { authorization: undefined, "x-api-key": undefined }
          : { authorization: `Bearer ${CREDENTIALS.apiKey}` };
    for (const [header, value] of Object.entries(expected)) expect(api.requests[0]?.headers[header]).toBe(value);
  });
});
