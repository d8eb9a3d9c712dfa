import { legacyApiKeyTools } from "../../tools/legacy/api-keys.js";
import { apiKeyResource } from "../community-api-keys.js";
import { bindTools, crud } from "../engine/bind.js";

/** Integration API keys are the community API keys under their older route names: one collection. */
export const apiKeyBehaviours = bindTools(legacyApiKeyTools, {
  legacy_list_integration_api_keys: crud(apiKeyResource, "list"),
  legacy_create_integration_api_key: crud(apiKeyResource, "create"),
  legacy_update_integration_api_key: crud(apiKeyResource, "update"),
  legacy_delete_integration_api_key: crud(apiKeyResource, "delete"),
});
