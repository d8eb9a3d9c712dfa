import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { SETTINGS } from "./config.js";
import { needsConfirmation } from "./registry/gate-args.js";
import { ALL_TOOLS, TOOLSETS } from "./registry/index.js";
import type { AuthKind } from "./registry/types.js";
import { UPLOAD_LIMITS } from "./registry/uploads.js";

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

const NEEDS: Record<AuthKind, string> = {
  bearer: "`RETURNING_AI_API_KEY`",
  system: "`RETURNING_AI_SYSTEM_KEY`",
  webhook: "`RETURNING_AI_WEBHOOK_KEY` (if the webhook has its API-key toggle on)",
  "secure-auth": "`RETURNING_AI_SYSTEM_KEY` + `RETURNING_AI_COMMUNITY_HOST`",
};

/** Which credential each toolset's routes take, from the tables' auth kinds. */
export function credentialsTable(): string {
  const rows = TOOLSETS.map((toolset) => {
    const tools = ALL_TOOLS.filter((t) => t.toolset === toolset.name);
    const kinds = [...new Set(tools.map((t) => t.auth))];
    const uses = kinds.map((k) => {
      const names = tools.filter((t) => t.auth === k).map((t) => t.name);
      return kinds.length > 1 ? `${NEEDS[k]} (${names.map((n) => `\`${n}\``).join(", ")})` : NEEDS[k];
    });
    return `| \`${toolset.name}\` | ${uses.join("; ")} |`;
  });
  return ["| toolset | credential |", "|---|---|", ...rows].join("\n");
}

/** What each kind of upload accepts. */
export function uploadsTable(): string {
  const rows = Object.entries(UPLOAD_LIMITS).map(
    ([kind, { maxBytes, types }]) => `| ${kind} | ${types.join(", ")} | ${maxBytes / 1024 / 1024} MiB |`,
  );
  return ["| kind | types (from the file's bytes) | largest file |", "|---|---|---|", ...rows].join("\n");
}

export function settingsTable(): string {
  const rows = SETTINGS.map((s) => `| ${s.flag ? `\`${s.flag}\`` : ""} | \`${s.env}\` | ${s.default} | ${s.desc} |`);
  return ["| flag | environment variable | default | what it does |", "|---|---|---|---|", ...rows].join("\n");
}

export const GENERATED = {
  tools: toolsTable,
  settings: settingsTable,
  credentials: credentialsTable,
  uploads: uploadsTable,
} as const;

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
