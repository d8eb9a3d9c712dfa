import { z } from "zod";
import { DEMO } from "../demo.js";
import { objectId } from "../registry/schemas.js";
import type { SandboxResource, ToolsetDef } from "../registry/types.js";
import { keyFields } from "./api-keys.js";

/**
 * API keys that belong to one member. The docs disagree on the route shape: Create posts to
 * /apis/v1/users/apikeys?userId=, Update puts to /apis/v1/users/{userId}/api-keys/{apiKeyId}.
 * Each inferred route follows the documented sibling it is closest to.
 */

export const userApiKeyResource: SandboxResource = {
  name: "userApiKeys",
  noun: "user API key",
  plural: "user API keys",
  scopeParam: "userId",
  searchFields: ["name"],
  unique: ["name"],
  secretField: "key",
};

/** The key the caller is using, as the sandbox reports it to get_current_api_key_info. */
export const currentApiKeyResource: SandboxResource = {
  name: "currentApiKey",
  noun: "API key",
  plural: "API keys",
  singleton: true,
};

const userId = objectId;
const apiKeyId = objectId;
const key = z.strictObject(keyFields).partial();

export const userApiKeys: ToolsetDef = {
  name: "user_api_keys",
  summary: "members' own API keys: issue, list, change, revoke",
  resources: [userApiKeyResource, currentApiKeyResource],
  tools: [
    {
      name: "list_user_api_keys",
      operation: "apikeys.user.list",
      title: "List user API keys",
      description: "List one member's API keys, secrets masked.",
      input: z.strictObject({ userId }),
      example: { userId: DEMO.userId },
      risk: "read",
      sandbox: { handler: "list_user_api_keys" },
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
      sandbox: { handler: "create_user_api_key" },
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
      sandbox: { resource: userApiKeyResource.name, op: "update" },
    },
    {
      name: "delete_user_api_key",
      operation: "apikeys.user.delete",
      title: "Delete user API key",
      description: "Revoke a member's API key for good; whatever uses it stops working.",
      input: z.strictObject({ userId, apiKeyId }),
      example: { userId: DEMO.userId, apiKeyId: DEMO.userApiKeyIds[1] },
      risk: "destructive",
      sandbox: { resource: userApiKeyResource.name, op: "delete" },
    },
    {
      name: "get_current_api_key_info",
      operation: "apikeys.user.info",
      title: "Get current API key info",
      description: "Show the name, permissions and expiry of the API key this server calls with.",
      input: z.strictObject({}),
      example: {},
      risk: "read",
      sandbox: { resource: currentApiKeyResource.name, op: "read-singleton" },
    },
  ],
};
