import type { ServerNotification } from "@modelcontextprotocol/sdk/types.js";
import { Deadline } from "../client/limits.js";
import { sleep } from "../client/retry.js";
import type { Redactor } from "./redact.js";

/**
 * Waiting for an asynchronous job (a bulk update) on the caller's behalf: poll its status with
 * backoff, within a bounded number of polls and one total deadline, and report progress on the
 * way. The call path supplies how to read the status (a request for the table's JobSpec.statusTool).
 */

/** One look at a job: its state as the API names it, whether it has ended, how far it got. */
export interface JobProgress {
  state: string;
  done: boolean;
  processed?: number;
  total?: number;
}

export interface WaitOptions {
  /** Reads the job's status once, giving up when the signal fires. A throw ends the wait and is the caller's to report. */
  poll: (signal: AbortSignal) => Promise<JobProgress>;
  onProgress?: (progress: JobProgress, polls: number) => void | Promise<void>;
  /** The call's: when it fires the wait stops at once, mid-poll or mid-pause. */
  signal?: AbortSignal;
  /** Default 20. */
  maxPolls?: number;
  /** Pause before the second poll, doubled after each; default 500 ms. */
  firstDelayMs?: number;
  /** Default 5 s. */
  maxDelayMs?: number;
  /**
   * The whole wait's deadline, polls and pauses alike (RETURNING_AI_WAIT_TIMEOUT_MS): a poll still
   * running then is abandoned, and no pause starts that would end past it. Default 120 s.
   */
  deadlineMs?: number;
}

export interface WaitOutcome {
  /**
   * `done`: the job ended; `gave-up`: the polls ran out first; `timed-out`: the deadline passed
   * first; `cancelled`: the caller's signal fired.
   */
  outcome: "done" | "gave-up" | "timed-out" | "cancelled";
  /** The last status read; absent when the wait ended before the first read. */
  last?: JobProgress;
  polls: number;
  /** Time spent in pauses between polls (the polls' own time is not counted). */
  waitedMs: number;
}

export const WAIT_DEFAULTS = { maxPolls: 20, firstDelayMs: 500, maxDelayMs: 5_000, deadlineMs: 120_000 } as const;

/** Polls until the job ends; the first poll is immediate, since a small job may already be done. */
export async function waitForJob(opts: WaitOptions): Promise<WaitOutcome> {
  const maxPolls = Math.max(1, opts.maxPolls ?? WAIT_DEFAULTS.maxPolls);
  const maxDelayMs = opts.maxDelayMs ?? WAIT_DEFAULTS.maxDelayMs;
  const deadline = new Deadline(opts.deadlineMs ?? WAIT_DEFAULTS.deadlineMs, opts.signal);
  let delay = opts.firstDelayMs ?? WAIT_DEFAULTS.firstDelayMs;
  let waitedMs = 0;
  let last: JobProgress | undefined;
  const end = (outcome: WaitOutcome["outcome"], polls: number): WaitOutcome => ({
    outcome,
    ...(last ? { last } : {}),
    polls,
    waitedMs,
  });
  // Which of the two signals stopped the wait: the caller's wins, since it is the caller who asked.
  const stopped = () => (opts.signal?.aborted ? "cancelled" : deadline.expired ? "timed-out" : undefined);
  for (let polls = 1; ; polls++) {
    const before = stopped();
    if (before) return end(before, polls - 1);
    try {
      const read = await opts.poll(deadline.signal);
      // A poll that answered after the signal fired may hold a failure it caused; it is not a status.
      const after = stopped();
      if (after) return end(after, polls);
      last = read;
    } catch (error) {
      const after = stopped();
      if (after) return end(after, polls);
      throw error;
    }
    await opts.onProgress?.(last, polls);
    if (last.done) return end("done", polls);
    const pause = Math.min(delay, maxDelayMs);
    if (polls >= maxPolls) return end("gave-up", polls);
    if (pause >= deadline.remainingMs) return end("timed-out", polls);
    if (!(await sleep(pause, deadline.signal))) return end(stopped() ?? "cancelled", polls);
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

/** Enough for any state name an API uses; a status text past it is noise, or an attack on the client's context. */
export const MAX_PROGRESS_STATE_CHARS = 200;

/**
 * MCP progress notifications for a wait, or undefined when the client gave no progress token.
 * The protocol wants the value to grow with each notification, so a poll that shows no progress
 * sends nothing; the value is rows processed when the job says, else the poll count. The state
 * is the API's text: it is redacted like a result, then cut short.
 */
export function progressNotifier(channel: ProgressChannel, redact: Pick<Redactor, "text">): WaitOptions["onProgress"] {
  const progressToken = channel._meta?.progressToken;
  if (progressToken === undefined) return undefined;
  let sent = -1;
  return async (p, polls) => {
    const progress = p.processed ?? polls;
    if (progress <= sent) return;
    sent = progress;
    const clean = redact.text(p.state);
    const state = clean.length > MAX_PROGRESS_STATE_CHARS ? `${clean.slice(0, MAX_PROGRESS_STATE_CHARS - 1)}…` : clean;
    const rows = p.processed !== undefined && p.total !== undefined ? ` (${p.processed} of ${p.total} rows)` : "";
    await channel.sendNotification({
      method: "notifications/progress",
      params: { progressToken, progress, ...(p.total !== undefined ? { total: p.total } : {}), message: `${state}${rows}` },
    });
  };
}
