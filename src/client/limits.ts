import type { Dispatcher } from "undici";

/**
 * The two limits every upstream call runs under, whatever the upstream does: a total deadline
 * (connect to last byte, retries and their waits included) and a response size cap enforced
 * while the body streams in, so that neither a trickling nor a huge answer can hold a tool call
 * or the process's memory.
 */

export const DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

/**
 * One call's deadline: its signal aborts every attempt and every wait when the time is up. One
 * timer, cleared by `end()`: `AbortSignal.timeout` + `AbortSignal.any` cost two signals a call
 * and kept each call's memory until its timer fired, long after the call ended.
 */
export class Deadline {
  readonly signal: AbortSignal;
  readonly #controller = new AbortController();
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #endsAt: number;
  readonly #caller: AbortSignal | undefined;
  #expired = false;

  constructor(
    readonly ms: number,
    caller?: AbortSignal,
  ) {
    this.signal = this.#controller.signal;
    this.#endsAt = Date.now() + ms;
    this.#timer = setTimeout(() => {
      this.#expired = true;
      this.#controller.abort(new DOMException(`deadline of ${ms} ms passed`, "TimeoutError"));
    }, ms);
    // Like AbortSignal.timeout: the call's own socket keeps the process up, not its deadline.
    this.#timer.unref();
    this.#caller = caller;
    if (caller?.aborted) this.#onCallerAbort();
    else caller?.addEventListener("abort", this.#onCallerAbort, { once: true });
  }

  readonly #onCallerAbort = (): void => this.#controller.abort(this.#caller?.reason);

  /** The call is over: nothing of it stays scheduled or attached to the caller's signal. */
  end(): void {
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener("abort", this.#onCallerAbort);
  }

  /** True when the deadline (not the caller) ended the call. */
  get expired(): boolean {
    return this.#expired;
  }

  get remainingMs(): number {
    return Math.max(0, this.#endsAt - Date.now());
  }

  message(attempts: number): string {
    const tries = attempts > 1 ? ` over ${attempts} attempts` : "";
    return `Returning.AI did not finish answering within the ${this.ms} ms deadline (RETURNING_AI_TIMEOUT_MS)${tries}`;
  }
}

/** Raised when a response is, or announces to be, larger than the cap. */
export class ResponseTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(
      `Returning.AI's response is larger than RETURNING_AI_MAX_RESPONSE_BYTES (${limit} bytes); reading stopped. ` +
        "Narrow the query (a smaller limit, fewer fields) or raise the setting",
    );
    this.name = "ResponseTooLargeError";
  }
}

/**
 * The body as text, never more than `limit` bytes of it. A body whose Content-Length fits is read
 * in one piece (HTTP framing holds it to that length); one that announces more is refused at once;
 * one without a length (chunked) is counted chunk by chunk and abandoned, the connection closed,
 * as soon as it passes the cap.
 */
export async function readCapped(res: Dispatcher.ResponseData, limit: number): Promise<string> {
  const declared = Number(res.headers["content-length"] ?? Number.NaN);
  if (declared > limit) {
    res.body.destroy();
    throw new ResponseTooLargeError(limit);
  }
  if (declared <= limit) return res.body.text();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      res.body.destroy();
      throw new ResponseTooLargeError(limit);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
