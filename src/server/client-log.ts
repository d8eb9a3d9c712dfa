import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import type { LoggingLevel } from "@modelcontextprotocol/sdk/types.js";
import { log } from "../log.js";

/**
 * Lines that both our stderr log and the MCP client should see (the logging capability): a client
 * filters them with logging/setLevel, which the SDK keeps per session. Sending must never fail a
 * call, so a closed or stateless transport simply drops the line.
 */
export function logToClient(
  server: Server,
  level: Extract<LoggingLevel, "debug" | "info" | "warning" | "error">,
  line: string,
): void {
  log[level === "warning" ? "warn" : level](line);
  server.sendLoggingMessage({ level, logger: "returning-ai-mcp", data: line }).catch(() => undefined);
}
