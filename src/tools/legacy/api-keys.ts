import { DEMO } from "../../demo.js";
import { apiKeyTools } from "../api-keys.js";

/** The community API key tool that does each legacy tool's job. */
const MODERN: Record<string, string> = {
  legacy_list_integration_api_keys: "list_community_api_keys",
  legacy_create_integration_api_key: "create_community_api_key",
  legacy_update_integration_api_key: "update_community_api_key",
  legacy_delete_integration_api_key: "delete_community_api_key",
};

/** Integration API keys: the community API key routes under their older name (Bearer, like the modern ones). */
export const legacyApiKeyTools = apiKeyTools({
  keyIdParam: "apikeyId",
  label: "integration API key",
  article: "an",
  names: {
    list: "legacy_list_integration_api_keys",
    create: "legacy_create_integration_api_key",
    update: "legacy_update_integration_api_key",
    delete: "legacy_delete_integration_api_key",
  },
  example: { keyId: DEMO.apiKeyIds[0] },
}).map((tool) => ({ ...tool, replacedBy: MODERN[tool.name] }));
