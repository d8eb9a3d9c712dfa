import { shownName } from "./issues.js";

/**
 * Checks made on raw arguments before any schema sees them, for what a schema cannot say or
 * would only say with a crash: text that is not valid Unicode (a lone surrogate cannot be
 * encoded into a URL or sent as UTF-8), nesting deeper than any tool takes, and field names that
 * JavaScript treats as special.
 */

/** Deeper than any tool's schema (the deepest is a handful of levels), far below a stack overflow. */
export const MAX_ARGUMENT_DEPTH = 32;

/**
 * Schemas skip an own `__proto__` without a word (zod drops it so as not to set a prototype), so
 * `{"__proto__":{"dryRun":true}}` lost its dry run and the write went out; `constructor` and
 * `prototype` are refused with it, since no route takes them and an object merge can trip on them.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path as the other argument errors print it: dot-joined, odd names quoted, long ones cut. */
const join = (path: readonly (string | number)[]): string =>
  path.length ? path.map((p) => (typeof p === "number" ? String(p) : shownName(p))).join(".") : "(arguments)";

/** The first problem found, as "path: message", or undefined. */
export function argumentShapeProblem(args: unknown): string | undefined {
  const stack: Array<{ value: unknown; path: (string | number)[] }> = [{ value: args, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: (string | number)[] };
    if (typeof value === "string") {
      if (LONE_SURROGATE.test(value)) return `${join(path)}: must be valid Unicode text (it holds a lone surrogate)`;
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (path.length >= MAX_ARGUMENT_DEPTH) return `${join(path)}: nested deeper than ${MAX_ARGUMENT_DEPTH} levels`;
    const entries: Array<[string | number, unknown]> = Array.isArray(value)
      ? value.map((item, i) => [i, item])
      : Object.entries(value);
    for (const [key, item] of entries) {
      if (typeof key === "string" && LONE_SURROGATE.test(key)) {
        return `${join([...path, key])}: field names must be valid Unicode text`;
      }
      if (typeof key === "string" && RESERVED_NAMES.has(key)) {
        return `${join([...path, key])}: "${key}" is not accepted as a field name (__proto__, constructor and prototype are reserved); remove it`;
      }
      stack.push({ value: item, path: [...path, key] });
    }
  }
  return undefined;
}
