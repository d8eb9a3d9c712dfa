/** Methods that are safe to send twice: a retry cannot create a duplicate. */
const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE"]);
const TRANSIENT_STATUS = new Set([429, 502, 503, 504]);
const TRANSIENT_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "UND_ERR_SOCKET"]);
export const TIMEOUT_CODES = new Set(["UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

export const isIdempotent = (method: string): boolean => IDEMPOTENT.has(method.toUpperCase());
export const isTransientStatus = (status: number): boolean => TRANSIENT_STATUS.has(status);

/** Error codes from the error and its `cause` chain (undici often wraps the socket error). */
export function errorCodes(err: unknown): string[] {
  const codes: string[] = [];
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
    e = (e as { cause?: unknown }).cause;
  }
  return codes;
}

export function isTimeoutError(err: unknown): boolean {
  return errorCodes(err).some((c) => TIMEOUT_CODES.has(c));
}

/** Connection dropped or refused before a usable answer: worth another try for idempotent calls. */
export function isTransientNetworkError(err: unknown): boolean {
  if (errorCodes(err).some((c) => TRANSIENT_CODES.has(c))) return true;
  return err instanceof Error && /other side closed/i.test(err.message);
}

/** Retry-After as whole seconds: delta-seconds or an HTTP-date (past dates give 0). */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * Equal-jitter exponential backoff: half the step is fixed so a retry never fires
 * immediately, the other half is random so many clients do not retry in lockstep.
 */
export function backoffDelay(attempt: number, baseDelayMs: number, random: () => number = Math.random): number {
  const step = baseDelayMs * 2 ** (attempt - 1);
  return Math.round(step / 2 + random() * (step / 2));
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
