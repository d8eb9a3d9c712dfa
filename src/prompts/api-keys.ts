import type { PromptDef } from "./types.js";
import { COMMUNITY_ID, configuredCommunity, WHOLE_NUMBER } from "./values.js";

export const auditApiKeys: PromptDef = {
  name: "audit_api_keys",
  title: "Audit API keys",
  description: "Review the community's API keys and revoke the ones nothing uses any more, one confirmed key at a time.",
  arguments: [
    {
      name: "communityId",
      description: "Community id (default: the configured one)",
      values: configuredCommunity,
      pattern: COMMUNITY_ID,
    },
    { name: "olderThanDays", description: "Flag keys created more than this many days ago (default 90)", pattern: WHOLE_NUMBER },
  ],
  intro: (args, ctx) =>
    `Audit the API keys of community ${args.communityId ?? ctx.communityId ?? "(ask me for its id)"}. The API does not say ` +
    "when a key was last used, so never decide on your own that a key is unused: flag candidates and let me confirm each.",
  steps: [
    {
      tools: ["list_community_api_keys"],
      text: (args) =>
        "List the keys and show a table: name, permissions, created, expiry. Flag keys that have expired, keys created " +
        `more than ${args.olderThanDays ?? "90"} days ago without an expiry, and keys whose permissions look broader than ` +
        "their name suggests. Ask me which integrations still use each flagged key.",
    },
    {
      tools: ["update_community_api_key"],
      optional: true,
      text: () => "For a key still in use but too broad, offer to trim its permissions or set an expiry instead of revoking it.",
    },
    {
      tools: ["delete_community_api_key"],
      optional: true,
      text: () =>
        "Revoke each key I name as unused, one at a time. Revoking is final and whatever still uses the key stops working; " +
        "afterwards list the keys again to show what is left.",
    },
  ],
};
