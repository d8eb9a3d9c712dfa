import type { ToolsetDef } from "../registry/types.js";
import { apiKeyResource, apiKeyTools } from "./api-keys.js";

export const apiKeys: ToolsetDef = {
  name: "api_keys",
  summary: "community API keys: issue, list, change, revoke",
  resources: [apiKeyResource],
  tools: apiKeyTools({
    keyIdParam: "apiKeyId",
    catalogPrefix: "apikeys.community",
    label: "community API key",
    name: (verb) => (verb === "list" ? "list_community_api_keys" : `${verb}_community_api_key`),
  }),
};
