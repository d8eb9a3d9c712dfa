import type { ServerResponse } from "node:http";
import type { CallToolResult, ProgressNotification } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { findTool } from "../../src/catalog/index.js";
import { MAX_PROGRESS_STATE_CHARS } from "../../src/server/wait.js";
import { dataOf, type RecordedRequest, scriptedApi } from "../support/helpers.js";

/**
 * A `wait: true` call against a local status server: its progress is redacted and short, its
 * whole wait ends at RETURNING_AI_WAIT_TIMEOUT_MS however the status route behaves, and a
 * cancelled call stops polling.
 */

const KEY = "rk_live_wait_limits_0123456789";
const JOB_ID = "0123456789abcdef01234567";
const tools = [findTool("get_bulk_job_status")!];

interface Job {
  outcome: string;
  polls: number;
  status?: unknown;
}
const jobOf = (result: CallToolResult): Job =>
  (result.structuredContent as { meta: { job: Job } } | undefined)?.meta?.job ?? ({} as Job);

const answer = (res: ServerResponse, data: unknown) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ meta: { status: "success", statusCode: 200 }, message: "ok", data }));
};

describe("waiting for a job", () => {
  const api = scriptedApi({ apiKey: KEY, tools });
  const statusReads = () => api.requests.filter((r) => r.url.endsWith(`/${JOB_ID}/status`)).length;

  it("redacts the job's status text in progress notifications and cuts it short", async () => {
    let reads = 0;
    const noise = "x".repeat(1_000_000);
    api.respond = (_req, res) => {
      reads++;
      // The call's own read is small (it is the result); the polls' texts are huge and carry the key.
      if (reads === 1) return answer(res, { status: "queued", processedRows: 0, totalRows: 3 });
      const noisy = `processing for ${KEY.toUpperCase()} (${Buffer.from(KEY).toString("base64")}) ${noise}`;
      answer(res, { status: reads >= 4 ? "completed" : noisy, processedRows: reads - 1, totalRows: 3 });
    };
    const mcp = await api.connect({ waitTimeoutMs: 60_000 });
    const progress: ProgressNotification["params"][] = [];
    const result = (await mcp.client.callTool(
      { name: "get_bulk_job_status", arguments: { jobId: JOB_ID, wait: true } },
      undefined,
      { onprogress: (p) => void progress.push(p as ProgressNotification["params"]) },
    )) as CallToolResult;
    expect(jobOf(result).outcome).toBe("done");
    expect(progress.map((p) => p.progress)).toEqual([1, 2, 3]);
    for (const [i, { message = "" }] of progress.slice(0, -1).entries()) {
      const rows = ` (${i + 1} of 3 rows)`;
      expect(message.endsWith(`…${rows}`)).toBe(true);
      expect(message.slice(0, -rows.length)).toMatch(/^processing for \[redacted\] \(\[redacted\]\) x+…$/);
      expect(message.length).toBe(MAX_PROGRESS_STATE_CHARS + rows.length);
    }
    expect(progress.at(-1)?.message).toBe("completed (3 of 3 rows)");
  });

  it("ends the wait at its deadline when the status route keeps saying 'processing'", async () => {
    api.respond = (_req, res) => answer(res, { status: "processing", processedRows: 1, totalRows: 9 });
    // The first pause (500 ms) would end past the deadline: no second read is made.
    const mcp = await api.connect({ waitTimeoutMs: 300 });
    const result = await mcp.call("get_bulk_job_status", { jobId: JOB_ID, wait: true });
    expect(jobOf(result)).toMatchObject({ outcome: "timed-out", polls: 1, status: { status: "processing" } });
    expect(statusReads()).toBe(2); // the call's own read, then one poll
  });

  it("abandons a status read that hangs once the wait's deadline passes, well before the call's", async () => {
    const hung: ServerResponse[] = [];
    const closed: Promise<void>[] = [];
    api.respond = (_req: RecordedRequest, res) => {
      if (api.requests.length === 1) return answer(res, { status: "queued" });
      hung.push(res);
      closed.push(new Promise((resolve) => res.on("close", () => resolve())));
    };
    const mcp = await api.connect({ waitTimeoutMs: 300, client: { timeoutMs: 60_000 } });
    const result = await mcp.call("get_bulk_job_status", { jobId: JOB_ID, wait: true });
    expect(jobOf(result)).toMatchObject({ outcome: "timed-out", polls: 1 });
    expect(dataOf(result)).toEqual({ status: "queued" });
    expect(statusReads()).toBe(2);
    await Promise.all(closed); // the hung read's connection was closed by us, not left open
    expect(hung).toHaveLength(1);
  });

  it("stops polling at once when the call is cancelled", async () => {
    let hungClosed: Promise<void> | undefined;
    let pollArrived!: () => void;
    const arrived = new Promise<void>((resolve) => {
      pollArrived = resolve;
    });
    api.respond = (_req, res) => {
      if (api.requests.length === 1) return answer(res, { status: "queued" });
      hungClosed = new Promise((resolve) => res.on("close", () => resolve()));
      pollArrived();
    };
    const mcp = await api.connect({ waitTimeoutMs: 600_000, client: { timeoutMs: 600_000 } });
    const cancel = new AbortController();
    const call = mcp.client.callTool({ name: "get_bulk_job_status", arguments: { jobId: JOB_ID, wait: true } }, undefined, {
      signal: cancel.signal,
    });
    await arrived;
    cancel.abort();
    await expect(call).rejects.toThrow();
    await hungClosed;
    expect(statusReads()).toBe(2);
  });
});
