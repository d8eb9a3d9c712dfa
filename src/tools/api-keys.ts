import { z } from "zod";
import { DEMO } from "../demo.js";
import { objectId, SANITY_CAP } from "../registry/schemas.js";
import type { ToolSpec } from "../registry/types.js";

/**
 * Community API keys and the legacy "integration API keys" share one route family
 * (/apis/v1/communities/{communityId}/api-keys): only Delete is documented, the rest is inferred.
 * Both toolsets are built here from one description so that they cannot drift apart.
 */

const communityId = objectId;

/**
 * The permission names the docs show for API keys: the key examples' list (sendMessage ...
 * bulkUpdateUser) and the ones route pages require (User Fields, store, purchase-history,
 * appearance). Sent as the key examples spell them.
 */
export const PERMISSIONS = [
  "sendMessage",
  "replyMessage",
  "createUser",
  "manageUser",
  "getUserData",
  "getUserStats",
  "bulkUpdateUser",
  "userFields",
  "store",
  "purchase-history",
  "appearance",
] as const;

/** The other documented spellings (the user API key page writes sendMessages), and what goes on the wire. */
const PERMISSION_ALIASES: Record<string, (typeof PERMISSIONS)[number]> = { sendMessages: "sendMessage" };

const permission = z
  .enum([...PERMISSIONS, ...Object.keys(PERMISSION_ALIASES)])
  .transform((name) => PERMISSION_ALIASES[name] ?? name);

/** What a key is made of; user API keys (user-api-keys.ts) take the same fields. */
export const keyFields = {
  name: z.string().trim().min(1).max(SANITY_CAP),
  permissions: z.array(permission).max(SANITY_CAP),
  expirePeriod: z.number().int().min(0).max(36500).describe("days; 0 = never"),
  expireDate: z.iso.datetime({ offset: true }),
};
const keyUpdate = z.strictObject(keyFields).partial();

type Verb = "list" | "create" | "update" | "delete";

interface Family {
  keyIdParam: string;
  /** Each tool's name, written out so that a search of src/ finds it. */
  names: Readonly<Record<Verb, string>>;
  /** "community API key"; `article` is the one it takes ("a", "an"). */
  label: string;
  article: "a" | "an";
  example: { keyId: string };
}

/** Tool names stay literal (N), so that the sandbox can bind to each by name. */
export function apiKeyTools<const N extends Family["names"]>(family: Family & { names: N }): (ToolSpec & { name: N[Verb] })[] {
  const keyId = { [family.keyIdParam]: objectId };
  // Both families call the community API key operations; the legacy pages spell the key id apikeyId.
  const pathArgs = family.keyIdParam === "apiKeyId" ? {} : { pathArgs: { apiKeyId: family.keyIdParam } };
  // Every answer of these routes may carry a key's secret, whichever family's toolset lists them.
  const secretFields = ["key"];
  return [
    {
      name: family.names.list,
      secretFields,
      operation: "apikeys.community.list",
      title: `List ${family.label}s`,
      description: `List a community's ${family.label}s, secrets masked.`,
      input: z.strictObject({ communityId }),
      example: { communityId: DEMO.communityId },
      risk: "read",
    },
    {
      name: family.names.create,
      secretFields,
      operation: "apikeys.community.create",
      title: `Create ${family.label}`,
      description: `Issue ${family.article} ${family.label}; revealKey: true returns its secret, once.`,
      input: keyUpdate.required({ name: true, permissions: true }).extend({ communityId }),
      example: { communityId: DEMO.communityId, name: "Zapier", permissions: ["sendMessage"], expirePeriod: 30 },
      risk: "write",
      revealsSecret: "key",
    },
    {
      name: family.names.update,
      secretFields,
      operation: "apikeys.community.update",
      ...pathArgs,
      title: `Update ${family.label}`,
      description: `Rename ${family.article} ${family.label} or change its permissions or expiry.`,
      input: keyUpdate.extend({ communityId, ...keyId }),
      example: { communityId: DEMO.communityId, [family.keyIdParam]: family.example.keyId, name: "Slack (renamed)" },
      risk: "write",
    },
    {
      name: family.names.delete,
      secretFields,
      operation: "apikeys.community.delete",
      ...pathArgs,
      title: `Delete ${family.label}`,
      description: `Revoke ${family.article} ${family.label} for good; whatever uses it stops working.`,
      input: z.strictObject({ communityId, ...keyId }),
      example: { communityId: DEMO.communityId, [family.keyIdParam]: family.example.keyId },
      risk: "destructive",
    },
  ];
}
