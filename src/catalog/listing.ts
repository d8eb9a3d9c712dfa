import { z } from "zod";
import { deriveAnnotations } from "../registry/annotations.js";
import { gateSchema } from "../registry/gate-args.js";
import { type ListedTool, PREBUILT_LISTINGS } from "../registry/prebuilt.js";
import { BRIEF } from "../registry/schemas.js";
import type { ToolAnnotations, ToolDef } from "../registry/types.js";
import { findTool } from "./index.js";

export type { ListedTool };

type Json = Record<string, unknown>;

const SAFE_LIMITS = new Set([Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]);
const LENGTHS = new Set(["minLength", "maxLength", "minItems", "maxItems"]);

/**
 * Keeps the whole structure (types, properties, items, required) and what steers a model (enums,
 * formats, numeric ranges, descriptions), and drops what only costs tokens on every listing: the
 * dialect tag, `additionalProperties: false`, patterns (a `format` or a description says the shape
 * instead), length and item-count limits, and `minimum: 0`. Every dropped rule is still enforced
 * on call, with an error that names the field; test/engine/listing.test.ts checks that the structure
 * survives and that a dropped pattern leaves a format or a description behind.
 */
function lean(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(lean);
  if (!node || typeof node !== "object") return node;
  const short = (node as Json)[BRIEF];
  if (typeof short === "string") return { ...(skeleton(node) as Json), description: short };
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === "properties") {
      // Argument names, not keywords: an argument may well be called `pattern`.
      out[key] = Object.fromEntries(Object.entries(value as Json).map(([name, schema]) => [name, lean(schema)]));
      continue;
    }
    if (key === "$schema" || key === "pattern" || (key === "additionalProperties" && value === false)) continue;
    if ((key === "maximum" || key === "minimum") && SAFE_LIMITS.has(value as number)) continue;
    if (LENGTHS.has(key) || (key === "minimum" && value === 0)) continue;
    out[key] = lean(value);
  }
  return out;
}

/** Structure only, which every client needs to build a call: a brief schema's listing (see `brief`). */
const STRUCTURE = ["type", "properties", "items", "required", "anyOf", "oneOf", "enum", "const", "format"];
export function skeleton(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(skeleton);
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const key of STRUCTURE) {
    const value = (node as Json)[key];
    if (value === undefined) continue;
    out[key] =
      key === "properties"
        ? Object.fromEntries(Object.entries(value as Json).map(([name, schema]) => [name, skeleton(schema)]))
        : skeleton(value);
  }
  return out;
}

export type InputSchema = ListedTool["inputSchema"];

const jsonSchema = (shape: z.ZodObject): Json => z.toJSONSchema(shape, { io: "input", unrepresentable: "any" }) as Json;

/** The tool's own arguments and the gate's (confirm, dryRun) as one object schema. */
function merge(own: Json, gate: Json): InputSchema {
  const required = own.required as string[] | undefined;
  return {
    type: "object",
    properties: { ...(own.properties as Json), ...(gate.properties as Json) },
    ...(required?.length ? { required } : {}),
  };
}

/**
 * Only the hints that differ from the protocol's defaults (readOnlyHint false, destructiveHint
 * true, idempotentHint false, openWorldHint true), so that a missing hint always errs on the safe
 * side, plus destructiveHint on every tool, since some clients read it without readOnlyHint. The
 * protocol gives idempotentHint a meaning only for tools that change something.
 */
function leanAnnotations({ readOnlyHint, destructiveHint, idempotentHint, openWorldHint }: ToolAnnotations) {
  return {
    ...(readOnlyHint ? { readOnlyHint } : {}),
    destructiveHint,
    ...(idempotentHint && !readOnlyHint ? { idempotentHint } : {}),
    ...(openWorldHint ? {} : { openWorldHint }),
  };
}

const listed = new WeakMap<ToolDef, ListedTool>();
const full = new WeakMap<ToolDef, InputSchema>();

/**
 * A tool as tools/list shows it; built once a tool, whatever the number of servers or requests,
 * or at bundle time. A prebuilt listing serves only the registry's own entry: a route override
 * makes a new one, whose method may change its annotations.
 */
export function listTool(tool: ToolDef): ListedTool {
  let entry = listed.get(tool);
  if (!entry) {
    const prebuilt = findTool(tool.name) === tool ? PREBUILT_LISTINGS[tool.name] : undefined;
    entry = prebuilt ?? {
      name: tool.name,
      description: tool.description,
      inputSchema: lean(fullSchema(tool)) as InputSchema,
      annotations: leanAnnotations(deriveAnnotations(tool)),
    };
    listed.set(tool, entry);
  }
  return entry;
}

/** The listing of any argument object, for tools that the registry does not declare (discovery). */
export const leanSchema = (input: z.ZodObject): InputSchema => lean(jsonSchema(input)) as InputSchema;

/** Every rule the call enforces, patterns and caps included: what describe_tool shows. */
export function fullSchema(tool: ToolDef): InputSchema {
  let schema = full.get(tool);
  if (!schema) {
    schema = merge(jsonSchema(tool.input), jsonSchema(gateSchema(tool)));
    full.set(tool, schema);
  }
  return schema;
}
