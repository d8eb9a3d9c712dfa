import type { HttpMethod, ToolDef } from "./types.js";

/** The HTTP call a tool's validated arguments stand for, before the client encodes it. */
export interface PlannedRequest {
  method: HttpMethod;
  pathTemplate: string;
  pathParams: Record<string, string>;
  query?: Record<string, string | number | boolean>;
  body?: Record<string, unknown>;
}

/** Raised for arguments that pass the schema but still cannot make a sensible request. */
export class ArgumentError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "ArgumentError";
  }
}

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

export const pathParamNames = (template: string): string[] => [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);

const sendsBody = (method: HttpMethod) => method === "POST" || method === "PUT" || method === "PATCH";

/**
 * Splits arguments by where they go: placeholders of the path, then the query for methods
 * without a body (or for names the table lists in queryArgs), then the JSON body.
 */
export function planRequest(tool: ToolDef, args: Record<string, unknown>): PlannedRequest {
  const pathNames = new Set(pathParamNames(tool.path));
  const pathParams: Record<string, string> = {};
  const query: Record<string, string | number | boolean> = {};
  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(args)) {
    if (value === undefined) continue;
    if (pathNames.has(name)) pathParams[name] = String(value);
    else if (!sendsBody(tool.method) || tool.queryArgs?.includes(name)) query[name] = value as string | number | boolean;
    else body[name] = value;
  }
  for (const name of pathNames) {
    if (!(name in pathParams)) throw new ArgumentError(name, `${name} is required`);
  }
  if ((tool.method === "PUT" || tool.method === "PATCH") && Object.keys(body).length === 0) {
    throw new ArgumentError("(body)", "nothing to change: give at least one field to update");
  }
  return {
    method: tool.method,
    pathTemplate: tool.path,
    pathParams,
    ...(Object.keys(query).length ? { query } : {}),
    ...(sendsBody(tool.method) ? { body } : {}),
  };
}
