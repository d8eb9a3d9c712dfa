import { AUDIT_TOOL_NAME, auditListed } from "./audit/surface.js";
import { CREDENTIAL_SOURCES, secretsOf } from "./client/auth.js";
import type { Config } from "./config.js";
import { log } from "./log.js";
import type { Runtime } from "./runtime.js";
import { DISCOVERY_TOOLS } from "./server/discovery.js";
import { VERSION } from "./version.js";

/**
 * What a process says when it starts serving. It goes to stderr in every mode, so that a client's
 * log (Claude Desktop, VS Code's output panel) shows what was served; stdout stays the MCP stream.
 */

/** What tools/list shows: toolset names in the order their tools are listed, then the audit and discovery tools. */
function listedOf({ reach }: Runtime): { count: number; names: string[] } {
  const toolsets = [...new Set(reach.listed.map((t) => t.toolset))];
  const extra = [...(auditListed(reach) ? [AUDIT_TOOL_NAME] : []), ...(reach.discovery ? DISCOVERY_TOOLS : [])];
  return { count: reach.listed.length + extra.length, names: [...toolsets, ...extra] };
}

export function startupLine(config: Config, runtime: Runtime, endpoint: string): string {
  const api = runtime.sandbox ? `built-in sandbox at ${runtime.sandbox.url}` : runtime.baseUrl;
  const transport = config.http ? `Streamable HTTP at ${endpoint}` : "stdio";
  const listed = listedOf(runtime);
  const reachable = runtime.reach.reachable.length;
  return (
    `returning-ai-mcp ${VERSION}: ${listed.count} tools listed (${listed.names.join(", ")}), ${reachable} reachable over ${transport}; API: ${api}` +
    `${runtime.communityId ? `; community ${runtime.communityId}` : ""}${config.filter.readOnly ? "; read-only" : ""}.`
  );
}

/** Said at startup rather than at the first call, which may come much later and far from the person who can fix it. */
export function credentialWarning(config: Config, runtime: Runtime): string | undefined {
  if (runtime.sandbox || secretsOf(config.credentials).length) return undefined;
  const fix = `set ${CREDENTIAL_SOURCES.apiKey.env} (see the README: where to find your keys), or start with --sandbox to try the tools`;
  return config.http
    ? `No Returning.AI credential is set: every MCP request must bring its own key as 'Authorization: Bearer <key>'; or ${fix}.`
    : `No Returning.AI credential is set: every tool call will fail until you ${fix}.`;
}

export function announce(config: Config, runtime: Runtime, endpoint: string): void {
  log.info(startupLine(config, runtime, endpoint));
  const warning = credentialWarning(config, runtime);
  if (warning) log.warn(warning);
  // A person at a terminal (not a client that spawned us) also gets told how to connect one.
  if (!config.http && process.stderr.isTTY && process.stdin.isTTY) {
    const connect = `claude mcp add returning-ai -- node ${process.argv[1]}${runtime.sandbox ? " --sandbox" : ""}`;
    process.stderr.write(`Waiting for an MCP client on stdin (Ctrl-C to stop). To use it from Claude Code: ${connect}\n`);
  }
}
