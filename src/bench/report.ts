import { cpus, loadavg, platform, release, totalmem } from "node:os";
import { holds, type Ratio } from "./stats.js";
import type { TokenFigures } from "./tokens.js";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  /** 1-minute load average when the run began: other work on the machine skews every timing. */
  load: number;
}

export const machine = (): Machine => ({
  cpu: cpus()[0]?.model.trim() ?? "unknown",
  cores: cpus().length,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  os: `${platform()} ${release()}`,
  node: process.version,
  load: Number(loadavg()[0]?.toFixed(2)),
});

const num = (n: number, unit: string) => (unit === "ms" ? `${n.toFixed(2)} ms` : `${Math.round(n)} ${unit}`);

/** The results as the README shows them: one markdown table for speed, one for tokens. */
export function markdown(ratios: Ratio[], t: TokenFigures, m: Machine, date: string): string {
  const speed = ratios.map(
    (r) =>
      `| ${r.measure} | ${num(r.ours, r.unit)} | ${num(r.baseline, r.unit)} (${r.baselineName}) | ${r.ratio.toFixed(2)}x | ` +
      `${r.bound ? `${r.bound.op} ${r.bound.value}x | ${holds(r) ? "yes" : "**no**"}` : "(for scale) | "} |`,
  );
  return [
    `Measured ${date} on ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}, Node ${m.node} (load ${m.load} at start).`,
    "",
    "| measure | ours | baseline | ratio | bound | holds |",
    "|---|---|---|---|---|---|",
    ...speed,
    "",
    "| tools/list (o200k tokens) | tools | tokens |",
    "|---|---|---|",
    `| every non-legacy tool | ${t.nonLegacy.tools} | ${t.nonLegacy.total} (mean ${t.nonLegacy.mean.toFixed(1)}, largest ${t.nonLegacy.max}: \`${t.nonLegacy.maxTool}\`) |`,
    `| default (${t.defaultSet.toolsets.join(", ")} + the audit reader + discovery, reaching ${t.defaultSet.reachable}) | ${t.defaultSet.tools} | ${t.defaultSet.total} |`,
    `| --discover | ${t.discovery.tools} | ${t.discovery.total} |`,
  ].join("\n");
}

const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";

/** The README with its bench section replaced; unchanged if it has no bench markers. */
export function withBenchSection(readme: string, table: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return readme;
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}
