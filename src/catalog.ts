import { defineToolset } from "./registry/operations.js";
import type { SandboxResource, ToolDef } from "./registry/types.js";
import { TOOLSETS } from "./tools/index.js";

/**
 * The tool catalog: every area's tables (src/tools/), defined by the registry's constructor. It
 * sits above both, so that the registry (the lower layer) never reaches up into the tables.
 */
export { TOOLSETS };

/** The whole registry, legacy included, whatever the filters. */
export const ALL_TOOLS: readonly ToolDef[] = TOOLSETS.flatMap(defineToolset);

const byName = new Map(ALL_TOOLS.map((tool) => [tool.name, tool]));

export const findTool = (name: string): ToolDef | undefined => byName.get(name);

export const TOOLSET_NAMES: readonly string[] = TOOLSETS.map((t) => t.name);

/** Sandbox collections by name; a collection shared by two toolsets is declared once in code. */
export const SANDBOX_RESOURCES: ReadonlyMap<string, SandboxResource> = new Map(
  TOOLSETS.flatMap((t) => t.resources).map((r) => [r.name, r]),
);

export type { ToolDef, ToolsetDef } from "./registry/types.js";
