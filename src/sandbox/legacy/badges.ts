import { badgeTools } from "../../tools/legacy/badges.js";
import { bindTools, crud, type SandboxResource } from "../engine/bind.js";
import { BADGE, grant, revoke } from "./grants.js";

const badges: SandboxResource = { name: "badges", noun: "badge", plural: "badges" };

export const badgeBehaviours = bindTools(badgeTools, {
  legacy_list_badges: crud(badges, "list"),
  legacy_create_badge: crud(badges, "create"),
  legacy_update_badge: crud(badges, "update"),
  legacy_delete_badge: crud(badges, "delete"),
  legacy_award_badge_to_user: (input) => grant(input, BADGE, "Badge has been rewarded successfully"),
  legacy_remove_badge_from_user: (input) => revoke(input, BADGE, "Badge has been removed successfully"),
});
