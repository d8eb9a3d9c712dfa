import { bulkHandlers } from "./bulk.js";
import { gamificationHandlers } from "./gamification.js";
import { productBulkHandlers } from "./products-bulk.js";
import { rewardsHandlers } from "./rewards.js";
import type { Handlers } from "./types.js";
import { userApiKeyHandlers } from "./user-api-keys.js";
import { userFieldHandlers } from "./user-fields.js";

/** Every action handler, by the name a tool's `sandbox.handler` gives; one file per area. */
export const HANDLERS: Handlers = {
  ...userFieldHandlers,
  ...userApiKeyHandlers,
  ...gamificationHandlers,
  ...rewardsHandlers,
  ...bulkHandlers,
  ...productBulkHandlers,
};

export type { Handler, HandlerInput, Handlers, UploadedFile } from "./types.js";
