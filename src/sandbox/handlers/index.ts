import { analysisHandlers } from "./analysis.js";
import { bulkHandlers } from "./bulk.js";
import { communityHandlers } from "./community.js";
import { gamificationHandlers } from "./gamification.js";
import { legacyHandlers } from "./legacy.js";
import { messagingHandlers } from "./messaging.js";
import { productBulkHandlers } from "./products-bulk.js";
import { rewardsHandlers } from "./rewards.js";
import type { Handlers } from "./types.js";
import { userApiKeyHandlers } from "./user-api-keys.js";
import { userFieldHandlers } from "./user-fields.js";
import { userHandlers } from "./users.js";
import { webhookHandlers } from "./webhooks.js";

/** Every action handler, by the name a tool's `sandbox.handler` gives; one file per area. */
export const HANDLERS: Handlers = {
  ...userHandlers,
  ...communityHandlers,
  ...userFieldHandlers,
  ...userApiKeyHandlers,
  ...messagingHandlers,
  ...analysisHandlers,
  ...webhookHandlers,
  ...gamificationHandlers,
  ...rewardsHandlers,
  ...bulkHandlers,
  ...productBulkHandlers,
  ...legacyHandlers,
};

export type { Handler, HandlerInput, Handlers, UploadedFile } from "./types.js";
