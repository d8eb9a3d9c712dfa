import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { SETTINGS } from "./config.js";
import { needsConfirmation } from "./registry/gate-args.js";
import { ALL_TOOLS, TOOLSETS } from "./registry/index.js";

/** README sections generated from the registry and the settings table; a test fails when they are stale. */

const START = (name: string) => `<!-- generated:${name} start -->`;
const END = (name: string) => `<!-- generated:${name} end -->`;

export function toolsTable(): string {
  const lines: string[] = [];
  for (const toolset of TOOLSETS) {
    const tools = ALL_TOOLS.filter((t) => t.toolset === toolset.name);
    lines.push(`### \`${toolset.name}\`: ${toolset.summary}`, "", "| tool | risk | route | description |", "|---|---|---|---|");
    for (const t of tools) {
      const marks = [t.routeStatus === "inferred" ? "inferred" : "", needsConfirmation(t) ? "confirm" : ""].filter(Boolean);
      const route = `\`${t.method} ${t.path}\`${marks.length ? ` (${marks.join(", ")})` : ""}`;
      lines.push(`| \`${t.name}\` | ${t.risk} | ${route} | ${t.description.replace(/\|/g, "\\|")} |`);
    }
    lines.push("");
  }
  return lines.join("\n").trimEnd();
}

/** The toolsets a server offers without flags, so that the README's account of them cannot go stale. */
export function defaultsList(): string {
  const lines = TOOLSETS.filter((t) => t.default).map(
    (t) => `- \`${t.name}\` (${ALL_TOOLS.filter((tool) => tool.toolset === t.name).length} tools): ${t.summary}`,
  );
  const others = TOOLSETS.filter((t) => !t.default && t.name !== "legacy").map((t) => `\`${t.name}\``);
  return [...lines, "", `Not in the default: ${others.join(", ") || "none"} (and \`legacy\`, which needs \`--legacy\`).`].join("\n");
}

export function settingsTable(): string {
  const rows = SETTINGS.map((s) => `| ${s.flag ? `\`${s.flag}\`` : ""} | \`${s.env}\` | ${s.default} | ${s.desc} |`);
  return ["| flag | environment variable | default | what it does |", "|---|---|---|---|", ...rows].join("\n");
}

export const GENERATED = { tools: toolsTable, settings: settingsTable, defaults: defaultsList } as const;

/** Replaces every generated section of a README text with its current content. */
export function regenerate(readme: string): string {
  let out = readme;
  for (const [name, render] of Object.entries(GENERATED)) {
    const start = out.indexOf(START(name));
    const end = out.indexOf(END(name));
    if (start < 0 || end < start) throw new Error(`README lacks the ${START(name)} ... ${END(name)} markers`);
    out = `${out.slice(0, start + START(name).length)}\n${render()}\n${out.slice(end)}`;
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const file = process.argv[2] ?? "README.md";
  writeFileSync(file, regenerate(readFileSync(file, "utf8")));
  process.stderr.write(`updated the generated sections of ${file}\n`);
}
