import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { type LoggingLevel, SetLevelRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { log } from "../log.js";

const ORDER: readonly LoggingLevel[] = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"];

/** The level each session asked for with logging/setLevel; until it asks, `info` (no per-request debug lines). */
const levels = new WeakMap<Server, LoggingLevel>();

/** Serves logging/setLevel for a server: the client's choice, then, filters what logToClient sends. */
export function serveLogLevels(server: Server): void {
  server.setRequestHandler(SetLevelRequestSchema, (request) => {
    levels.set(server, request.params.level);
    return {};
  });
}

/**
 * Lines that both our stderr log and the MCP client should see (the logging capability). Sending
 * must never fail a call, so a closed or stateless transport simply drops the line.
 */
export function logToClient(
  server: Server,
  level: Extract<LoggingLevel, "debug" | "info" | "warning" | "error">,
  line: string,
): void {
  log[level === "warning" ? "warn" : level](line);
  if (ORDER.indexOf(level) < ORDER.indexOf(levels.get(server) ?? "info")) return;
  server.sendLoggingMessage({ level, logger: "returning-ai-mcp", data: line }).catch(() => undefined);
}
