import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { declareTool, scriptedApi, textOf } from "../support/helpers.js";

const KEY = "rk_live_7f3c9a1b5d2e8f4a6c0b9d7e";
const ID = "0123456789abcdef01234567";

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

describe("tool results", () => {
  const api = scriptedApi({ apiKey: KEY });
  const connect = (maxOutputChars?: number) => api.connect({ maxOutputChars });

  it("never shows the API key, even when the API echoes it", async () => {
    api.respond = (req, res) =>
      req.method === "GET" && req.url.startsWith("/leaderboards/")
        ? json(res, 401, { meta: { status: "error", statusCode: 401 }, message: `Invalid API key ${req.headers.authorization}` })
        : json(res, 200, {
            meta: { status: "success", statusCode: 200 },
            message: "ok",
            data: [{ _id: ID, name: "Zapier", key: "8f3e4d5c6b7a9e2f1a4b7c8d5e9f2a6b", echo: String(req.headers.authorization) }],
          });
    const mcp = await connect();
    const outputs = [
      await mcp.call("get_leaderboard", { leaderboardID: ID }),
      await mcp.call("list_community_api_keys", { communityId: ID }),
      await mcp.call("create_community_api_key", { communityId: ID, name: "n", permissions: ["sendMessage"], dryRun: true }),
      await mcp.call("delete_community_api_key", { communityId: ID, apiKeyId: ID }),
    ];
    expect(api.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    for (const result of outputs) {
      const everything = JSON.stringify(result);
      expect(everything).not.toContain(KEY);
      expect(everything).not.toContain("8f3e4d5c6b7a9e2f1a4b7c8d5e9f2a6b");
    }
    expect(textOf(outputs[0]!)).toMatch(
      /^Returning\.AI API 401 Unauthorized: Invalid API key Bearer \[redacted\]\. Check RETURNING_AI_API_KEY\.$/,
    );
    expect(outputs[1]!.structuredContent).toMatchObject({ data: [{ key: "****2a6b", echo: "Bearer [redacted]" }] });
  });

  it("redacts a deep secret field or an echoed key on its own, and passes clean answers through whole", async () => {
    let deep: Record<string, unknown> = { n: 1 };
    for (let i = 0; i < 70; i++) deep = { d: deep };
    const answers = [
      { _id: ID, hooks: [{ name: "a", settings: { webhookKey: "whk_0a1b2c3d4e5f6a7b8c9d" } }] },
      { _id: ID, note: `seen key ${KEY} in a log` },
      { _id: ID, name: "plain", keys: 3, token_count: 7, nested: { description: 'say "key":"x"' } },
      { _id: ID, grants: [{ name: "ci", key: "kq7Zr2Lw9Xb4Tn6Vp1Hs", permissions: ["read"] }], "api_key\n": "abcdefghijklmnop" },
      deep,
    ];
    let next = 0;
    api.respond = (_req, res) =>
      json(res, 200, { meta: { status: "success", statusCode: 200 }, message: "ok", data: answers[next++] });
    const mcp = await connect();
    const [field, echoed, clean, ruled, deepest] = [
      await mcp.call("get_leaderboard", { leaderboardID: ID }),
      await mcp.call("get_leaderboard", { leaderboardID: ID }),
      await mcp.call("get_leaderboard", { leaderboardID: ID }),
      await mcp.call("get_leaderboard", { leaderboardID: ID }),
      await mcp.call("get_leaderboard", { leaderboardID: ID }),
    ];
    expect(field.structuredContent).toEqual({ data: { _id: ID, hooks: [{ name: "a", settings: { webhookKey: "****8c9d" } }] } });
    expect(textOf(field)).not.toContain("whk_0a1b2c3d4e5f6a7b8c9d");
    expect(echoed.structuredContent).toEqual({ data: { _id: ID, note: "seen key [redacted] in a log" } });
    expect(textOf(echoed)).not.toContain(KEY);
    expect(clean.structuredContent).toEqual({ data: answers[2] });
    expect(JSON.parse(textOf(clean))).toEqual({ data: answers[2] });
    // A key is a secret in an API-key record (beside permissions); a name is normalised once unescaped.
    expect(ruled.structuredContent).toEqual({
      data: { _id: ID, grants: [{ name: "ci", key: "****p1Hs", permissions: ["read"] }], "api_key\n": "****mnop" },
    });
    // Deeper than the redactor walks: cut there, as before.
    expect(JSON.stringify(deepest.structuredContent)).toContain('"[redacted]"');
  });

  it("keeps a secret passed as an argument out of previews and echoed errors", async () => {
    const SECRET = "whsec_0123456789abcdefghij";
    // A table entry like the webhook tools to come: a tool is data, so a test can declare one.
    const rotate = declareTool({
      name: "update_webhook_secret",
      title: "Rotate webhook secret",
      toolset: "api_keys",
      method: "PUT",
      path: "/webhooks/{webhookId}",
      input: z.strictObject({ webhookId: z.string(), secret: z.string() }),
      risk: "write",
    });
    api.respond = (req, res) => json(res, 400, { status: "error", message: `Rejected body ${req.body}` });
    const mcp = await api.connect({ tools: [rotate] });
    const dry = await mcp.call("update_webhook_secret", { webhookId: "w1", secret: SECRET, dryRun: true });
    const sent = await mcp.call("update_webhook_secret", { webhookId: "w1", secret: SECRET });
    expect(api.requests[0]?.body).toContain(SECRET);
    expect(textOf(sent)).toMatch(/^Returning\.AI API 400 Bad Request: Rejected body \{"secret":"\[redacted\]"\}/);
    for (const result of [dry, sent]) expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it("keeps whole list items when cutting an oversized answer", async () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ _id: ID, name: `Board ${i}`, description: "x".repeat(80) }));
    api.respond = (_req, res) =>
      json(res, 200, {
        meta: { status: "success", statusCode: 200, page: 1, limit: 200, total: 900 },
        message: "ok",
        data: rows,
      });
    const mcp = await connect(2_000);
    const result = await mcp.call("list_leaderboards", {});
    const text = textOf(result);
    expect(text.length).toBeLessThanOrEqual(2_000);
    const parsed = JSON.parse(text) as {
      data: unknown[];
      meta: { total: number; truncated: { returned: number; of: number; hint: string } };
    };
    expect(parsed.data.length).toBe(parsed.meta.truncated.returned);
    expect(parsed.meta.truncated.of).toBe(200);
    expect(parsed.meta.total).toBe(900);
    expect(parsed.meta.truncated.hint).toMatch(/limit.*page/);
    expect(result.structuredContent).toEqual(parsed);
  });

  it("cuts one oversized object as text with a marker", async () => {
    api.respond = (_req, res) =>
      json(res, 200, {
        meta: { status: "success", statusCode: 200 },
        message: "ok",
        data: { _id: ID, description: "y".repeat(5_000) },
      });
    const mcp = await connect(1_000);
    const result = await mcp.call("get_leaderboard", { leaderboardID: ID });
    const text = textOf(result);
    expect(text.length).toBeLessThanOrEqual(1_000);
    expect(text).toMatch(/…\[truncated: \d+ chars in all; narrow the query/);
    expect(result.structuredContent).toBeUndefined();
  });

  it("turns a proxy's HTML error page into one readable error", async () => {
    api.respond = (_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>");
    };
    const mcp = await connect();
    const result = await mcp.call("create_store_category", { name: "Only once" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^Returning\.AI API 502 Bad Gateway: .*502 Bad Gateway.*try again later/);
    expect(api.requests).toHaveLength(1);
  });

  it("unwraps the older envelopes too", async () => {
    api.respond = (req, res) =>
      req.url.startsWith("/v1/categories")
        ? json(res, 200, { status: "success", message: "ok", data: { _id: ID, name: "Old" } })
        : json(res, 200, { meta: { success: true, message: "ok", devMessage: "" }, body: { _id: ID, name: "Oldest" } });
    const mcp = await connect();
    expect((await mcp.call("get_store_category", { categoryID: ID })).structuredContent).toEqual({
      data: { _id: ID, name: "Old" },
    });
    expect((await mcp.call("get_store_product", { productID: ID })).structuredContent).toEqual({
      data: { _id: ID, name: "Oldest" },
    });
  });

  it("rejects path values that could leave their segment, before any request", async () => {
    api.respond = (_req, res) => json(res, 200, { data: {} });
    const mcp = await connect();
    for (const purchaseHistoryID of ["../admin", "ORD1/../../x", "ORD1?x=1", "ORD1#x", "ORD%2F1", "ORD 1"]) {
      const result = await mcp.call("update_purchase_history", { purchaseHistoryID, redemptionInstructions: "Hi" });
      expect(result.isError, purchaseHistoryID).toBe(true);
      expect(textOf(result)).toMatch(/purchaseHistoryID/);
    }
    expect(api.requests).toHaveLength(0);
  });

  it("says what to do when no key is configured", async () => {
    const mcp = await api.connect({ apiKey: undefined });
    const result = await mcp.call("list_leaderboards", {});
    expect(textOf(result)).toMatch(
      /No Returning\.AI API key for list_leaderboards: set RETURNING_AI_API_KEY, or start with --sandbox/,
    );
    expect(api.requests).toHaveLength(0);
  });
});
