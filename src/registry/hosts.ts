import type { HostKind, ToolDef } from "./types.js";

/**
 * The base URL a route lives on, from facts the table already states: Secure Auth is served by
 * the community's own domain, incoming webhooks by the webhook host, legacy routes by the legacy
 * host (older docs put them on other hosts); everything else by the API.
 */
export function hostOf(tool: Pick<ToolDef, "auth" | "legacy">): HostKind {
  if (tool.auth === "secure-auth") return "community";
  if (tool.auth === "webhook") return "webhook";
  return tool.legacy ? "legacy" : "api";
}
