/** Logs go to stderr: in stdio mode stdout carries the MCP protocol. */
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 } as const;
type Level = keyof typeof LEVELS;

const configured = (process.env.RETURNING_AI_LOG_LEVEL ?? "info").toLowerCase();
const threshold = LEVELS[(configured in LEVELS ? configured : "info") as Level];

function write(level: Level, message: string): void {
  if (LEVELS[level] < threshold) return;
  process.stderr.write(`[returning-ai-mcp] ${level}: ${message}\n`);
}

export const log = {
  debug: (m: string) => write("debug", m),
  info: (m: string) => write("info", m),
  warn: (m: string) => write("warn", m),
  error: (m: string) => write("error", m),
};
