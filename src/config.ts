import { parseArgs } from "node:util";
import type { Credentials } from "./client/auth.js";
import { ConfigError } from "./errors.js";
import type { ToolFilter } from "./registry/filters.js";
import { OBJECT_ID } from "./registry/schemas.js";

export type Command = "serve" | "sandbox" | "tools" | "help" | "version";

export interface Config {
  command: Command;
  /** One credential per auth kind; in HTTP mode a request may bring its own. */
  credentials: Credentials;
  baseUrl: string;
  /** Hosts of the routes that older docs put elsewhere; each defaults to baseUrl. */
  legacyBaseUrl?: string;
  webhookBaseUrl?: string;
  /** Route overrides file (RETURNING_AI_ROUTES), checked against the registry at startup. */
  routesFile?: string;
  timeoutMs: number;
  maxOutputChars: number;
  /** Keys confirmation tokens; random per process when unset (set it when replicas share traffic). */
  confirmSecret?: string;
  /** Named in the server instructions so the assistant need not ask for it. */
  communityId?: string;
  filter: ToolFilter;
  sandbox: boolean;
  http: boolean;
  host: string;
  port: number;
  allowedHosts: string[];
  allowedOrigins: string[];
  /** Largest MCP request body accepted over HTTP, in bytes. */
  maxBodyBytes: number;
  json: boolean;
}

type Env = Record<string, string | undefined>;

/** Every setting: CLI flag, environment variable, default. The README's settings table is built from it. */
export const SETTINGS = [
  {
    flag: "",
    env: "RETURNING_AI_API_KEY",
    default: "",
    desc: "Community API key, sent as `Authorization: Bearer` (most routes).",
  },
  {
    flag: "",
    env: "RETURNING_AI_SYSTEM_KEY",
    default: "",
    desc: "Community system key (Login Management), sent as `x-api-key` (legacy routes, Secure Auth).",
  },
  { flag: "", env: "RETURNING_AI_WEBHOOK_KEY", default: "", desc: "Incoming-webhook key, sent as `x-api-key` when set." },
  {
    flag: "",
    env: "RETURNING_AI_COMMUNITY_HOST",
    default: "",
    desc: "Your community's custom domain: Secure Auth's `hostname` and host.",
  },
  {
    flag: "--base-url",
    env: "RETURNING_AI_BASE_URL",
    default: "https://api.returning.ai",
    desc: "API base URL (a path prefix is kept).",
  },
  { flag: "--sandbox", env: "RETURNING_AI_SANDBOX", default: "off", desc: "Start the built-in simulated API and use it." },
  { flag: "--toolsets", env: "RETURNING_AI_TOOLSETS", default: "all non-legacy", desc: "Comma-separated toolsets, or `all`." },
  { flag: "--tools", env: "RETURNING_AI_TOOLS", default: "", desc: "Comma-separated tools to enable besides the toolsets." },
  {
    flag: "--exclude-tools",
    env: "RETURNING_AI_EXCLUDE_TOOLS",
    default: "",
    desc: "Comma-separated tools to disable (wins over everything).",
  },
  { flag: "--read-only", env: "RETURNING_AI_READ_ONLY", default: "off", desc: "Only tools that read." },
  { flag: "--legacy", env: "RETURNING_AI_LEGACY", default: "off", desc: "Allow legacy tools." },
  { flag: "--http", env: "RETURNING_AI_HTTP", default: "off", desc: "Serve Streamable HTTP at `/mcp` instead of stdio." },
  { flag: "--host", env: "RETURNING_AI_HOST", default: "127.0.0.1", desc: "HTTP bind address." },
  {
    flag: "--port",
    env: "RETURNING_AI_PORT",
    default: "3000",
    desc: "HTTP port (sandbox command: its port, default ephemeral).",
  },
  {
    flag: "--allowed-hosts",
    env: "RETURNING_AI_ALLOWED_HOSTS",
    default: "loopback names",
    desc: "Host headers accepted over HTTP (DNS-rebinding guard).",
  },
  {
    flag: "--allowed-origins",
    env: "RETURNING_AI_ALLOWED_ORIGINS",
    default: "none",
    desc: "Browser origins accepted over HTTP.",
  },
  { flag: "", env: "RETURNING_AI_MAX_BODY_BYTES", default: "1048576", desc: "Largest MCP request body over HTTP." },
  { flag: "", env: "RETURNING_AI_TIMEOUT_MS", default: "30000", desc: "Connect, headers and body timeout of API calls." },
  {
    flag: "",
    env: "RETURNING_AI_MAX_OUTPUT_CHARS",
    default: "40000",
    desc: "Longest tool result; longer ones are cut with a hint.",
  },
  {
    flag: "",
    env: "RETURNING_AI_CONFIRM_SECRET",
    default: "random per process",
    desc: "Key of confirmation tokens; share it across replicas.",
  },
  { flag: "", env: "RETURNING_AI_COMMUNITY_ID", default: "", desc: "Your community id, told to the assistant." },
  { flag: "", env: "RETURNING_AI_LOG_LEVEL", default: "info", desc: "debug, info, warn, error or silent (stderr)." },
] as const;

const list = (value: string | undefined): string[] | undefined => {
  const items = value
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return items?.length ? items : undefined;
};

const flag = (value: string | undefined): boolean => /^(1|true|yes|on)$/i.test(value ?? "");

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got '${value}'`);
  }
  return n;
}

function url(name: string, value: string): string {
  try {
    const parsed = new URL(value);
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw new Error();
    return value.replace(/\/+$/, "");
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL, got '${value}'`);
  }
}

function objectIdSetting(name: string, value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!OBJECT_ID.test(value)) throw new ConfigError(`${name} must be a 24-hex id, got '${value}'`);
  return value;
}

/** A bare host name (no scheme, path or port tricks): it becomes a header and an https origin. */
function hostSetting(name: string, value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*$/.test(value)) {
    throw new ConfigError(`${name} must be a host name such as community.example.com, got '${value}'`);
  }
  return value.toLowerCase();
}

const COMMANDS: Record<string, Command> = { sandbox: "sandbox", tools: "tools", help: "help" };

function parseArgv(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
        sandbox: { type: "boolean" },
        "base-url": { type: "string" },
        routes: { type: "string" },
        toolsets: { type: "string" },
        tools: { type: "string" },
        "exclude-tools": { type: "string" },
        "read-only": { type: "boolean" },
        legacy: { type: "boolean" },
        http: { type: "boolean" },
        host: { type: "string" },
        port: { type: "string" },
        "allowed-hosts": { type: "string" },
        "allowed-origins": { type: "string" },
        json: { type: "boolean" },
      },
    });
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}. See --help.`);
  }
}

export function parseConfig(argv: string[], env: Env = process.env): Config {
  const parsed = parseArgv(argv);
  const { values: v, positionals } = parsed;
  if (positionals.length > 1 || (positionals[0] && !COMMANDS[positionals[0]])) {
    throw new ConfigError(
      `Unknown command '${positionals.join(" ")}'. Commands: ${Object.keys(COMMANDS).join(", ")}. See --help.`,
    );
  }
  const command: Command = v.help ? "help" : v.version ? "version" : (COMMANDS[positionals[0] ?? ""] ?? "serve");
  const maxPort = 65535;
  return {
    command,
    credentials: {
      apiKey: env.RETURNING_AI_API_KEY || undefined,
      systemKey: env.RETURNING_AI_SYSTEM_KEY || undefined,
      webhookKey: env.RETURNING_AI_WEBHOOK_KEY || undefined,
      communityHost: hostSetting("RETURNING_AI_COMMUNITY_HOST", env.RETURNING_AI_COMMUNITY_HOST),
    },
    baseUrl: url("RETURNING_AI_BASE_URL", v["base-url"] ?? env.RETURNING_AI_BASE_URL ?? "https://api.returning.ai"),
    legacyBaseUrl: env.RETURNING_AI_LEGACY_BASE_URL
      ? url("RETURNING_AI_LEGACY_BASE_URL", env.RETURNING_AI_LEGACY_BASE_URL)
      : undefined,
    webhookBaseUrl: env.RETURNING_AI_WEBHOOK_BASE_URL
      ? url("RETURNING_AI_WEBHOOK_BASE_URL", env.RETURNING_AI_WEBHOOK_BASE_URL)
      : undefined,
    routesFile: v.routes ?? (env.RETURNING_AI_ROUTES || undefined),
    timeoutMs: integer("RETURNING_AI_TIMEOUT_MS", env.RETURNING_AI_TIMEOUT_MS, 30_000, 100, 600_000),
    maxOutputChars: integer("RETURNING_AI_MAX_OUTPUT_CHARS", env.RETURNING_AI_MAX_OUTPUT_CHARS, 40_000, 1_000, 10_000_000),
    confirmSecret: env.RETURNING_AI_CONFIRM_SECRET || undefined,
    communityId: objectIdSetting("RETURNING_AI_COMMUNITY_ID", env.RETURNING_AI_COMMUNITY_ID),
    filter: {
      toolsets: list(v.toolsets ?? env.RETURNING_AI_TOOLSETS),
      tools: list(v.tools ?? env.RETURNING_AI_TOOLS),
      excludeTools: list(v["exclude-tools"] ?? env.RETURNING_AI_EXCLUDE_TOOLS),
      readOnly: v["read-only"] ?? flag(env.RETURNING_AI_READ_ONLY),
      legacy: v.legacy ?? flag(env.RETURNING_AI_LEGACY),
    },
    sandbox: v.sandbox ?? flag(env.RETURNING_AI_SANDBOX),
    http: v.http ?? flag(env.RETURNING_AI_HTTP),
    host: v.host ?? env.RETURNING_AI_HOST ?? "127.0.0.1",
    port: integer("--port", v.port ?? env.RETURNING_AI_PORT, command === "sandbox" ? 0 : 3000, 0, maxPort),
    allowedHosts: list(v["allowed-hosts"] ?? env.RETURNING_AI_ALLOWED_HOSTS) ?? [],
    allowedOrigins: list(v["allowed-origins"] ?? env.RETURNING_AI_ALLOWED_ORIGINS) ?? [],
    maxBodyBytes: integer("RETURNING_AI_MAX_BODY_BYTES", env.RETURNING_AI_MAX_BODY_BYTES, 1_048_576, 1_024, 67_108_864),
    json: v.json ?? false,
  };
}
