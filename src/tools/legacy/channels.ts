import { z } from "zod";
import { DEMO } from "../../demo.js";
import { defineTools } from "../../registry/define.js";
import { objectId, SANITY_CAP } from "../../registry/schemas.js";

/**
 * Channels of the older System API: create and update are documented, delete is inferred. They act
 * on the demo community's channels (src/sandbox/seeds/people.ts), the ones the messaging tools post to.
 */

const channel = {
  topic: z.string().trim().min(1).max(SANITY_CAP).describe("channel name"),
  channelType: z
    .string()
    .regex(/^[a-z][a-z-]{0,49}$/, "a channel type such as open or forum")
    .describe("e.g. open, forum"),
};

const id = objectId;

export const channelTools = defineTools([
  {
    name: "legacy_create_channel",
    operation: "legacy-channels.create",
    title: "Create channel (legacy)",
    description: "Create a channel in the community.",
    input: z.strictObject(channel),
    example: { topic: "Market News", channelType: "open" },
    risk: "write",
  },
  {
    name: "legacy_update_channel",
    operation: "legacy-channels.update",
    title: "Update channel (legacy)",
    description: "Rename a channel or change its type; send both fields.",
    input: z.strictObject({ id, ...channel }),
    example: { id: DEMO.channelIds.public, topic: "News", channelType: "open" },
    risk: "write",
  },
  {
    name: "legacy_delete_channel",
    operation: "legacy-channels.delete",
    title: "Delete channel (legacy)",
    description: "Delete a channel and its messages.",
    input: z.strictObject({ id }),
    example: { id: DEMO.channelIds.iframe },
    risk: "destructive",
  },
]);
