import { credentialsGuide } from "./credentials.js";
import { responsesGuide } from "./responses.js";
import type { Guide } from "./types.js";
import { webhookEventsGuide, webhookSecurityGuide } from "./webhooks.js";
import { widgetsGuide } from "./widgets.js";

/** Every guide, in the order clients list them. */
export const GUIDES: readonly Guide[] = [
  credentialsGuide,
  responsesGuide,
  webhookEventsGuide,
  webhookSecurityGuide,
  widgetsGuide,
];

export type { Guide } from "./types.js";
