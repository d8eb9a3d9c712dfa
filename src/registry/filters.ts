import { ConfigError } from "../errors.js";
import { shown } from "../util/settings.js";
import { ALL_TOOLS, findTool, TOOLSET_NAMES, TOOLSETS } from "./index.js";
import type { ToolDef } from "./types.js";

export interface ToolFilter {
  /**
   * Toolset names and the keywords `default` (the toolsets marked default) and `all` (every
   * non-legacy one), combinable; unset means `default`, or nothing but `tools` when those are named.
   */
  toolsets?: string[];
  /** Tools to enable by name, in addition to the toolsets. */
  tools?: string[];
  excludeTools?: string[];
  readOnly?: boolean;
  /** Legacy tools stay off unless this is set. */
  legacy?: boolean;
}

const LEGACY_TOOLSET = "legacy";

/** What a server offers without flags: the toolsets a community manager reaches for most. */
export const DEFAULT_TOOLSETS: readonly string[] = TOOLSETS.filter((t) => t.default).map((t) => t.name);

const KEYWORDS = ["all", "default"];

function unknownNames(kind: string, names: string[], valid: readonly string[]): never {
  // The names come from settings: one that could be a pasted key is told by its length, not shown.
  const told = names.map((n) => (shown(n) === `'${n}'` ? n : shown(n)));
  throw new ConfigError(`Unknown ${kind}: ${told.join(", ")}. Valid ${kind}s: ${valid.join(", ")}`);
}

function checkNames(filter: ToolFilter): void {
  const validToolsets = [...KEYWORDS, ...TOOLSET_NAMES];
  const badToolsets = (filter.toolsets ?? []).filter((n) => !validToolsets.includes(n));
  if (badToolsets.length) unknownNames("toolset", badToolsets, validToolsets);
  const named = [...(filter.tools ?? []), ...(filter.excludeTools ?? [])];
  const badTools = named.filter((n) => !findTool(n));
  if (badTools.length)
    unknownNames(
      "tool",
      badTools,
      ALL_TOOLS.map((t) => t.name),
    );
  if (filter.legacy) return;
  const legacyAsked = [
    ...(filter.toolsets ?? []).filter((n) => n === LEGACY_TOOLSET),
    ...(filter.tools ?? []).filter((n) => findTool(n)?.legacy),
  ];
  if (legacyAsked.length) {
    throw new ConfigError(
      `${legacyAsked.join(", ")} ${legacyAsked.length > 1 ? "are" : "is"} legacy: add --legacy to enable legacy tools`,
    );
  }
}

/**
 * The tools a server exposes. Precedence: exclude > read-only > include, so that an excluded or
 * writing tool stays off even when a toolset or --tools names it.
 */
export function selectTools(filter: ToolFilter, registry: readonly ToolDef[] = ALL_TOOLS): ToolDef[] {
  checkNames(filter);
  const asked = filter.toolsets ?? (filter.tools?.length ? [] : ["default"]);
  const toolsets = new Set(asked.flatMap((name) => (name === "default" ? DEFAULT_TOOLSETS : [name])));
  const includesToolset = (t: ToolDef) =>
    toolsets.has(t.toolset) || (toolsets.has("all") && (t.toolset !== LEGACY_TOOLSET || Boolean(filter.legacy)));
  const named = new Set(filter.tools ?? []);
  const excluded = new Set(filter.excludeTools ?? []);
  const selected = registry
    .filter((t) => includesToolset(t) || named.has(t.name))
    .filter((t) => !t.legacy || filter.legacy)
    .filter((t) => !filter.readOnly || t.risk === "read")
    .filter((t) => !excluded.has(t.name));
  // A server with no tools looks healthy to a client yet can do nothing: a typo, not a choice.
  if (selected.length === 0) {
    throw new ConfigError("These tool filters leave no tools: check --toolsets, --tools, --exclude-tools and --read-only");
  }
  return selected;
}
