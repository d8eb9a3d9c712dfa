import type { Reach } from "../catalog/filters.js";
import type { Credentials } from "../client/auth.js";
import type { ReturningAiClient } from "../client/http.js";
import type { Fleet } from "../state/guard.js";
import type { ConfirmTokens } from "./confirm.js";
import type { KeySource } from "./results.js";

/** What one MCP session (or one stateless HTTP request) calls tools with. */
export interface CallContext {
  client: ReturningAiClient;
  /** Every credential this session or request may use; each tool draws the one its auth kind names. */
  credentials: Credentials;
  keySource: KeySource;
  maxOutputChars: number;
  tokens: ConfirmTokens;
  /** Deadline of a `wait: true` call's whole wait for its job (RETURNING_AI_WAIT_TIMEOUT_MS); the default when unset. */
  waitTimeoutMs?: number;
  /** The shared state and the audit trail that every write goes through. */
  fleet: Fleet;
  /**
   * The session's transport. Over stdio the client is a local process: file arguments may name
   * local paths, and the user can be asked through elicitation. Stateless HTTP allows neither: a
   * remote client must never read the server's disk, and has no channel back for a question.
   */
  transport: "stdio" | "http";
  /** Folders that uploads from a local path may read when the client offers no roots (RETURNING_AI_UPLOAD_DIRS). */
  uploadDirs: readonly string[];
}

/** The credentials a call runs with when its transport brings none, and where they came from. */
export interface DefaultCredentials {
  credentials: Credentials;
  source: KeySource;
}

/** What a transport serves with: the tools, the default credentials and how a session's context is made. */
export interface Serving {
  /** What the server lists and reaches, decided once from the settings (src/catalog/filters.ts). */
  reach: Reach;
  communityId?: string;
  defaults: DefaultCredentials;
  /** The context of one session (stdio) or one request (HTTP): local paths are read over stdio only. */
  contextFor(credentials: Credentials, source: KeySource, transport: "stdio" | "http"): CallContext;
}
