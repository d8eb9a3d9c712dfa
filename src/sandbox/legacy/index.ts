import { legacy } from "../../tools/legacy/index.js";
import { sandboxFor } from "../engine/bind.js";
import { apiKeyBehaviours } from "./api-keys.js";
import { badgeBehaviours } from "./badges.js";
import { channelBehaviours } from "./channels.js";
import { messagingBehaviours } from "./messaging.js";
import { roleBehaviours } from "./roles.js";
import { serverBehaviours } from "./servers.js";
import { userBehaviours } from "./users.js";

/**
 * The legacy toolset, one file per legacy table file. The channel, integration API key and
 * messaging tools share their collections or wire routes with the current tools, and so take
 * those tools' collections and handlers.
 */
export const legacySandbox = sandboxFor(legacy, {
  ...serverBehaviours,
  ...userBehaviours,
  ...badgeBehaviours,
  ...roleBehaviours,
  ...channelBehaviours,
  ...messagingBehaviours,
  ...apiKeyBehaviours,
});
