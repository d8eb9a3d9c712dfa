import { z } from "zod";
import { deriveAnnotations } from "./annotations.js";
import { gateSchema } from "./gate-args.js";
import { OBJECT_ID, SANITY_CAP } from "./schemas.js";
import type { ToolAnnotations, ToolDef } from "./types.js";

/** A tool as tools/list shows it. */
export interface ListedTool {
  name: string;
  title: string;
  description: string;
  inputSchema: { type: "object"; properties: Record<string, unknown>; required?: string[] };
  annotations: Partial<ToolAnnotations>;
}

type Json = Record<string, unknown>;

const OBJECT_ID_PATTERN = OBJECT_ID.source;
const SAFE_LIMITS = new Set([Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]);

/**
 * Keeps what guides a model (types, enums, documented limits, short formats) and drops what only
 * costs tokens: the dialect tag, `additionalProperties: false`, the string-keys note of records,
 * patterns that a `format` or the argument's name already says, and the generous sanity caps we
 * add ourselves, and "non-empty" (minLength 1); a nested shape marked with `listedAs` is shown as its one-line summary. Every
 * dropped rule is still enforced on call, with an error that names it.
 */
function lean(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(lean);
  if (!node || typeof node !== "object") return node;
  const schema = node as Json;
  if (typeof schema.summary === "string") return { type: schema.type, description: schema.summary };
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "$schema" || (key === "additionalProperties" && value === false)) continue;
    if (key === "propertyNames" && (value as Json)?.type === "string") continue;
    if (key === "pattern" && (schema.format !== undefined || value === OBJECT_ID_PATTERN)) continue;
    if ((key === "maximum" || key === "minimum") && SAFE_LIMITS.has(value as number)) continue;
    if ((key === "maxLength" || key === "maxItems") && (value as number) >= SANITY_CAP) continue;
    if (key === "minLength" && value === 1) continue;
    out[key] = lean(value);
  }
  return out;
}

function objectSchema(shape: z.ZodObject): Json {
  return lean(z.toJSONSchema(shape, { io: "input", unrepresentable: "any" })) as Json;
}

/**
 * The title already stands at the top level, and openWorldHint: true / idempotentHint: false are
 * the protocol's defaults; readOnlyHint and destructiveHint are always stated.
 */
function leanAnnotations({ title: _title, openWorldHint, idempotentHint, ...stated }: ToolAnnotations) {
  return {
    ...stated,
    ...(idempotentHint ? { idempotentHint } : {}),
    ...(openWorldHint ? {} : { openWorldHint }),
  };
}

const cache = new WeakMap<ToolDef, ListedTool>();

export function listTool(tool: ToolDef): ListedTool {
  const cached = cache.get(tool);
  if (cached) return cached;
  const own = objectSchema(tool.input);
  const gate = objectSchema(gateSchema(tool));
  const required = own.required as string[] | undefined;
  const listed: ListedTool = {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: {
      type: "object",
      properties: { ...(own.properties as Json), ...(gate.properties as Json) },
      ...(required?.length ? { required } : {}),
    },
    annotations: leanAnnotations(deriveAnnotations(tool)),
  };
  cache.set(tool, listed);
  return listed;
}
