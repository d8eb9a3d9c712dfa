import { apiKeys } from "../tools/community-api-keys.js";
import { crud, type SandboxResource, sandboxFor } from "./engine/bind.js";

/** A community's API keys; the legacy integration key tools serve the same collection. */
export const apiKeyResource: SandboxResource = {
  name: "apiKeys",
  noun: "API key",
  plural: "API keys",
  scopeParam: "communityId",
  searchFields: ["name"],
  unique: ["name"],
  secretField: "key",
};

export const apiKeysSandbox = sandboxFor(apiKeys, {
  list_community_api_keys: crud(apiKeyResource, "list"),
  create_community_api_key: crud(apiKeyResource, "create"),
  update_community_api_key: crud(apiKeyResource, "update"),
  delete_community_api_key: crud(apiKeyResource, "delete"),
});
