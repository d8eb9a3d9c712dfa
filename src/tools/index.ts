import type { ToolsetDef } from "../registry/types.js";
import * as auth from "./auth.js";
import * as bulk from "./bulk.js";
import * as chartAnalysis from "./chart-analysis.js";
import * as community from "./community.js";
import * as apiKeys from "./community-api-keys.js";
import * as gamification from "./gamification.js";
import * as leaderboards from "./leaderboards.js";
import * as legacy from "./legacy/index.js";
import * as messaging from "./messaging.js";
import * as rewards from "./rewards.js";
import * as store from "./store.js";
import * as userApiKeys from "./user-api-keys.js";
import * as userFields from "./user-fields.js";
import * as users from "./users.js";
import * as webhooks from "./webhooks.js";

/** The area table files, in the order docs and tools/list show them. */
const AREAS = [
  leaderboards,
  gamification,
  rewards,
  store,
  users,
  auth,
  community,
  messaging,
  chartAnalysis,
  userFields,
  userApiKeys,
  apiKeys,
  bulk,
  webhooks,
  legacy,
];

const isToolset = (value: unknown): value is ToolsetDef =>
  typeof value === "object" &&
  value !== null &&
  "name" in value &&
  "summary" in value &&
  Array.isArray((value as ToolsetDef).tools);

/**
 * Every toolset any area file exports: a new toolset is one more export in its area's table file,
 * nothing else; a new area file is one more line above.
 */
export const TOOLSETS: readonly ToolsetDef[] = AREAS.flatMap((area) => Object.values(area).filter(isToolset));
