import type { z } from "zod";
import { elementOf, kindOf, optionsOf, shapeOf } from "./schema-kind.js";

/**
 * Some clients send a nested object or array as JSON text ("[{\"column\":\"user\"}]") instead of
 * as JSON. Where the schema expects an object or an array, such text is decoded before validation;
 * anywhere else (a string field, text that is not JSON, JSON of the wrong kind) the value is left
 * alone, so that validation reports it as usual. Nested values are decoded too, a few levels deep.
 */

const MAX_DEPTH = 4;

type Json = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Json => value !== null && typeof value === "object" && !Array.isArray(value);

/** What a structured schema takes: "object", "array", or undefined for anything else. */
function structure(schema: z.ZodType | undefined): "object" | "array" | undefined {
  const kind = kindOf(schema);
  if (kind === "object" || kind === "array") return kind;
  const options = optionsOf(schema);
  if (options?.length && options.every((o) => kindOf(o) === "object")) return "object";
  // A list or a keyword (filter_users' fields: columns or "*"): text that is not a JSON array stays text.
  if (options?.some((o) => kindOf(o) === "array")) return "array";
  return undefined;
}

function decodeText(text: string, expected: "object" | "array"): unknown {
  const trimmed = text.trim();
  if (!trimmed.startsWith(expected === "array" ? "[" : "{")) return text;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return (expected === "array" ? Array.isArray(parsed) : isPlainObject(parsed)) ? parsed : text;
  } catch {
    return text;
  }
}

function decode(schema: z.ZodType | undefined, value: unknown, depth: number): unknown {
  const expected = structure(schema);
  if (!expected || depth > MAX_DEPTH) return value;
  const current = typeof value === "string" ? decodeText(value, expected) : value;
  if (Array.isArray(current)) {
    const element = elementOf(schema);
    return element ? current.map((item) => decode(element, item, depth + 1)) : current;
  }
  if (isPlainObject(current)) {
    const shape = shapeOf(schema);
    return shape ? decodeFields(shape, current, depth + 1) : current;
  }
  return current;
}

function decodeFields(shape: Record<string, z.ZodType>, args: Json, depth: number): Json {
  let out: Json | undefined;
  for (const [name, value] of Object.entries(args)) {
    if (!Object.hasOwn(shape, name)) continue;
    const decoded = decode(shape[name], value, depth);
    if (decoded !== value) {
      out ??= { ...args };
      out[name] = decoded;
    }
  }
  return out ?? args;
}

/** The arguments with JSON text decoded where `input` expects an object or an array; the same object when nothing changed. */
export function decodeJsonArguments(input: z.ZodObject, args: Json): Json {
  return decodeFields(input.shape as Record<string, z.ZodType>, args, 1);
}
