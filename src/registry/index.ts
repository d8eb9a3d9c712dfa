import { TOOLSETS } from "../tools/index.js";
import { defineTool, defineToolset, routeNote } from "./operations.js";
import type { SandboxResource, ToolDef } from "./types.js";

export { defineTool, defineToolset, routeNote, TOOLSETS };

/** The whole registry, legacy included, whatever the filters. */
export const ALL_TOOLS: readonly ToolDef[] = TOOLSETS.flatMap(defineToolset);

const byName = new Map(ALL_TOOLS.map((tool) => [tool.name, tool]));

export const findTool = (name: string): ToolDef | undefined => byName.get(name);

export const TOOLSET_NAMES: readonly string[] = TOOLSETS.map((t) => t.name);

/** Sandbox collections by name; a collection shared by two toolsets is declared once in code. */
export const SANDBOX_RESOURCES: ReadonlyMap<string, SandboxResource> = new Map(
  TOOLSETS.flatMap((t) => t.resources).map((r) => [r.name, r]),
);

export type { ToolDef, ToolsetDef } from "./types.js";
