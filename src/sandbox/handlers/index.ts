import { legacyHandlers } from "./legacy.js";
import type { Handlers } from "./types.js";

/** Every action handler, by the name a tool's `sandbox.handler` gives; one file per area. */
export const HANDLERS: Handlers = { ...legacyHandlers };

export type { Handler, HandlerInput, Handlers, UploadedFile } from "./types.js";
