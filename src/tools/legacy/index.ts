import { defineToolset } from "../../registry/define.js";
import { legacyApiKeyTools } from "./api-keys.js";
import { badgeTools } from "./badges.js";
import { channelTools } from "./channels.js";
import { messagingTools } from "./messaging.js";
import { roleTools } from "./roles.js";
import { serverTools } from "./servers.js";
import { userTools } from "./users.js";

/**
 * The docs' Legacy section, one file per part. Every tool here is legacy: off unless --legacy,
 * and each call needs confirmation, reads included, since several of these routes 404'd in the
 * docs' own smoke tests. Routes and hosts come from the operations each tool names.
 */
export const legacy = defineToolset({
  name: "legacy",
  summary:
    "legacy routes (servers, badges, roles, channels, user import and avatar, integration API keys); prefer the non-legacy tools",
  tools: [
    ...serverTools,
    ...userTools,
    ...badgeTools,
    ...roleTools,
    ...channelTools,
    ...messagingTools,
    ...legacyApiKeyTools,
  ].map((tool) => ({
    ...tool,
    legacy: true,
  })),
});
