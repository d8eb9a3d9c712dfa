import { ConfigError } from "../errors.js";
import type { ToolDef } from "../registry/types.js";
import { shown } from "../util/settings.js";
import { ALL_TOOLS, findTool, TOOLSET_NAMES, TOOLSETS } from "./index.js";

export interface ToolFilter {
  /**
   * Toolset names and the keywords `default` (the toolsets marked default) and `all` (every
   * non-legacy one), combinable; unset means `default`, or nothing but `tools` when those are named.
   */
  toolsets?: string[];
  /** Tools to list by name, in addition to the toolsets; alone, the only tools reachable. */
  tools?: string[];
  excludeTools?: string[];
  readOnly?: boolean;
  /** Legacy tools stay off unless this is set. */
  legacy?: boolean;
  /**
   * How a person sets each filter setting, by its variable (src/config.ts fills it from its
   * settings table); a refusal names it beside the flag. Unset: the variable alone.
   */
  switches?: Readonly<Record<string, string>>;
}

const switchOf = (filter: ToolFilter, env: string): string => filter.switches?.[env] ?? `env ${env}`;

export const LEGACY_TOOLSET = "legacy";

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
      `${legacyAsked.join(", ")} ${legacyAsked.length > 1 ? "are" : "is"} legacy: add --legacy (${switchOf(filter, "RETURNING_AI_LEGACY")}) to enable legacy tools`,
    );
  }
}

/** What a server offers: the tools it lists one by one, and every tool a call may name. */
export interface Reach {
  /** Registry tools listed by name in tools/list (none in discover mode). */
  listed: readonly ToolDef[];
  /** Every tool a call may name, directly or through call_tool: the listed ones and the rest the settings allow. */
  reachable: readonly ToolDef[];
  /** find_tools, describe_tool and call_tool are listed: whenever some reachable tool is not. */
  discovery: boolean;
  /** For an existing tool outside `reachable`: why, and the setting that enables it; undefined for a fixed set. */
  wayOut(tool: ToolDef): string | undefined;
}

/** Why `tool` is not reachable under `filter`, each reason with the setting that lifts it. */
function reasonsOff(tool: ToolDef, filter: ToolFilter): string[] {
  const reasons: string[] = [];
  if (filter.excludeTools?.includes(tool.name))
    reasons.push(`it is excluded: remove it from --exclude-tools (${switchOf(filter, "RETURNING_AI_EXCLUDE_TOOLS")})`);
  if (filter.readOnly && tool.risk !== "read")
    reasons.push(`it changes data and read-only is on: turn off --read-only (${switchOf(filter, "RETURNING_AI_READ_ONLY")})`);
  if (tool.legacy && !filter.legacy)
    reasons.push(`it is a legacy tool: start with --legacy (${switchOf(filter, "RETURNING_AI_LEGACY")})`);
  if (isAllowList(filter) && !filter.tools?.includes(tool.name))
    reasons.push(
      `only the tools named by --tools are enabled: add it to --tools (${switchOf(filter, "RETURNING_AI_TOOLS")}), or name its toolset ${tool.toolset} in --toolsets (${switchOf(filter, "RETURNING_AI_TOOLSETS")})`,
    );
  return reasons;
}

/** `--tools` without `--toolsets` is an allow-list: only those tools, listed or reached. */
const isAllowList = (filter: ToolFilter): boolean => !filter.toolsets && Boolean(filter.tools?.length);

/**
 * The one place that decides what a server lists and reaches. Precedence, strongest first:
 * exclude > read-only > no legacy > an allow-list (--tools alone) > the toolsets. The first four
 * decide what is reachable at all; the toolsets (and --tools) only decide which reachable tools are
 * listed one by one, and discovery (find_tools, describe_tool, call_tool) reaches the rest.
 * `discover` lists nothing but discovery.
 */
export function selectReach(filter: ToolFilter, registry: readonly ToolDef[] = ALL_TOOLS, discover = false): Reach {
  checkNames(filter);
  const reachable = registry.filter((t) => reasonsOff(t, filter).length === 0);
  const asked = filter.toolsets ?? (isAllowList(filter) ? [] : ["default"]);
  const toolsets = new Set(
    asked.flatMap((name) =>
      name === "default" ? DEFAULT_TOOLSETS : name === "all" ? TOOLSET_NAMES.filter((n) => n !== LEGACY_TOOLSET) : [name],
    ),
  );
  const named = new Set(filter.tools ?? []);
  const selected = reachable.filter((t) => toolsets.has(t.toolset) || named.has(t.name));
  // A server with no tools looks healthy to a client yet can do nothing: a typo, not a choice.
  if (selected.length === 0) {
    const why = filter.readOnly ? " (--read-only keeps only tools that read)" : "";
    throw new ConfigError(
      `These tool filters leave no tools to list${why}: check --toolsets, --tools, --exclude-tools and --read-only`,
    );
  }
  const listed = discover ? [] : selected;
  return {
    listed,
    reachable,
    discovery: discover || reachable.length > listed.length,
    wayOut: (tool) => {
      const reasons = reasonsOff(tool, filter);
      return reasons.length ? `${reasons.join("; and ")}.` : undefined;
    },
  };
}

/** The tools a server lists one by one without discover (tests and the bench build servers from them). */
export const selectTools = (filter: ToolFilter, registry: readonly ToolDef[] = ALL_TOOLS): ToolDef[] => [
  ...selectReach(filter, registry).listed,
];

/** A reach of exactly `tools`, all listed (or, with `discover`, all behind discovery), no other known: tests, bench. */
export function reachOver(tools: readonly ToolDef[], discover = false): Reach {
  return { listed: discover ? [] : tools, reachable: tools, discovery: discover, wayOut: () => undefined };
}
