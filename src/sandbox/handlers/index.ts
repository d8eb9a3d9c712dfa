import { analysisHandlers } from "./analysis.js";
import { messagingHandlers } from "./messaging.js";
import type { Handlers } from "./types.js";
import { userApiKeyHandlers } from "./user-api-keys.js";
import { userFieldHandlers } from "./user-fields.js";
import { webhookHandlers } from "./webhooks.js";

/** Every action handler, by the name a tool's `sandbox.handler` gives; one file per area. */
export const HANDLERS: Handlers = {
  ...userFieldHandlers,
  ...userApiKeyHandlers,
  ...messagingHandlers,
  ...analysisHandlers,
  ...webhookHandlers,
};

export type { Handler, HandlerInput, Handlers, UploadedFile } from "./types.js";
