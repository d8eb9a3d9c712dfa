import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ALL_TOOLS } from "../../src/registry/index.js";
import type { AuthKind, ToolDef } from "../../src/registry/types.js";

/**
 * One place per fact: the tables state each route, the catalog (shared/api-reference, beside the
 * clone) states what the docs show. This compares them, so that 150 routes cannot drift apart.
 */

interface Entry {
  id: string;
  section: string;
  method: string | null;
  path: string | null;
  pathVariants: string[];
  routeStatus: "documented" | "inferred" | "unknown" | "page";
  inferredMethod?: string;
  inferredPath?: string;
  auth: string | null;
  legacy: boolean;
}

const CATALOG = new URL("../../../shared/api-reference/", import.meta.url);
const present = existsSync(CATALOG);
const entries: Entry[] = present
  ? readdirSync(CATALOG)
      .filter((f) => f.endsWith(".json"))
      .flatMap((f) => JSON.parse(readFileSync(new URL(f, CATALOG), "utf8")) as Entry[])
  : [];
const byId = new Map(entries.map((e) => [e.id, e]));

// Placeholder spelling differs between doc versions (apikeyId vs apiKeyId) while the wire path is the same.
const shape = (path: string) => path.replace(/\{[^}]+\}/g, "{}").replace(/\/+$/, "");

/** The auth kind an entry's `auth` text names (`none` where the docs say none is needed); Bearer when it names none. */
function authOf(entry: Entry): AuthKind {
  const text = (entry.auth ?? "").toLowerCase();
  if (text.startsWith("apikey header")) return "secure-auth";
  if (text.startsWith("none")) return "none";
  // The incoming-webhook pages say "x-api-key header if enabled" without naming the webhook again.
  const incoming = entry.section.startsWith("Events > Incoming webhooks");
  if (text.includes("x-api-key") && (incoming || text.includes("webhook"))) return "webhook";
  if (text.startsWith("x-api-key: <community system")) return "system";
  return "bearer";
}

function problemsOf(tool: ToolDef): string[] {
  const covered = tool.catalogIds.map((id) => byId.get(id));
  const missing = tool.catalogIds.filter((id) => !byId.has(id));
  if (missing.length) return [`unknown catalog ids ${missing.join(", ")}`];
  const found = covered as Entry[];
  const problems: string[] = [];
  const pages = found.filter((e) => e.routeStatus === "page").map((e) => e.id);
  if (pages.length) problems.push(`covers pages ${pages.join(", ")}, which are not endpoints`);
  const documented = found.filter((e) => e.routeStatus === "documented");
  const inferred = found.filter((e) => e.routeStatus === "inferred");
  const route = `${tool.method} ${shape(tool.path)}`;
  if (documented.length) {
    if (tool.routeStatus !== "documented")
      problems.push(`routeStatus ${tool.routeStatus}, but ${documented[0]?.id} is documented`);
    const forms = documented.flatMap((e) => [e.path ?? "", ...e.pathVariants].map((p) => `${e.method} ${shape(p)}`));
    if (!forms.includes(route)) problems.push(`route ${route} is none of the documented ${[...new Set(forms)].join(" | ")}`);
  } else if (inferred.length) {
    if (tool.routeStatus !== "inferred") problems.push(`routeStatus ${tool.routeStatus}, but the catalog only infers it`);
    const forms = inferred.map((e) => `${e.inferredMethod ?? e.method} ${shape(e.inferredPath ?? "")}`);
    if (!forms.includes(route)) problems.push(`route ${route} is not the catalog's inferred ${forms.join(" | ")}`);
  } else if (tool.routeStatus !== "inferred" || !tool.inference) {
    problems.push("the catalog has no route: mark it inferred and say why in `inference`");
  }
  const kinds = new Set(found.filter((e) => e.routeStatus !== "unknown" || e.auth).map(authOf));
  if (kinds.size && !kinds.has(tool.auth)) problems.push(`auth ${tool.auth}, but the catalog names ${[...kinds].join(" or ")}`);
  if (found.some((e) => e.legacy) !== tool.legacy) problems.push(`legacy ${tool.legacy} disagrees with the catalog`);
  return problems;
}

describe.skipIf(!present)("the tables against the API catalog", () => {
  it("states every tool's method, path, route status, auth and legacy flag as the catalog does", () => {
    const problems = ALL_TOOLS.flatMap((tool) => problemsOf(tool).map((p) => `${tool.name}: ${p}`));
    expect(problems).toEqual([]);
  });

  it("covers each catalog id with at most one tool, and reports the coverage", () => {
    const owners = new Map<string, string[]>();
    for (const tool of ALL_TOOLS) for (const id of tool.catalogIds) owners.set(id, [...(owners.get(id) ?? []), tool.name]);
    // One exception: a route whose actions differ in risk (Manage User Account's delete and
    // restore) may be split into one tool per risk class, all on that same route.
    const routeOf = (name: string) => ALL_TOOLS.filter((t) => t.name === name).map((t) => `${t.method} ${t.path}`)[0];
    const splitByRisk = (names: string[]) => new Set(names.map(routeOf)).size === 1;
    const twice = [...owners]
      .filter(([, names]) => names.length > 1 && !splitByRisk(names))
      .map(([id, names]) => `${id}: ${names.join(", ")}`);
    expect(twice).toEqual([]);
    const endpoints = entries.filter((e) => e.routeStatus !== "page");
    const rows = (["documented", "inferred", "unknown"] as const).map((status) => {
      const all = endpoints.filter((e) => e.routeStatus === status);
      return `${status} ${all.filter((e) => owners.has(e.id)).length}/${all.length}`;
    });
    const uncovered = endpoints.filter((e) => !owners.has(e.id)).map((e) => e.id);
    process.stderr.write(
      `catalog coverage: ${owners.size}/${endpoints.length} endpoint ids (${rows.join(", ")})` +
        `${uncovered.length ? `; not yet covered: ${uncovered.join(", ")}` : ""}\n`,
    );
    expect(owners.size).toBeGreaterThan(0);
  });
});

it.runIf(!present)("skips the catalog comparison: shared/api-reference is not beside the clone", () => {
  process.stderr.write("catalog tests skipped: ../shared/api-reference not found beside the clone\n");
});
