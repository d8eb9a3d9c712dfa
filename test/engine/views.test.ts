import { encode } from "gpt-tokenizer/encoding/o200k_base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMON_READS, itemsOf, leastArgs, TOKENS_PER_ITEM_BUDGET } from "../../src/bench/result-tokens.js";
import { ALL_TOOLS } from "../../src/catalog/index.js";
import { DEMO } from "../../src/demo.js";
import { hostOf } from "../../src/registry/hosts.js";
import { planRequest } from "../../src/registry/request.js";
import { type Sandbox, startSandbox } from "../../src/sandbox/index.js";
import { listShape } from "../../src/server/list-shape.js";
import { redactorFor } from "../../src/server/redact.js";
import { type Connected, connectInMemory, dataOf, recordingApi, textOf } from "../support/helpers.js";

/**
 * Read results show a lean default view (src/server/views.ts); `fields` picks, `fields: "*"`
 * shows what the API sent. Sizes are budgets here; the bench reports the same figure.
 */

type Row = Record<string, unknown>;

const READS = ALL_TOOLS.filter((t) => t.risk === "read");

/**
 * A real HTTP server in front of the sandbox that answers a request it has seen before with the
 * bytes it answered the first time, and our server (with an MCP client) and our API client on it.
 */
const HOP = new Set(["host", "content-length", "connection", "transfer-encoding"]);

async function replaying(sandbox: Sandbox) {
  const seen = new Map<string, { status: number; type: string; body: string }>();
  const api = await recordingApi((req, res) => {
    const key = `${req.method} ${req.url} ${req.body}`;
    const known = seen.get(key);
    const answer = known
      ? Promise.resolve(known)
      : fetch(`${sandbox.url}${req.url}`, {
          method: req.method,
          headers: Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" && !HOP.has(k) ? [[k, v]] : [])),
          ...(req.body ? { body: req.body } : {}),
        }).then(async (r) => ({ status: r.status, type: r.headers.get("content-type") ?? "", body: await r.text() }));
    void answer.then((a) => {
      seen.set(key, a);
      res.writeHead(a.status, { "content-type": a.type });
      res.end(a.body);
    });
  });
  const mcp = await connectInMemory({
    baseUrl: api.url,
    credentials: sandbox.credentials,
    keySource: "sandbox",
    elicit: () => ({ action: "accept", content: { confirm: true } }),
  });
  return {
    mcp,
    client: mcp.context.client,
    close: async () => {
      await mcp.close();
      await api.close();
    },
  };
}

describe("lean views against the sandbox", () => {
  let sandbox: Sandbox;
  let mcp: Connected;

  let replay: Awaited<ReturnType<typeof replaying>>;

  beforeAll(async () => {
    sandbox = await startSandbox();
    replay = await replaying(sandbox);
    mcp = await connectInMemory({
      baseUrl: sandbox.url,
      credentials: sandbox.credentials,
      keySource: "sandbox",
      // Legacy reads ask for confirmation: the person agrees.
      elicit: () => ({ action: "accept", content: { confirm: true } }),
    });
  });
  afterAll(async () => {
    await replay.close();
    await mcp.close();
    await sandbox.close();
  });

  it("keeps the ten common reads within 70 o200k tokens an item by default", async () => {
    let tokens = 0;
    let items = 0;
    for (const name of COMMON_READS) {
      const result = await mcp.call(name, leastArgs(name));
      expect(result.isError, textOf(result)).toBeFalsy();
      tokens += encode(textOf(result)).length;
      items += itemsOf(dataOf(result)).length;
    }
    expect(items).toBeGreaterThanOrEqual(40);
    expect(tokens / items).toBeLessThanOrEqual(TOKENS_PER_ITEM_BUDGET);
  });

  it.each(READS.map((t) => [t.name, t] as const))('loses nothing with fields: "*" (%s)', async (_name, t) => {
    const { fields: _f, ...args } = t.input.parse(t.example) as Row;
    const { files: _files, ...plan } = planRequest(t, args);
    // Straight through our client, through the replay, so that a read that moves a job on answers both alike.
    const raw = await replay.client.request({ ...plan, host: hostOf(t), auth: t.auth, credentials: sandbox.credentials });
    if (!raw.ok) throw new Error(`${t.name}: raw request failed: ${raw.message}`);
    const all = await replay.mcp.call(t.name, { ...args, fields: "*" });
    expect(all.isError, textOf(all)).toBeFalsy();
    // Lists answer {data: items, meta} whatever the API nests (src/server/list-shape.ts): the same facts, one shape.
    const shaped = listShape(t, raw);
    const sent = shaped.meta ? { data: shaped.data, meta: shaped.meta } : { data: shaped.data };
    // Every result masks secrets (an API key's `key`), "*" included.
    const redact = redactorFor(t, [], args);
    expect(all.structuredContent).toEqual(redact.add(redact.harvest(sent)).value(sent));
  });

  it("keeps the ids the next call needs, and every item's own id", async () => {
    for (const name of COMMON_READS) {
      const items = itemsOf(dataOf(await mcp.call(name, leastArgs(name)))) as Row[];
      for (const item of items) expect(item._id ?? item.id, `${name}: ${JSON.stringify(item)}`).toBeTypeOf("string");
    }
    const [product] = dataOf<Row[]>(await mcp.call("list_store_products", {}));
    const got = dataOf<Row>(await mcp.call("get_store_product", { productID: product?._id }));
    expect(got.name).toBe(product?.name);
    const changed = await mcp.call("update_store_product", { productID: product?._id, price: 120, dryRun: true });
    expect(changed.isError, textOf(changed)).toBeFalsy();

    const [order] = dataOf<Row[]>(await mcp.call("list_redemption_orders", {}));
    expect(order).toMatchObject({ transactionId: expect.any(String), statusId: expect.any(String) });
    const history = await mcp.call("get_redemption_order_status_history", { transactionId: order?.transactionId });
    expect(history.isError, textOf(history)).toBeFalsy();

    const [member] = dataOf<Row[]>(await mcp.call("list_community_users", { communityId: DEMO.communityId }));
    const one = await mcp.call("get_community_user", { communityId: DEMO.communityId, userId: member?._id });
    expect(one.isError, textOf(one)).toBeFalsy();
  });

  it("states a value every item repeats once, in meta.common, and leaves out timestamps, nulls and false flags", async () => {
    const statuses = await mcp.call("list_redemption_statuses", {});
    const { data, meta } = statuses.structuredContent as { data: Row[]; meta: { common?: Row } };
    expect(meta.common).toEqual({ communityID: DEMO.communityId });
    for (const status of data) expect(Object.keys(status).sort()).toEqual(["_id", "category", "color", "name"]);
    const [category] = dataOf<Row[]>(await mcp.call("list_store_categories", {}));
    expect(category).not.toHaveProperty("isArchived"); // false in the API's answer
    expect(category).not.toHaveProperty("categoryPermission"); // an empty list
    // Orders keep the date they were placed: it carries meaning.
    const [order] = dataOf<Row[]>(await mcp.call("list_redemption_orders", {}));
    expect(order).toHaveProperty("createdAt");
    expect(order).not.toHaveProperty("updatedAt");
  });

  it("picks named fields, with the item's id, whether or not the API reads fields", async () => {
    const channels = dataOf<Row[]>(await mcp.call("list_channels", { fields: "topic" }));
    expect(channels.length).toBeGreaterThan(1);
    for (const c of channels) expect(Object.keys(c).sort()).toEqual(["_id", "topic"]);
    // list_store_products sends fields to the API, which picks them itself (and keeps _id).
    const products = dataOf<Row[]>(await mcp.call("list_store_products", { fields: "name,isArchived" }));
    for (const p of products) expect(Object.keys(p).sort()).toEqual(["_id", "isArchived", "name"]);
    const bad = await mcp.call("list_channels", { fields: "topic;drop" });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toMatch(/fields: must be comma-separated field names/);
  });
});

describe("views and secrets", () => {
  it("masks an API key's key even when the view leaves out the empty permissions that mark it", async () => {
    const key = "6ea7fdc6364523c969a4623e739bde400174e82a954cc0bdc4e8eda9685c8130";
    const api = await recordingApi((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const record = { _id: "5a4d60000000000000000009", name: "Zapier", key, permissions: [] };
      res.end(JSON.stringify({ meta: { status: "success", statusCode: 200 }, message: "ok", data: [record] }));
    });
    const mcp = await connectInMemory({ baseUrl: api.url, apiKey: "rk_test_views_0002" });
    try {
      // A member's keys: no collection in the table names `key` a secret, so only its `permissions` sibling tells.
      const result = await mcp.call("list_user_api_keys", { userId: DEMO.userId });
      expect(textOf(result)).not.toContain(key.slice(0, 16));
      expect(dataOf<Row[]>(result)[0]).toEqual({ _id: "5a4d60000000000000000009", name: "Zapier", key: "****8130" });
    } finally {
      await mcp.close();
      await api.close();
    }
  });
});

describe('fields: "*" on the wire', () => {
  it("is never sent; named fields still are, where the API reads them", async () => {
    const api = await recordingApi();
    const mcp = await connectInMemory({ baseUrl: api.url, apiKey: "rk_test_views_0001" });
    try {
      await mcp.call("list_store_products", { fields: "*", limit: 5 });
      await mcp.call("list_store_products", { fields: "name,price" });
      await mcp.call("list_channels", { fields: "topic" });
      await mcp.call("filter_users", { fields: "*", page: 2 });
      const [all, named, viewOnly, filtered] = api.requests;
      expect(all?.url).toBe("/v1/products?limit=5");
      expect(named?.url).toBe("/v1/products?fields=name%2Cprice");
      expect(viewOnly?.url).not.toContain("fields");
      expect(JSON.parse(filtered?.body ?? "{}")).toEqual({ page: 2 });
    } finally {
      await mcp.close();
      await api.close();
    }
  });
});
