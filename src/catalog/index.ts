import { completeToolset } from "../registry/operations.js";
import type { ToolDef } from "../registry/types.js";
import { TOOLSETS } from "../tools/index.js";

/**
 * The tool catalog: every area's tables (src/tools/), defined by the registry's constructor. It
 * sits above both, so that the registry (the lower layer) never reaches up into the tables.
 */
export { TOOLSETS };

/** The whole registry, legacy included, whatever the filters. */
export const ALL_TOOLS: readonly ToolDef[] = TOOLSETS.flatMap(completeToolset);

const byName = new Map(ALL_TOOLS.map((tool) => [tool.name, tool]));

export const findTool = (name: string): ToolDef | undefined => byName.get(name);

export const TOOLSET_NAMES: readonly string[] = TOOLSETS.map((t) => t.name);

export type { ToolDef, ToolsetDef } from "../registry/types.js";
