import { selectReach } from "./catalog/filters.js";
import { ALL_TOOLS } from "./catalog/index.js";
import type { Credentials } from "./client/auth.js";
import { ReturningAiClient } from "./client/http.js";
import type { Config } from "./config.js";
import { hostBases } from "./registry/hosts.js";
import { applyRouteOverrides, loadRouteOverrides } from "./registry/overrides.js";
import type { ToolDef } from "./registry/types.js";
import type { Sandbox } from "./sandbox/index.js";
import { ConfirmTokens } from "./server/confirm.js";
import type { CallContext, Serving } from "./server/context.js";
import type { KeySource } from "./server/results.js";
import { openFleet } from "./state/index.js";
import { VERSION } from "./version.js";

/** Everything a transport needs, set up once per process from the config. */
export interface Runtime extends Serving {
  baseUrl: string;
  sandbox?: Sandbox;
  close(): Promise<void>;
}

/** The registry with the user's route overrides applied (what `tools` prints and the server serves). */
export const effectiveTools = (config: Pick<Config, "routesFile">): readonly ToolDef[] =>
  config.routesFile ? applyRouteOverrides(ALL_TOOLS, loadRouteOverrides(config.routesFile, ALL_TOOLS)) : ALL_TOOLS;

export async function startRuntime(config: Config): Promise<Runtime> {
  const reach = selectReach(config.filter, effectiveTools(config), config.discover);
  // Loaded only in sandbox mode: a server for a real community never evaluates the simulator.
  const sandbox = config.sandbox ? await (await import("./sandbox/index.js")).startSandbox() : undefined;
  const baseUrl = sandbox?.url ?? config.baseUrl;
  const host = config.credentials.communityHost;
  // The sandbox serves every host kind itself; a real Secure Auth call goes to the community's own
  // domain, and without one configured it has no base (the call is refused for the missing setting).
  const bases = hostBases({ ...config, communityHost: host });
  const baseUrls = sandbox
    ? { legacy: baseUrl, webhook: baseUrl, community: baseUrl }
    : { legacy: bases.legacy, webhook: bases.webhook, ...(host ? { community: bases.community } : {}) };
  const client = new ReturningAiClient({
    baseUrl,
    baseUrls,
    timeoutMs: config.timeoutMs,
    maxResponseBytes: config.maxResponseBytes,
    userAgent: `returning-ai-mcp/${VERSION}`,
  });
  const fleet = await openFleet(config.fleet, Boolean(sandbox));
  const tokens = new ConfirmTokens(config.confirmSecret, fleet.store);
  const contextFor = (credentials: Credentials, keySource: KeySource, transport: "stdio" | "http"): CallContext => ({
    client,
    credentials,
    keySource,
    maxOutputChars: config.maxOutputChars,
    waitTimeoutMs: config.waitTimeoutMs,
    tokens,
    fleet,
    transport,
    uploadDirs: config.uploadDirs,
  });
  return {
    reach,
    baseUrl,
    communityId: sandbox?.communityId ?? config.communityId,
    sandbox,
    defaults: sandbox
      ? { credentials: sandbox.credentials, source: "sandbox" }
      : { credentials: config.credentials, source: "env" },
    contextFor,
    close: async () => {
      await client.close();
      await sandbox?.close();
      await fleet.close();
    },
  };
}
