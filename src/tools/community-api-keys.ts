import { DEMO } from "../demo.js";
import { defineToolset } from "../registry/define.js";
import { apiKeyTools } from "./api-keys.js";

export const apiKeys = defineToolset({
  name: "api_keys",
  summary: "community API keys: issue, list, change, revoke",
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
});
