import { TOOLSETS } from "../catalog/index.js";
import { authSandbox } from "./auth.js";
import { bulkSandbox } from "./bulk.js";
import { chartAnalysisSandbox } from "./chart-analysis.js";
import { communitySandbox } from "./community.js";
import { apiKeysSandbox } from "./community-api-keys.js";
import type { Behaviour, ToolsetSandbox } from "./engine/bind.js";
import { gamificationSandbox } from "./gamification.js";
import { leaderboardsSandbox } from "./leaderboards.js";
import { legacySandbox } from "./legacy/index.js";
import { messagingSandbox } from "./messaging.js";
import { rewardsSandbox } from "./rewards.js";
import { storeSandbox } from "./store.js";
import { userApiKeysSandbox } from "./user-api-keys.js";
import { userFieldsSandbox } from "./user-fields.js";
import { usersSandbox } from "./users.js";
import { webhooksSandbox } from "./webhooks.js";

/** One sandbox file per tool table area, each bound to its toolset (src/sandbox/engine/bind.ts). */
export const AREA_SANDBOXES: readonly ToolsetSandbox[] = [
  leaderboardsSandbox,
  gamificationSandbox,
  rewardsSandbox,
  storeSandbox,
  usersSandbox,
  authSandbox,
  communitySandbox,
  messagingSandbox,
  chartAnalysisSandbox,
  userFieldsSandbox,
  userApiKeysSandbox,
  apiKeysSandbox,
  bulkSandbox,
  webhooksSandbox,
  legacySandbox,
];

const missing = TOOLSETS.filter((t) => !AREA_SANDBOXES.some((s) => s.toolset === t.name)).map((t) => t.name);
if (missing.length > 0) throw new Error(`sandbox: no area file binds toolset(s) ${missing.join(", ")} (src/sandbox/areas.ts)`);

/** What the sandbox does for each tool, by tool name. */
export const SANDBOX_BEHAVIOURS: ReadonlyMap<string, Behaviour> = new Map(AREA_SANDBOXES.flatMap((s) => [...s.behaviours]));
