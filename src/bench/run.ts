import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { encode } from "gpt-tokenizer/encoding/o200k_base";
import { parseConfig } from "../config.js";
import { startRuntime } from "../runtime.js";
import { createServer } from "../server.js";

/** Timings and sizes that tests must not assert on: run with `npm run bench`. */

const CLI = fileURLToPath(new URL("../cli.js", import.meta.url));
const out = (line: string) => process.stdout.write(`${line}\n`); // stdout-ok: benchmark report

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function startup(runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const client = new Client({ name: "bench", version: "1" });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [CLI, "--sandbox"], stderr: "ignore" }));
    await client.listTools();
    times.push(performance.now() - started);
    await client.close();
  }
  return times.sort((a, b) => a - b);
}

async function surface(args: string[]): Promise<{ tools: number; bytes: number; tokens: number }> {
  const runtime = await startRuntime(parseConfig(["--sandbox", ...args], {}));
  const server = createServer({ tools: runtime.tools, context: runtime.contextFor({}, "sandbox", "stdio") });
  const client = new Client({ name: "bench", version: "1" });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(a), client.connect(b)]);
  const json = JSON.stringify((await client.listTools()).tools);
  await client.close();
  await runtime.close();
  return { tools: runtime.tools.length, bytes: Buffer.byteLength(json), tokens: encode(json).length };
}

async function calls(n: number): Promise<Record<string, number[]>> {
  const runtime = await startRuntime(parseConfig(["--sandbox"], {}));
  const { credentials, source } = runtime.defaults;
  const server = createServer({ tools: runtime.tools, context: runtime.contextFor(credentials, source, "stdio") });
  const client = new Client({ name: "bench", version: "1" });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(a), client.connect(b)]);
  const cases: Record<string, Record<string, unknown>> = {
    list_leaderboards: { limit: 20 },
    get_store_config: {},
    "create_store_category (dryRun)": { name: "Bench", dryRun: true },
  };
  const results: Record<string, number[]> = {};
  for (const [label, args] of Object.entries(cases)) {
    const name = label.split(" ")[0]!;
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      const result = await client.callTool({ name, arguments: args });
      times.push(performance.now() - started);
      if (result.isError) throw new Error(`${name} failed during the benchmark`);
    }
    results[label] = times.sort((x, y) => x - y);
  }
  await client.close();
  await runtime.close();
  return results;
}

async function main() {
  const start = await startup(5);
  out(
    `startup over stdio with the sandbox (spawn -> initialize -> tools/list), 5 runs: median ${ms(percentile(start, 50))}, max ${ms(start.at(-1)!)}`,
  );
  for (const [label, args] of [
    ["default", []],
    ["all + legacy", ["--legacy"]],
    ["read-only", ["--read-only"]],
  ] as const) {
    const s = await surface([...args]);
    out(
      `tools/list ${label}: ${s.tools} tools, ${s.bytes} bytes, ${s.tokens} tokens (o200k), ${Math.round(s.tokens / s.tools)} tokens/tool`,
    );
  }
  for (const [label, times] of Object.entries(await calls(300))) {
    out(`call ${label} in memory over the sandbox, 300 runs: p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
