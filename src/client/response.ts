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

function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
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
    if (envelopeFailed(json.value)) {
      // A "200 but failed" reply: the envelope's own statusCode says more than the transport's 200.
      const code = envelopeStatusCode(json.value) ?? status;
      return fail("http", code, errorMessageFrom(json.value) ?? "Returning.AI reported an error without a message");
    }
    return { ok: true, status, ...unwrapEnvelope(json.value) };
  }

  const message = (json && errorMessageFrom(json.value)) || shortText(text) || STATUS_CODES[status] || `HTTP ${status}`;
  return fail("http", status, message);
}
