import type { Unwrapped } from "./types.js";

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v.trim() : undefined);

// Status bookkeeping, not information the caller needs once the result is ok/failed.
const STATUS_KEYS = new Set(["status", "statusCode", "success", "message", "devMessage"]);

/**
 * Removes whichever of the API's three envelopes is present:
 * newest `{ meta: {status, statusCode, page...}, message, data }`,
 * older `{ status, message, data }`, oldest `{ meta: {success, message, devMessage}, body }`.
 * Envelopes are only recognised when their payload key is present, so a bare
 * `{ status, message }` reply keeps its message instead of collapsing to nothing.
 */
export function unwrapEnvelope(json: unknown): Unwrapped {
  if (!isObj(json)) return { data: json };
  if (isObj(json.meta) && "data" in json) {
    const meta = Object.fromEntries(Object.entries(json.meta).filter(([k]) => !STATUS_KEYS.has(k)));
    return Object.keys(meta).length > 0 ? { data: json.data, meta } : { data: json.data };
  }
  if (isObj(json.meta) && "body" in json) return { data: json.body };
  if (typeof json.status === "string" && "data" in json) return { data: json.data };
  return { data: json };
}

/** True when a (2xx) body's envelope nevertheless reports failure. */
export function envelopeFailed(json: unknown): boolean {
  if (!isObj(json)) return false;
  if (json.status === "error") return true;
  return isObj(json.meta) && (json.meta.status === "error" || json.meta.success === false);
}

/** The envelope's own HTTP status, when it carries an error code (newest envelope). */
export function envelopeStatusCode(json: unknown): number | undefined {
  const code = isObj(json) && isObj(json.meta) ? json.meta.statusCode : undefined;
  return typeof code === "number" && code >= 400 && code <= 599 ? code : undefined;
}

function describeErrors(errors: unknown): string | undefined {
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  const items = errors.slice(0, 5).map((e) => {
    if (!isObj(e)) return String(e);
    const message = str(e.message) ?? str(e.msg) ?? JSON.stringify(e);
    const field = str(e.field) ?? str(e.path) ?? str(e.param);
    return field ? `${field}: ${message}` : message;
  });
  const more = errors.length > 5 ? ` (+${errors.length - 5} more)` : "";
  return `${items.join("; ")}${more}`;
}

/** A readable message from any of the envelopes or StandardApiError, or undefined if none found. */
export function errorMessageFrom(json: unknown): string | undefined {
  if (!isObj(json)) return str(json);
  const meta = isObj(json.meta) ? json.meta : {};
  const error = isObj(json.error) ? str(json.error.message) : str(json.error);
  const main = str(json.message) ?? str(meta.message) ?? error;
  const dev = str(meta.devMessage);
  const errors = describeErrors(json.errors);
  const parts = [
    main,
    dev && dev !== main ? dev : undefined,
    str(json.detail) && `Detail: ${str(json.detail)}`,
    str(json.solution) && `Solution: ${str(json.solution)}`,
    errors && `Errors: ${errors}`,
  ].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(" — ") : undefined;
}
