import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { ALL_TOOLS, TOOLSETS } from "./catalog/index.js";
import { SETTINGS } from "./config.js";
import { PROMPTS } from "./prompts/index.js";
import { needsConfirmation } from "./registry/gate-args.js";
import type { AuthKind } from "./registry/types.js";
import { UPLOAD_LIMITS } from "./registry/uploads.js";
import { whereToFindTable } from "./resources/credentials.js";
import { GUIDES } from "./resources/index.js";

/** README sections generated from the registry and the settings table; a test fails when they are stale. */

const START = (name: string) => `<!-- generated:${name} start -->`;
const END = (name: string) => `<!-- generated:${name} end -->`;

export function toolsTable(): string {
  const lines: string[] = [];
  for (const toolset of TOOLSETS) {
    const tools = ALL_TOOLS.filter((t) => t.toolset === toolset.name);
    lines.push(`#### \`${toolset.name}\`: ${toolset.summary}`, "", "| tool | risk | route | description |", "|---|---|---|---|");
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
  return [...lines, "", `Not in the default: ${others.join(", ") || "none"} (and \`legacy\`, which needs \`--legacy\`).`].join(
    "\n",
  );
}

const NEEDS: Record<AuthKind, string> = {
  bearer: "`RETURNING_AI_API_KEY`",
  system: "`RETURNING_AI_SYSTEM_KEY`",
  webhook: "`RETURNING_AI_WEBHOOK_KEY` (if the webhook has its API-key toggle on)",
  "secure-auth": "`RETURNING_AI_SYSTEM_KEY` + `RETURNING_AI_COMMUNITY_HOST`",
  none: "none, as its docs say",
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

/** The prompts a client offers (when their tools are enabled), with their arguments and tools. */
export function promptsTable(): string {
  const rows = PROMPTS.map((p) => {
    const args = p.arguments.map((a) => (a.required ? `**${a.name}**` : a.name)).join(", ");
    const tools = [...new Set(p.steps.flatMap((s) => s.tools))].map((t) => `\`${t}\``).join(", ");
    return `| \`${p.name}\` | ${p.description} | ${args} | ${tools} |`;
  });
  return ["| prompt | what it does | arguments (**required**) | tools it uses |", "|---|---|---|---|", ...rows].join("\n");
}

/** The guides an assistant can read as resources, and the page each one is. */
export function guidesTable(): string {
  const rows = GUIDES.map(
    (g) => `| \`${g.uri}\` | ${g.title} | ${g.description.replace(/^Read /, "")} | ${g.page ? `[${g.page}](${g.page})` : ""} |`,
  );
  return ["| resource | guide | read it | same text for people |", "|---|---|---|---|", ...rows].join("\n");
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
  defaults: defaultsList,
  keys: whereToFindTable,
  prompts: promptsTable,
  guides: guidesTable,
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
