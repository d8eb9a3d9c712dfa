import { getEventListeners } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiRequest,
  backoffDelay,
  buildPath,
  errorMessageFrom,
  PathParamError,
  parseRetryAfter,
  ReturningAiClient,
  unwrapEnvelope,
} from "../../src/client/index.js";

const KEY = "rai_live_SECRET_KEY_0123456789";

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}
type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

const routes = new Map<string, Handler>();
const hits = new Map<string, number>();
const received: Received[] = [];
let server: Server;
let origin: string;
let client: ReturningAiClient;
const extraClients: ReturningAiClient[] = [];

/** Registers a handler for an exact raw path and returns a live hit counter for it. */
function route(path: string, handler: Handler): () => number {
  routes.set(path, handler);
  return () => hits.get(path) ?? 0;
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function newClient(opts: Partial<ConstructorParameters<typeof ReturningAiClient>[0]> = {}): ReturningAiClient {
  const c = new ReturningAiClient({ baseUrl: origin, baseDelayMs: 5, timeoutMs: 5000, ...opts });
  extraClients.push(c);
  return c;
}

const get = (path: string, extra: Partial<ApiRequest> = {}): ApiRequest => ({
  method: "GET",
  pathTemplate: path,
  auth: "bearer",
  credentials: { apiKey: KEY },
  ...extra,
});

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = req.url ?? "/";
      const path = url.split("?")[0] ?? "/";
      received.push({ method: req.method ?? "", url, headers: req.headers, body: Buffer.concat(chunks).toString() });
      const hit = (hits.get(path) ?? 0) + 1;
      hits.set(path, hit);
      const handler = routes.get(path);
      if (handler) handler(req, res, hit);
      else json(res, 404, { status: "error", message: `no test route ${path}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = newClient();
});

afterAll(async () => {
  await Promise.all(extraClients.map((c) => c.close()));
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("envelopes", () => {
  it("unwraps the newest envelope and keeps pagination meta", async () => {
    route("/newest", (_q, res) =>
      json(res, 200, {
        meta: { status: "success", statusCode: 200, page: 2, limit: 10, skip: 10, total: 31 },
        message: "ok",
        data: [{ id: "a" }],
      }),
    );
    const r = await client.request(get("/newest"));
    expect(r).toEqual({ ok: true, status: 200, data: [{ id: "a" }], meta: { page: 2, limit: 10, skip: 10, total: 31 } });
  });

  it("unwraps the older envelope", async () => {
    route("/older", (_q, res) => json(res, 200, { status: "success", message: "ok", data: { id: 7 } }));
    expect(await client.request(get("/older"))).toEqual({ ok: true, status: 200, data: { id: 7 } });
  });

  it("unwraps the oldest envelope", async () => {
    route("/oldest", (_q, res) => json(res, 200, { meta: { success: true, message: "done", devMessage: "" }, body: ["x"] }));
    expect(await client.request(get("/oldest"))).toEqual({ ok: true, status: 200, data: ["x"] });
  });

  it("passes unknown shapes through and drops status-only meta", () => {
    expect(unwrapEnvelope({ items: [1] })).toEqual({ data: { items: [1] } });
    expect(unwrapEnvelope([1, 2])).toEqual({ data: [1, 2] });
    expect(unwrapEnvelope({ meta: { status: "success", statusCode: 200 }, message: "m", data: 1 })).toEqual({ data: 1 });
  });

  it("builds messages from message, devMessage, detail, solution and errors", () => {
    expect(errorMessageFrom({ status: 404, message: "Not found", detail: "No leaderboard 9", solution: "List them first" })).toBe(
      "Not found — Detail: No leaderboard 9 — Solution: List them first",
    );
    expect(errorMessageFrom({ meta: { success: false, message: "Bad", devMessage: "id must be uuid" }, body: null })).toBe(
      "Bad — id must be uuid",
    );
    expect(errorMessageFrom({ error: "Unauthorized" })).toBe("Unauthorized");
    expect(
      errorMessageFrom({
        message: "Validation failed",
        errors: [{ field: "name", message: "required" }, { message: "bad score" }],
      }),
    ).toBe("Validation failed — Errors: name: required; bad score");
    expect(errorMessageFrom({ foo: 1 })).toBeUndefined();
  });
});

describe("failures", () => {
  it("turns an error envelope into an http failure with the API's message", async () => {
    route("/missing", (_q, res) =>
      json(res, 404, { meta: { status: "error", statusCode: 404 }, message: "Leaderboard not found", data: null }),
    );
    const r = await client.request(get("/missing"));
    expect(r).toMatchObject({ ok: false, kind: "http", status: 404, statusText: "Not Found", attempts: 1 });
    expect(!r.ok && r.message).toBe("Leaderboard not found");
  });

  it("treats a 200 whose envelope says error as a failure", async () => {
    route("/soft-error", (_q, res) => json(res, 200, { status: "error", message: "Quota exceeded", data: null }));
    const r = await client.request(get("/soft-error"));
    expect(r).toMatchObject({ ok: false, kind: "http", status: 200, message: "Quota exceeded" });
  });

  it("handles an HTML 502 page without throwing", async () => {
    const count = route("/html", (_q, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html><head><style>p{}</style></head><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>");
    });
    const r = await client.request(get("/html"));
    expect(r).toMatchObject({ ok: false, kind: "http", status: 502, statusText: "Bad Gateway", attempts: 3 });
    expect(!r.ok && r.message).toBe("502 Bad Gateway nginx");
    expect(count()).toBe(3);
  });

  it("reports a non-JSON 200 as invalid_response, and an empty 204 as data null", async () => {
    route("/html-ok", (_q, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<p>${"maintenance ".repeat(50)}</p>`);
    });
    route("/empty", (_q, res) => {
      res.writeHead(204);
      res.end();
    });
    const r = await client.request(get("/html-ok"));
    expect(r).toMatchObject({ ok: false, kind: "invalid_response", status: 200 });
    expect(!r.ok && r.message).toMatch(/non-JSON body: maintenance/);
    expect(!r.ok && r.message.length).toBeLessThan(300);
    expect(!r.ok && r.message).not.toContain("<p>");
    expect(await client.request(get("/empty", { method: "DELETE" }))).toEqual({ ok: true, status: 204, data: null });
  });

  it("sends the Bearer key but never echoes it in a failure message", async () => {
    route("/echo-auth", (q, res) => json(res, 401, { message: `Invalid token: ${q.headers.authorization}` }));
    const r = await client.request(get("/echo-auth"));
    expect(received.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(r).toMatchObject({ ok: false, status: 401 });
    expect(JSON.stringify(r)).not.toContain(KEY);
    expect(!r.ok && r.message).toBe("Invalid token: Bearer [redacted]");
  });
});

describe("retries", () => {
  it("retries a GET on 503 and then succeeds", async () => {
    const count = route("/flaky", (_q, res, hit) =>
      hit === 1 ? json(res, 503, { message: "busy" }) : json(res, 200, { status: "success", data: "ok" }),
    );
    expect(await client.request(get("/flaky"))).toEqual({ ok: true, status: 200, data: "ok" });
    expect(count()).toBe(2);
  });

  it("honours Retry-After in seconds", async () => {
    const count = route("/retry-after", (_q, res, hit) =>
      hit === 1 ? json(res, 503, { message: "later" }, { "retry-after": "1" }) : json(res, 200, { status: "success", data: 1 }),
    );
    const start = performance.now();
    const r = await client.request(get("/retry-after"));
    expect(performance.now() - start).toBeGreaterThanOrEqual(900);
    expect(r.ok).toBe(true);
    expect(count()).toBe(2);
  });

  it("parses Retry-After seconds and HTTP-dates", () => {
    const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
    expect(parseRetryAfter("7", now)).toBe(7);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now)).toBe(30);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it("backs off exponentially with jitter", () => {
    expect(backoffDelay(1, 100, () => 0)).toBe(50);
    expect(backoffDelay(1, 100, () => 1)).toBe(100);
    expect(backoffDelay(3, 100, () => 0)).toBe(200);
    expect(backoffDelay(3, 100, () => 1)).toBe(400);
  });

  it.each(["PUT", "DELETE"] as const)("retries %s on 429", async (method) => {
    const count = route(`/limited-${method}`, (_q, res, hit) =>
      hit === 1 ? json(res, 429, { message: "slow down" }) : json(res, 200, { status: "success", data: method }),
    );
    const r = await client.request(get(`/limited-${method}`, { method, body: { a: 1 } }));
    expect(r).toEqual({ ok: true, status: 200, data: method });
    expect(count()).toBe(2);
  });

  it.each(["POST", "PATCH"] as const)("never retries %s", async (method) => {
    const count = route(`/unsafe-${method}`, (_q, res) => json(res, 503, { message: "busy" }));
    const r = await client.request(get(`/unsafe-${method}`, { method, body: { a: 1 } }));
    expect(r).toMatchObject({ ok: false, status: 503, attempts: 1, message: "busy" });
    expect(count()).toBe(1);
  });

  it("gives up after 3 attempts", async () => {
    const count = route("/down", (_q, res) => json(res, 503, { message: "down" }));
    const r = await client.request(get("/down"));
    expect(r).toMatchObject({ ok: false, kind: "http", status: 503, attempts: 3 });
    expect(count()).toBe(3);
  });

  it("does not wait beyond the total retry budget", async () => {
    const count = route("/long-wait", (_q, res) => json(res, 429, { message: "later" }, { "retry-after": "120" }));
    // Waiting 120 s would end in the test's timeout; one attempt says it did not wait to retry.
    const r = await client.request(get("/long-wait"));
    expect(r).toMatchObject({ ok: false, status: 429, retryAfterSeconds: 120, attempts: 1 });
    expect(count()).toBe(1);
  });

  it("retries a GET after a connection reset, but not a POST", async () => {
    const count = route("/reset", (q, res, hit) => (hit === 1 ? q.socket.destroy() : json(res, 200, { status: "ok", data: 2 })));
    expect(await client.request(get("/reset"))).toEqual({ ok: true, status: 200, data: 2 });
    expect(count()).toBe(2);

    const postCount = route("/reset-post", (q) => q.socket.destroy());
    const r = await client.request(get("/reset-post", { method: "POST", body: {} }));
    expect(r).toMatchObject({ ok: false, kind: "network", attempts: 1 });
    expect(postCount()).toBe(1);
  });

  it("reports a hang as 'timeout' at the call's deadline and does not retry it", async () => {
    const count = route("/hang", () => {});
    const r = await newClient({ timeoutMs: 300 }).request(get("/hang"));
    expect(r).toMatchObject({
      ok: false,
      kind: "timeout",
      attempts: 1,
      message: "Returning.AI did not finish answering within the 300 ms deadline (RETURNING_AI_TIMEOUT_MS)",
    });
    expect(count()).toBe(1);
  });

  it("stops when the signal aborts, during backoff or before sending", async () => {
    const count = route("/abort", (_q, res) => json(res, 503, { message: "x" }, { "retry-after": "5" }));
    // Retry-After asks for 5 s: a second attempt would mean the abort did not end the backoff.
    const r = await client.request(get("/abort", { signal: AbortSignal.timeout(150) }));
    expect(r).toMatchObject({ ok: false, attempts: 1 });
    expect(count()).toBe(1);

    const before = received.length;
    const pre = await client.request(get("/abort", { signal: AbortSignal.abort() }));
    expect(pre).toMatchObject({ ok: false, attempts: 0 });
    expect(received.length).toBe(before);
  });
  it("leaves nothing attached to the caller's signal once a call ends, answered or failed", async () => {
    route("/done", (_q, res) => json(res, 200, { data: [] }));
    const signal = new AbortController().signal;
    for (const path of ["/done", "/retry-fails"]) await client.request(get(path, { signal }));
    // One listener per finished call would keep every call's deadline alive as long as the signal.
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });
});

describe("request building", () => {
  it.each(["a/b", "..", "x?y", "x#y", "%2e%2e", "a\u0000b", "", "a b", ".", "a\\b"])(
    "rejects path param %j before any network I/O",
    async (id) => {
      const before = received.length;
      await expect(client.request(get("/items/{id}", { pathParams: { id } }))).rejects.toBeInstanceOf(PathParamError);
      expect(received.length).toBe(before);
    },
  );

  it("rejects a template placeholder without a value", () => {
    expect(() => buildPath("/a/{x}/{y}", { x: "1" })).toThrow(PathParamError);
    expect(buildPath("/a/{x}", { x: "1" })).toBe("/a/1");
  });

  it("percent-encodes valid ids", async () => {
    const count = route("/items/h%C3%A9llo%3A%40%2B", (_q, res) => json(res, 200, { status: "ok", data: true }));
    const r = await client.request(get("/items/{id}", { pathParams: { id: "héllo:@+" } }));
    expect(r.ok).toBe(true);
    expect(count()).toBe(1);
  });

  it("encodes the query string and skips undefined values", async () => {
    route("/search", (_q, res) => json(res, 200, { data: null, status: "ok" }));
    await client.request(get("/search", { query: { q: "a b&c=d", page: 2, active: false, skip: undefined } }));
    expect(received.at(-1)?.url).toBe("/search?q=a%20b%26c%3Dd&page=2&active=false");
  });

  it("sends JSON headers, and a body only when there is one", async () => {
    route("/headers", (_q, res) => json(res, 200, { status: "ok", data: null }));
    await client.request(get("/headers", { method: "POST", body: { name: "x" } }));
    const post = received.at(-1);
    expect(post?.headers).toMatchObject({
      authorization: `Bearer ${KEY}`,
      accept: "application/json",
      "content-type": "application/json",
      "user-agent": "returning-ai-mcp",
    });
    expect(post?.body).toBe('{"name":"x"}');

    await client.request(get("/headers"));
    const plain = received.at(-1);
    expect(plain?.headers["content-type"]).toBeUndefined();
    expect(plain?.body).toBe("");
  });

  it("keeps a base URL path prefix without doubling slashes", async () => {
    const count = route("/api/v1/things", (_q, res) => json(res, 200, { status: "ok", data: "prefixed" }));
    for (const baseUrl of [`${origin}/api/v1`, `${origin}/api/v1/`]) {
      const r = await newClient({ baseUrl }).request(get("/things"));
      expect(r).toEqual({ ok: true, status: 200, data: "prefixed" });
    }
    expect(count()).toBe(2);
  });
});
