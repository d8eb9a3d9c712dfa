import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_TOOLS, findTool } from "../../src/catalog/index.js";
import { buildPath, buildQuery } from "../../src/client/path.js";
import { planRequest } from "../../src/registry/request.js";
import type { ToolDef } from "../../src/registry/types.js";
import { SANDBOX_BEHAVIOURS } from "../../src/sandbox/areas.js";
import { validateCall } from "../../src/sandbox/engine/args.js";
import { type Behaviour, crud } from "../../src/sandbox/engine/bind.js";
import {
  buildRoutes,
  MAX_BODY_BYTES,
  matchRoute,
  SANDBOX_API_KEY,
  SANDBOX_COMMUNITY_ID,
  type Sandbox,
  SEED,
  startSandbox,
} from "../../src/sandbox/index.js";
import { BOARD } from "../support/helpers.js";

/** Everything below talks real HTTP to a real sandbox; nothing is mocked. */

const OTHER_COMMUNITY = "0123456789abcdef01234567";

interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // Envelope fields are read loosely; the assertions say what they must be.
  body: { meta: Record<string, unknown>; message: string; data?: any };
}

interface CallOptions {
  body?: unknown;
  /** Sent as is, for bodies that are not JSON. */
  rawBody?: string;
  /** null sends no Authorization header at all. */
  key?: string | null;
  authorization?: string;
  on?: Sandbox;
}

let sb: Sandbox;

async function call(method: string, path: string, opts: CallOptions = {}): Promise<Reply> {
  const target = opts.on ?? sb;
  const headers: Record<string, string> = {};
  const key = opts.key === undefined ? target.apiKey : opts.key;
  if (opts.authorization !== undefined) headers.authorization = opts.authorization;
  else if (key !== null) headers.authorization = `Bearer ${key}`;
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(target.url + path, { method, headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text) };
}

/** The HTTP call a tool would make for these arguments, built by the registry's own planner. */
async function callTool(tool: ToolDef, args: Record<string, unknown>, on?: Sandbox): Promise<Reply> {
  const plan = planRequest(tool, tool.input.parse(args) as Record<string, unknown>);
  const path = buildPath(plan.pathTemplate, plan.pathParams);
  const query = buildQuery(plan.query);
  return call(plan.method, query ? `${path}?${query}` : path, {
    ...(plan.body ? { body: plan.body } : {}),
    ...(on ? { on } : {}),
  });
}

const tool = (name: string): ToolDef => {
  const found = findTool(name);
  if (!found) throw new Error(`no tool ${name}`);
  return found;
};

beforeAll(async () => {
  sb = await startSandbox();
});

afterAll(async () => {
  await sb.close();
});

describe("startSandbox", () => {
  it("listens on loopback with the documented defaults", () => {
    expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sb.apiKey).toBe(SANDBOX_API_KEY);
    expect(sb.communityId).toBe(SANDBOX_COMMUNITY_ID);
    expect(SANDBOX_COMMUNITY_ID).toMatch(/^[a-f0-9]{24}$/);
  });

  it("gives every instance its own freshly seeded state", async () => {
    const other = await startSandbox();
    try {
      const del = await call("DELETE", `/leaderboards/${SEED.leaderboardId}`, { on: other });
      expect(del.status).toBe(200);
      expect((await call("GET", `/leaderboards/${SEED.leaderboardId}`, { on: other })).status).toBe(404);
      expect((await call("GET", `/leaderboards/${SEED.leaderboardId}`)).status).toBe(200);
    } finally {
      await other.close();
    }
    const third = await startSandbox();
    try {
      expect((await call("GET", `/leaderboards/${SEED.leaderboardId}`, { on: third })).status).toBe(200);
    } finally {
      await third.close();
    }
  });
});

describe("auth", () => {
  it("answers 401 without a key", async () => {
    const r = await call("GET", "/leaderboards", { key: null });
    expect(r.status).toBe(401);
    expect(r.body.meta).toEqual({ status: "error", statusCode: 401 });
    expect(r.body.message).toMatch(/API key/);
    expect(r.headers.get("content-type")).toBe("application/json");
  });

  it("answers 401 with a wrong key, without echoing it", async () => {
    const wrong = "rai_live_WRONG_KEY_123456";
    const r = await call("GET", "/leaderboards", { key: wrong });
    expect(r.status).toBe(401);
    expect(r.body.message).toBe("Invalid API key");
    expect(r.text).not.toContain(wrong);
  });

  it("wants the Bearer scheme and the whole key", async () => {
    expect((await call("GET", "/leaderboards", { authorization: SANDBOX_API_KEY })).status).toBe(401);
    expect((await call("GET", "/leaderboards", { authorization: `Basic ${SANDBOX_API_KEY}` })).status).toBe(401);
    expect((await call("GET", "/leaderboards", { key: SANDBOX_API_KEY.slice(0, -1) })).status).toBe(401);
    expect((await call("GET", "/leaderboards", { authorization: `bearer ${SANDBOX_API_KEY}` })).status).toBe(200);
  });

  it("checks auth before reading or validating the request", async () => {
    const r = await call("POST", "/v1/leaderboards", { key: null, rawBody: "{not json" });
    expect(r.status).toBe(401);
  });

  it("accepts a custom key instead of the default", async () => {
    const custom = await startSandbox({ apiKey: "my-own-key" });
    try {
      expect((await call("GET", "/leaderboards", { on: custom })).status).toBe(200);
      expect((await call("GET", "/leaderboards", { on: custom, key: SANDBOX_API_KEY })).status).toBe(401);
    } finally {
      await custom.close();
    }
  });
});

describe("routing", () => {
  it("answers 404 for an unknown route", async () => {
    const r = await call("GET", "/v1/unknown-things");
    expect(r.status).toBe(404);
    expect(r.body.meta).toEqual({ status: "error", statusCode: 404 });
  });

  it("answers 404 for an unknown id", async () => {
    const r = await call("GET", "/leaderboards/0123456789abcdef01234567");
    expect(r.status).toBe(404);
    expect(r.body.message).toBe("Leaderboard not found.");
  });

  it("answers 405 with Allow for a known path and another method", async () => {
    const r = await call("POST", `/leaderboards/${SEED.leaderboardId}`, { body: { name: "x" } });
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toBe("DELETE, GET, PATCH");
  });

  it("percent-decodes a placeholder segment", async () => {
    const encoded = `%${SEED.leaderboardId.charCodeAt(0).toString(16)}${SEED.leaderboardId.slice(1)}`;
    const r = await call("GET", `/leaderboards/${encoded}`);
    expect(r.status).toBe(200);
    expect(r.body.data._id).toBe(SEED.leaderboardId);
  });

  it("does not let an encoded slash span two segments", async () => {
    const r = await call("GET", `/apis/v1/communities/${SANDBOX_COMMUNITY_ID}%2Fapi-keys`);
    expect(r.status).toBe(404);
  });
});

describe("validation", () => {
  it("rejects a malformed ObjectId, naming the field", async () => {
    const r = await call("GET", "/leaderboards/not-an-id");
    expect(r.status).toBe(400);
    expect(r.body.message).toBe("leaderboardID: must be a 24-hex ObjectId");
  });

  it("rejects a create without its required slug", async () => {
    const r = await call("POST", "/v1/leaderboards", { body: { ...BOARD, name: "No slug" } });
    expect(r.status).toBe(400);
    expect(r.body.message).toBe("slug: required");
  });

  it("coerces numeric query values and rejects ones that are not numbers", async () => {
    expect((await call("GET", "/leaderboards?limit=2")).body.meta.limit).toBe(2);
    const r = await call("GET", "/leaderboards?page=abc");
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/^page: /);
    expect((await call("GET", "/leaderboards?limit=101")).status).toBe(400);
  });

  it("rejects unknown and repeated query parameters", async () => {
    const unknown = await call("GET", "/leaderboards?colour=red");
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe("colour: unknown field");
    expect((await call("GET", "/leaderboards?page=1&page=2")).status).toBe(400);
  });

  it("rejects a body that is not JSON, or not an object", async () => {
    const broken = await call("POST", "/v1/leaderboards", { rawBody: '{"name": ' });
    expect(broken.status).toBe(400);
    expect(broken.body.message).toMatch(/not valid JSON/);
    const array = await call("POST", "/v1/leaderboards", { rawBody: "[1, 2]" });
    expect(array.status).toBe(400);
    expect(array.body.message).toMatch(/JSON object/);
  });

  it("answers 413 for a body over 1 MiB", async () => {
    const big = JSON.stringify({ name: "big", slug: "big", description: "x".repeat(MAX_BODY_BYTES) });
    const r = await call("POST", "/v1/leaderboards", { rawBody: big });
    expect(r.status).toBe(413);
    expect(r.body.meta).toEqual({ status: "error", statusCode: 413 });
  });

  it("runs the tool's own refinements", async () => {
    const r = await call("PATCH", `/v1/purchase-histories/${SEED.orderId}`, { body: { voucherCode: "ONLY-CODE" } });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/^voucherExpiryDate: /);
  });

  it("refuses an update with nothing to change", async () => {
    const r = await call("PATCH", `/leaderboards/${SEED.leaderboardId}`, { body: {} });
    expect(r.status).toBe(400);
  });
});

describe("leaderboards", () => {
  it("goes through create, list, get, update and delete", async () => {
    const created = await call("POST", "/v1/leaderboards", {
      body: { ...BOARD, name: "Spring Sprint", slug: "spring-sprint" },
    });
    expect(created.status).toBe(201);
    expect(created.body.message).toBe("Create leaderboard success.");
    const record = created.body.data;
    expect(record).toMatchObject({ name: "Spring Sprint", slug: "spring-sprint", communityID: SANDBOX_COMMUNITY_ID });
    expect(record._id).toMatch(/^[a-f0-9]{24}$/);
    expect(new Date(record.createdAt).toISOString()).toBe(record.createdAt);
    const id: string = record._id;

    const listed = await call("GET", "/leaderboards?search=keyword:SPRING");
    expect(listed.status).toBe(200);
    expect(listed.body.message).toBe("Read leaderboards success.");
    expect(listed.body.data.map((l: { _id: string }) => l._id)).toEqual([id]);
    expect(listed.body.meta.total).toBe(1);

    const got = await call("GET", `/leaderboards/${id}`);
    expect(got.body.message).toBe("Read leaderboard success.");
    expect(got.body.data).toEqual(record);

    const updated = await call("PATCH", `/leaderboards/${id}`, { body: { name: "Summer Sprint", topRankLimit: 5 } });
    expect(updated.status).toBe(200);
    expect(updated.body.message).toBe("Update leaderboard success.");
    expect(updated.body.data).toMatchObject({ name: "Summer Sprint", slug: "spring-sprint", topRankLimit: 5 });
    expect(updated.body.data.updatedAt > record.updatedAt).toBe(true);
    expect((await call("GET", `/leaderboards/${id}`)).body.data.name).toBe("Summer Sprint");

    const deleted = await call("DELETE", `/leaderboards/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.message).toBe("Delete leaderboard success.");
    expect(deleted.body.data._id).toBe(id);
    expect((await call("GET", `/leaderboards/${id}`)).status).toBe(404);
    expect((await call("DELETE", `/leaderboards/${id}`)).status).toBe(404);
  });

  it("answers 409 for a duplicate slug on create and on update", async () => {
    const dup = await call("POST", "/v1/leaderboards", { body: { ...BOARD, name: "Copy", slug: SEED.leaderboardSlug } });
    expect(dup.status).toBe(409);
    expect(dup.body.meta).toEqual({ status: "error", statusCode: 409 });
    const [, second] = SEED.leaderboardIds;
    const clash = await call("PATCH", `/leaderboards/${second}`, { body: { slug: SEED.leaderboardSlug } });
    expect(clash.status).toBe(409);
    // A record may keep its own slug.
    const same = await call("PATCH", `/leaderboards/${SEED.leaderboardId}`, { body: { slug: SEED.leaderboardSlug } });
    expect(same.status).toBe(200);
  });

  it("never takes server-owned fields from the body", async () => {
    const r = await call("POST", "/v1/leaderboards", { body: { ...BOARD, name: "x", slug: "x", _id: SEED.leaderboardId } });
    expect(r.status).toBe(400);
    expect(r.body.message).toBe("_id: unknown field");
  });
});

describe("lists", () => {
  it("pages with page/limit and reports page, limit and total", async () => {
    const first = await call("GET", "/leaderboards?page=1&limit=2&sort=displayOrder:asc");
    expect(first.body.meta).toEqual({ status: "success", statusCode: 200, page: 1, limit: 2, total: 3 });
    expect(first.body.data.map((l: { _id: string }) => l._id)).toEqual(SEED.leaderboardIds.slice(0, 2));
    const second = await call("GET", "/leaderboards?page=2&limit=2&sort=displayOrder:asc");
    expect(second.body.data.map((l: { _id: string }) => l._id)).toEqual(SEED.leaderboardIds.slice(2));
    const plain = await call("GET", "/leaderboards");
    expect(plain.body.meta).toMatchObject({ page: 1, limit: 20, total: 3 });
  });

  it("pages categories with skip/limit", async () => {
    const r = await call("GET", "/v1/categories?skip=1&limit=1&sort=displayOrder:asc");
    expect(r.body.meta).toEqual({ status: "success", statusCode: 200, skip: 1, limit: 1, total: 3 });
    expect(r.body.message).toBe("Read categories success.");
    expect(r.body.data.map((c: { _id: string }) => c._id)).toEqual([SEED.categoryIds[1]]);
    expect(r.body.meta).not.toHaveProperty("page");
  });

  it("sorts descending", async () => {
    const r = await call("GET", "/v1/products?sort=price:desc&fields=price");
    const prices = r.body.data.map((p: { price: number }) => p.price);
    expect(prices).toEqual([...prices].sort((a: number, b: number) => b - a));
    expect(prices).toHaveLength(5);
  });

  it("filters skip-style lists by field:value, typed values included", async () => {
    const live = await call("GET", "/v1/categories?filter=isArchived:false");
    expect(live.body.meta.total).toBe(2);
    const vouchers = await call("GET", "/v1/products?filter=type:voucher");
    expect(vouchers.body.data.length).toBeGreaterThan(0);
    expect(vouchers.body.data.every((p: { type: string }) => p.type === "voucher")).toBe(true);
    expect((await call("GET", "/v1/products?filter=type")).status).toBe(400);
  });

  it("takes search in the documented keyword:<text> form, and refuses a bare value", async () => {
    const r = await call("GET", "/v1/products?search=keyword:voucher");
    expect(r.body.meta.total).toBe(2);
    const bare = await call("GET", "/v1/products?search=voucher");
    expect(bare.status).toBe(400);
    expect(bare.body.message).toMatch(/search: must be keyword:<text> or field:<text>/);
  });

  it("projects fields, always keeping _id", async () => {
    const list = await call("GET", "/leaderboards?fields=name,slug");
    for (const row of list.body.data) expect(Object.keys(row).sort()).toEqual(["_id", "name", "slug"]);
    const one = await call("GET", `/v1/products/${SEED.productId}?fields=price,expiringVoucherHighlight.isEnabled`);
    expect(one.body.data).toEqual({ _id: SEED.productId, price: 100, expiringVoucherHighlight: { isEnabled: false } });
    const config = await call("GET", "/v1/stores?fields=title");
    expect(config.body.data).toEqual({ _id: SEED.storeConfigId, title: "Rewards Store" });
  });
});

describe("store", () => {
  it("finds a purchase history by its order id or its _id", async () => {
    const byOrder = await call("PATCH", `/v1/purchase-histories/${SEED.orderId}`, {
      body: { redemptionInstructions: "Pick up at the desk." },
    });
    expect(byOrder.status).toBe(200);
    expect(byOrder.body.message).toBe("Update purchase history success.");
    expect(byOrder.body.data).toMatchObject({ _id: SEED.purchaseHistoryId, orderID: SEED.orderId });
    expect(byOrder.body.data.product).toMatchObject({ name: "Gold Voucher" });
    const byId = await call("PATCH", `/v1/purchase-histories/${SEED.purchaseHistoryId}`, {
      body: { voucherCode: "GOLD-1", voucherExpiryDate: "31/12/2026" },
    });
    expect(byId.body.data).toMatchObject({ orderID: SEED.orderId, redemptionInstructions: "Pick up at the desk." });
    const missing = await call("PATCH", "/v1/purchase-histories/ORD000", { body: { redemptionInstructions: "x" } });
    expect(missing.status).toBe(404);
  });

  it("keeps one store config and merges updates into it", async () => {
    const r = await call("PUT", "/stores", { body: { description: "<p>New</p>" } });
    expect(r.body.message).toBe("Update store config success.");
    const read = await call("GET", "/v1/stores");
    expect(read.body.data).toMatchObject({ _id: SEED.storeConfigId, title: "Rewards Store", description: "<p>New</p>" });
  });
});

describe("API keys", () => {
  const keysOf = (communityId: string) => `/apis/v1/communities/${communityId}/api-keys`;

  it("are scoped by the communityId of the path", async () => {
    const demo = await call("GET", keysOf(SANDBOX_COMMUNITY_ID));
    expect(demo.body.message).toBe("Read API keys success.");
    expect(demo.body.data.map((k: { _id: string }) => k._id)).toEqual(SEED.apiKeyIds);
    const other = await call("GET", keysOf(OTHER_COMMUNITY));
    expect(other.status).toBe(200);
    expect(other.body.data).toEqual([]);
    expect(other.body.meta.total).toBe(0);
    expect((await call("DELETE", `${keysOf(OTHER_COMMUNITY)}/${SEED.apiKeyId}`)).status).toBe(404);
    expect((await call("PUT", `${keysOf(OTHER_COMMUNITY)}/${SEED.apiKeyId}`, { body: { name: "x" } })).status).toBe(404);
  });

  it("generate a secret on create and keep names unique per community only", async () => {
    const body = { name: "Slack Integration API Key", permissions: ["sendMessage"] };
    expect((await call("POST", keysOf(SANDBOX_COMMUNITY_ID), { body })).status).toBe(409);
    const elsewhere = await call("POST", keysOf(OTHER_COMMUNITY), { body });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.data.key).toMatch(/^[a-f0-9]{64}$/);
    expect(elsewhere.body.data.communityId).toBe(OTHER_COMMUNITY);
    expect(elsewhere.body.data).not.toHaveProperty("communityID");
    expect((await call("GET", keysOf(OTHER_COMMUNITY))).body.data).toHaveLength(1);
  });

  it("serve both tool families from one route table", async () => {
    const created = await callTool(tool("create_community_api_key"), {
      communityId: SANDBOX_COMMUNITY_ID,
      name: "Shared",
      permissions: ["getUserData"],
    });
    expect(created.status).toBe(201);
    const id: string = created.body.data._id;
    const updated = await callTool(tool("legacy_update_integration_api_key"), {
      communityId: SANDBOX_COMMUNITY_ID,
      apikeyId: id,
      expirePeriod: 30,
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ _id: id, name: "Shared", expirePeriod: 30 });
    const listed = await callTool(tool("legacy_list_integration_api_keys"), { communityId: SANDBOX_COMMUNITY_ID });
    expect(listed.body.data.find((k: { _id: string }) => k._id === id)).toMatchObject({ expirePeriod: 30 });
    const deleted = await callTool(tool("delete_community_api_key"), { communityId: SANDBOX_COMMUNITY_ID, apiKeyId: id });
    expect(deleted.body.message).toBe("Delete API key success.");
    expect(
      (await callTool(tool("legacy_delete_integration_api_key"), { communityId: SANDBOX_COMMUNITY_ID, apikeyId: id })).status,
    ).toBe(404);

    const routes = buildRoutes(ALL_TOOLS, SANDBOX_BEHAVIOURS);
    const match = matchRoute(routes, "DELETE", `${keysOf(SANDBOX_COMMUNITY_ID)}/${SEED.apiKeyId}`);
    expect(match.kind).toBe("found");
    if (match.kind === "found") {
      expect(match.entry.tools.map((t) => t.tool.name).sort()).toEqual([
        "delete_community_api_key",
        "legacy_delete_integration_api_key",
      ]);
      expect(match.entry.tools.map((t) => t.idParam).sort()).toEqual(["apiKeyId", "apikeyId"]);
    }
  });
});

/** The collection a tool's generic operation serves. */
function resourceOf(toolName: string) {
  const behaviour = SANDBOX_BEHAVIOURS.get(toolName);
  if (!behaviour || typeof behaviour === "function") throw new Error(`${toolName} has no generic operation`);
  return behaviour.resource;
}

const withBehaviour = (toolName: string, behaviour: Behaviour) => new Map([...SANDBOX_BEHAVIOURS, [toolName, behaviour]]);

describe("route table", () => {
  const base = tool("delete_leaderboard");

  it("refuses two behaviours for one route", () => {
    const twin: ToolDef = {
      ...base,
      name: "twin",
      path: "/leaderboards/{other}",
    };
    const leaderboards = resourceOf("get_leaderboard");
    expect(() => buildRoutes([base, twin], withBehaviour("twin", crud(leaderboards, "get")))).toThrow(/delete_leaderboard.*twin/);
    expect(() => buildRoutes([base, twin], withBehaviour("twin", crud(leaderboards, "delete")))).not.toThrow();
  });

  it("lets either tool of a shared route accept the call, each with its own param names", () => {
    const [community, legacy] = [tool("update_community_api_key"), tool("legacy_update_integration_api_key")];
    // A legacy twin that, unlike its sibling, takes no `name`: the call must still pass through the sibling.
    const strictLegacy: ToolDef = { ...legacy, input: legacy.input.omit({ name: true }) };
    const tools = [
      { tool: strictLegacy, params: ["communityId", "apikeyId"], idParam: "apikeyId" },
      { tool: community, params: ["communityId", "apiKeyId"], idParam: "apiKeyId" },
    ];
    const values = [SANDBOX_COMMUNITY_ID, SEED.apiKeyId];
    const ok = validateCall(tools, values, new URLSearchParams(), () => ({ body: { name: "Renamed" }, files: {} }));
    expect(ok.routeTool.tool.name).toBe("update_community_api_key");
    expect(ok.path).toEqual({ communityId: SANDBOX_COMMUNITY_ID, apiKeyId: SEED.apiKeyId });
    expect(
      validateCall(tools, values, new URLSearchParams(), () => ({ body: { expirePeriod: 1 }, files: {} })).path,
    ).toHaveProperty("apikeyId");
    expect(() => validateCall(tools, values, new URLSearchParams(), () => ({ body: { colour: "red" }, files: {} }))).toThrow(
      "colour: unknown field",
    );
  });

  it("refuses tools the generic ops cannot serve", () => {
    expect(() => buildRoutes([{ ...base, name: "unbound" }], SANDBOX_BEHAVIOURS)).toThrow(/unbound: no behaviour/);
    expect(() => buildRoutes([{ ...base, path: "/leaderboards" }], SANDBOX_BEHAVIOURS)).toThrow(/record id/);
    const stores = resourceOf("get_store_config");
    expect(() => buildRoutes([base], withBehaviour(base.name, crud(stores, "get")))).toThrow(/does not fit/);
    const keys = tool("delete_community_api_key");
    expect(() => buildRoutes([{ ...keys, path: "/api-keys/{apiKeyId}" }], SANDBOX_BEHAVIOURS)).toThrow(/communityId/);
  });
});

describe("secret fields", () => {
  it("masks in the engine every field that the sandbox fills with a generated secret", () => {
    const unmasked = ALL_TOOLS.flatMap((tool) => {
      const behaviour = SANDBOX_BEHAVIOURS.get(tool.name);
      const secret = behaviour && typeof behaviour !== "function" ? behaviour.resource.secretField : undefined;
      return secret && !tool.secretFields?.includes(secret) ? [`${tool.name}: ${secret}`] : [];
    });
    expect(unmasked).toEqual([]);
  });
});
