import type { Guide } from "./types.js";

export const responsesGuide: Guide = {
  uri: "returning-ai://guides/responses-and-errors",
  name: "responses-and-errors",
  title: "Responses, errors, ids and paging",
  description: "Read when a call fails or a result looks odd: the API's envelopes, what each error status means, ids and paging.",
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
  text: `# Responses, errors, ids and paging

## What the tools return
A successful tool result is always \`{ "data": ..., "meta": { ... } }\`, whatever shape the API answered in.
For lists, \`meta\` carries the paging numbers the API sent (page, limit, total). A failed call is an error
result with one line: the HTTP status, the API's own message and what to check. Nothing is retried unless
the method is safe to repeat (GET, PUT, DELETE).

## The three shapes the API answers in
Returning.AI routes come from several generations and answer in one of three envelopes:
- newest routes (leaderboards, store, most \`/v1/...\` routes): \`{ meta: { status, statusCode, page?, limit?, total? }, message, data }\`;
- older routes (messaging, many \`/apis/v1/...\` routes): \`{ status, message, data }\`;
- the oldest system and legacy routes: \`{ meta: { success, message, devMessage }, body }\`.

Error bodies use the same envelopes. They always hold a status and a message; newer ones may add
\`detail\` and \`solution\` (worth showing to the user) and \`meta.statusCode\`. The reference names further
error schemas (validation errors and their items, not-found errors) without describing them, so do not
rely on fields beyond these.

## What an error status means
| status | meaning | what to do |
|---|---|---|
| 400 | a body, query, id, page or file the API refused, or a missing required field | fix the argument the message names |
| 401 | the key is missing, wrong, expired or lacks the permission | check the credential and its permissions in the dashboard |
| 403 | the key is valid but not allowed for this community, channel, user or record | use a key of this community, or one with the role the route needs (owner or admin for API-key routes) |
| 404 | no such record, or no such route | check the id; for a tool marked "route unverified" or a legacy tool, the route itself may not exist |
| 409 | a duplicate or conflicting state, e.g. a slug or name already taken | choose another value, or update the existing record |
| 500 | an error inside Returning.AI | try again later; report it if it persists |

## Ids and paging
- Ids are 24-character hexadecimal ObjectIds almost everywhere (community, channel, leaderboard, product ...).
- Newer list routes page with \`page\` (from 1) and \`limit\` (default 20, at most 100), sort with
  \`sort=field:asc\` or \`field:desc\`, pick fields with \`fields=a,b\` and search with \`search=keyword:<text>\`.
- Store lists page with \`skip\` and \`limit\` instead, and filter with \`filter=field:value\`.
`,
};
