import { parse } from "node:path";
import { parseArgs } from "node:util";
import type { ToolFilter } from "./catalog/filters.js";
import type { Credentials } from "./client/auth.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "./client/limits.js";
import { ConfigError } from "./errors.js";
import { LOG_LEVELS, type LogLevel } from "./log.js";
import { OBJECT_ID } from "./registry/schemas.js";
import { WAIT_DEFAULTS } from "./server/wait.js";
import { type FleetConfig, parseFleetConfig } from "./state/settings.js";
import {
  bindHostSetting,
  booleanSetting,
  credentialSetting,
  DNS_NAME,
  enumSetting,
  folderSetting,
  hostnameSetting,
  integerSetting,
  listSetting,
  originSetting,
  shown,
  urlSetting,
} from "./util/settings.js";

export type Command = "serve" | "sandbox" | "tools" | "openapi" | "audit" | "help" | "version";

/** Where the docs show the legacy System API (its routes: badges, roles, channels, servers). */
export const LEGACY_BASE_URL = "https://rai-api.returning.ai/api/v1";

export interface Config {
  command: Command;
  /** One credential per auth kind; in HTTP mode a request may bring its own. */
  credentials: Credentials;
  baseUrl: string;
  /** The legacy System API's base URL (badges, roles, channels, servers), as their docs show it. */
  legacyBaseUrl: string;
  /** The incoming webhooks' base URL; the docs show none, so it defaults to baseUrl. */
  webhookBaseUrl?: string;
  /** Route overrides file (RETURNING_AI_ROUTES), checked against the registry at startup. */
  routesFile?: string;
  timeoutMs: number;
  /** Deadline of a `wait: true` call's whole wait for its job. */
  waitTimeoutMs: number;
  maxResponseBytes: number;
  maxOutputChars: number;
  /** Keys confirmation tokens; random per process when unset (set it when replicas share traffic). */
  confirmSecret?: string;
  /** Named in the server instructions so the assistant need not ask for it. */
  communityId?: string;
  filter: ToolFilter;
  /** Serve the enabled tools through three discovery tools instead of listing each. */
  discover: boolean;
  sandbox: boolean;
  http: boolean;
  host: string;
  port: number;
  allowedHosts: string[];
  allowedOrigins: string[];
  /** Folders that uploads from a local path may read when the client offers no MCP roots. */
  uploadDirs: string[];
  /** Largest MCP request body accepted over HTTP, in bytes. */
  maxBodyBytes: number;
  json: boolean;
  logLevel: LogLevel;
  /** Shared state, audit trail and tracing (src/state/settings.ts). */
  fleet: FleetConfig;
}

type Env = Record<string, string | undefined>;

/** Every setting: CLI flag, environment variable, default. The README's settings table is built from it. */
export const SETTINGS = [
  {
    flag: "",
    env: "RETURNING_AI_API_KEY",
    default: "",
    desc: "Community API key, sent as `Authorization: Bearer` (most routes).",
    secret: true,
    bundle: "Community API key",
  },
  {
    flag: "",
    env: "RETURNING_AI_SYSTEM_KEY",
    default: "",
    desc: "Community system key (Login Management), sent as `x-api-key` (legacy routes, Secure Auth).",
    secret: true,
    bundle: "System key (optional)",
  },
  {
    flag: "",
    env: "RETURNING_AI_WEBHOOK_KEY",
    default: "",
    desc: "Incoming-webhook key, sent as `x-api-key` when set.",
    secret: true,
  },
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
  {
    flag: "",
    env: "RETURNING_AI_LEGACY_BASE_URL",
    default: LEGACY_BASE_URL,
    desc: "Base URL of the legacy System API routes (badges, roles, channels, servers), as their docs show it.",
  },
  {
    flag: "",
    env: "RETURNING_AI_WEBHOOK_BASE_URL",
    default: "the base URL",
    desc: "Base URL of the incoming-webhook routes (their docs show no host).",
  },
  {
    flag: "--routes",
    env: "RETURNING_AI_ROUTES",
    default: "",
    desc: "JSON file of route overrides (method, path per tool), a regular file of at most 1 MiB, checked at startup.",
  },
  {
    flag: "--sandbox",
    env: "RETURNING_AI_SANDBOX",
    default: "off",
    desc: "Start the built-in simulated API and use it.",
    bundle: "Sandbox",
  },
  {
    flag: "--toolsets",
    env: "RETURNING_AI_TOOLSETS",
    default: "default",
    desc: "Comma-separated toolsets to list; `default` and `all` (every non-legacy one) combine with names. Discovery reaches the rest.",
    bundle: "Toolsets",
  },
  {
    flag: "--tools",
    env: "RETURNING_AI_TOOLS",
    default: "",
    desc: "Comma-separated tools to list besides the toolsets; alone, the only tools enabled.",
  },
  {
    flag: "--exclude-tools",
    env: "RETURNING_AI_EXCLUDE_TOOLS",
    default: "",
    desc: "Comma-separated tools to disable (wins over everything).",
  },
  {
    flag: "--discover",
    env: "RETURNING_AI_DISCOVER",
    default: "off",
    desc: "List only find_tools, describe_tool and call_tool, which reach every enabled tool.",
  },
  { flag: "--read-only", env: "RETURNING_AI_READ_ONLY", default: "off", desc: "Only tools that read.", bundle: "Read-only" },
  {
    flag: "--legacy",
    env: "RETURNING_AI_LEGACY",
    default: "off",
    desc: "Enable legacy tools: reachable through discovery, listed when --toolsets names `legacy`.",
    bundle: "Legacy tools",
  },
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
  {
    flag: "",
    env: "RETURNING_AI_TIMEOUT_MS",
    default: "30000",
    desc: "Deadline of one API call, connect to last byte, retries included.",
  },
  {
    flag: "",
    env: "RETURNING_AI_WAIT_TIMEOUT_MS",
    default: String(WAIT_DEFAULTS.deadlineMs),
    desc: "Deadline of a `wait: true` call's wait for its job, every status read and pause included.",
  },
  {
    flag: "",
    env: "RETURNING_AI_MAX_RESPONSE_BYTES",
    default: "5242880",
    desc: "Largest API response read; a bigger one is cut off with an error.",
  },
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
    desc: "Key of confirmation tokens (16 characters or more); replicas that share it and `RETURNING_AI_STATE_URL` accept one another's.",
    secret: true,
  },
  {
    flag: "",
    env: "RETURNING_AI_UPLOAD_DIRS",
    default: "working directory",
    desc: "Comma-separated folders that uploads from a local `path` may read (stdio), when the client offers no MCP roots. None by default when started in `/`.",
  },
  {
    flag: "",
    env: "RETURNING_AI_COMMUNITY_ID",
    default: "",
    desc: "Your community id, told to the assistant.",
    bundle: "Community id",
  },
  { flag: "", env: "RETURNING_AI_LOG_LEVEL", default: "info", desc: "debug, info, warn, error or silent (stderr)." },
  // Running as a fleet (README "Run as a fleet"): shared state, audit trail, tracing.
  {
    flag: "",
    env: "RETURNING_AI_STATE_URL",
    default: "embedded",
    desc: "`redis://` URL of the state replicas share (spent tokens, idempotency keys, audit stream).",
    secret: true,
  },
  {
    flag: "",
    env: "RETURNING_AI_AUDIT_FILE",
    default: "~/.local/state/returning-ai-mcp/audit.jsonl",
    desc: "Audit trail (JSON lines) without Redis; `off` turns it off. A sandbox writes only a named file.",
  },
  {
    flag: "",
    env: "RETURNING_AI_AUDIT_MAX_BYTES",
    default: "10485760",
    desc: "Audit file size; past it the file moves to `.1`.",
  },
  {
    flag: "",
    env: "OTEL_EXPORTER_OTLP_ENDPOINT",
    default: "",
    desc: "OpenTelemetry collector (OTLP/HTTP): when set, each tool call is traced.",
  },
  { flag: "", env: "RETURNING_AI_TRACE_CONTENT", default: "off", desc: "Put redacted arguments and results into spans." },
] as const;

type Setting = (typeof SETTINGS)[number];

/** How a person sets one setting: its flag, its variable and, where the bundle has it, the bundle setting's title. */
function settingSwitch(env: Setting["env"]): string {
  const setting: Setting | undefined = SETTINGS.find((s) => s.env === env);
  const bundle = setting && "bundle" in setting ? `, or "${setting.bundle}" in the bundle's settings` : "";
  return `env ${env}${bundle}`;
}

/** Every setting's switch by its variable, for the tool filter's refusals (src/catalog/filters.ts). */
const SWITCHES: Readonly<Record<string, string>> = Object.fromEntries(SETTINGS.map((s) => [s.env, settingSwitch(s.env)]));

/**
 * The working directory, unless it is the file system's root: desktop clients (Claude Desktop on
 * macOS) start servers in `/`, and "everything not hidden" is no folder rule at all.
 */
export function defaultUploadDirs(cwd = process.cwd()): string[] {
  return parse(cwd).root === cwd ? [] : [cwd];
}

/** A key for HMAC-signed tokens: a short one could be guessed from a token. */
const MIN_CONFIRM_SECRET_LENGTH = 16;

function objectIdSetting(name: string, value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!OBJECT_ID.test(value)) throw new ConfigError(`${name} must be a 24-hex id, got ${shown(value)}`);
  return value;
}

/** parseArgs explains some mistakes over three lines; the CLI promises one. */
function argvProblem(message: string): string {
  const ambiguous = /^Option '(--[\w-]+)[^']*' argument is ambiguous/.exec(message);
  if (ambiguous) return `${ambiguous[1]} needs a value; for one that starts with a dash write ${ambiguous[1]}=<value>.`;
  const first = (message.split("\n")[0] ?? message).trim();
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/** The values of every secret setting, so that the log can cut them from every line. */
export const secretSettingValues = (env: Env): (string | undefined)[] =>
  SETTINGS.filter((s) => "secret" in s && s.secret).map((s) => env[s.env]);

/** A bare host name (no scheme, path or port tricks): it becomes a header and an https origin. */
function hostSetting(name: string, value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!DNS_NAME.test(value)) {
    throw new ConfigError(`${name} must be a host name such as community.example.com, got ${shown(value)}`);
  }
  return value.toLowerCase();
}

const COMMANDS: Record<string, Command> = {
  sandbox: "sandbox",
  tools: "tools",
  openapi: "openapi",
  audit: "audit",
  help: "help",
};

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
        discover: { type: "boolean" },
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
    throw new ConfigError(`${argvProblem((error as Error).message)} See --help.`);
  }
}

export function parseConfig(argv: string[], env: Env = process.env): Config {
  const parsed = parseArgv(argv);
  const { values: v, positionals } = parsed;
  if (positionals.length > 1 || (positionals[0] && !COMMANDS[positionals[0]])) {
    throw new ConfigError(
      `Unknown command ${positionals.map(shown).join(" ")}. Commands: ${Object.keys(COMMANDS).join(", ")}. See --help.`,
    );
  }
  const command: Command = v.help ? "help" : v.version ? "version" : (COMMANDS[positionals[0] ?? ""] ?? "serve");
  const maxPort = 65535;
  // The environment is read even when a flag wins, so that a malformed value never hides.
  const bool = (name: string, cli: boolean | undefined) => {
    const fromEnv = booleanSetting(name, env[name]);
    return cli ?? fromEnv;
  };
  const filter: ToolFilter = {
    toolsets: listSetting(v.toolsets ?? env.RETURNING_AI_TOOLSETS),
    tools: listSetting(v.tools ?? env.RETURNING_AI_TOOLS),
    excludeTools: listSetting(v["exclude-tools"] ?? env.RETURNING_AI_EXCLUDE_TOOLS),
    readOnly: bool("RETURNING_AI_READ_ONLY", v["read-only"]),
    legacy: bool("RETURNING_AI_LEGACY", v.legacy),
    switches: SWITCHES,
  };
  return {
    command,
    credentials: {
      apiKey: credentialSetting("RETURNING_AI_API_KEY", env.RETURNING_AI_API_KEY),
      systemKey: credentialSetting("RETURNING_AI_SYSTEM_KEY", env.RETURNING_AI_SYSTEM_KEY),
      webhookKey: credentialSetting("RETURNING_AI_WEBHOOK_KEY", env.RETURNING_AI_WEBHOOK_KEY),
      communityHost: hostSetting("RETURNING_AI_COMMUNITY_HOST", env.RETURNING_AI_COMMUNITY_HOST),
    },
    baseUrl: urlSetting("RETURNING_AI_BASE_URL", v["base-url"] ?? env.RETURNING_AI_BASE_URL ?? "https://api.returning.ai"),
    legacyBaseUrl: urlSetting("RETURNING_AI_LEGACY_BASE_URL", env.RETURNING_AI_LEGACY_BASE_URL || LEGACY_BASE_URL),
    webhookBaseUrl: env.RETURNING_AI_WEBHOOK_BASE_URL
      ? urlSetting("RETURNING_AI_WEBHOOK_BASE_URL", env.RETURNING_AI_WEBHOOK_BASE_URL)
      : undefined,
    routesFile: v.routes ?? (env.RETURNING_AI_ROUTES || undefined),
    timeoutMs: integerSetting("RETURNING_AI_TIMEOUT_MS", env.RETURNING_AI_TIMEOUT_MS, 30_000, 100, 600_000),
    waitTimeoutMs: integerSetting(
      "RETURNING_AI_WAIT_TIMEOUT_MS",
      env.RETURNING_AI_WAIT_TIMEOUT_MS,
      WAIT_DEFAULTS.deadlineMs,
      1_000,
      3_600_000,
    ),
    maxResponseBytes: integerSetting(
      "RETURNING_AI_MAX_RESPONSE_BYTES",
      env.RETURNING_AI_MAX_RESPONSE_BYTES,
      DEFAULT_MAX_RESPONSE_BYTES,
      1_024,
      1_073_741_824,
    ),
    maxOutputChars: integerSetting("RETURNING_AI_MAX_OUTPUT_CHARS", env.RETURNING_AI_MAX_OUTPUT_CHARS, 40_000, 1_000, 10_000_000),
    confirmSecret: credentialSetting("RETURNING_AI_CONFIRM_SECRET", env.RETURNING_AI_CONFIRM_SECRET, MIN_CONFIRM_SECRET_LENGTH),
    communityId: objectIdSetting("RETURNING_AI_COMMUNITY_ID", env.RETURNING_AI_COMMUNITY_ID),
    filter,
    discover: bool("RETURNING_AI_DISCOVER", v.discover),
    sandbox: bool("RETURNING_AI_SANDBOX", v.sandbox),
    http: bool("RETURNING_AI_HTTP", v.http),
    host: bindHostSetting(v.host !== undefined ? "--host" : "RETURNING_AI_HOST", v.host ?? env.RETURNING_AI_HOST ?? "127.0.0.1"),
    port: integerSetting("--port", v.port ?? env.RETURNING_AI_PORT, command === "sandbox" ? 0 : 3000, 0, maxPort),
    allowedHosts:
      listSetting(v["allowed-hosts"] ?? env.RETURNING_AI_ALLOWED_HOSTS, (h) => hostnameSetting("--allowed-hosts", h)) ?? [],
    allowedOrigins:
      listSetting(v["allowed-origins"] ?? env.RETURNING_AI_ALLOWED_ORIGINS, (o) => originSetting("--allowed-origins", o)) ?? [],
    uploadDirs:
      listSetting(env.RETURNING_AI_UPLOAD_DIRS, (d) => folderSetting("RETURNING_AI_UPLOAD_DIRS", d)) ?? defaultUploadDirs(),
    maxBodyBytes: integerSetting("RETURNING_AI_MAX_BODY_BYTES", env.RETURNING_AI_MAX_BODY_BYTES, 1_048_576, 1_024, 67_108_864),
    json: v.json ?? false,
    logLevel: enumSetting("RETURNING_AI_LOG_LEVEL", env.RETURNING_AI_LOG_LEVEL, LOG_LEVELS, "info"),
    fleet: parseFleetConfig(env),
  };
}
