import type { ToolsetDef } from "../registry/types.js";
import { apiKeyResource, apiKeyTools } from "./api-keys.js";

/** Legacy routes: off unless asked for, and every call needs confirmation. */
export const legacy: ToolsetDef = {
  name: "legacy",
  summary: "legacy routes (integration API keys); prefer the non-legacy tools",
  resources: [apiKeyResource],
  tools: apiKeyTools({
    keyIdParam: "apikeyId",
    catalogPrefix: "legacy-apikeys",
    label: "integration API key",
    name: (verb) => (verb === "list" ? "legacy_list_integration_api_keys" : `legacy_${verb}_integration_api_key`),
  }).map((tool) => ({ ...tool, legacy: true })),
};
