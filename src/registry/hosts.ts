import type { HostKind, ToolDef } from "./types.js";

/**
 * The host setting a route goes to: its operation's `x-host` in api/returning-ai.openapi.json (the
 * API, the legacy system API, incoming webhooks, or the community's own domain), as defineTool
 * copied it onto the tool.
 */
export const hostOf = (tool: Pick<ToolDef, "host">): HostKind => tool.host;

/** The host settings, as the configuration holds them. */
export interface HostSettings {
  baseUrl: string;
  legacyBaseUrl?: string;
  webhookBaseUrl?: string;
  communityHost?: string;
}

/**
 * The base URL of each host kind: the API's, the legacy System API's, the webhooks' (the API's
 * unless set), and the community's own domain (`https://{communityHost}` when it is not set).
 */
export function hostBases(settings: HostSettings): Record<HostKind, string> {
  return {
    api: settings.baseUrl,
    legacy: settings.legacyBaseUrl ?? settings.baseUrl,
    webhook: settings.webhookBaseUrl ?? settings.baseUrl,
    community: settings.communityHost ? `https://${settings.communityHost}` : "https://{communityHost}",
  };
}

/** A tool's URL template on its host: what `returning-ai-mcp tools` shows. */
export const urlTemplateOf = (tool: Pick<ToolDef, "host" | "path">, bases: Record<HostKind, string>): string =>
  `${bases[hostOf(tool)].replace(/\/+$/, "")}${tool.path}`;
