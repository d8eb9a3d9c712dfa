/** Logs go to stderr: in stdio mode stdout carries the MCP protocol. */
export const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

const isLevel = (value: string): value is LogLevel => (LOG_LEVELS as readonly string[]).includes(value);

// The CLI validates RETURNING_AI_LOG_LEVEL (an unknown one is a startup error) and calls
// setLogLevel; code used as a library reads the variable here and says so when it is unknown.
const configured = (process.env.RETURNING_AI_LOG_LEVEL ?? "").trim().toLowerCase();
let threshold = RANK[isLevel(configured) ? configured : "info"];
let unknownLevel = configured !== "" && !isLevel(configured) ? configured : undefined;

let secrets: string[] = [];

/** Secrets cut from every log line whatever logs it (the credentials and confirm secret of the settings). */
export function setLogSecrets(values: Iterable<string | undefined>): void {
  secrets = [...values].filter((v): v is string => typeof v === "string" && v.length >= 6);
}

const cut = (message: string): string => secrets.reduce((m, s) => (m.includes(s) ? m.split(s).join("[redacted]") : m), message);

export function setLogLevel(level: LogLevel): void {
  threshold = RANK[level];
  unknownLevel = undefined;
}

function write(level: LogLevel, message: string): void {
  if (unknownLevel !== undefined) {
    const bad = unknownLevel;
    unknownLevel = undefined;
    process.stderr.write(`[returning-ai-mcp] warn: unknown RETURNING_AI_LOG_LEVEL '${bad.slice(0, 40)}'; logging at info\n`);
  }
  if (RANK[level] < threshold) return;
  process.stderr.write(`[returning-ai-mcp] ${level}: ${cut(message)}\n`);
}

export const log = {
  debug: (m: string) => write("debug", m),
  info: (m: string) => write("info", m),
  warn: (m: string) => write("warn", m),
  error: (m: string) => write("error", m),
};
