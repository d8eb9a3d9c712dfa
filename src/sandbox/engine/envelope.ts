/**
 * The newest documented envelope, which every sandbox reply uses so that clients exercise the
 * same unwrapping they need against api.returning.ai.
 */

/** Paging facts, and `updated` for bulk writes that report how many records they changed. */
export type ListMeta = { page?: number; skip?: number; limit?: number; total?: number; updated?: number };

export interface SuccessBody {
  meta: { status: "success"; statusCode: number } & ListMeta;
  message: string;
  data: unknown;
}

export interface ErrorBody {
  meta: { status: "error"; statusCode: number };
  message: string;
}

export const success = (statusCode: number, message: string, data: unknown, meta: ListMeta = {}): SuccessBody => ({
  meta: { status: "success", statusCode, ...meta },
  message,
  data,
});

export const failure = (statusCode: number, message: string): ErrorBody => ({
  meta: { status: "error", statusCode },
  message,
});

/** Thrown anywhere below the request handler to answer with an error envelope instead of a 500. */
export class SandboxError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "SandboxError";
  }
}

/** "API key" stays as is; "leaderboard" becomes "Leaderboard" at the start of a sentence. */
export const capitalise = (noun: string): string => noun.charAt(0).toUpperCase() + noun.slice(1);
