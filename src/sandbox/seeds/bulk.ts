import { DEMO, DEMO_COMMUNITY_ID } from "../../demo.js";
import type { Rec } from "../engine/store.js";
import type { SeedData } from "./types.js";

/**
 * Bulk update jobs of the demo community: a finished user update (one row failed) and a queued
 * premium-currency update that a status poll moves on. Each job keeps every row's outcome from the
 * start; the handlers reveal them as the job is processed (src/sandbox/bulk.ts).
 */

const community = { communityID: DEMO_COMMUNITY_ID };

const bulkJobs: Rec[] = [
  {
    _id: DEMO.bulkJobIds[0],
    ...community,
    type: "users",
    fileName: "april-xp.csv",
    status: "completed",
    totalRows: 2,
    processedRows: 2,
    results: [
      { row: 2, user: DEMO.userEmail, outcome: "updated", changes: { xp: "add 100" } },
      { row: 3, user: "nobody@example.com", outcome: "failed", error: "user not found" },
    ],
    createdAt: "2026-04-10T08:00:00.000Z",
    updatedAt: "2026-04-10T08:00:05.000Z",
  },
  {
    _id: DEMO.bulkJobIds[1],
    ...community,
    type: "premium-currency",
    fileName: "bonus.csv",
    status: "queued",
    totalRows: 1,
    processedRows: 0,
    results: [{ row: 2, user: DEMO.userEmail, outcome: "updated", changes: { premiumCurrency: "add 25" } }],
    createdAt: "2026-04-20T10:00:00.000Z",
    updatedAt: "2026-04-20T10:00:00.000Z",
  },
];

export const BULK_SEED: SeedData = { collections: { bulkJobs }, singletons: {} };
