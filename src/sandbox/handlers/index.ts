import { legacyHandlers } from "./legacy.js";
import type { Handlers } from "./types.js";
import { userApiKeyHandlers } from "./user-api-keys.js";
import { userFieldHandlers } from "./user-fields.js";

/** Every action handler, by the name a tool's `sandbox.handler` gives; one file per area. */
export const HANDLERS: Handlers = { ...userFieldHandlers, ...userApiKeyHandlers, ...legacyHandlers };

export type { Handler, HandlerInput, Handlers, UploadedFile } from "./types.js";
