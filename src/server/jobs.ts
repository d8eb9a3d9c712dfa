import { findTool } from "../catalog/index.js";
import type { ApiSuccess } from "../client/types.js";
import type { ToolDef } from "../registry/types.js";
import type { CallContext } from "./context.js";
import { requestAs } from "./lookups.js";
import type { Redactor } from "./redact.js";
import { jobProgressOf, type ProgressChannel, progressNotifier, type WaitOutcome, waitForJob } from "./wait.js";

/** What a `wait: true` call adds to its result: how the wait ended and the job's last status. */
export interface JobReport {
  outcome: WaitOutcome["outcome"] | "failed";
  polls: number;
  waitedMs: number;
  status?: unknown;
  error?: string;
}

/**
 * Follows the job a call started (or names) until it ends, by calling the table's status tool with
 * the same credentials, bounded in polls and by the wait's deadline, and stopped by the call's
 * signal; progress goes to the client when it asked, redacted like the result.
 */
export async function followJob(
  ctx: CallContext,
  tool: ToolDef,
  args: Record<string, unknown>,
  started: ApiSuccess,
  redact: Redactor,
  channel?: ProgressChannel,
  signal?: AbortSignal,
): Promise<JobReport> {
  const job = tool.job;
  const statusTool = job && findTool(job.statusTool);
  if (!job || !statusTool) return { outcome: "failed", polls: 0, waitedMs: 0, error: "this tool has no job to wait for" };
  const data = (started.data ?? {}) as Record<string, unknown>;
  const id = job.idField ? data[job.idField] : args[job.idArg];
  if (typeof id !== "string" || !id) {
    return { outcome: "failed", polls: 0, waitedMs: 0, error: `the answer carries no job id (${job.idField ?? job.idArg})` };
  }
  let status: unknown;
  try {
    const outcome = await waitForJob({
      signal,
      deadlineMs: ctx.waitTimeoutMs,
      onProgress: channel && progressNotifier(channel, redact),
      poll: async (pollSignal) => {
        const res = await requestAs(ctx, statusTool, { [job.idArg]: id }, pollSignal);
        if (!res.ok) throw new Error(res.message);
        status = res.data;
        return jobProgressOf(res.data);
      },
    });
    return { outcome: outcome.outcome, polls: outcome.polls, waitedMs: outcome.waitedMs, status };
  } catch (error) {
    return { outcome: "failed", polls: 0, waitedMs: 0, status, error: (error as Error).message };
  }
}
