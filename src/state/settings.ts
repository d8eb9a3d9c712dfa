import { statSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "../errors.js";
import { booleanSetting, integerSetting, urlSetting } from "../util/settings.js";

type Env = Record<string, string | undefined>;

/** The fleet's settings: shared state, audit trail, tracing. Listed in SETTINGS (src/config.ts). */
export interface FleetConfig {
  /** redis:// or rediss:// URL of the shared store; unset means the embedded in-process store. */
  stateUrl?: string;
  /** The audit file; undefined when turned off or taken by the Redis stream. "default" is resolved here. */
  auditFile?: string;
  /** The file's path was named, not defaulted: a sandbox writes only a named file. */
  auditFileNamed: boolean;
  auditMaxBytes: number;
  /** OTLP endpoint (the standard variable); tracing is loaded only when it is set. */
  otlpEndpoint?: string;
  /** Put redacted arguments and results into spans. */
  traceContent: boolean;
}

/** Where the trail goes by default: the XDG state folder, which is meant for exactly this. */
export const defaultAuditFile = (env: Env): string =>
  join(env.XDG_STATE_HOME || join(homedir(), ".local", "state"), "returning-ai-mcp", "audit.jsonl");

/** Never echoed: a Redis URL may carry a password. */
function stateUrlSetting(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const ok = URL.canParse(value) && ["redis:", "rediss:"].includes(new URL(value).protocol);
  if (!ok) throw new ConfigError("RETURNING_AI_STATE_URL must be a redis:// or rediss:// URL (value not shown)");
  return value;
}

/** A file to append to: a folder there (or a name ending in a slash) would fail only at the first write. */
function auditFileSetting(value: string): string {
  const folder = value.endsWith("/") || (statSync(value, { throwIfNoEntry: false })?.isDirectory() ?? false);
  if (folder) throw new ConfigError("RETURNING_AI_AUDIT_FILE must name a file, not a folder (or `off`)");
  return value;
}

export function parseFleetConfig(env: Env): FleetConfig {
  const file = env.RETURNING_AI_AUDIT_FILE;
  const off = file !== undefined && /^(off|false|0|no)$/i.test(file.trim());
  return {
    stateUrl: stateUrlSetting(env.RETURNING_AI_STATE_URL),
    auditFile: off ? undefined : file ? auditFileSetting(file) : defaultAuditFile(env),
    auditFileNamed: Boolean(file) && !off,
    auditMaxBytes: integerSetting(
      "RETURNING_AI_AUDIT_MAX_BYTES",
      env.RETURNING_AI_AUDIT_MAX_BYTES,
      10_485_760,
      4_096,
      1_073_741_824,
    ),
    otlpEndpoint: otlpSetting(env),
    traceContent: booleanSetting("RETURNING_AI_TRACE_CONTENT", env.RETURNING_AI_TRACE_CONTENT),
  };
}

/** The standard variables, checked like our own URLs: a typo must not silently turn tracing off. */
function otlpSetting(env: Env): string | undefined {
  for (const name of ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"]) {
    const value = env[name];
    if (value) return urlSetting(name, value);
  }
  return undefined;
}
