import type { z } from "zod";
import { describeIssues } from "../../registry/issues.js";
import { elementOf, kindOf } from "../../registry/schema-kind.js";
import type { ToolDef } from "../../registry/types.js";
import type { UploadedFile } from "./bind.js";
import { SandboxError } from "./envelope.js";
import type { RouteTool } from "./routes.js";

type Args = Record<string, unknown>;

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

/** One tool's reading of a request that its schema alone refused. */
interface Attempt {
  routeTool: RouteTool;
  raw: Args;
  path: Record<string, string>;
  files: Validated["files"];
}

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
  const attempts: Attempt[] = [];
  for (const routeTool of tools) {
    const path = Object.fromEntries(routeTool.params.map((name, i) => [name, values[i] as string]));
    const { body, files } = bodyFor(routeTool.tool);
    // Path last: a body field cannot redirect the call to another record or community.
    const raw = { ...queryArgs(routeTool.tool, query), ...body, ...path };
    const result = routeTool.tool.input.safeParse(raw);
    if (result.success) return { routeTool, args: result.data as Args, path, files };
    firstError ??= describeIssues(result.error.issues, raw);
    attempts.push({ routeTool, raw, path, files });
  }
  const combined = attempts.length > 1 ? combine(attempts) : undefined;
  if (combined) return combined;
  throw new SandboxError(400, firstError ?? "Invalid request.");
}

/**
 * Several focused tools over one route (a leaderboard's schedule, widget ...) each take part of
 * what the API takes, and the API takes any mix of the parts: a request whose every field belongs
 * to one of them, and whose part for each is valid, is accepted as a whole.
 */
function combine(attempts: Attempt[]): Validated | undefined {
  const [first] = attempts;
  if (!first) return undefined;
  const own = (tool: ToolDef, key: string) => Object.hasOwn(tool.input.shape, key);
  const args: Args = {};
  for (const { routeTool, raw, path } of attempts) {
    const keys = Object.keys(raw).filter((k) => own(routeTool.tool, k) && !Object.hasOwn(path, k));
    if (keys.length === 0) continue;
    const part = routeTool.tool.input.safeParse({ ...Object.fromEntries(keys.map((k) => [k, raw[k]])), ...path });
    if (!part.success) return undefined;
    Object.assign(args, part.data);
  }
  if (Object.keys(first.raw).some((k) => !attempts.some(({ routeTool }) => own(routeTool.tool, k)))) return undefined;
  return { routeTool: first.routeTool, args: { ...args, ...first.path }, path: first.path, files: first.files };
}
