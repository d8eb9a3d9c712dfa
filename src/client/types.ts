import type { QueryValue } from "../registry/request.js";
import type { AuthKind, HostKind, HttpMethod } from "../registry/types.js";
import type { Upload } from "../registry/uploads.js";
import type { Credentials } from "./auth.js";

export type { QueryValue };

/** A multipart/form-data body: text fields (non-strings as JSON) and files by form field name. */
export interface FormBody {
  fields: Record<string, unknown>;
  files: Record<string, Upload[]>;
}

export interface ApiRequest {
  method: HttpMethod;
  /** Which base URL the route lives on; `api` when unset. */
  host?: HostKind;
  /** Path template with `{param}` placeholders, e.g. `/leaderboards/{leaderboardID}`. */
  pathTemplate: string;
  /** The full URL, when the caller has it already from urlFor (it showed it in a preview): not computed twice. */
  url?: string;
  pathParams?: Record<string, string>;
  query?: Record<string, QueryValue | undefined>;
  /** JSON body; omitted for methods that send none. */
  body?: unknown;
  /** Sent instead of `body` when the route takes uploads. */
  form?: FormBody;
  /** The route's kind of credential, and the credentials to draw it from. Never logged or echoed. */
  auth: AuthKind;
  credentials: Credentials;
  signal?: AbortSignal;
}

/** The API's payload with its envelope removed: all three documented envelopes end up like this. */
export interface Unwrapped {
  data: unknown;
  /** Pagination and other non-status facts from the envelope's meta (page, limit, skip, total ...). */
  meta?: Record<string, unknown>;
}

export interface ApiSuccess extends Unwrapped {
  ok: true;
  status: number;
}

/** `too_large`: the body passed the response size cap and was not read to the end. */
export type FailureKind = "http" | "timeout" | "network" | "invalid_response" | "too_large";

export interface ApiFailure {
  ok: false;
  kind: FailureKind;
  /** HTTP status for `http` failures. */
  status?: number;
  statusText?: string;
  /** The API's own message (from its envelope), or a description of the network/timeout failure. */
  message: string;
  /** From a Retry-After header, when the API sent one. */
  retryAfterSeconds?: number;
  /** How many attempts were made. */
  attempts: number;
}

export type ApiResult = ApiSuccess | ApiFailure;

export interface ClientOptions {
  /** e.g. https://api.returning.ai (a path prefix is kept). */
  baseUrl: string;
  /** Other hosts, where routes of that kind live elsewhere; each defaults to baseUrl. */
  baseUrls?: Partial<Record<HostKind, string>>;
  /** Total deadline of a call, connect to last byte, retries included. Default 30000. */
  timeoutMs?: number;
  /** Largest response body read; a bigger one ends the read with a `too_large` failure. Default 5 MiB. */
  maxResponseBytes?: number;
  /** Total attempts for idempotent methods. Default 3. */
  maxAttempts?: number;
  /** Cap on the total time spent waiting between retries. Default 15000. */
  maxRetryWaitMs?: number;
  /** Base delay of the exponential backoff. Default 250. */
  baseDelayMs?: number;
  userAgent?: string;
}

/** Raised before any request when a path parameter could escape its path segment. */
export class PathParamError extends Error {
  constructor(
    readonly param: string,
    reason: string,
  ) {
    super(`Invalid path parameter '${param}': ${reason}`);
    this.name = "PathParamError";
  }
}
