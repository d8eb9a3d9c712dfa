import { CsvError, type CsvTable, checkCsv, readCsv } from "../../registry/csv.js";
import { SandboxError } from "../envelope.js";
import { newestPage } from "../listing.js";
import { memberByIdentifier, ofCommunity } from "../members.js";
import { newObjectId, type Rec, type SandboxStore } from "../store.js";
import type { Handler, HandlerInput, Handlers } from "./types.js";

/**
 * Bulk updates as queued jobs. An upload is checked like the client checks it (same header rules,
 * from the tool's table), every row's outcome is worked out at once, and each status read moves the
 * job one step on after answering, so a poller sees queued, processing, then completed (or failed,
 * when no row could be applied). Users are only looked up, never changed: their records belong to
 * the users area.
 */

const JOBS = "bulkJobs";

/** The uploaded CSV of argument `arg`, read and checked against its table's rules; a 400 names the form field. */
export function readUpload(input: HandlerInput, arg = "file"): CsvTable {
  const spec = input.tool.files?.[arg];
  const part = input.files[arg]?.[0];
  if (!spec || !part) throw new SandboxError(400, `${spec?.field ?? arg}: a CSV file is required`);
  try {
    const table = readCsv(part.bytes);
    checkCsv(table, spec.columns);
    return table;
  } catch (error) {
    if (error instanceof CsvError) throw new SandboxError(400, `${spec.field}: ${error.message}`);
    throw error;
  }
}

const IDENTIFIERS = ["email", "username"] as const;

/** One row's result, as job details list them. */
interface RowOutcome {
  row: number;
  user?: string;
  outcome: "updated" | "skipped" | "failed";
  changes?: Record<string, string>;
  error?: string;
}

/** What one row would do: find its user by an email or username column, and list the other non-blank cells. */
function rowOutcome(store: SandboxStore, communityId: string, table: CsvTable, row: string[], rowNumber: number): RowOutcome {
  const cell = (column: string) => (row[table.columns.indexOf(column)] ?? "").trim();
  const by = IDENTIFIERS.find((k) => table.columns.includes(k) && cell(k));
  if (!by) return { row: rowNumber, outcome: "failed", error: "no email or username to find the user by" };
  const user = cell(by);
  if (!memberByIdentifier(store, communityId, by, user))
    return { row: rowNumber, user, outcome: "failed", error: "user not found" };
  const changes: Record<string, string> = {};
  for (const column of table.columns) {
    const value = cell(column);
    if (!value || column.endsWith("_op") || (IDENTIFIERS as readonly string[]).includes(column)) continue;
    const op = table.columns.includes(`${column}_op`) ? cell(`${column}_op`) : "";
    if (op && !Number.isFinite(Number(value)))
      return { row: rowNumber, user, outcome: "failed", error: `${column}: not a number` };
    changes[column] = `${op || "overwrite"} ${value}`;
  }
  return Object.keys(changes).length
    ? { row: rowNumber, user, outcome: "updated", changes }
    : { row: rowNumber, user, outcome: "skipped", error: "nothing to change" };
}

const queue =
  (type: string, what: string): Handler =>
  (input) => {
    const { store, communityId } = input;
    const table = readUpload(input);
    const now = store.now();
    const job: Rec = {
      _id: newObjectId(),
      communityID: communityId,
      type,
      fileName: input.files.file?.[0]?.name || "upload.csv",
      status: "queued",
      totalRows: table.rows.length,
      processedRows: 0,
      results: table.rows.map((row, i) => rowOutcome(store, communityId, table, row, i + 2)),
      createdAt: now,
      updatedAt: now,
    };
    store.collection(JOBS).push(job);
    const queued = `Bulk update ${what} process is queued`;
    // The documented answer has only the message; the job id is the sandbox's, for the job routes (inferred).
    return {
      statusCode: 200,
      message: queued,
      data: { message: `${queued}. You can check in Api Log ( community settings )`, jobId: job._id },
    };
  };

const revealed = (job: Rec) => (job.results as RowOutcome[]).slice(0, job.processedRows as number);

/** A job as lists and status reads show it: counts only, no rows. */
const summary = (job: Rec) => {
  const { results: _results, communityID: _c, ...rest } = job;
  return { ...rest, failedRows: revealed(job).filter((r) => r.outcome === "failed").length };
};

function findJob({ store, communityId, args }: HandlerInput): Rec {
  const job = ofCommunity(store, JOBS, communityId).find((j) => j._id === args.jobId);
  if (!job) throw new SandboxError(404, "Bulk job not found.");
  return job;
}

/** One step on: queued -> processing (half the rows) -> completed, or failed when every row failed. */
function advance(store: SandboxStore, job: Rec): void {
  const total = job.totalRows as number;
  const results = job.results as RowOutcome[];
  let next: Rec;
  if (job.status === "queued") next = { ...job, status: "processing", processedRows: Math.floor(total / 2) };
  else if (job.status === "processing") {
    const failed = results.length > 0 && results.every((r) => r.outcome === "failed");
    next = { ...job, status: failed ? "failed" : "completed", processedRows: total };
  } else return;
  const jobs = store.collection(JOBS);
  jobs[jobs.indexOf(job)] = { ...next, updatedAt: store.now() };
}

export const bulkHandlers: Handlers = {
  "bulk.updateUsers": queue("users", "user"),
  "bulk.updatePremiumCurrency": queue("premium-currency", "premium currency"),

  "bulk.listJobs"({ store, communityId, args }) {
    const { data, meta } = newestPage(ofCommunity(store, JOBS, communityId), "createdAt", args, "bulk jobs");
    return { statusCode: 200, message: "Read bulk jobs success.", data: data.map(summary), meta };
  },

  "bulk.jobStatus"(input) {
    const job = findJob(input);
    advance(input.store, job);
    return { statusCode: 200, message: "Read bulk job status success.", data: summary(job) };
  },

  "bulk.jobDetails"(input) {
    const job = findJob(input);
    return { statusCode: 200, message: "Read bulk job success.", data: { ...summary(job), results: revealed(job) } };
  },
};
