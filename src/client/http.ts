import type { FormData } from "undici";
import type { HostKind } from "../registry/types.js";
import { authHeaders, type Credentials, secretsOf } from "./auth.js";
import { DEFAULT_MAX_RESPONSE_BYTES, Deadline, ResponseTooLargeError, readCapped } from "./limits.js";
import { buildPath, buildQuery, joinUrl } from "./path.js";
import { interpretResponse } from "./response.js";
import {
  backoffDelay,
  errorCodes,
  isIdempotent,
  isTimeoutError,
  isTransientNetworkError,
  isTransientStatus,
  sleep,
} from "./retry.js";
import type { ApiFailure, ApiRequest, ApiResult, ClientOptions, FormBody } from "./types.js";
import { Agent, loadFormData, request } from "./undici.js";

const DEFAULT_USER_AGENT = "returning-ai-mcp";

interface Attempt {
  result: ApiResult;
  /** Worth retrying if the method is idempotent. */
  transient: boolean;
}

/** Thin HTTP client for the Returning.AI API: one keep-alive connection pool per instance. */
export class ReturningAiClient {
  readonly #agent: Agent;
  readonly #bases: Record<HostKind, URL>;
  readonly #timeoutMs: number;
  readonly #maxAttempts: number;
  readonly #maxRetryWaitMs: number;
  readonly #baseDelayMs: number;
  readonly #userAgent: string;
  readonly #maxResponseBytes: number;

  constructor(opts: ClientOptions) {
    const base = (url: string | undefined) => {
      const parsed = new URL(url ?? opts.baseUrl);
      if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
        throw new Error(`baseUrl must be http(s), got ${parsed.protocol}`);
      }
      return parsed;
    };
    const { legacy, webhook, community } = opts.baseUrls ?? {};
    this.#bases = { api: base(opts.baseUrl), legacy: base(legacy), webhook: base(webhook), community: base(community) };
    this.#timeoutMs = opts.timeoutMs ?? 30_000;
    this.#maxAttempts = Math.max(1, opts.maxAttempts ?? 3);
    this.#maxRetryWaitMs = opts.maxRetryWaitMs ?? 15_000;
    this.#baseDelayMs = opts.baseDelayMs ?? 250;
    this.#userAgent = opts.userAgent ?? DEFAULT_USER_AGENT;
    this.#maxResponseBytes = opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    const t = this.#timeoutMs;
    this.#agent = new Agent({ connectTimeout: t, headersTimeout: t, bodyTimeout: t });
  }

  /**
   * Never throws for API, network or timeout trouble: those come back as ApiFailure.
   * It DOES throw PathParamError, before anything is sent, when a path parameter is unsafe:
   * that is bad input from the caller, which reports it as a validation error.
   */
  async request(req: ApiRequest): Promise<ApiResult> {
    const url = req.url ?? this.urlFor(req);
    // One deadline for the whole call, retries and waits included: RETURNING_AI_TIMEOUT_MS is a promise to the caller.
    const deadline = new Deadline(this.#timeoutMs, req.signal);
    try {
      return await this.#attempts(req, url, deadline);
    } finally {
      deadline.end();
    }
  }

  async #attempts(req: ApiRequest, url: string, deadline: Deadline): Promise<ApiResult> {
    const canRetry = isIdempotent(req.method);
    let waitedMs = 0;
    for (let attempt = 1; ; attempt++) {
      if (req.signal?.aborted) return this.#aborted(attempt - 1);
      const { result, transient } = await this.#attempt(req, url, attempt, deadline);
      // POST/PATCH are never retried: the first try may have been applied even if we saw an error.
      if (result.ok || !transient || !canRetry || attempt >= this.#maxAttempts) return result;

      const delayMs =
        result.retryAfterSeconds !== undefined ? result.retryAfterSeconds * 1000 : backoffDelay(attempt, this.#baseDelayMs);
      // Better to report "try again in N s" now than to hold the tool call open for minutes.
      if (waitedMs + delayMs > this.#maxRetryWaitMs || delayMs >= deadline.remainingMs) return result;
      waitedMs += delayMs;
      if (!(await sleep(delayMs, deadline.signal))) {
        return deadline.expired ? this.#timedOut(deadline, attempt) : this.#aborted(attempt);
      }
    }
  }

  /** The full URL a request goes to; throws PathParamError for an unsafe path value. */
  urlFor(req: Pick<ApiRequest, "pathTemplate" | "pathParams" | "query" | "host">): string {
    return joinUrl(this.#bases[req.host ?? "api"], buildPath(req.pathTemplate, req.pathParams), buildQuery(req.query));
  }

  async close(): Promise<void> {
    await this.#agent.close();
  }

  async #attempt(req: ApiRequest, url: string, attempt: number, deadline: Deadline): Promise<Attempt> {
    const headers: Record<string, string> = {
      ...authHeaders(req.auth, req.credentials),
      accept: "application/json",
      "user-agent": this.#userAgent,
    };
    let body: string | FormData | undefined;
    if (req.form) body = await formData(req.form);
    else if (req.body !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(req.body);
    }

    try {
      // urlFor starts every URL with its base's origin.
      const { origin } = this.#bases[req.host ?? "api"];
      const res = await request(this.#agent, {
        origin,
        path: url.slice(origin.length),
        method: req.method,
        headers,
        body,
        signal: deadline.signal,
      });
      // Reading the whole body also frees the keep-alive socket for the next request; a body over the cap is dropped.
      const text = await readCapped(res, this.#maxResponseBytes);
      const result = interpretResponse(res.statusCode, res.headers, text, attempt);
      return { result: scrub(result, req.credentials), transient: isTransientStatus(res.statusCode) };
    } catch (err) {
      if (req.signal?.aborted) return { result: this.#aborted(attempt), transient: false };
      if (deadline.expired) return { result: this.#timedOut(deadline, attempt), transient: false };
      if (err instanceof ResponseTooLargeError) {
        return { result: { ok: false, kind: "too_large", message: err.message, attempts: attempt }, transient: false };
      }
      return { result: scrub(this.#networkFailure(err, attempt), req.credentials), transient: isTransientNetworkError(err) };
    }
  }

  #networkFailure(err: unknown, attempts: number): ApiFailure {
    if (isTimeoutError(err)) {
      const message = errorCodes(err).includes("UND_ERR_CONNECT_TIMEOUT")
        ? `Could not connect to Returning.AI within ${this.#timeoutMs} ms`
        : `No response from Returning.AI within ${this.#timeoutMs} ms`;
      return { ok: false, kind: "timeout", message, attempts };
    }
    const code = errorCodes(err)[0];
    const detail = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      kind: "network",
      message: `Could not reach Returning.AI: ${detail}${code ? ` (${code})` : ""}`,
      attempts,
    };
  }

  #timedOut(deadline: Deadline, attempts: number): ApiFailure {
    return { ok: false, kind: "timeout", message: deadline.message(attempts), attempts };
  }

  #aborted(attempts: number): ApiFailure {
    return { ok: false, kind: "network", message: "Request to Returning.AI was cancelled", attempts };
  }
}

/** Defence in depth: whatever a server or error echoes back, no credential leaves in a message. */
function scrub(result: ApiResult, credentials: Credentials): ApiResult {
  if (result.ok) return result;
  const message = secretsOf(credentials).reduce((text, secret) => text.split(secret).join("[redacted]"), result.message);
  return message === result.message ? result : { ...result, message };
}

/** Text fields as strings (structured values as JSON, the way the API's forms take them), then the files. */
async function formData(form: FormBody): Promise<FormData> {
  const data = new (await loadFormData())();
  for (const [name, value] of Object.entries(form.fields)) {
    if (value !== undefined) data.append(name, typeof value === "string" ? value : JSON.stringify(value));
  }
  for (const [field, uploads] of Object.entries(form.files)) {
    for (const upload of uploads) data.append(field, new Blob([upload.bytes], { type: upload.type }), upload.name);
  }
  return data;
}
