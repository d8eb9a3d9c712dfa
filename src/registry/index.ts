import { TOOLSETS } from "../tools/index.js";
import type { ToolDef, ToolsetDef, ViewSpec } from "./types.js";

export { TOOLSETS };

/** Appended to descriptions, so that the assistant and the user know how far to trust a route. */
export function routeNote(tool: Pick<ToolDef, "routeStatus" | "legacy" | "replacedBy">): string {
  const notes = [
    tool.routeStatus === "inferred" ? "(route unverified)" : "",
    tool.legacy ? `Legacy route${tool.replacedBy ? `: prefer ${tool.replacedBy}` : ", may be retired"}.` : "",
  ];
  return notes.filter(Boolean).join(" ");
}

/** The view of a read tool whose table names none: the record as sent, less the default view's clean-up. */
const WHOLE_RECORD: ViewSpec = { says: "all but timestamps" };

function complete(toolset: ToolsetDef): ToolDef[] {
  return toolset.tools.map((spec) => {
    const view = spec.risk === "read" ? (spec.view ?? WHOLE_RECORD) : undefined;
    const tool: ToolDef = {
      routeStatus: "documented",
      legacy: false,
      auth: "bearer",
      memberText: toolset.memberText ?? false,
      ...spec,
      ...(view ? { view } : {}),
      routeSource: spec.routeStatus ?? "documented",
      toolset: toolset.name,
    };
    const note = [view ? `Shows ${view.says}.` : "", routeNote(tool)].filter(Boolean).join(" ");
    return note ? { ...tool, description: `${tool.description} ${note}` } : tool;
  });
}

/** The whole registry, legacy included, whatever the filters. */
export const ALL_TOOLS: readonly ToolDef[] = TOOLSETS.flatMap(complete);

const byName = new Map(ALL_TOOLS.map((tool) => [tool.name, tool]));

export const findTool = (name: string): ToolDef | undefined => byName.get(name);

export const TOOLSET_NAMES: readonly string[] = TOOLSETS.map((t) => t.name);

export type { ToolDef, ToolsetDef } from "./types.js";
