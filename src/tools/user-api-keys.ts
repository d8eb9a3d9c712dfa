import { z } from "zod";
import { DEMO } from "../demo.js";
import { defineToolset } from "../registry/define.js";
import { clearable, objectId, SANITY_CAP } from "../registry/schemas.js";
import { keyFields, PERMISSIONS } from "./api-keys.js";

/**
 * API keys that belong to one member. The docs disagree on the route shape: Create posts to
 * /apis/v1/users/apikeys?userId=, Update puts to /apis/v1/users/{userId}/api-keys/{apiKeyId}.
 * Each inferred route follows the documented sibling it is closest to.
 */

const userId = objectId;
const apiKeyId = objectId;
/**
 * The user-key pages spell permissions their own way (Create's example: sendMessages; Update's:
 * readOwnProfile, updateOwnProfile, readOwnMessages). Those names are taken beside the community
 * keys' and sent as given, as the examples send them; so is Create's `expireDate: ""` (no expiry).
 */
const USER_KEY_PERMISSIONS = ["sendMessages", "readOwnProfile", "updateOwnProfile", "readOwnMessages"] as const;

const key = z
  .strictObject({
    ...keyFields,
    permissions: z.array(z.enum([...PERMISSIONS, ...USER_KEY_PERMISSIONS])).max(SANITY_CAP),
    expireDate: clearable(keyFields.expireDate, 'ISO date-time, or "" for none'),
  })
  .partial();

export const userApiKeys = defineToolset({
  name: "user_api_keys",
  summary: "members' own API keys: issue, list, change, revoke",
  secretFields: ["key"],
  tools: [
    {
      name: "list_user_api_keys",
      operation: "apikeys.user.list",
      title: "List user API keys",
      description: "List one member's API keys, secrets masked.",
      input: z.strictObject({ userId }),
      example: { userId: DEMO.userId },
      risk: "read",
    },
    {
      name: "create_user_api_key",
      operation: "apikeys.user.create",
      title: "Create user API key",
      description: "Issue an API key owned by a member.",
      queryArgs: ["userId"],
      input: key
        .required({ name: true, permissions: true })
        .extend({ userId, communityId: objectId.optional().describe("community the key is for") }),
      example: { userId: DEMO.userIds[1], name: "Trading bot", permissions: ["sendMessages"], communityId: DEMO.communityId },
      revealsSecret: "key",
      risk: "write",
    },
    {
      name: "update_user_api_key",
      operation: "apikeys.user.update",
      title: "Update user API key",
      description: "Rename a member's API key, change its permissions or expiry, or switch it on or off.",
      input: key.extend({ userId, apiKeyId, isActive: z.boolean().optional() }),
      example: { userId: DEMO.userId, apiKeyId: DEMO.userApiKeyIds[1], isActive: false },
      risk: "write",
      annotations: { idempotentHint: true },
    },
    {
      name: "delete_user_api_key",
      operation: "apikeys.user.delete",
      title: "Delete user API key",
      description: "Revoke a member's API key for good; whatever uses it stops working.",
      input: z.strictObject({ userId, apiKeyId }),
      example: { userId: DEMO.userId, apiKeyId: DEMO.userApiKeyIds[1] },
      risk: "destructive",
    },
    {
      name: "get_current_api_key_info",
      operation: "apikeys.user.info",
      title: "Get current API key info",
      description: "Show the name, permissions and expiry of the API key this server calls with.",
      input: z.strictObject({}),
      example: {},
      risk: "read",
    },
  ],
});
