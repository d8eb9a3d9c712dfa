import { performance } from "node:perf_hooks";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { BARE_STDIO, childEnv, cpuMs, OURS, stdioClient } from "./procs.js";
import { compare, median, type Ratio } from "./stats.js";
import type { Upstream } from "./upstream.js";

/**
 * One read tool call over stdio, our server against the SDK's low-level Server whose one handler
 * makes the same GET and answers with the same shape; both are spawned, called by the same kind
 * of client, in alternating blocks so that they share the machine's conditions. The servers' own
 * CPU time per call is the steadier figure on a busy machine.
 */
export async function measureCalls(upstream: Upstream, calls: number, block = 50): Promise<Ratio[]> {
  const env = childEnv(upstream);
  const ours = await stdioClient([OURS, "--toolsets", "all", "--base-url", upstream.url], env);
  const bare = await stdioClient([BARE_STDIO, "lowlevel"], env);
  const arms = { ours, bare };
  const times = { ours: [] as number[], bare: [] as number[] };
  const cpu = { ours: 0, bare: 0 };
  const call = async (client: Client) => {
    const result = await client.callTool({ name: "list_leaderboards", arguments: { limit: 20 } });
    if (result.isError) throw new Error("list_leaderboards failed during the benchmark");
  };
  try {
    for (let done = -4 * block; done < calls; done += block) {
      for (const [name, { client, pid }] of Object.entries(arms) as Array<[keyof typeof arms, typeof ours]>) {
        const cpuBefore = cpuMs(pid);
        for (let i = 0; i < block; i++) {
          const started = performance.now();
          await call(client);
          if (done >= 0) times[name].push(performance.now() - started);
        }
        if (done >= 0) cpu[name] += cpuMs(pid) - cpuBefore;
      }
    }
  } finally {
    await ours.client.close();
    await bare.client.close();
  }
  const baselineName = "SDK low-level Server, same GET, same result shape";
  const n = times.ours.length;
  const rows = [
    compare("read tool call over stdio, fixed-answer upstream (p50)", "ms", [median(times.ours), median(times.bare)], {
      baselineName,
      runs: n,
      bound: { op: "<=", value: 1.2 },
    }),
  ];
  if (cpu.bare > 0) {
    const perCall: [number, number] = [cpu.ours / n, cpu.bare / n];
    rows.push(compare("for scale: server CPU time per read tool call over stdio", "ms", perCall, { baselineName, runs: n }));
  }
  return rows;
}
