import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedis } from "../../src/bench/redis.js";
import { ConfirmTokens } from "../../src/server/confirm.js";
import { AuditLog, StoreSink } from "../../src/state/audit.js";
import { IDEMPOTENCY_META } from "../../src/state/guard.js";
import { RedisStore } from "../../src/state/redis.js";
import { NO_TELEMETRY } from "../../src/telemetry/index.js";
import { BOARD, type Connected, dataOf, scriptedApi, textOf } from "../support/helpers.js";

const ID = "0123456789abcdef01234567";
const KEY = "rk_test_fleet_key_000000001";
const OK = JSON.stringify({ meta: { status: "success", statusCode: 200 }, message: "ok", data: { _id: ID } });
const SECRET = "fleet-shared-secret";

const callWithKey = (mcp: Connected, name: string, args: Record<string, unknown>, key: string) =>
  mcp.client.callTool({ name, arguments: args, _meta: { [IDEMPOTENCY_META]: key } }) as Promise<CallToolResult>;

const tokenOf = (result: CallToolResult) => (result.structuredContent as { confirmToken: string }).confirmToken;

describe("idempotent writes (embedded store)", () => {
  const api = scriptedApi({ apiKey: KEY });
  api.respond = (_req, res) => res.end(OK);

  it("replays the stored result for the same key and arguments, refuses other arguments, and scopes keys to the credential", async () => {
    const mcp = await api.connect();
    const args = { ...BOARD, name: "Once", slug: "once" };
    const first = await callWithKey(mcp, "create_leaderboard", args, "key-1");
    expect(first.isError).toBeFalsy();
    const again = await callWithKey(mcp, "create_leaderboard", args, "key-1");
    expect(again.content).toEqual(first.content);
    expect(again._meta).toMatchObject({ "ai.returning/idempotent-replay": true });
    expect(api.requests).toHaveLength(1);

    const other = await callWithKey(mcp, "create_leaderboard", { ...args, name: "Twice" }, "key-1");
    expect(other.isError).toBe(true);
    expect(textOf(other)).toMatch(/already used with another tool or other arguments.*Nothing was sent/);
    expect(api.requests).toHaveLength(1);

    // Same key, same arguments, another credential: its own call.
    const tenant = await api.connect({ apiKey: "rk_test_other_tenant_00000001", fleet: mcp.context.fleet });
    expect((await callWithKey(tenant, "create_leaderboard", args, "key-1")).isError).toBeFalsy();
    expect(api.requests).toHaveLength(2);
    // Without a key, every call is sent.
    await mcp.call("create_leaderboard", args);
    expect(api.requests).toHaveLength(3);
  });

  it("refuses a malformed key with nothing sent", async () => {
    const mcp = await api.connect();
    const bad = await callWithKey(mcp, "create_leaderboard", { ...BOARD, name: "X", slug: "x" }, "has space");
    expect(textOf(bad)).toMatch(/^Invalid _meta "ai\.returning\/idempotency-key".*Nothing was sent\.$/);
    expect(api.requests).toHaveLength(0);
  });

  it("keeps a key free while its call waits for confirmation, then replays the confirmed result", async () => {
    const mcp = await api.connect();
    const args = { leaderboardID: ID };
    const asked = await callWithKey(mcp, "delete_leaderboard", args, "del-1");
    const confirm = tokenOf(asked);
    const done = await callWithKey(mcp, "delete_leaderboard", { ...args, confirm }, "del-1");
    expect(done.isError).toBeFalsy();
    // The client re-sends the confirmed call after a dropped connection: the stored result, not "token spent".
    const resent = await callWithKey(mcp, "delete_leaderboard", { ...args, confirm }, "del-1");
    expect(resent.isError).toBeFalsy();
    expect(resent._meta).toMatchObject({ "ai.returning/idempotent-replay": true });
    expect(api.requests).toHaveLength(1);
  });
});

describe("two replicas sharing Redis", () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  const stores: RedisStore[] = [];
  const api = scriptedApi({ apiKey: KEY });
  api.respond = (_req, res) => res.end(OK);

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await redis?.close();
  });

  /** One replica: its own Redis connection, token keeper and trail, as a separate process would have. */
  async function replica(): Promise<Connected> {
    const store = new RedisStore(redis.url);
    stores.push(store);
    await store.ready();
    const fleet = { store, audit: new AuditLog(new StoreSink(store)), telemetry: NO_TELEMETRY };
    return api.connect({ tokens: new ConfirmTokens(SECRET, store), fleet });
  }

  it("spends a token once across replicas: confirmed through A, refused by B; 50 parallel uses send once", async () => {
    const [a, b] = [await replica(), await replica()];
    const args = { leaderboardID: ID };
    const confirm = tokenOf(await a.call("delete_leaderboard", args));
    expect((await a.call("delete_leaderboard", { ...args, confirm })).isError).toBeFalsy();
    const onB = await b.call("delete_leaderboard", { ...args, confirm });
    expect(textOf(onB)).toMatch(/already used/);
    expect(api.requests).toHaveLength(1);

    // A token minted by B works on A (they share the secret and the store), once.
    const fresh = tokenOf(await b.call("delete_leaderboard", args));
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).call("delete_leaderboard", { ...args, confirm: fresh })),
    );
    expect(results.filter((r) => !r.isError)).toHaveLength(1);
    expect(results.filter((r) => /already used/.test(textOf(r)))).toHaveLength(49);
    expect(api.requests).toHaveLength(2);
  });

  it("sends an idempotent write repeated across replicas once", async () => {
    const [a, b] = [await replica(), await replica()];
    const args = { ...BOARD, name: "Fleet", slug: "fleet" };
    const both = await Promise.all([
      ...Array.from({ length: 5 }, () => callWithKey(a, "create_leaderboard", args, "fleet-key")),
      ...Array.from({ length: 5 }, () => callWithKey(b, "create_leaderboard", args, "fleet-key")),
    ]);
    expect(api.requests).toHaveLength(1);
    // The one that sent, and any that came after it, answer with the result; racers in flight are told to retry.
    expect(both.some((r) => !r.isError)).toBe(true);
    for (const r of both) if (r.isError) expect(textOf(r)).toMatch(/still in progress/);
    const later = await callWithKey(b, "create_leaderboard", args, "fleet-key");
    expect(dataOf(later)).toEqual({ _id: ID });
    expect(api.requests).toHaveLength(1);
  });

  it("refuses writes while Redis is down, keeps reads, and recovers when it returns", async () => {
    const a = await replica();
    await redis.stop();
    const write = await a.call("create_leaderboard", { ...BOARD, name: "Down", slug: "down" });
    expect(write.isError).toBe(true);
    expect(textOf(write)).toMatch(/shared state store \(RETURNING_AI_STATE_URL\) cannot be reached.*Nothing was sent/);
    const asked = await a.call("delete_leaderboard", { leaderboardID: ID });
    expect(textOf(asked)).toMatch(/cannot be reached/);
    expect(api.requests).toHaveLength(0);
    expect((await a.call("list_leaderboards", {})).isError).toBeFalsy();
    expect(api.requests).toHaveLength(1);

    await redis.start();
    let back: CallToolResult | undefined;
    for (let i = 0; i < 50; i++) {
      back = await a.call("create_leaderboard", { ...BOARD, name: "Back", slug: "back" });
      if (!back.isError) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(back?.isError).toBeFalsy();
    expect(api.requests).toHaveLength(2);
    // The refused attempts were recorded all the same: held while Redis was down, stored once it was back.
    const trail = await a.context.fleet.audit.recent(50);
    const attempts = trail.filter((e) => e.event === "attempt").map((e) => [e.tool, (e.args as { name?: string }).name]);
    expect(attempts.slice(0, 2)).toEqual([
      ["create_leaderboard", "Down"],
      ["delete_leaderboard", undefined],
    ]);
    expect(attempts.at(-1)).toEqual(["create_leaderboard", "Back"]);
  });

  it("keeps one audit stream for every replica, without the key", async () => {
    const [a, b] = [await replica(), await replica()];
    const args = { leaderboardID: ID };
    // Each replica sends its entries once its event loop turns, right after its answer; these two
    // share one loop, so the test lets each turn (flush) before the next step, as processes would.
    const confirm = tokenOf(await a.call("delete_leaderboard", args));
    await a.context.fleet.audit.flush();
    await b.call("delete_leaderboard", { ...args, confirm });
    await b.context.fleet.audit.flush();
    const trail = await a.context.fleet.audit.recent(10);
    const mine = trail.filter((e) => e.tool === "delete_leaderboard").slice(-5);
    expect(mine.map((e) => [e.event, e.decision ?? e.status])).toEqual([
      ["attempt", undefined],
      ["confirmation", "asked"],
      ["attempt", undefined],
      ["confirmation", "accepted"],
      ["outcome", 200],
    ]);
    expect(mine[4]).toMatchObject({
      args: { leaderboardID: ID },
      client: { name: "test-client", version: "1.0.0" },
      transport: "stdio",
      ok: true,
    });
    expect(mine[4]?.requestId).toBeDefined();
    expect(mine[4]?.durationMs).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(trail)).not.toContain(KEY);
    expect(new Set(trail.map((e) => e.credential)).size).toBe(1);
  });

  it("keeps the audit entries recorded while Redis is down, in order, and stores what is queued on a clean close", async () => {
    const store = new RedisStore(redis.url);
    stores.push(store);
    await store.ready();
    const audit = new AuditLog(new StoreSink(store));
    const entry = (tool: string) => ({
      event: "attempt" as const,
      tool,
      argsDigest: "d",
      credential: "c",
      transport: "http" as const,
    });
    await redis.stop();
    // More than one batch's worth, so that the backlog goes out in several script calls, in order.
    const held = Array.from({ length: 1_200 }, (_, i) => `held_${i}`);
    for (const tool of held) audit.record(entry(tool));
    await expect(audit.flush()).rejects.toThrow(/not stored/);
    await redis.start();
    await store.ready();
    audit.record(entry("after"));
    await audit.flush();
    // Recorded and closed at once, as a server that shuts down right after its last answer.
    audit.record(entry("closing"));
    await store.close();
    const reader = new RedisStore(redis.url);
    stores.push(reader);
    await reader.ready();
    const trail = await new AuditLog(new StoreSink(reader)).recent(2_000);
    expect(trail.map((e) => e.tool)).toEqual([...held, "after", "closing"]);
  });
});
