import { credentialsGuide } from "./credentials.js";
import { docsGuide } from "./docs.js";
import type { Guide } from "./types.js";

/** Every guide, in the order clients list them. */
export const GUIDES: readonly Guide[] = [
  credentialsGuide,
  docsGuide("errors.md", {
    uri: "returning-ai://guides/errors",
    name: "errors",
    title: "Responses, errors, ids and paging",
    description:
      "Read when a call fails or a result looks odd: the API's envelopes, what each error status means, ids and paging.",
    catalogIds: [
      "docs.getting-started",
      "schema.StandardApiError",
      "schema.StandardSuccessEnvelope",
      "schema.ErrorResponse",
      "schema.ValidationError",
      "schema.ValidationErrorItem",
      "schema.NotFoundError",
      "schema.MetaResponse",
    ],
  }),
  docsGuide("webhooks.md", {
    uri: "returning-ai://guides/webhooks",
    name: "webhooks",
    title: "Webhooks: events, keys and encryption",
    description:
      "Read before an incoming-webhook call, or when the user asks which events Returning.AI sends out and what they carry.",
    catalogIds: [
      "webhooks.outgoing.encryption",
      "webhooks.outgoing.user_joins_server",
      "webhooks.outgoing.user_visits_server",
      "webhooks.outgoing.new_message_anywhere",
      "webhooks.outgoing.new_message_channel",
      "webhooks.outgoing.purchased_store_item",
      "webhooks.incoming.api_keys_encryption",
    ],
  }),
  docsGuide("widgets.md", {
    uri: "returning-ai://guides/widgets",
    name: "widgets",
    title: "Embedding widgets",
    description: "Read when the user wants a leaderboard, store or other Returning.AI widget on their own site.",
    catalogIds: ["widgets.public", "widgets.authenticated", "channels.iframe"],
  }),
];

export type { Guide } from "./types.js";
