import { z } from "zod";
import { DEMO } from "../demo.js";
import { defineToolset } from "../registry/define.js";
import { SANITY_CAP } from "../registry/schemas.js";
import { messagePost } from "./messaging.js";

/**
 * Incoming webhooks: URLs the platform generates for a community, called with the webhook's own
 * key (x-api-key, when its key toggle is on). The docs name the three actions but show neither
 * URL nor body, so each route is a plain JSON POST under the webhook base URL, named after its
 * docs page, with the body of the documented API route that does the same job. The docs also
 * allow AES-256 encrypted bodies, but not how the ciphertext is laid out, so only plain requests
 * are supported (leave the webhook's encryption toggle off). docs/webhooks.md has the details.
 */

/** How Get User Data names a member; the webhooks act on one member the same way. */
const idOrEmail = z.string().trim().min(1).max(SANITY_CAP).describe("member id or email");

export const webhooks = defineToolset({
  name: "webhooks",
  summary: "incoming webhooks: post messages, set custom user fields, change in-game currency",
  tools: [
    {
      name: "send_message_by_webhook",
      operation: "webhooks.incoming.send_message",
      memberText: true,
      title: "Send message by webhook",
      description: "Post a message in a channel through the community's incoming webhook.",
      input: z.strictObject(messagePost),
      example: { channelId: DEMO.channelIds.public, message: "Server maintenance at 22:00 UTC.", sender: DEMO.username },
      risk: "write",
    },
    {
      name: "update_custom_fields_by_webhook",
      operation: "webhooks.incoming.update_custom_fields",
      memberText: true,
      title: "Update custom user fields by webhook",
      description: "Set a member's custom user field values through the incoming webhook.",
      input: z.strictObject({
        idOrEmail,
        fields: z
          .array(
            z.strictObject({
              field: z.string().trim().min(1).max(SANITY_CAP).describe("user field key, e.g. department"),
              value: z.union([z.string().max(10 * SANITY_CAP), z.number(), z.boolean()]),
            }),
          )
          .min(1)
          .max(SANITY_CAP),
      }),
      example: { idOrEmail: DEMO.userEmail, fields: [{ field: "department", value: "Trading desk" }] },
      risk: "write",
    },
    {
      name: "update_currency_by_webhook",
      operation: "webhooks.incoming.update_currency",
      title: "Update in-game currency by webhook",
      description: "Add to or take from a member's in-game currency balance through the incoming webhook.",
      input: z.strictObject({
        idOrEmail,
        amount: z
          .number()
          .refine((n) => n !== 0, "must not be 0")
          .describe("added to the balance; negative takes away"),
      }),
      example: { idOrEmail: DEMO.userEmail, amount: 250 },
      risk: "destructive",
    },
  ],
});
