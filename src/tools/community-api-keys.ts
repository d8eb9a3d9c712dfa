import { DEMO } from "../demo.js";
import type { ToolsetDef } from "../registry/types.js";
import { apiKeyResource, apiKeyTools } from "./api-keys.js";

export const apiKeys: ToolsetDef = {
  name: "api_keys",
  summary: "community API keys: issue, list, change, revoke",
  resources: [apiKeyResource],
  tools: apiKeyTools({
    keyIdParam: "apiKeyId",
    label: "community API key",
    article: "a",
    names: {
      list: "list_community_api_keys",
      create: "create_community_api_key",
      update: "update_community_api_key",
      delete: "delete_community_api_key",
    },
    example: { keyId: DEMO.apiKeyIds[1] },
  }),
};
