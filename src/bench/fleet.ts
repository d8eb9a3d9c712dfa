import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { reachOver } from "../catalog/filters.js";
import { ALL_TOOLS } from "../catalog/index.js";
import { ReturningAiClient } from "../client/http.js";
import { ConfirmTokens } from "../server/confirm.js";
import type { CallContext } from "../server/context.js";
import { createServer } from "../server.js";
import { AuditLog, MemorySink, StoreSink } from "../state/audit.js";
import { RedisStore } from "../state/redis.js";
import { EmbeddedStore, type StateStore } from "../state/store.js";
import { NO_TELEMETRY } from "../telemetry/index.js";
import { startRedis } from "./redis.js";
import { median, type Ratio } from "./stats.js";
import { startUpstream, type Upstream } from "./upstream.js";

const ID = "0123456789abcdef01234567";

/** A server over one store, with an in-memory MCP client: a confirmed delete is ask, then confirm. */
async function confirmingClient(upstream: Upstream, store: StateStore, audit: AuditLog) {
  const api = new ReturningAiClient({ baseUrl: upstream.url, timeoutMs: 10_000 });
  const context: CallContext = {
    client: api,
    credentials: { apiKey: upstream.apiKey },
    keySource: "env",
    maxOutputChars: 40_000,
    tokens: new ConfirmTokens("bench-secret", store),
    fleet: { store, audit, telemetry: NO_TELEMETRY },
    transport: "http",
    uploadDirs: [],
  };
  const server = createServer({ reach: reachOver(ALL_TOOLS), context });
  const client = new Client({ name: "bench", version: "1" });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(a), client.connect(b)]);
  return {
    /** Times `calls` confirmed deletes, one after another. */
    async run(calls: number, times: number[]): Promise<void> {
      for (let i = 0; i < calls; i++) {
        const started = performance.now();
        const asked = await client.callTool({ name: "delete_leaderboard", arguments: { leaderboardID: ID } });
        const confirm = (asked.structuredContent as { confirmToken: string }).confirmToken;
        const done = await client.callTool({ name: "delete_leaderboard", arguments: { leaderboardID: ID, confirm } });
        if (done.isError) throw new Error("the confirmed delete failed during the benchmark");
        times.push(performance.now() - started);
      }
    },
    async close(): Promise<void> {
      await client.close();
      await api.close();
    },
  };
}

/**
 * Confirmed writes over the embedded store and over a local Redis, in alternating blocks: on a
 * shared, loaded machine the load then weighs on both alike, instead of on whichever ran second.
 */
async function confirmedWrites(upstream: Upstream, calls: number): Promise<{ embedded: number[]; shared: number[] }> {
  const redis = await startRedis();
  const store = new RedisStore(redis.url);
  const embedded: number[] = [];
  const shared: number[] = [];
  try {
    await store.ready();
    const local = await confirmingClient(upstream, new EmbeddedStore(), new AuditLog(new MemorySink()));
    const fleet = await confirmingClient(upstream, store, new AuditLog(new StoreSink(store)));
    try {
      await local.run(50, []);
      await fleet.run(50, []);
      const block = Math.max(1, Math.min(50, Math.ceil(calls / 20)));
      for (let done = 0; done < calls; done += block) {
        await local.run(block, embedded);
        await fleet.run(block, shared);
      }
    } finally {
      await local.close();
      await fleet.close();
    }
  } finally {
    await store.close();
    await redis.close();
  }
  return { embedded, shared };
}

/**
 * What running as a fleet costs: the shared store (a local Redis) against the embedded one on a
 * confirmed write, as extra milliseconds at the median against the 1 ms goal; and tracing when
 * off, as the no-op wrapper against a direct call (goal: nothing measurable).
 */
export async function measureFleet(upstream: Upstream, calls: number): Promise<Ratio[]> {
  const { embedded, shared } = await confirmedWrites(upstream, calls);
  const extra = median(shared) - median(embedded);
  const direct = async () => ({ content: [] });
  const noop: number[] = [];
  const bare: number[] = [];
  const time = async (call: () => Promise<unknown>, into: number[]) => {
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) await call();
    into.push(performance.now() - started);
  };
  const traced = () => NO_TELEMETRY.toolCall({ tool: "t", transport: "stdio" }, direct);
  // Each goes first in every other round: a load that rises or falls within a round weighs on both alike.
  for (let round = 0; round < 40; round++) {
    if (round % 2) {
      await time(direct, bare);
      await time(traced, noop);
    } else {
      await time(traced, noop);
      await time(direct, bare);
    }
  }
  return [
    {
      measure: "extra time of the shared store (local Redis) on a confirmed write, ask + confirm (median)",
      unit: "ms",
      ours: extra,
      baseline: 1,
      baselineName: "the 1 ms goal",
      ratio: extra,
      bound: { op: "<=", value: 1 },
      runs: shared.length,
    },
    {
      measure: "tracing off: 10,000 calls through the no-op tracer (median of 40)",
      unit: "ms",
      ours: median(noop),
      baseline: median(bare),
      baselineName: "the same 10,000 calls direct",
      ratio: median(noop) / median(bare),
      runs: noop.length,
    },
  ];
}

/** `node dist/bench/fleet.js [calls]`: this part alone, printed, nothing written. */
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const upstream = await startUpstream();
  try {
    for (const r of await measureFleet(upstream, Number(process.argv[2] ?? 1000))) {
      process.stdout.write(`${r.measure}: ${r.ours.toFixed(3)} ${r.unit} vs ${r.baseline.toFixed(3)} (${r.runs} runs)\n`); // stdout-ok: benchmark report
    }
  } finally {
    await upstream.close();
  }
}
