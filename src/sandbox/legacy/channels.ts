import { channelTools } from "../../tools/legacy/channels.js";
import { channelResource } from "../community.js";
import { bindTools, crud } from "../engine/bind.js";

/** The demo community's channels: the collection list_channels reads. */
export const channelBehaviours = bindTools(channelTools, {
  legacy_create_channel: crud(channelResource, "create"),
  legacy_update_channel: crud(channelResource, "update"),
  legacy_delete_channel: crud(channelResource, "delete"),
});
