import type { ServerNotification } from "@modelcontextprotocol/sdk/types.js";
import { sleep } from "../client/retry.js";

/**
 * Waiting for an asynchronous job (a bulk update) on the caller's behalf: poll its status with
 * backoff, within a bounded number of polls and time, and report progress on the way. The call
 * path supplies how to read the status (a request for the table's JobSpec.statusTool).
 */

/** One look at a job: its state as the API names it, whether it has ended, how far it got. */
export interface JobProgress {
  state: string;
  done: boolean;
  processed?: number;
  total?: number;
}

export interface WaitOptions {
  /** Reads the job's status once. A throw ends the wait and is the caller's to report. */
  poll: (signal?: AbortSignal) => Promise<JobProgress>;
  onProgress?: (progress: JobProgress, polls: number) => void | Promise<void>;
  signal?: AbortSignal;
  /** Default 20. */
  maxPolls?: number;
  /** Pause before the second poll, doubled after each; default 500 ms. */
  firstDelayMs?: number;
  /** Default 5 s. */
  maxDelayMs?: number;
  /** Time budget for the pauses; no pause would end past it. Default 60 s. */
  maxWaitMs?: number;
}

export interface WaitOutcome {
  /** `done`: the job ended; `gave-up`: polls or time ran out first; `cancelled`: the signal fired. */
  outcome: "done" | "gave-up" | "cancelled";
  /** The last status read; absent only when cancelled before the first poll. */
  last?: JobProgress;
  polls: number;
  waitedMs: number;
}

export const WAIT_DEFAULTS = { maxPolls: 20, firstDelayMs: 500, maxDelayMs: 5_000, maxWaitMs: 60_000 } as const;

/** Polls until the job ends; the first poll is immediate, since a small job may already be done. */
export async function waitForJob(opts: WaitOptions): Promise<WaitOutcome> {
  const maxPolls = Math.max(1, opts.maxPolls ?? WAIT_DEFAULTS.maxPolls);
  const maxDelayMs = opts.maxDelayMs ?? WAIT_DEFAULTS.maxDelayMs;
  const maxWaitMs = opts.maxWaitMs ?? WAIT_DEFAULTS.maxWaitMs;
  let delay = opts.firstDelayMs ?? WAIT_DEFAULTS.firstDelayMs;
  let waitedMs = 0;
  let last: JobProgress | undefined;
  for (let polls = 1; ; polls++) {
    if (opts.signal?.aborted) return { outcome: "cancelled", ...(last ? { last } : {}), polls: polls - 1, waitedMs };
    last = await opts.poll(opts.signal);
    await opts.onProgress?.(last, polls);
    if (last.done) return { outcome: "done", last, polls, waitedMs };
    const pause = Math.min(delay, maxDelayMs);
    if (polls >= maxPolls || waitedMs + pause > maxWaitMs) return { outcome: "gave-up", last, polls, waitedMs };
    if (!(await sleep(pause, opts.signal))) return { outcome: "cancelled", last, polls, waitedMs };
    waitedMs += pause;
    delay *= 2;
  }
}

/** States after which a job changes no more, as the sandbox and the usual job APIs name them. */
const ENDED = new Set(["completed", "complete", "done", "succeeded", "success", "failed", "error", "cancelled", "canceled"]);

const count = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;

/**
 * A job status answer read leniently: the job routes are inferred, so `status` or `state`, and
 * `processedRows`/`totalRows` or `processed`/`total`, are all taken.
 */
export function jobProgressOf(data: unknown): JobProgress {
  const record = (data && typeof data === "object" ? data : {}) as Record<string, unknown>;
  const raw = record.status ?? record.state;
  const state = typeof raw === "string" && raw ? raw : "unknown";
  const processed = count(record.processedRows ?? record.processed);
  const total = count(record.totalRows ?? record.total);
  return {
    state,
    done: ENDED.has(state.toLowerCase()),
    ...(processed !== undefined ? { processed } : {}),
    ...(total !== undefined ? { total } : {}),
  };
}

/** What a request handler gets from the SDK that progress needs (RequestHandlerExtra's fields). */
export interface ProgressChannel {
  _meta?: { progressToken?: string | number };
  sendNotification: (notification: ServerNotification) => Promise<void>;
}

/**
 * MCP progress notifications for a wait, or undefined when the client gave no progress token.
 * The protocol wants the value to grow with each notification, so a poll that shows no progress
 * sends nothing; the value is rows processed when the job says, else the poll count.
 */
export function progressNotifier(channel: ProgressChannel): WaitOptions["onProgress"] {
  const progressToken = channel._meta?.progressToken;
  if (progressToken === undefined) return undefined;
  let sent = -1;
  return async (p, polls) => {
    const progress = p.processed ?? polls;
    if (progress <= sent) return;
    sent = progress;
    const rows = p.processed !== undefined && p.total !== undefined ? ` (${p.processed} of ${p.total} rows)` : "";
    await channel.sendNotification({
      method: "notifications/progress",
      params: { progressToken, progress, ...(p.total !== undefined ? { total: p.total } : {}), message: `${p.state}${rows}` },
    });
  };
}
