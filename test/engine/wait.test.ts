import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, type Progress } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findTool } from "../../src/catalog/index.js";
import { ReturningAiClient } from "../../src/client/http.js";
import { DEMO } from "../../src/demo.js";
import { planRequest } from "../../src/registry/request.js";
import { type Sandbox, startSandbox } from "../../src/sandbox/index.js";
import { Redactor } from "../../src/server/redact.js";
import { type JobProgress, jobProgressOf, progressNotifier, waitForJob } from "../../src/server/wait.js";

/** Waiting for bulk jobs against the sandbox, whose jobs move one step per status read. */
describe("waiting for a bulk job", () => {
  let sandbox: Sandbox;
  let api: ReturningAiClient;

  beforeEach(async () => {
    sandbox = await startSandbox();
    api = new ReturningAiClient({ baseUrl: sandbox.url, timeoutMs: 5_000 });
  });
  afterEach(async () => {
    await api.close();
    await sandbox.close();
  });

  /** What the call path will do: read the status through the table's status tool, over real HTTP. */
  const pollOf = (jobId: string) => async (signal?: AbortSignal) => {
    const tool = findTool("get_bulk_job_status");
    if (!tool) throw new Error("no status tool");
    const result = await api.request({
      ...planRequest(tool, { jobId }),
      auth: tool.auth,
      credentials: { apiKey: sandbox.apiKey },
      signal,
    });
    if (!result.ok) throw new Error(`status read failed: ${result.message}`);
    return jobProgressOf(result.data);
  };

  /** A fresh two-row user update, queued through the upload tool's own route. */
  async function queueJob(): Promise<string> {
    const tool = findTool("update_users_from_csv");
    const file = tool?.example.file as { base64: string; name: string };
    const form = new FormData();
    form.append("data", new Blob([Buffer.from(file.base64, "base64")], { type: "text/csv" }), file.name);
    const res = await fetch(`${sandbox.url}/apis/v1/users/bulk-update`, {
      method: "POST",
      headers: { authorization: `Bearer ${sandbox.apiKey}` },
      body: form,
    });
    return ((await res.json()) as { data: { jobId: string } }).data.jobId;
  }

  it("polls until the job ends, backing off, reporting every status read", async () => {
    const jobId = await queueJob();
    const seen: Array<[string, number | undefined, number]> = [];
    const outcome = await waitForJob({
      poll: pollOf(jobId),
      onProgress: (p, polls) => {
        seen.push([p.state, p.processed, polls]);
      },
      firstDelayMs: 5,
    });
    expect(seen).toEqual([
      ["queued", 0, 1],
      ["processing", 1, 2],
      ["completed", 2, 3],
    ]);
    expect(outcome).toEqual({
      outcome: "done",
      last: { state: "completed", done: true, processed: 2, total: 2 },
      polls: 3,
      waitedMs: 15,
    });
  });

  it("gives up after its last poll, or before a pause that would pass the deadline", async () => {
    const byPolls = await waitForJob({ poll: pollOf(await queueJob()), maxPolls: 2, firstDelayMs: 1 });
    expect(byPolls).toMatchObject({ outcome: "gave-up", polls: 2, last: { state: "processing", done: false } });
    const byTime = await waitForJob({ poll: pollOf(await queueJob()), firstDelayMs: 30, deadlineMs: 25 });
    expect(byTime).toMatchObject({ outcome: "timed-out", polls: 1, waitedMs: 0 });
  });

  it("stops at once when cancelled, and passes a failed status read on", async () => {
    const jobId = await queueJob();
    const abort = new AbortController();
    const cancelled = await waitForJob({
      poll: pollOf(jobId),
      onProgress: () => abort.abort(),
      signal: abort.signal,
      firstDelayMs: 5_000,
    });
    // No pause completed: the 5 s pause ended with the cancel instead of running out.
    expect(cancelled).toMatchObject({ outcome: "cancelled", polls: 1, waitedMs: 0, last: { state: "queued" } });
    expect(await waitForJob({ poll: pollOf(jobId), signal: abort.signal })).toEqual({
      outcome: "cancelled",
      polls: 0,
      waitedMs: 0,
    });
    await expect(waitForJob({ poll: pollOf("0123456789abcdef01234567") })).rejects.toThrow(
      /status read failed: Bulk job not found\./,
    );
  });

  it("sends MCP progress notifications, growing, when the client gave a progress token", async () => {
    const jobId = await queueJob();
    const server = new Server({ name: "wait-test", version: "1.0.0" }, { capabilities: { tools: {} } });
    server.setRequestHandler(CallToolRequestSchema, async (_request, extra) => {
      const outcome = await waitForJob({
        poll: pollOf(jobId),
        onProgress: progressNotifier(extra, new Redactor()),
        firstDelayMs: 5,
      });
      return { content: [{ type: "text", text: outcome.outcome }] };
    });
    const client = new Client({ name: "test-client", version: "1.0.0" });
    const [a, b] = InMemoryTransport.createLinkedPair();
    await Promise.all([server.connect(a), client.connect(b)]);
    try {
      const progress: Progress[] = [];
      const result = await client.callTool({ name: "wait", arguments: {} }, undefined, { onprogress: (p) => progress.push(p) });
      expect(result.content).toEqual([{ type: "text", text: "done" }]);
      expect(progress).toEqual([
        { progress: 0, total: 2, message: "queued (0 of 2 rows)" },
        { progress: 1, total: 2, message: "processing (1 of 2 rows)" },
        { progress: 2, total: 2, message: "completed (2 of 2 rows)" },
      ]);
    } finally {
      await client.close();
      await server.close();
    }
    expect(progressNotifier({ sendNotification: async () => {} }, new Redactor())).toBeUndefined();
  });

  it("reads job states leniently, since the job routes are inferred", () => {
    const read = (data: unknown): JobProgress => jobProgressOf(data);
    expect(read({ status: "processing", processedRows: 3, totalRows: 9 })).toEqual({
      state: "processing",
      done: false,
      processed: 3,
      total: 9,
    });
    expect(read({ state: "DONE", processed: 9, total: 9 })).toEqual({ state: "DONE", done: true, processed: 9, total: 9 });
    expect(read({ status: "failed" })).toEqual({ state: "failed", done: true });
    expect(read("queued")).toEqual({ state: "unknown", done: false });
    expect(read({ status: "processing", processedRows: -1 })).toEqual({ state: "processing", done: false });
  });

  it("finds the seeded queued job moving too", async () => {
    const outcome = await waitForJob({ poll: pollOf(DEMO.bulkJobIds[1]), firstDelayMs: 1 });
    expect(outcome).toMatchObject({ outcome: "done", polls: 3, last: { state: "completed", processed: 1, total: 1 } });
  });
});
