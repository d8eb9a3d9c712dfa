import type { ToolsetDef } from "../../registry/types.js";
import { apiKeyResource } from "../api-keys.js";
import { channelResource } from "../community.js";
import { legacyApiKeyTools } from "./api-keys.js";
import { badgeResource, badgeTools } from "./badges.js";
import { channelTools } from "./channels.js";
import { messagingTools } from "./messaging.js";
import { roleResource, roleTools } from "./roles.js";
import { serverResource, serverTools } from "./servers.js";
import { userTools } from "./users.js";

/**
 * The docs' Legacy section, one file per part. Every tool here is legacy: off unless --legacy,
 * and each call needs confirmation, reads included, since several of these routes 404'd in the
 * docs' own smoke tests. Routes and hosts come from the operations each tool names.
 */
export const legacy: ToolsetDef = {
  name: "legacy",
  summary:
    "legacy routes (servers, badges, roles, channels, user import and avatar, integration API keys); prefer the non-legacy tools",
  resources: [serverResource, badgeResource, roleResource, channelResource, apiKeyResource],
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
};
