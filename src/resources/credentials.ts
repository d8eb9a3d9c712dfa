import type { Guide } from "./types.js";

export const credentialsGuide: Guide = {
  uri: "returning-ai://guides/credentials",
  name: "credentials",
  title: "Credentials and where to find them",
  description: "Read when a call answers 401 or 403, or the user asks which key a tool needs and where to get it.",
  catalogIds: ["docs.getting-started"],
  text: `# Credentials and where to find them

Each route takes one kind of credential. The user sets them once in the server's settings; an assistant
never sees them and must never ask the user to paste a key into the chat.

| credential | sent as | where the community owner finds it | setting |
|---|---|---|---|
| community API key | \`Authorization: Bearer\` | community settings > API keys; each key has its own permissions and expiry | \`RETURNING_AI_API_KEY\` |
| system key | \`x-api-key\` | community settings > Login Management > API key; one per community, with full system rights | \`RETURNING_AI_SYSTEM_KEY\` |
| incoming-webhook key | \`x-api-key\` | the settings of each incoming webhook, once its API-key switch is on | \`RETURNING_AI_WEBHOOK_KEY\` |
| community id | part of some paths | community settings > Appearance | \`RETURNING_AI_COMMUNITY_ID\` |

- Most tools use the community API key. A 401 usually means the key is wrong or expired, or lacks the
  permission the route needs (for example User Fields, or Get User Stats): the owner can widen it in the
  dashboard.
- Listing, creating and revoking API keys is for community owners and admins.
- Legacy system routes take the system key. Secure Auth takes it too, together with the community's own
  hostname (\`RETURNING_AI_COMMUNITY_HOST\`).
- Older documentation calls the community API keys "integration API keys" (community settings >
  Integration > API key); members' own keys (user API keys) live in each member's preferences.
`,
};
