import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { measureCalls } from "./calls.js";
import { measureFleet } from "./fleet.js";
import { measureHttpLoad } from "./http-load.js";
import { machine, markdown, withBenchSection } from "./report.js";
import { measureResultTokens, resultTokenTable } from "./result-tokens.js";
import { measureStartup } from "./startup.js";
import { holds } from "./stats.js";
import { tokenFigures } from "./tokens.js";
import { startUpstream } from "./upstream.js";

/**
 * `npm run bench`: every speed figure as a ratio against a baseline measured in the same run
 * (bare SDK servers, bundled like ours and spawned beside it), plus the token figures. Prints a table, writes
 * bench/results.json and the README's bench section. Timings vary with the machine and its load,
 * so they live here and never in tests; the token budgets are deterministic and tested.
 */

const out = (line: string) => process.stdout.write(`${line}\n`); // stdout-ok: benchmark report

async function main() {
  // --smoke: every measurement once, tiny, nothing written (test/release/bench.test.ts); --quick: a rough run.
  const smoke = process.argv.includes("--smoke");
  const quick = process.argv.includes("--quick");
  const m = machine();
  const upstream = await startUpstream();
  try {
    const ratios = [
      ...(await measureStartup(upstream, smoke ? 1 : quick ? 5 : 15)),
      ...(await measureCalls(upstream, smoke ? 10 : quick ? 500 : 3000, smoke ? 5 : 50)),
      ...(await measureHttpLoad(upstream, smoke ? 1 : quick ? 2 : 5, smoke ? 200 : quick ? 1000 : 2000)),
      ...(await measureFleet(upstream, smoke ? 20 : quick ? 200 : 1000)),
    ];
    out(`${resultTokenTable(await measureResultTokens())}\n`);
    const tokens = tokenFigures();
    const date = new Date().toISOString().slice(0, 10);
    const table = markdown(ratios, tokens, m, date);
    out(table);
    if (smoke) return;
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
