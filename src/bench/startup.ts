import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { median, type Ratio } from "./stats.js";
import type { Upstream } from "./upstream.js";

const script = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Spawn to the answer of the first tools/list, as a client that starts the server would see it. */
async function timeStart(args: string[], env: Record<string, string>): Promise<number> {
  const started = performance.now();
  const client = new Client({ name: "bench", version: "1" });
  await client.connect(new StdioClientTransport({ command: process.execPath, args, env, stderr: "ignore" }));
  const { tools } = await client.listTools();
  const elapsed = performance.now() - started;
  await client.close();
  if (tools.length === 0) throw new Error(`${args[0]} listed no tools`);
  return elapsed;
}

/** Ours with every non-legacy tool registered, against the bare SDK server; runs alternate. */
export async function measureStartup(upstream: Upstream, runs: number): Promise<Ratio> {
  const env = { PATH: process.env.PATH ?? "", RETURNING_AI_API_KEY: upstream.apiKey, BENCH_UPSTREAM: upstream.url };
  const ours = [script("../cli.js"), "--toolsets", "all", "--base-url", upstream.url];
  const bare = [script("./bare-stdio.js")];
  const times = { ours: [] as number[], bare: [] as number[] };
  await timeStart(ours, env); // the first spawn warms the file cache for both
  await timeStart(bare, env);
  for (let i = 0; i < runs; i++) {
    times.ours.push(await timeStart(ours, env));
    times.bare.push(await timeStart(bare, env));
  }
  const [o, b] = [median(times.ours), median(times.bare)];
  return {
    measure: "stdio start: spawn to first tools/list, every tool registered (median)",
    unit: "ms",
    ours: o,
    baseline: b,
    baselineName: "bare SDK server, one tool",
    ratio: o / b,
    bound: { op: "<=", value: 1.2 },
    runs,
  };
}
