import type { Guide } from "./types.js";

export const webhookEventsGuide: Guide = {
  uri: "returning-ai://guides/webhook-events",
  name: "webhook-events",
  title: "Outgoing webhook events",
  description: "Read when the user asks what Returning.AI can notify their systems about, or what an event delivery contains.",
  catalogIds: [
    "webhooks.outgoing.user_joins_server",
    "webhooks.outgoing.user_visits_server",
    "webhooks.outgoing.new_message_anywhere",
    "webhooks.outgoing.new_message_channel",
    "webhooks.outgoing.purchased_store_item",
  ],
  text: `# Outgoing webhook events

Outgoing webhooks are calls that Returning.AI makes to a URL of the community's own system when something
happens. The documented events are:

| event | sent when |
|---|---|
| User Joins Server | a member joins the community |
| User Visits Server | a member visits the community |
| New Message Posted Anywhere | a message is posted in any channel |
| New Message Posted To Channel | a message is posted in one chosen channel |
| Purchased Store Item | a member buys an item in the rewards store |

**What is not known.** The reference this server was built from does not include the payload fields,
headers or signature of these deliveries. Before writing code that depends on a field, capture one real
delivery on an endpoint the user controls and read it. Do not present a guessed payload as documented.

This server has no tool that subscribes to or configures outgoing webhooks. The encryption of outgoing
deliveries is covered in returning-ai://guides/webhook-security.
`,
};

export const webhookSecurityGuide: Guide = {
  uri: "returning-ai://guides/webhook-security",
  name: "webhook-security",
  title: "Webhook keys and encryption",
  description:
    "Read before calling an incoming-webhook tool, or when a webhook call is refused: its API key and encryption options.",
  catalogIds: ["webhooks.incoming.api_keys_encryption", "webhooks.outgoing.encryption"],
  text: `# Webhook keys and encryption

## Incoming webhooks (calls into Returning.AI)
Incoming webhooks let another system send messages into channels, update custom user fields or change the
in-game currency. Each webhook has two security switches in its settings:

- **API key.** When the switch is on, Returning.AI generates a key for that webhook. Every call must send
  it in the \`x-api-key\` header; a call without it is not accepted. Copy the key from the webhook's
  settings into \`RETURNING_AI_WEBHOOK_KEY\`. When the switch is off, no key is sent.
- **Encryption.** When the switch is on, the customer supplies a 32-character key and every request body is
  encrypted with AES-256 in CBC or GCM mode, with the header \`x-encrypted: true\`.

The layout of an encrypted body (where the IV or nonce and the GCM tag go, and whether the ciphertext is
hex or base64) is not documented. This server therefore sends plain requests only: keep encryption off for
a webhook used through it, and never guess a cipher format.

## Outgoing webhooks (calls from Returning.AI)
The reference has a page on encrypting outgoing deliveries, but its content is not available. Whether they
use the same AES-256 scheme as incoming webhooks is not confirmed: check a real delivery before decrypting.
`,
};
