import type { ToolAnnotations, ToolDef } from "./types.js";

/**
 * Honest hints from what the call does: reads are read-only and idempotent; PUT and DELETE
 * are idempotent by HTTP semantics; every tool talks to a service outside this process.
 */
export function deriveAnnotations(tool: Omit<ToolDef, "annotations"> & Pick<ToolDef, "annotations">): ToolAnnotations {
  return {
    title: tool.title,
    readOnlyHint: tool.risk === "read",
    destructiveHint: tool.risk === "destructive",
    idempotentHint: tool.risk === "read" || tool.method === "PUT" || tool.method === "DELETE",
    openWorldHint: true,
    ...tool.annotations,
  };
}
