import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { Pool } from "undici";
import { parseConfig } from "../config.js";
import { startRuntime } from "../runtime.js";
import { serveHttp } from "../server/http.js";
import { readBody } from "../util/body.js";
import { bareServer } from "./bare.js";
import { median, type Ratio } from "./stats.js";
import type { Upstream } from "./upstream.js";

const CALL = JSON.stringify({
  jsonrpc: "2.0",
  id: 1,
  method: "tools/call",
  params: { name: "list_leaderboards", arguments: { limit: 20 } },
});

/** The SDK's own stateless pattern: a new server and transport for every request. */
async function serveBare(upstream: Upstream): Promise<{ url: string; close(): Promise<void> }> {
  const http: Server = createServer(async (req, res) => {
    const body = JSON.parse((await readBody(req, 1_048_576)).toString("utf8"));
    const server = bareServer(upstream.url, upstream.apiKey);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on("close", () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

/** Calls per second with `inFlight` requests kept going for `ms`; every answer is checked. */
async function load(url: string, inFlight: number, ms: number): Promise<number> {
  const target = new URL(url);
  const pool = new Pool(target.origin, { connections: inFlight });
  let done = 0;
  const deadline = performance.now() + ms;
  const worker = async () => {
    while (performance.now() < deadline) {
      const res = await pool.request({
        method: "POST",
        path: target.pathname,
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
        body: CALL,
      });
      const text = await res.body.text();
      if (res.statusCode !== 200 || !text.includes('"result"') || text.includes('"isError":true')) {
        throw new Error(`${url} answered ${res.statusCode}: ${text.slice(0, 200)}`);
      }
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  return done / seconds;
}

/** A read tool over stateless Streamable HTTP, ours against the bare SDK server; rounds alternate. */
export async function measureThroughput(upstream: Upstream, rounds: number, ms: number): Promise<Ratio> {
  const runtime = await startRuntime(
    parseConfig(["--toolsets", "all", "--base-url", upstream.url], { RETURNING_AI_API_KEY: upstream.apiKey }),
  );
  const ours = await serveHttp(runtime, { host: "127.0.0.1", port: 0 });
  const bare = await serveBare(upstream);
  const inFlight = 8;
  const rates = { ours: [] as number[], bare: [] as number[] };
  try {
    await load(ours.url, inFlight, ms / 4); // warm both up: JIT, sockets, first-use caches
    await load(bare.url, inFlight, ms / 4);
    for (let i = 0; i < rounds; i++) {
      rates.ours.push(await load(ours.url, inFlight, ms));
      rates.bare.push(await load(bare.url, inFlight, ms));
    }
  } finally {
    await ours.close();
    await bare.close();
    await runtime.close();
  }
  const [o, b] = [median(rates.ours), median(rates.bare)];
  return {
    measure: `HTTP: read tool calls per second, stateless, ${inFlight} in flight (median of rounds)`,
    unit: "calls/s",
    ours: o,
    baseline: b,
    baselineName: "bare SDK stateless server, one tool",
    ratio: o / b,
    bound: { op: ">=", value: 0.9 },
    runs: rounds,
  };
}
