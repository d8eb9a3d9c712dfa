import { STATUS_CODES } from "node:http";
import { envelopeFailed, envelopeStatusCode, errorMessageFrom, unwrapEnvelope } from "./envelope.js";
import { parseRetryAfter } from "./retry.js";
import type { ApiFailure, ApiResult } from "./types.js";

type Headers = Record<string, string | string[] | undefined>;

/**
 * Readable, bounded text from a non-JSON body (typically a proxy's HTML error page):
 * whole pages would flood the model's context, so keep ~200 plain characters.
 */
export function shortText(text: string, max = 200): string {
  const plain = text
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/gi, " ")
    .replace(/&amp;/gi, "&")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}

/**
 * Deeper than any real answer, and shallow enough for every recursive step after parsing (our
 * redaction, JSON.stringify, the SDK's serialisation): JSON.parse itself takes any depth, and a
 * body nested 100k deep would otherwise end the call in "Maximum call stack size exceeded".
 */
export const MAX_JSON_DEPTH = 100;

/** Whether containers nest deeper than `limit`: a walk with its own stack, so that any depth is safe to ask about. */
function nestedDeeper(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    if (depth > limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node as object)) {
      if (typeof child === "object" && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

type Parsed = { value: unknown } | { tooDeep: true } | undefined;

function parseJson(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const container = typeof value === "object" && value !== null;
  return container && nestedDeeper(value, MAX_JSON_DEPTH) ? { tooDeep: true } : { value };
}

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Turns one complete HTTP exchange into a result; the content-type is not trusted, the body is. */
export function interpretResponse(status: number, headers: Headers, text: string, attempts: number): ApiResult {
  const json = text.trim() === "" ? undefined : parseJson(text);
  const retryAfterSeconds = parseRetryAfter(header(headers, "retry-after"));
  const fail = (kind: ApiFailure["kind"], code: number, message: string): ApiFailure => ({
    ok: false,
    kind,
    status: code,
    statusText: STATUS_CODES[code],
    message,
    attempts,
    ...(retryAfterSeconds !== undefined && { retryAfterSeconds }),
  });

  if (status >= 200 && status < 300) {
    if (text.trim() === "") return { ok: true, status, data: null };
    if (!json) {
      return fail("invalid_response", status, `Returning.AI answered ${status} with a non-JSON body: ${shortText(text)}`);
    }
    if ("tooDeep" in json) {
      return fail(
        "invalid_response",
        status,
        `Returning.AI answered ${status} with JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
      );
    }
    if (envelopeFailed(json.value)) {
      // A "200 but failed" reply: the envelope's own statusCode says more than the transport's 200.
      const code = envelopeStatusCode(json.value) ?? status;
      return fail("http", code, errorMessageFrom(json.value) ?? "Returning.AI reported an error without a message");
    }
    return { ok: true, status, ...unwrapEnvelope(json.value) };
  }

  const message =
    (json && "value" in json && errorMessageFrom(json.value)) || shortText(text) || STATUS_CODES[status] || `HTTP ${status}`;
  return fail("http", status, message);
}
