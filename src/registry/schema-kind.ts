import type { z } from "zod";

/**
 * Reading a zod schema's shape at run time: what the sandbox needs to turn query text back into
 * values, and what the server needs to decode arguments that a client sent as JSON text.
 */

type Def = z.core.$ZodTypeDef;

// Wrappers that do not change what a value should be turned into.
const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"]);

/** The definition under optional, nullable, default and friends (and a pipe's input side). */
function unwrap(schema: z.ZodType | undefined): Def | undefined {
  let current = schema?._zod.def;
  for (let depth = 0; current && depth < 10; depth++) {
    if (WRAPPERS.has(current.type)) current = (current as unknown as { innerType: z.ZodType }).innerType._zod.def;
    else if (current.type === "pipe") current = (current as unknown as { in: z.ZodType }).in._zod.def;
    else return current;
  }
  return undefined;
}

/** The base kind of a schema ("number", "array", "object" ...), looking through optional and friends. */
export const kindOf = (schema: z.ZodType | undefined): string | undefined => unwrap(schema)?.type;

/** The item schema of an array schema, or undefined for anything else. */
export function elementOf(schema: z.ZodType | undefined): z.ZodType | undefined {
  const def = unwrap(schema);
  return def?.type === "array" ? (def as unknown as { element: z.ZodType }).element : undefined;
}

/** The field schemas of an object schema, or undefined for anything else. */
export function shapeOf(schema: z.ZodType | undefined): Record<string, z.ZodType> | undefined {
  const def = unwrap(schema);
  return def?.type === "object" ? (def as unknown as { shape: Record<string, z.ZodType> }).shape : undefined;
}

/** The options of a union (discriminated or not), or undefined for anything else. */
export function optionsOf(schema: z.ZodType | undefined): z.ZodType[] | undefined {
  const def = unwrap(schema);
  return def?.type === "union" ? (def as unknown as { options: z.ZodType[] }).options : undefined;
}
