import type { CsvTable } from "../registry/csv.js";
import { bulk } from "../tools/bulk.js";
import { updateProductsFromCsv } from "./bulk-products.js";
import { type Handler, type HandlerInput, sandboxFor } from "./engine/bind.js";
import { SandboxError } from "./engine/envelope.js";
import { newestPage } from "./engine/listing.js";
import { memberByIdentifier, ofCommunity } from "./engine/members.js";
import { newObjectId, type Rec, type SandboxStore } from "./engine/store.js";
import { readUpload } from "./engine/upload.js";

/**
 * Bulk updates as queued jobs. An upload is checked like the client checks it (same header rules,
 * from the tool's table), every row's outcome is worked out at once, and each status read moves the
 * job one step on after answering, so a poller sees queued, processing, then completed (or failed,
 * when no row could be applied). A row is written to its member when the job reaches it, so the
 * members' XP and coins show the rows once the job says they are processed.
 */

const JOBS = "bulkJobs";

const IDENTIFIERS = ["email", "username"] as const;

/** One row's result, as job details list them. */
interface RowOutcome {
  row: number;
  user?: string;
  outcome: "updated" | "skipped" | "failed";
  changes?: Record<string, string>;
  error?: string;
  /** The member the row writes to; the sandbox's own, left out of job details. */
  memberId?: string;
}

/** What one row would do: find its user by an email or username column, and list the other non-blank cells. */
function rowOutcome(store: SandboxStore, communityId: string, table: CsvTable, row: string[], rowNumber: number): RowOutcome {
  const cell = (column: string) => (row[table.columns.indexOf(column)] ?? "").trim();
  const by = IDENTIFIERS.find((k) => table.columns.includes(k) && cell(k));
  if (!by) return { row: rowNumber, outcome: "failed", error: "no email or username to find the user by" };
  const user = cell(by);
  const member = memberByIdentifier(store, communityId, by, user);
  if (!member) return { row: rowNumber, user, outcome: "failed", error: "user not found" };
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
    ? { row: rowNumber, user, outcome: "updated", changes, memberId: member._id as string }
    : { row: rowNumber, user, outcome: "skipped", error: "nothing to change" };
}

const queue =
  (type: string, what: string): Handler<unknown> =>
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

const revealed = (job: Rec) =>
  (job.results as RowOutcome[]).slice(0, job.processedRows as number).map(({ memberId: _m, ...shown }) => shown);

/** A CSV column as the member record holds it: xp, coins, premiumCurrency, first_name -> firstName. */
const fieldOf = (column: string) => column.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** A cell with its operator applied to the member's current value (`add 50` on 900 is 950). */
function applied(current: unknown, change: string): unknown {
  const [op, ...rest] = change.split(" ");
  const value = rest.join(" ");
  const number = Number(value);
  if (op === "overwrite") return value !== "" && Number.isFinite(number) && typeof current === "number" ? number : value;
  const base = typeof current === "number" ? current : 0;
  return op === "add" ? base + number : base - number;
}

/** Writes rows from..to of a job to their members, as the API does when it processes them. */
function writeRows(store: SandboxStore, job: Rec, from: number, to: number): void {
  const users = store.collection("users");
  for (const row of (job.results as RowOutcome[]).slice(from, to)) {
    const index = users.findIndex((u) => u._id === row.memberId);
    if (row.outcome !== "updated" || index < 0) continue;
    const member: Rec = { ...(users[index] as Rec), updatedAt: store.now() };
    for (const [column, change] of Object.entries(row.changes ?? {})) {
      const field = fieldOf(column);
      const own = field in member && field !== "customFields";
      if (own) member[field] = applied(member[field], change);
      else
        member.customFields = {
          ...(member.customFields as Rec),
          [column]: applied((member.customFields as Rec)?.[column], change),
        };
    }
    users[index] = member;
  }
}

/** A job as lists and status reads show it: counts only, no rows. */
const summary = (job: Rec) => {
  const { results: _results, communityID: _c, ...rest } = job;
  return { ...rest, failedRows: revealed(job).filter((r) => r.outcome === "failed").length };
};

function findJob({ store, communityId, args }: HandlerInput<{ jobId: string }>): Rec {
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
  writeRows(store, job, job.processedRows as number, next.processedRows as number);
  const jobs = store.collection(JOBS);
  jobs[jobs.indexOf(job)] = { ...next, updatedAt: store.now() };
}

export const bulkSandbox = sandboxFor(bulk, {
  update_store_products_from_csv: updateProductsFromCsv,
  update_users_from_csv: queue("users", "user"),
  update_premium_currency_from_csv: queue("premium-currency", "premium currency"),

  list_bulk_jobs({ store, communityId, args }) {
    const { data, meta } = newestPage(ofCommunity(store, JOBS, communityId), "createdAt", args, "bulk jobs");
    return { statusCode: 200, message: "Read bulk jobs success.", data: data.map(summary), meta };
  },

  get_bulk_job_status(input) {
    const job = findJob(input);
    advance(input.store, job);
    return { statusCode: 200, message: "Read bulk job status success.", data: summary(job) };
  },

  get_bulk_job_details(input) {
    const job = findJob(input);
    return { statusCode: 200, message: "Read bulk job success.", data: { ...summary(job), results: revealed(job) } };
  },
});
