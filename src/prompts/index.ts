import { auditApiKeys } from "./api-keys.js";
import { launchMonthlyLeaderboard } from "./leaderboard.js";
import { restockOrRepriceStore } from "./store.js";
import type { PromptDef } from "./types.js";
import { addUserField } from "./user-field.js";
import { weeklyCommunityReport } from "./weekly-report.js";

/** Every prompt, in the order clients list them. */
export const PROMPTS: readonly PromptDef[] = [
  launchMonthlyLeaderboard,
  weeklyCommunityReport,
  restockOrRepriceStore,
  auditApiKeys,
  addUserField,
];

export type { PromptContext, PromptDef } from "./types.js";
