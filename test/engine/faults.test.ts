import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH } from "../../src/client/response.js";
import { type Connected, connectInMemory, textOf } from "../support/helpers.js";

/**
 * Our server against a local upstream that misbehaves the ways a real one (or a proxy in front of
 * it) can: it trickles, hangs, resets, floods, answers HTML or broken JSON, or rate-limits for an
 * hour. Every call must end within the deadline with one clear line, and memory stay bounded.
 */

const KEY = "rk_test_faults_0001";
const DEADLINE_MS = 1_500;
const CAP = 1024 * 1024;

type Behaviour = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

const ok = (data: unknown) => JSON.stringify({ meta: { status: "success", statusCode: 200 }, message: "ok", data });

describe("a misbehaving upstream", () => {
  let server: Server;
  let mcp: Connected;
  let behaviour: Behaviour = (_req, res) => res.end(ok({}));
  let hits = 0;
  /** Bytes the upstream managed to hand to the socket, for the flood test. */
  let written = 0;
  const timers = new Set<NodeJS.Timeout>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits += 1;
      req.resume();
      behaviour(req, res, hits);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    mcp = await connectInMemory({
      baseUrl: url,
      apiKey: KEY,
      client: { timeoutMs: DEADLINE_MS, maxResponseBytes: CAP, maxRetryWaitMs: 5_000 },
    });
  });
  afterAll(async () => {
    for (const t of timers) clearInterval(t);
    await mcp.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /**
   * Runs one call with `b` as the upstream. Nothing here reads a clock: a call that ignored its
   * deadline or the size cap would hang until the test's timeout, and each outcome has its own message.
   */
  async function against(b: Behaviour, tool = "get_store_config", args: Record<string, unknown> = {}) {
    behaviour = b;
    hits = 0;
    written = 0;
    const result = await mcp.call(tool, args);
    return { result, text: textOf(result), hits };
  }

  const every = (ms: number, fn: () => void) => {
    const t = setInterval(fn, ms);
    timers.add(t);
    return t;
  };

  it("ends a body that trickles in forever at the deadline", async () => {
    const { result, text } = await against((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"data":"');
      const t = every(100, () => (res.destroyed ? clearInterval(t) : res.write("x")));
    });
    expect(result.isError).toBe(true);
    expect(text).toBe(
      "Returning.AI did not finish answering within the 1500 ms deadline (RETURNING_AI_TIMEOUT_MS). Try again, or raise RETURNING_AI_TIMEOUT_MS.",
    );
  });

  it("keeps the deadline across retries and says so", async () => {
    // Busy at once, then never answering: the retry must end at the first call's deadline.
    const { text, hits } = await against((_req, res, hit) => {
      if (hit > 1) return;
      res.writeHead(503, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: "busy" }));
    });
    expect(hits).toBe(2);
    expect(text).toMatch(
      /^Returning\.AI did not finish answering within the 1500 ms deadline \(RETURNING_AI_TIMEOUT_MS\) over 2 attempts\./,
    );
  });

  it("ends a call to an upstream that never answers, and warns that a write may have landed", async () => {
    const { text } = await against(() => {}, "create_store_category", { name: "Hung" });
    expect(text).toMatch(
      /deadline \(RETURNING_AI_TIMEOUT_MS\)\. The change may still have been applied: check before trying again\./,
    );
  });

  it("reports a reset connection on one line", async () => {
    const { text, hits } = await against((req) => req.socket.destroy());
    expect(hits).toBe(3);
    expect(text.match(/Could not reach Returning\.AI/g)).toHaveLength(1);
    expect(text).toMatch(/^Could not reach Returning\.AI: .*Check RETURNING_AI_BASE_URL and the network\.$/);
  });

  it("stops reading a flood at the size cap, naming the setting", async () => {
    const chunk = Buffer.alloc(64 * 1024, "a");
    const { text } = await against((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"data":"');
      // 150 MB if nobody stops it; chunked, so no Content-Length gives it away.
      const pump = () => {
        while (written < 150 * 1024 * 1024 && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        if (!res.destroyed) res.end('"}');
      };
      res.on("close", () => {});
      pump();
    });
    expect(text).toBe(
      `Returning.AI's response is larger than RETURNING_AI_MAX_RESPONSE_BYTES (${CAP} bytes); reading stopped. Narrow the query (a smaller limit, fewer fields) or raise the setting.`,
    );
    // The reader hung up (the size-cap message, not the deadline's): the upstream got rid of a few
    // socket buffers' worth, not 150 MB.
    expect(written).toBeLessThan(16 * 1024 * 1024);
  });

  it("refuses a body whose Content-Length is over the cap before reading it", async () => {
    const { text } = await against((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(200 * 1024 * 1024) });
      res.write("{");
    });
    expect(text).toMatch(/^Returning\.AI's response is larger than RETURNING_AI_MAX_RESPONSE_BYTES/);
  });

  it("reads a body of exactly the cap whole, with or without a Content-Length, and no byte more", async () => {
    const exactly = (bytes: number) => {
      const shell = ok({ pad: "" });
      return ok({ pad: "x".repeat(bytes - Buffer.byteLength(shell)) });
    };
    const sized = (body: string) => (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      res.end(body);
    };
    // Two writes and no length: the chunked path, counted as it streams.
    const chunked = (body: string) => (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write(body.slice(0, 1000));
      res.end(body.slice(1000));
    };
    for (const send of [sized, chunked]) {
      const fits = await against(send(exactly(CAP)));
      expect(fits.result.isError).toBeFalsy();
      expect(fits.text).toContain("xxxx");
      const over = await against(send(exactly(CAP + 1)));
      expect(over.text).toMatch(/^Returning\.AI's response is larger than RETURNING_AI_MAX_RESPONSE_BYTES/);
    }
  });

  it("turns an HTML page and broken JSON into one readable error each", async () => {
    const html = await against((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html><body><h1>Maintenance</h1><script>x()</script></body></html>");
    });
    expect(html.text).toBe(
      "Returning.AI sent a response that cannot be used: Returning.AI answered 200 with a non-JSON body: Maintenance",
    );
    const broken = await against((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"data": {"name": ');
    });
    expect(broken.text).toMatch(/^Returning\.AI sent a response that cannot be used: .*\{"data": \{"name":/);
  });

  it("answers JSON nested 100k deep with a tool error, and takes an answer nested as deep as the limit", async () => {
    const nested = (depth: number, open: string, close: string) => `${open.repeat(depth)}${close.repeat(depth)}`;
    for (const body of [nested(100_000, "[", "]"), `{"data":${nested(100_000, '{"a":', "}").replace(/:}/, ":1}")}}`]) {
      const { result, text } = await against((_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(body);
      });
      expect(result.isError).toBe(true);
      expect(text).toBe(
        `Returning.AI sent a response that cannot be used: Returning.AI answered 200 with JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
      );
    }
    // The envelope is one level; its data may nest to the limit.
    const deepest = nested(MAX_JSON_DEPTH - 1, "[", "]");
    const { result } = await against((_req, res) => res.end(`{"data":${deepest}}`));
    expect(result.isError, textOf(result).slice(0, 200)).toBeFalsy();
  });

  it("reports a 429 with an hour-long Retry-After at once instead of waiting", async () => {
    const { text, hits } = await against((_req, res) => {
      res.writeHead(429, { "content-type": "application/json", "retry-after": "3600" });
      res.end(JSON.stringify({ message: "Too many requests" }));
    });
    // One request and the answer: no retry, and so no wait before one.
    expect(hits).toBe(1);
    expect(text).toBe("Returning.AI API 429 Too Many Requests: Too many requests. Rate limited; try again in 3600 s.");
  });
});
