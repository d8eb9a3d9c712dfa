import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ALL_TOOLS } from "../../src/catalog/index.js";
import { secretSettingValues } from "../../src/config.js";
import { log, setLogLevel, setLogSecrets } from "../../src/log.js";
import type { ToolDef } from "../../src/registry/types.js";
import type { Sandbox } from "../../src/sandbox/index.js";
import { ConfirmTokens } from "../../src/server/confirm.js";
import {
  type Connected,
  dataOf,
  declareTool,
  sandboxSession,
  scriptedApi,
  type TestToolSpec,
  textOf,
} from "../support/helpers.js";

const KEY = "rk_live_9d2c7e4a1b8f3c6d0e5a";
const CONFIRM_SECRET = "confirm-secret-for-tests-42";
const ID = "0123456789abcdef01234567";

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};
const ok = (data: unknown) => ({ meta: { status: "success", statusCode: 200 }, message: "ok", data });

/** A table entry as an area would declare it: tools are data, so a test can declare its own. */
const tool = (spec: TestToolSpec): ToolDef => declareTool({ toolset: "api_keys", risk: "write", ...spec });

/** Captures what the process writes to stderr (where the log goes) while `run` runs. */
async function stderrOf(run: () => Promise<unknown>): Promise<string> {
  const original = process.stderr.write.bind(process.stderr);
  let captured = "";
  process.stderr.write = ((chunk: string | Uint8Array) => {
    captured += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    await run();
  } finally {
    process.stderr.write = original;
  }
  return captured;
}

describe("secrets never leave", () => {
  const api = scriptedApi({ apiKey: KEY, tokens: new ConfirmTokens(CONFIRM_SECRET) });
  const connect = (tools?: ToolDef[]) => api.connect({ tools });

  it("cuts the API key from property names, in text and structured content", async () => {
    api.respond = (req, res) => {
      const key = String(req.headers.authorization).replace("Bearer ", "");
      if (req.method === "GET") return json(res, 200, ok({ [key]: { seen: true }, nested: [{ [`by ${key}`]: 1 }] }));
      return json(res, 400, { message: "bad", errors: [{ field: key, message: `unknown ${key}` }] });
    };
    const mcp = await connect();
    const results = [
      await mcp.call("get_leaderboard", { leaderboardID: ID }),
      await mcp.call("create_store_category", { name: "x" }),
    ];
    expect(api.requests).toHaveLength(2);
    for (const result of results) expect(JSON.stringify(result)).not.toContain(KEY);
    expect(dataOf(results[0]!)).toEqual({ "[redacted]": { seen: true }, nested: [{ "by [redacted]": 1 }] });
  });

  it("cuts every credential in use, of every auth kind, whatever route echoes it", async () => {
    const credentials = { apiKey: KEY, systemKey: "sys_key_for_tests_0002", webhookKey: "whk_key_for_tests_0003" };
    api.respond = (_req, res) =>
      json(res, 200, ok({ [credentials.systemKey]: credentials.webhookKey, note: `system ${credentials.systemKey}` }));
    const mcp = await api.connect({ apiKey: undefined, credentials });
    const result = await mcp.call("get_store_config", {});
    for (const secret of Object.values(credentials)) expect(JSON.stringify(result)).not.toContain(secret);
    // The log gets the same list from the settings: every credential setting, the confirm secret and the state URL.
    expect(
      secretSettingValues({
        RETURNING_AI_API_KEY: "a",
        RETURNING_AI_SYSTEM_KEY: "b",
        RETURNING_AI_WEBHOOK_KEY: "c",
        RETURNING_AI_CONFIRM_SECRET: "d",
        RETURNING_AI_STATE_URL: "redis://:e@127.0.0.1:6379",
        RETURNING_AI_COMMUNITY_HOST: "not-a-secret.example.com",
      }).sort(),
    ).toEqual(["a", "b", "c", "d", "redis://:e@127.0.0.1:6379"]);
  });

  it("cuts a key the API echoes base64-encoded, upper-cased, URL-encoded or split by invisible characters", async () => {
    const SYSTEM = "sys/key+for=tests.0002";
    const b64 = (text: string) => Buffer.from(text).toString("base64");
    const everyByte = (text: string) => [...Buffer.from(text)].map((b) => `%${b.toString(16).toUpperCase()}`).join("");
    const split = (text: string, gap: string) => text.match(/.{1,4}/g)?.join(gap) ?? text;
    const echoes = {
      base64: b64(KEY),
      basic: `Basic ${b64(`admin:${KEY}`)}`,
      offsetTwo: b64(`ab${SYSTEM}`),
      base64url: Buffer.from(SYSTEM).toString("base64url"),
      upper: KEY.toUpperCase(),
      urlEncoded: encodeURIComponent(SYSTEM),
      urlEncodedLower: encodeURIComponent(SYSTEM).toLowerCase(),
      everyByte: everyByte(KEY),
      zeroWidth: split(KEY, "\u200b"),
      joiners: split(SYSTEM, "\u2060\u200d"),
      tags: split(KEY, "\u{E0041}"),
    };
    api.respond = (_req, res) => json(res, 200, ok({ ...echoes, plain: "nothing secret here" }));
    const mcp = await api.connect({ credentials: { systemKey: SYSTEM } });
    const result = await mcp.call("get_store_config", {});
    const everything = JSON.stringify(result);
    for (const [how, echo] of Object.entries(echoes)) expect(everything, how).not.toContain(echo);
    const data = dataOf<Record<string, string>>(result);
    for (const how of Object.keys(echoes)) expect(data[how], how).toContain("[redacted]");
    expect(data.basic).toMatch(/^Basic /);
    expect(data.plain).toBe("nothing secret here");
  });

  it("cuts the confirm secret too", async () => {
    api.respond = (_req, res) => json(res, 200, ok({ echoed: `secret=${CONFIRM_SECRET}`, [CONFIRM_SECRET]: 1 }));
    const mcp = await connect();
    const result = await mcp.call("get_store_config", {});
    expect(JSON.stringify(result)).not.toContain(CONFIRM_SECRET);
  });

  it("cuts secret-named argument values at any depth from previews and echoed errors", async () => {
    const PASSWORD = "hunter2-but-longer-0001";
    const TOKEN = "tok_nested_in_a_list_0002";
    const webhook = tool({
      name: "configure_webhook",
      method: "POST",
      path: "/webhooks",
      input: z.strictObject({
        target: z.strictObject({
          url: z.string(),
          auth: z.strictObject({ username: z.string(), password: z.string() }),
        }),
        headers: z.array(z.strictObject({ name: z.string(), accessToken: z.string() })),
      }),
    });
    api.respond = (req, res) => json(res, 400, { status: "error", message: `Rejected ${req.body}` });
    const mcp = await connect([webhook]);
    const args = {
      target: { url: "https://hooks.example/x", auth: { username: "bot", password: PASSWORD } },
      headers: [{ name: "x-token", accessToken: TOKEN }],
    };
    const dry = await mcp.call("configure_webhook", { ...args, dryRun: true });
    const sent = await mcp.call("configure_webhook", args);
    expect(api.requests[0]?.body).toContain(PASSWORD);
    expect(api.requests[0]?.body).toContain(TOKEN);
    for (const result of [dry, sent]) {
      const everything = JSON.stringify(result);
      expect(everything).not.toContain(PASSWORD);
      expect(everything).not.toContain(TOKEN);
    }
    expect(dry.structuredContent).toMatchObject({
      request: { body: { target: { auth: { username: "bot", password: "****0001" } }, headers: [{ accessToken: "****0002" }] } },
    });
  });

  it("masks the key of API-key records but not a user field's key", async () => {
    const SECRET = "8f3e4d5c6b7a9e2f1a4b7c8d5e9f2a6b";
    api.respond = (req, res) =>
      json(
        res,
        200,
        ok(
          req.url.startsWith("/leaderboards")
            ? {
                userFields: [{ key: "favourite_colour", label: "Favourite colour" }],
                integrations: [{ name: "Zapier", permissions: ["sendMessage"], key: SECRET }],
                note: `issued ${SECRET}`,
              }
            : [{ _id: ID, name: "Zapier", key: SECRET, note: `issued ${SECRET}` }],
        ),
      );
    const mcp = await connect();
    const board = await mcp.call("get_leaderboard", { leaderboardID: ID });
    expect(dataOf(board)).toEqual({
      userFields: [{ key: "favourite_colour", label: "Favourite colour" }],
      integrations: [{ name: "Zapier", permissions: ["sendMessage"], key: "****2a6b" }],
      note: "issued [redacted]",
    });
    // The API-key tools know their records' `key` is the secret, even without a permissions field.
    const keys = await mcp.call("list_community_api_keys", { communityId: ID });
    expect(dataOf(keys)).toEqual([{ _id: ID, name: "Zapier", key: "****2a6b", note: "issued [redacted]" }]);
  });

  it("prints redacted URLs in the debug log, and cuts configured secrets from every log line", async () => {
    const SIGNATURE = "sig_in_the_query_string_0003";
    const lookup = tool({
      name: "get_signed_export",
      method: "GET",
      path: "/exports/{exportId}",
      risk: "read",
      input: z.strictObject({ exportId: z.string(), signature: z.string(), secret: z.string() }),
    });
    api.respond = (_req, res) => json(res, 200, ok({}));
    const mcp = await connect([lookup]);
    setLogLevel("debug");
    setLogSecrets([KEY]);
    try {
      const logged = await stderrOf(async () => {
        await mcp.call("get_signed_export", { exportId: "e1", signature: "public", secret: SIGNATURE });
        log.warn(`something mentioned ${KEY}`);
      });
      expect(api.requests[0]?.url).toContain(SIGNATURE);
      expect(logged).toMatch(
        /debug: get_signed_export: GET http:\/\/127\.0\.0\.1:\d+\/exports\/e1\?signature=public&secret=\[redacted\] -> 200/,
      );
      expect(logged).toContain("something mentioned [redacted]");
      expect(logged).not.toContain(SIGNATURE);
      expect(logged).not.toContain(KEY);
    } finally {
      setLogLevel("info");
      setLogSecrets([]);
    }
  });
});

describe("revealKey", () => {
  let session: Awaited<ReturnType<typeof sandboxSession>>;
  let sandbox: Sandbox;
  let mcp: Connected;

  beforeAll(async () => {
    session = await sandboxSession();
    ({ sandbox, mcp } = session);
  });
  afterAll(() => session.close());

  const communityId = () => sandbox.communityId;

  it("masks a new key unless asked, and then shows it once in that result only", async () => {
    const masked = await mcp.call("create_community_api_key", {
      communityId: communityId(),
      name: "Masked",
      permissions: ["sendMessage"],
    });
    expect(dataOf<{ key: string }>(masked).key).toMatch(/^\*\*\*\*[a-f0-9]{4}$/);

    setLogLevel("debug");
    let revealed!: Awaited<ReturnType<typeof mcp.call>>;
    const logged = await stderrOf(async () => {
      revealed = await mcp.call("create_community_api_key", {
        communityId: communityId(),
        name: "Revealed",
        permissions: ["sendMessage"],
        revealKey: true,
      });
    }).finally(() => setLogLevel("info"));
    const { key, _id } = dataOf<{ key: string; _id: string }>(revealed);
    expect(key).toMatch(/^[a-f0-9]{64}$/);
    expect(textOf(revealed)).toContain(key);
    expect(textOf(revealed)).toMatch(/data\.key is the new secret, shown this once: give it to the user now.*do not repeat it/);
    expect(logged).toContain("create_community_api_key");
    expect(logged).not.toContain(key);

    const listed = await mcp.call("list_community_api_keys", { communityId: communityId() });
    const row = dataOf<Array<{ _id: string; key: string }>>(listed).find((r) => r._id === _id);
    expect(row?.key).toBe(`****${key.slice(-4)}`);
    expect(JSON.stringify(listed)).not.toContain(key);
    const renamed = await mcp.call("update_community_api_key", { communityId: communityId(), apiKeyId: _id, name: "Renamed" });
    expect(JSON.stringify(renamed)).not.toContain(key);
  });

  it("is offered only by tools that create a secret", async () => {
    const { tools } = await mcp.client.listTools();
    const offering = tools.filter((t) => t.inputSchema.properties && "revealKey" in t.inputSchema.properties).map((t) => t.name);
    const creators = ALL_TOOLS.filter((t) => t.revealsSecret).map((t) => t.name);
    expect(creators).toContain("create_community_api_key");
    expect(offering.sort()).toEqual(creators.sort());
    const refused = await mcp.call("list_community_api_keys", { communityId: communityId(), revealKey: true });
    expect(textOf(refused)).toMatch(/revealKey: unknown field/);
  });

  it("reveals nothing on a dry run", async () => {
    const dry = await mcp.call("create_community_api_key", {
      communityId: communityId(),
      name: "Dry",
      permissions: ["sendMessage"],
      revealKey: true,
      dryRun: true,
    });
    expect(dry.structuredContent).toMatchObject({ dryRun: true });
    expect(textOf(dry)).not.toMatch(/new secret/);
  });
});
