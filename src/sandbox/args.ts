import type { z } from "zod";
import { describeIssues } from "../registry/issues.js";
import type { ToolDef } from "../registry/types.js";
import { SandboxError } from "./envelope.js";
import type { RouteTool } from "./routes.js";

type Args = Record<string, unknown>;

// Wrappers that do not change what a query string should be turned into.
const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"]);

/** The base kind of a schema field ("number", "boolean", ...), looking through optional and friends. */
function kindOf(schema: z.ZodType | undefined): string | undefined {
  let current = schema?._zod.def;
  for (let depth = 0; current && depth < 10; depth++) {
    if (WRAPPERS.has(current.type)) current = (current as unknown as { innerType: z.ZodType }).innerType._zod.def;
    else if (current.type === "pipe") current = (current as unknown as { in: z.ZodType }).in._zod.def;
    else return current.type;
  }
  return undefined;
}

/**
 * Query values arrive as text; the tables type them. Unconvertible text is passed through so the
 * schema reports it ("expected number, received string") rather than us guessing.
 */
function coerce(kind: string | undefined, raw: string): unknown {
  if (kind === "number" && raw.trim() !== "" && Number.isFinite(Number(raw))) return Number(raw);
  if (kind === "boolean" && (raw === "true" || raw === "false")) return raw === "true";
  return raw;
}

export function queryArgs(tool: ToolDef, query: URLSearchParams): Args {
  const shape = tool.input.shape as Record<string, z.ZodType | undefined>;
  const args: Args = {};
  for (const name of new Set(query.keys())) {
    const values = query.getAll(name);
    if (values.length > 1) throw new SandboxError(400, `${name}: given more than once`);
    args[name] = coerce(kindOf(Object.hasOwn(shape, name) ? shape[name] : undefined), values[0] as string);
  }
  return args;
}

export interface Validated {
  routeTool: RouteTool;
  args: Args;
  /** Path values by this tool's own placeholder names. */
  path: Record<string, string>;
}

/**
 * Rebuilds the tool's arguments from path, query and body and validates them with the very schema
 * the MCP tool uses. When two tools share the route, either may accept the call: each is bound
 * with its own placeholder names.
 */
export function validateCall(tools: RouteTool[], values: string[], query: URLSearchParams, body: Args): Validated {
  let firstError: string | undefined;
  for (const routeTool of tools) {
    const path = Object.fromEntries(routeTool.params.map((name, i) => [name, values[i] as string]));
    // Path last: a body field cannot redirect the call to another record or community.
    const raw = { ...queryArgs(routeTool.tool, query), ...body, ...path };
    const result = routeTool.tool.input.safeParse(raw);
    if (result.success) return { routeTool, args: result.data as Args, path };
    firstError ??= describeIssues(result.error.issues, raw);
  }
  throw new SandboxError(400, firstError ?? "Invalid request.");
}
