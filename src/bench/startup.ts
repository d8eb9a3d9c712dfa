import { performance } from "node:perf_hooks";
import { BARE_STDIO, childEnv, OURS, stdioClient } from "./procs.js";
import { compare, median, type Ratio } from "./stats.js";
import type { Upstream } from "./upstream.js";

/** Spawn to the answer of the first tools/list, as a client that starts the server would see it. */
async function timeStart(args: string[], env: Record<string, string>): Promise<number> {
  const started = performance.now();
  const { client } = await stdioClient(args, env);
  const { tools } = await client.listTools();
  const elapsed = performance.now() - started;
  await client.close();
  if (tools.length === 0) throw new Error(`${args[0]} listed no tools`);
  return elapsed;
}

/**
 * Ours with the default toolsets and with every tool (legacy included), against a bare one-tool
 * SDK server bundled the same way (esbuild, same options); the three alternate run by run.
 */
export async function measureStartup(upstream: Upstream, runs: number): Promise<Ratio[]> {
  const env = childEnv(upstream);
  const arms = {
    bare: [BARE_STDIO],
    default: [OURS, "--base-url", upstream.url],
    all: [OURS, "--toolsets", "all", "--legacy", "--base-url", upstream.url],
  };
  const times: Record<keyof typeof arms, number[]> = { bare: [], default: [], all: [] };
  // The first spawns warm the file cache for all (a smoke run of one skips them).
  if (runs > 1) for (const args of Object.values(arms)) await timeStart(args, env);
  for (let i = 0; i < runs; i++) {
    for (const [arm, args] of Object.entries(arms) as Array<[keyof typeof arms, string[]]>) {
      times[arm].push(await timeStart(args, env));
    }
  }
  const row = (which: string, arm: keyof typeof arms): Ratio =>
    compare(`stdio start: spawn to first tools/list, ${which} (median)`, "ms", [median(times[arm]), median(times.bare)], {
      baselineName: "bare one-tool SDK server, bundled alike",
      runs,
      bound: { op: "<=", value: 1.3 },
    });
  return [row("default toolsets", "default"), row("every tool (132)", "all")];
}
