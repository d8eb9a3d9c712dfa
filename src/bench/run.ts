import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { startSandbox } from "../sandbox/index.js";
import { measureFleet } from "./fleet.js";
import { measureLatency } from "./latency.js";
import { machine, markdown, withBenchSection } from "./report.js";
import { measureStartup } from "./startup.js";
import { holds } from "./stats.js";
import { measureThroughput } from "./throughput.js";
import { tokenFigures } from "./tokens.js";
import { startUpstream } from "./upstream.js";

/**
 * `npm run bench`: every speed figure as a ratio against a baseline measured in the same run
 * (the bare SDK servers are built here), plus the token figures. Prints a table, writes
 * bench/results.json and the README's bench section. Timings vary with the machine and its load,
 * so they live here and never in tests; the token budgets are deterministic and tested.
 */

const out = (line: string) => process.stdout.write(`${line}\n`); // stdout-ok: benchmark report

async function main() {
  const quick = process.argv.includes("--quick");
  const m = machine();
  const upstream = await startUpstream();
  try {
    const sandbox = await startSandbox();
    const calls = quick ? 500 : 2000;
    const ratios = [
      await measureStartup(upstream, quick ? 5 : 15),
      await measureThroughput(upstream, quick ? 2 : 5, quick ? 1000 : 2000),
      ...(await measureLatency(sandbox, "sandbox", calls)),
      ...(await measureLatency(upstream, "fixed-answer", calls)),
      ...(await measureFleet(upstream, quick ? 200 : 1000)),
    ];
    await sandbox.close();
    const tokens = tokenFigures();
    const date = new Date().toISOString().slice(0, 10);
    const table = markdown(ratios, tokens, m, date);
    out(table);
    mkdirSync("bench", { recursive: true });
    writeFileSync("bench/results.json", `${JSON.stringify({ date, machine: m, ratios, tokens }, null, 2)}\n`);
    writeFileSync("README.md", withBenchSection(readFileSync("README.md", "utf8"), table));
    process.stderr.write("wrote bench/results.json and the README's bench section\n");
    if (!ratios.every(holds)) process.exitCode = 1;
  } finally {
    await upstream.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
