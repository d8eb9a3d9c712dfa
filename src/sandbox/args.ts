import type { z } from "zod";
import { describeIssues } from "../registry/issues.js";
import type { ToolDef } from "../registry/types.js";
import { SandboxError } from "./envelope.js";
import type { UploadedFile } from "./handlers/types.js";
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

const elementOf = (schema: z.ZodType | undefined): z.ZodType | undefined => {
  let current = schema?._zod.def;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current.type === "array") return (current as unknown as { element: z.ZodType }).element;
    if (!WRAPPERS.has(current.type)) return undefined;
    current = (current as unknown as { innerType: z.ZodType }).innerType._zod.def;
  }
  return undefined;
};

const STRUCTURED = new Set(["object", "record", "array"]);

/**
 * Text from a query string or a form field, turned into what the schema expects. Unconvertible text
 * is passed through so that the schema reports it ("expected number, received string").
 */
export function fromText(schema: z.ZodType | undefined, raw: string): unknown {
  const kind = kindOf(schema);
  if (kind === "number" && raw.trim() !== "" && Number.isFinite(Number(raw))) return Number(raw);
  if (kind === "boolean" && (raw === "true" || raw === "false")) return raw === "true";
  if (kind && STRUCTURED.has(kind)) {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  return raw;
}

const shapeOf = (tool: ToolDef) => tool.input.shape as Record<string, z.ZodType | undefined>;

export const fieldSchema = (tool: ToolDef, name: string): z.ZodType | undefined =>
  Object.hasOwn(shapeOf(tool), name) ? shapeOf(tool)[name] : undefined;

/** Reads each argument back the way the client encodes it (src/registry/request.ts). */
export function queryArgs(tool: ToolDef, query: URLSearchParams): Args {
  const args: Args = {};
  for (const name of new Set(query.keys())) {
    const values = query.getAll(name);
    const schema = fieldSchema(tool, name);
    const element = elementOf(schema);
    const style = tool.queryStyle?.[name] ?? "repeat";
    if (element && style !== "json") {
      const items = style === "comma" ? (values[0] ?? "").split(",") : values;
      args[name] = items.map((item) => fromText(element, item));
      continue;
    }
    if (values.length > 1) throw new SandboxError(400, `${name}: given more than once`);
    args[name] = fromText(schema, values[0] as string);
  }
  return args;
}

export interface Validated {
  routeTool: RouteTool;
  args: Args;
  /** Path values by this tool's own placeholder names. */
  path: Record<string, string>;
  files: Record<string, UploadedFile[]>;
}

/** The base kind of one of a tool's arguments ("array", "object", ...). */
export const kindOfField = (tool: ToolDef, name: string): string | undefined => kindOf(fieldSchema(tool, name));

/**
 * Rebuilds the tool's arguments from path, query and body and validates them with the very schema
 * the MCP tool uses. When two tools share the route, either may accept the call: each is bound
 * with its own placeholder names. `bodyFor` reads the body as that tool declares it (JSON or form).
 */
export function validateCall(
  tools: RouteTool[],
  values: string[],
  query: URLSearchParams,
  bodyFor: (tool: ToolDef) => { body: Args; files: Record<string, UploadedFile[]> },
): Validated {
  let firstError: string | undefined;
  for (const routeTool of tools) {
    const path = Object.fromEntries(routeTool.params.map((name, i) => [name, values[i] as string]));
    const { body, files } = bodyFor(routeTool.tool);
    // Path last: a body field cannot redirect the call to another record or community.
    const raw = { ...queryArgs(routeTool.tool, query), ...body, ...path };
    const result = routeTool.tool.input.safeParse(raw);
    if (result.success) return { routeTool, args: result.data as Args, path, files };
    firstError ??= describeIssues(result.error.issues, raw);
  }
  throw new SandboxError(400, firstError ?? "Invalid request.");
}
