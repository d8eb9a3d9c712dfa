import { PathParamError, type QueryValue } from "./types.js";

// Characters that could move a value out of its path segment (separators, query/fragment
// starts, pre-encoded escapes) or smuggle something past the server's router.
const FORBIDDEN = /[/\\?#%\s\x00-\x1f\x7f]/;

function checkSegment(name: string, value: unknown): string {
  if (typeof value !== "string" || value.length === 0) {
    throw new PathParamError(name, "must be a non-empty string");
  }
  if (value === "." || value.includes("..")) {
    throw new PathParamError(name, "must not be '.' or contain '..'");
  }
  if (FORBIDDEN.test(value)) {
    throw new PathParamError(name, "must not contain '/', '\\', '?', '#', '%', whitespace or control characters");
  }
  return encodeURIComponent(value);
}

/** Fills `{name}` placeholders with validated, percent-encoded values; throws PathParamError. */
export function buildPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{([^{}]+)\}/g, (_, name: string) => {
    if (!Object.hasOwn(params, name)) {
      throw new PathParamError(name, "is required by the path but was not given");
    }
    return checkSegment(name, params[name]);
  });
}

/**
 * `a=1&b=x%20y&c=1&c=2`: lists as repeated keys, undefined values left out. Spaces become %20,
 * not '+', so any server decodes them.
 */
export function buildQuery(query: Record<string, QueryValue | undefined> = {}): string {
  const pair = (k: string, v: string | number | boolean) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`;
  return Object.entries(query)
    .flatMap(([k, v]) => (v === undefined ? [] : Array.isArray(v) ? v.map((item) => pair(k, item)) : [pair(k, v as string)]))
    .join("&");
}

/** Joins a base URL (keeping its path prefix) with an already-built path and query. */
export function joinUrl(base: URL, path: string, query: string): string {
  const prefix = base.pathname.replace(/\/+$/, "");
  const rest = path.startsWith("/") ? path : `/${path}`;
  return `${base.origin}${prefix}${rest}${query ? `?${query}` : ""}`;
}
