import { performance } from "node:perf_hooks";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { Agent, request } from "undici";
import { parseConfig } from "../config.js";
import { startRuntime } from "../runtime.js";
import { createServer } from "../server.js";
import { median, type Ratio } from "./stats.js";
import { LIST_PATH, type Upstream } from "./upstream.js";

async function connect(server: Server): Promise<Client> {
  const client = new Client({ name: "bench", version: "1" });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(a), client.connect(b)]);
  return client;
}

/**
 * One read tool call through an MCP client in memory, against the same GET made directly with
 * undici, both against `upstream`. A third arm, the SDK's own low-level server whose handler makes
 * that GET and returns it, shows how much of the gap the SDK round trip itself takes. Arms
 * alternate in blocks, so that they share the machine's conditions.
 */
export async function measureLatency(upstream: Upstream, upstreamName: string, calls: number): Promise<Ratio[]> {
  const runtime = await startRuntime(
    parseConfig(["--toolsets", "all", "--base-url", upstream.url], { RETURNING_AI_API_KEY: upstream.apiKey }),
  );
  const { credentials, source } = runtime.defaults;
  const agent = new Agent();
  const get = async () => {
    const res = await request(`${upstream.url}${LIST_PATH}`, {
      dispatcher: agent,
      headers: { authorization: `Bearer ${upstream.apiKey}`, accept: "application/json" },
    });
    return (await res.body.json()) as { data: unknown; meta?: unknown };
  };
  const sdk = new Server({ name: "bare", version: "1" }, { capabilities: { tools: {} } });
  sdk.setRequestHandler(CallToolRequestSchema, async () => {
    const { data, meta } = await get();
    return { content: [{ type: "text", text: JSON.stringify({ data, meta }) }], structuredContent: { data, meta } };
  });
  const ours = await connect(createServer({ reach: runtime.reach, context: runtime.contextFor(credentials, source, "stdio") }));
  const bare = await connect(sdk);
  const call = (client: Client) => async () => {
    const result = await client.callTool({ name: "list_leaderboards", arguments: { limit: 20 } });
    if (result.isError) throw new Error("list_leaderboards failed during the benchmark");
  };
  const arms = { ours: call(ours), sdk: call(bare), direct: get };
  const times: Record<keyof typeof arms, number[]> = { ours: [], sdk: [], direct: [] };
  try {
    for (let done = -200; done < calls; done += 50) {
      for (const [name, fn] of Object.entries(arms) as Array<[keyof typeof arms, () => Promise<unknown>]>) {
        for (let i = 0; i < 50; i++) {
          const started = performance.now();
          await fn();
          if (done >= 0) times[name].push(performance.now() - started);
        }
      }
    }
  } finally {
    await ours.close();
    await bare.close();
    await agent.close();
    await runtime.close();
  }
  const direct = median(times.direct);
  const row = (measure: string, ms: number, bound?: Ratio["bound"]): Ratio => ({
    measure,
    unit: "ms",
    ours: ms,
    baseline: direct,
    baselineName: "the same GET with undici, direct",
    ratio: ms / direct,
    ...(bound ? { bound } : {}),
    runs: times.ours.length,
  });
  return [
    row(`read tool call in memory, MCP client to our server, ${upstreamName} upstream (median)`, median(times.ours), {
      op: "<=",
      value: 1.5,
    }),
    row(`for scale: the SDK's low-level server making that GET, same client, ${upstreamName} upstream`, median(times.sdk)),
  ];
}
