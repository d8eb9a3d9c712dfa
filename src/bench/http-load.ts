import type { ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";
import { Pool } from "undici";
import { BARE_HTTP, childEnv, freePort, httpChild, OURS, peakRssMb } from "./procs.js";
import { compare, median, type Ratio } from "./stats.js";
import type { Upstream } from "./upstream.js";

const CALL = JSON.stringify({
  jsonrpc: "2.0",
  id: 1,
  method: "tools/call",
  params: { name: "list_leaderboards", arguments: { limit: 20 } },
});

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

const stop = (child: ChildProcess) => new Promise<void>((resolve) => child.once("exit", () => resolve()).kill());

/**
 * A read tool over stateless Streamable HTTP with 32 calls in flight: ours (the bundled CLI with
 * --http) against the SDK's own stateless pattern, each in its own process so that its peak
 * resident memory is its own. Rounds alternate.
 */
export async function measureHttpLoad(upstream: Upstream, rounds: number, ms: number): Promise<Ratio[]> {
  const env = childEnv(upstream);
  const port = await freePort();
  const ours = await httpChild(
    [OURS, "--http", "--port", String(port), "--toolsets", "all", "--base-url", upstream.url],
    env,
    `http://127.0.0.1:${port}/mcp`,
  );
  const bare = await httpChild([BARE_HTTP], env);
  const inFlight = 32;
  const rates = { ours: [] as number[], bare: [] as number[] };
  let rss = { ours: 0, bare: 0 };
  try {
    await load(ours.url, inFlight, ms / 4); // warm both up: JIT, sockets, first-use caches
    await load(bare.url, inFlight, ms / 4);
    for (let i = 0; i < rounds; i++) {
      rates.ours.push(await load(ours.url, inFlight, ms));
      rates.bare.push(await load(bare.url, inFlight, ms));
    }
    rss = { ours: peakRssMb(ours.child.pid ?? 0), bare: peakRssMb(bare.child.pid ?? 0) };
  } finally {
    await stop(ours.child);
    await stop(bare.child);
  }
  const baselineName = "bare SDK stateless server, one tool, bundled alike";
  const rows = [
    compare(
      `HTTP: read tool calls per second, stateless, ${inFlight} in flight (median of rounds)`,
      "calls/s",
      [median(rates.ours), median(rates.bare)],
      { baselineName, runs: rounds, bound: { op: ">=", value: 0.9 } },
    ),
  ];
  if (rss.bare > 0) {
    rows.push(
      compare(`HTTP: peak resident memory under that load (${inFlight} in flight)`, "MB", [rss.ours, rss.bare], {
        baselineName,
        runs: rounds,
        bound: { op: "<=", value: 1.1 },
      }),
    );
  }
  return rows;
}
