import { z } from "zod";
import { DEMO, TINY_PNG } from "../demo.js";
import { defineToolset } from "../registry/define.js";
import { fileInput, objectId, SANITY_CAP } from "../registry/schemas.js";

/** The member a message, reply, reaction or analysis is posted as; the API takes either form. */
export const sender = z.string().trim().min(1).max(SANITY_CAP).describe("member's username or email");

/** Message text: no documented limit, so only our runaway guard (left out of the listing). */
const messageText = z
  .string()
  .trim()
  .min(1)
  .max(10 * SANITY_CAP);

const messageId = objectId;

/** What a message post carries; the incoming webhook that sends messages takes the same. */
export const messagePost = {
  channelId: objectId,
  message: messageText,
  sender,
  forumTopicId: objectId.optional().describe("forum channels only: the topic to post in"),
};

export const messaging = defineToolset({
  name: "messaging",
  memberText: true,
  summary: "channel messages: read, send, reply, react, upload images",
  default: true,
  tools: [
    {
      name: "list_messages",
      operation: "messages.get",
      title: "List messages",
      description: "List recent messages, filtered by channel, member id or member email.",
      input: z.strictObject({
        channel_id: objectId.optional(),
        user_id: z.string().trim().min(1).max(64).optional().describe("member's 24-hex or platform id"),
        email: z.email().optional(),
        // Shown in the docs' curl without a description; read as "how many", like the data's `total`.
        count: z.number().int().min(1).optional().describe("how many messages (meaning undocumented)"),
      }),
      example: { channel_id: DEMO.channelIds.text, count: 10 },
      risk: "read",
      view: { says: "text, author, channel, reply, reactions, time", drop: ["user.email"] },
      list: { items: "messages" },
    },
    {
      name: "send_message",
      operation: "messages.send",
      title: "Send message",
      description: "Post a message in any channel type as a member; forum channels also need forumTopicId.",
      input: z.strictObject(messagePost),
      example: {
        channelId: DEMO.channelIds.forum,
        message: "Dark mode please!",
        sender: DEMO.username,
        forumTopicId: DEMO.forumTopicId,
      },
      risk: "write",
    },
    {
      name: "reply_to_message",
      operation: "messages.reply",
      title: "Reply to message",
      description: "Reply to a message as a member.",
      input: z.strictObject({ messageId, message: messageText, sender }),
      example: { messageId: DEMO.messageId, message: "Welcome aboard!", sender: DEMO.userEmail },
      risk: "write",
    },
    {
      name: "react_to_message",
      operation: "messages.react",
      title: "React to message",
      description: "Add an emoji reaction to a message as a member.",
      input: z.strictObject({
        messageId,
        emoji: z
          .string()
          .regex(/^:[a-z0-9_+-]{1,64}:$/i, "must be an emoji shortcode such as :sparkling_heart:")
          .describe("shortcode, e.g. :sparkling_heart:"),
        sender,
      }),
      example: { messageId: DEMO.messageIds[3], emoji: ":tada:", sender: DEMO.username },
      risk: "write",
    },
    {
      name: "upload_message_images",
      operation: "messages.upload-images",
      memberText: false,
      title: "Upload message images",
      description: "Upload images for messages and get back their hosted URLs.",
      input: z.strictObject({ images: z.array(fileInput).min(1).max(SANITY_CAP) }),
      files: { images: { field: "images", accept: "image" } },
      example: { images: [{ base64: TINY_PNG, name: "chart.png" }] },
      risk: "write",
    },
  ],
});
