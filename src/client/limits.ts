import type { Dispatcher } from "undici";

/**
 * The two limits every upstream call runs under, whatever the upstream does: a total deadline
 * (connect to last byte, retries and their waits included) and a response size cap enforced
 * while the body streams in, so that neither a trickling nor a huge answer can hold a tool call
 * or the process's memory.
 */

export const DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

/** One call's deadline: its signal aborts every attempt and every wait when the time is up. */
export class Deadline {
  readonly signal: AbortSignal;
  readonly #timer: AbortSignal;
  readonly #endsAt: number;

  constructor(
    readonly ms: number,
    caller?: AbortSignal,
  ) {
    this.#timer = AbortSignal.timeout(ms);
    this.#endsAt = Date.now() + ms;
    this.signal = caller ? AbortSignal.any([caller, this.#timer]) : this.#timer;
  }

  /** True when the deadline (not the caller) ended the call. */
  get expired(): boolean {
    return this.#timer.aborted;
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
 * The body as text, read chunk by chunk and abandoned (the connection closed) as soon as it
 * passes `limit` bytes, or at once when its Content-Length says it will.
 */
export async function readCapped(res: Dispatcher.ResponseData, limit: number): Promise<string> {
  const declared = Number(res.headers["content-length"] ?? Number.NaN);
  if (declared > limit) {
    res.body.destroy();
    throw new ResponseTooLargeError(limit);
  }
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
