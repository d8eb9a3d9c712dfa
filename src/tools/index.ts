import type { ToolsetDef } from "../registry/types.js";
import { chartAnalysis } from "./chart-analysis.js";
import { apiKeys } from "./community-api-keys.js";
import { leaderboards } from "./leaderboards.js";
import { legacy } from "./legacy.js";
import { messaging } from "./messaging.js";
import { store } from "./store.js";
import { userApiKeys } from "./user-api-keys.js";
import { userFields } from "./user-fields.js";
import { webhooks } from "./webhooks.js";

/** Every toolset, in the order docs and tools/list show them; each is declared in its area's table file. */
export const TOOLSETS: readonly ToolsetDef[] = [
  leaderboards,
  store,
  apiKeys,
  userFields,
  userApiKeys,
  messaging,
  chartAnalysis,
  webhooks,
  legacy,
];
