import { CREDENTIAL_SOURCES, type CredentialName } from "../client/auth.js";
import type { Guide } from "./types.js";

/**
 * What each setting holds and where a community owner finds its value in the Returning.AI dashboard,
 * as the catalog's `auth` fields and the older Authentication page say. The README's credentials
 * table and the credentials guide are both rendered from it.
 */
const WHERE: ReadonlyArray<{ setting: string; what: string; where: string }> = [
  row(
    "apiKey",
    "community API key, sent as `Authorization: Bearer` (most tools)",
    "community settings > API keys: create a key, give it the permissions of the areas you use (store, user fields ...) and copy it",
  ),
  row(
    "systemKey",
    "community system key, sent as `x-api-key` (and as Secure Auth's `apiKey`)",
    "community settings > Login Management > API key; one per community, with full system rights",
  ),
  row(
    "webhookKey",
    "incoming-webhook key, sent as `x-api-key`",
    "the incoming webhook's settings, once its API-key toggle is on (the platform generates it); without the toggle, leave it unset",
  ),
  row(
    "communityHost",
    "your community's custom domain (e.g. `community.example.com`), Secure Auth's `hostname`",
    "the domain your members open the community at",
  ),
  {
    setting: "RETURNING_AI_COMMUNITY_ID",
    what: "your community's 24-hex id, told to the assistant",
    where: "community settings > Appearance",
  },
];

function row(name: CredentialName, what: string, where: string) {
  return { setting: CREDENTIAL_SOURCES[name].env, what, where };
}

export function whereToFindTable(): string {
  const rows = WHERE.map((r) => `| \`${r.setting}\` | ${r.what} | ${r.where} |`);
  return ["| setting | what it is | where to find it in the Returning.AI dashboard |", "|---|---|---|", ...rows].join("\n");
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
