import { ReturningAiClient } from "./client/http.js";
import type { Config } from "./config.js";
import { selectTools } from "./registry/filters.js";
import type { ToolDef } from "./registry/types.js";
import { type Sandbox, startSandbox } from "./sandbox/index.js";
import type { CallContext } from "./server/call.js";
import { ConfirmTokens } from "./server/confirm.js";
import type { KeySource } from "./server/results.js";
import { VERSION } from "./version.js";

/** Everything a transport needs, set up once per process from the config. */
export interface Runtime {
  tools: readonly ToolDef[];
  baseUrl: string;
  communityId?: string;
  sandbox?: Sandbox;
  defaultKey: { apiKey: string | undefined; source: KeySource };
  contextFor(apiKey: string | undefined, source: KeySource): CallContext;
  close(): Promise<void>;
}

export async function startRuntime(config: Config): Promise<Runtime> {
  const tools = selectTools(config.filter);
  const sandbox = config.sandbox ? await startSandbox() : undefined;
  const baseUrl = sandbox?.url ?? config.baseUrl;
  const client = new ReturningAiClient({
    baseUrl,
    timeoutMs: config.timeoutMs,
    userAgent: `returning-ai-mcp/${VERSION}`,
  });
  const tokens = new ConfirmTokens(config.confirmSecret);
  const contextFor = (apiKey: string | undefined, keySource: KeySource): CallContext => ({
    client,
    apiKey,
    keySource,
    maxOutputChars: config.maxOutputChars,
    tokens,
  });
  return {
    tools,
    baseUrl,
    communityId: sandbox?.communityId ?? config.communityId,
    sandbox,
    defaultKey: sandbox ? { apiKey: sandbox.apiKey, source: "sandbox" } : { apiKey: config.apiKey, source: "env" },
    contextFor,
    close: async () => {
      await client.close();
      await sandbox?.close();
    },
  };
}
