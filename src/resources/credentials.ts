import { CREDENTIAL_SOURCES, type CredentialName } from "../client/auth.js";
import type { Guide } from "./types.js";

/**
 * Where a community owner finds each value in the Returning.AI dashboard, as the catalog's `auth`
 * fields and the older Authentication page say. The README's setup table and the credentials guide
 * are both rendered from it.
 */
const WHERE: ReadonlyArray<{ what: string; setting: string; where: string }> = [
  row(
    "apiKey",
    "community API key",
    "community settings > API keys: create a key there and give it the permissions your tools need",
  ),
  row("systemKey", "system key", "community settings > Login Management > API key (one per community, full system rights)"),
  row("webhookKey", "incoming-webhook key", "the settings of the incoming webhook, once its API-key switch is on"),
  row("communityHost", "community host", "the custom domain your community is served on (for Secure Auth only)"),
  { what: "community id", setting: "RETURNING_AI_COMMUNITY_ID", where: "community settings > Appearance" },
];

function row(name: CredentialName, what: string, where: string) {
  return { what, setting: CREDENTIAL_SOURCES[name].env, where };
}

export function whereToFindTable(): string {
  const rows = WHERE.map((r) => `| ${r.what} | \`${r.setting}\` | ${r.where} |`);
  return ["| value | setting | where to find it in the Returning.AI dashboard |", "|---|---|---|", ...rows].join("\n");
}

export const credentialsGuide: Guide = {
  uri: "returning-ai://guides/credentials",
  name: "credentials",
  title: "Credentials and where to find them",
  description: "Read when a call answers 401 or 403, or the user asks which key a tool needs and where to get it.",
  catalogIds: ["docs.getting-started"],
  text: () =>
    [
      "# Credentials and where to find them",
      "",
      "The user sets these once in the server's settings. Never ask the user to paste a key into the chat: if one is",
      "missing or refused, tell them which setting to change and where the value is found.",
      "",
      whereToFindTable(),
      "",
      "- A tool whose credential is not set answers with the setting to add; nothing is sent.",
      "- A 401 usually means the key is wrong or expired, or lacks the permission the route needs (for example User",
      "  Fields or Get User Stats); the owner can widen a key's permissions in the dashboard.",
      "- Listing, creating and revoking community API keys is for community owners and admins.",
      "- Older documentation calls community API keys integration API keys (community settings > Integration > API",
      "  key); members' own user API keys live in each member's preferences.",
    ].join("\n"),
};
