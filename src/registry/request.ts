import type { HttpMethod, QueryStyle, ToolDef } from "./types.js";

/** What a query string can carry: scalars, or lists of scalars sent as repeated keys. */
export type QueryScalar = string | number | boolean;
export type QueryValue = QueryScalar | readonly QueryScalar[];

/** The HTTP call a tool's validated arguments stand for, before the client encodes it. */
export interface PlannedRequest {
  method: HttpMethod;
  pathTemplate: string;
  pathParams: Record<string, string>;
  query?: Record<string, QueryValue>;
  /** JSON fields, or a form's text fields when the tool uploads files. */
  body?: Record<string, unknown>;
  /** File arguments, still as given (path or base64): read and checked just before sending. */
  files?: Record<string, unknown>;
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

export const sendsBody = (method: HttpMethod) => method === "POST" || method === "PUT" || method === "PATCH";

const isScalar = (value: unknown): value is QueryScalar =>
  typeof value === "string" || typeof value === "number" || typeof value === "boolean";

/**
 * The wire form of one query argument: scalars as they are; arrays of scalars as repeated keys
 * (or one comma-joined value); objects, nested arrays, and whatever the table marks `json`, as JSON.
 */
export function queryValue(value: unknown, style: QueryStyle = "repeat"): QueryValue {
  if (isScalar(value)) return value;
  if (Array.isArray(value) && style !== "json" && value.every(isScalar)) return style === "comma" ? value.join(",") : value;
  return JSON.stringify(value);
}

/**
 * True when the tool's only body fields are optional changes (a partial update): sending none of
 * them is a mistake. A route whose body is empty by design (an action on a path) is not.
 */
function isPartialUpdate(tool: ToolDef, bodyNames: string[]): boolean {
  if (bodyNames.length === 0) return false;
  return bodyNames.every((name) => tool.input.shape[name]?.safeParse(undefined).success);
}

/**
 * Splits arguments by where they go: placeholders of the path, then the query for methods
 * without a body (or for names the table lists in queryArgs), then the body; file arguments apart.
 */
export function planRequest(tool: ToolDef, args: Record<string, unknown>): PlannedRequest {
  const pathNames = new Set(pathParamNames(tool.path));
  const pathParams: Record<string, string> = {};
  const query: Record<string, QueryValue> = {};
  const body: Record<string, unknown> = {};
  const files: Record<string, unknown> = {};
  const hasBody = sendsBody(tool.method);
  for (const [name, value] of Object.entries(args)) {
    if (value === undefined) continue;
    if (pathNames.has(name)) pathParams[name] = String(value);
    else if (tool.files?.[name]) files[name] = value;
    else if (!hasBody || tool.queryArgs?.includes(name)) query[name] = queryValue(value, tool.queryStyle?.[name]);
    else body[name] = value;
  }
  for (const name of pathNames) {
    if (!(name in pathParams)) throw new ArgumentError(name, `${name} is required`);
  }
  const bodyNames = Object.keys(tool.input.shape).filter(
    (n) => !pathNames.has(n) && !tool.queryArgs?.includes(n) && !tool.files?.[n],
  );
  const updates = tool.method === "PUT" || tool.method === "PATCH";
  if (updates && Object.keys(body).length === 0 && Object.keys(files).length === 0 && isPartialUpdate(tool, bodyNames)) {
    throw new ArgumentError("(body)", "nothing to change: give at least one field to update");
  }
  return {
    method: tool.method,
    pathTemplate: tool.path,
    pathParams,
    ...(Object.keys(query).length ? { query } : {}),
    ...(hasBody ? { body } : {}),
    ...(Object.keys(files).length ? { files } : {}),
  };
}
