/**
 * Checks made on raw arguments before any schema sees them, for what a schema cannot say or
 * would only say with a crash: text that is not valid Unicode (a lone surrogate cannot be
 * encoded into a URL or sent as UTF-8) and nesting deeper than any tool takes.
 */

/** Deeper than any tool's schema (the deepest is a handful of levels), far below a stack overflow. */
export const MAX_ARGUMENT_DEPTH = 32;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, "g");

/** `a.b[2].c`-style path as the other argument errors print it: dot-joined. */
const join = (path: readonly (string | number)[]): string => (path.length ? path.map(String).join(".") : "(arguments)");

/** Names are shown cut, so that a megabyte-long key does not come back whole. */
const shownKey = (key: string): string => (key.length > 60 ? `${key.slice(0, 57)}...` : key).replace(LONE_SURROGATES, "\ufffd");

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
        return `${join([...path, shownKey(key)])}: field names must be valid Unicode text`;
      }
      stack.push({ value: item, path: [...path, key] });
    }
  }
  return undefined;
}
