import type { ToolsetDef } from "../registry/types.js";
import { auth } from "./auth.js";
import { bulk } from "./bulk.js";
import { chartAnalysis } from "./chart-analysis.js";
import { community } from "./community.js";
import { apiKeys } from "./community-api-keys.js";
import { gamification } from "./gamification.js";
import { leaderboards } from "./leaderboards.js";
import { legacy } from "./legacy/index.js";
import { messaging } from "./messaging.js";
import { rewards } from "./rewards.js";
import { store } from "./store.js";
import { userApiKeys } from "./user-api-keys.js";
import { userFields } from "./user-fields.js";
import { users } from "./users.js";
import { webhooks } from "./webhooks.js";

/** Every toolset, in the order docs and tools/list show them; each is declared in its area's table file. */
export const TOOLSETS: readonly ToolsetDef[] = [
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
