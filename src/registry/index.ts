import { apiKeys } from "../tools/community-api-keys.js";
import { leaderboards } from "../tools/leaderboards.js";
import { legacy } from "../tools/legacy.js";
import { store } from "../tools/store.js";
import type { SandboxResource, ToolDef, ToolsetDef, ToolsetName } from "./types.js";

/** Every toolset, in the order docs and tools/list show them. */
export const TOOLSETS: readonly ToolsetDef[] = [leaderboards, store, apiKeys, legacy];

const ROUTE_NOTES = {
  inferred: "(Unverified route.)",
  legacy: "(Legacy route, may be retired.)",
};

function complete(toolset: ToolsetDef): ToolDef[] {
  return toolset.tools.map((spec) => {
    const tool: ToolDef = {
      routeStatus: "documented",
      legacy: false,
      auth: "bearer",
      ...spec,
      toolset: toolset.name,
    };
    const notes = [tool.routeStatus === "inferred" && ROUTE_NOTES.inferred, tool.legacy && ROUTE_NOTES.legacy];
    const suffix = notes.filter(Boolean).join(" ");
    return suffix ? { ...tool, description: `${tool.description} ${suffix}` } : tool;
  });
}

/** The whole registry, legacy included, whatever the filters. */
export const ALL_TOOLS: readonly ToolDef[] = TOOLSETS.flatMap(complete);

const byName = new Map(ALL_TOOLS.map((tool) => [tool.name, tool]));

export const findTool = (name: string): ToolDef | undefined => byName.get(name);

export const TOOLSET_NAMES: readonly ToolsetName[] = TOOLSETS.map((t) => t.name);

/** Sandbox collections by name; a collection shared by two toolsets is declared once in code. */
export const SANDBOX_RESOURCES: ReadonlyMap<string, SandboxResource> = new Map(
  TOOLSETS.flatMap((t) => t.resources).map((r) => [r.name, r]),
);

export type { ToolDef, ToolsetDef, ToolsetName } from "./types.js";
