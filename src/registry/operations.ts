import { OPERATIONS, type OperationId } from "./operations.generated.js";
import type { InlineOperation, Operation, ToolDef, ToolSpec, ToolsetDef, ViewSpec } from "./types.js";

export { OPERATIONS, type OperationId };

/** Every operation of the generated module, checked against the route facts a tool needs. */
const CHECKED: Readonly<Record<string, Operation>> = OPERATIONS;

/** The operation a tool names: by id from api/returning-ai.openapi.json, or declared inline (tests). */
export function operationOf(ref: ToolSpec["operation"]): InlineOperation {
  if (typeof ref !== "string") return ref;
  const op = CHECKED[ref];
  if (!op) throw new Error(`no operation ${ref} in api/returning-ai.openapi.json`);
  return { id: ref, ...op };
}

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

/**
 * The one constructor of a tool definition: the table's spec plus its operation's route facts
 * (method, path, host, auth, route status, inference, catalog ids), which nothing else states.
 */
export function defineTool(spec: ToolSpec, toolset: Pick<ToolsetDef, "name" | "memberText" | "secretFields">): ToolDef {
  const { operation: ref, pathArgs, ...own } = spec;
  const op = operationOf(ref);
  const legacy = spec.legacy ?? op.legacy ?? false;
  const routeStatus = op.status === "documented" ? "documented" : "inferred";
  // A tool covers the operation's catalog entries of its own kind: the current or the legacy page.
  const mine = op.catalog.filter((c) => (c.legacy ?? false) === legacy);
  const path = Object.entries(pathArgs ?? {}).reduce((p, [from, to]) => p.replace(`{${from}}`, `{${to}}`), op.path);
  const view = spec.risk === "read" ? (spec.view ?? WHOLE_RECORD) : undefined;
  const tool: ToolDef = {
    memberText: toolset.memberText ?? false,
    ...(toolset.secretFields ? { secretFields: toolset.secretFields } : {}),
    ...own,
    operation: op.id,
    method: op.method,
    path,
    host: op.host,
    auth: op.auth,
    routeStatus,
    ...(op.inference ? { inference: op.inference } : {}),
    routeSource: routeStatus,
    catalogIds: (mine.length ? mine : op.catalog).map((c) => c.id),
    legacy,
    ...(view ? { view } : {}),
    toolset: toolset.name,
  };
  const note = [view ? `Shows ${view.says}.` : "", routeNote(tool)].filter(Boolean).join(" ");
  return note ? { ...tool, description: `${tool.description} ${note}` } : tool;
}

/** Every tool of a toolset table, defined. */
export const completeToolset = (toolset: ToolsetDef): ToolDef[] => toolset.tools.map((spec) => defineTool(spec, toolset));
