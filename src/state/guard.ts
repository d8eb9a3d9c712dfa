import { createHash } from "node:crypto";
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { type Credentials, identityOf } from "../client/auth.js";
import type { ToolDef } from "../registry/types.js";
import type { Telemetry } from "../telemetry/index.js";
import { canonicalJson, keyFingerprint } from "../util/digest.js";
import { errorResult } from "../util/tool-error.js";
import type { AuditEntry, AuditLog, ConfirmDecision } from "./audit.js";
import { isStateUnavailable, type StateStore } from "./store.js";

/** The `_meta` field a client sets on tools/call to make a write safe to re-send. */
export const IDEMPOTENCY_META = "ai.returning/idempotency-key";
/** How long a key replays its result. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/** How long a key stays claimed by a request still in flight (a confirmation prompt lasts 10 minutes). */
const PENDING_TTL_SECONDS = 15 * 60;
const KEY_SHAPE = /^[\x21-\x7e]{1,200}$/;

export const STATE_DOWN =
  "The shared state store (RETURNING_AI_STATE_URL) cannot be reached, so writes are refused until it is back; reads still work. Nothing was sent.";

/** The store and the trail that every write goes through, and the tracing of every call. */
export interface Fleet {
  store: StateStore;
  audit: AuditLog;
  telemetry: Telemetry;
}

/** What the MCP request says about itself: its id and `_meta` (idempotency key, trace context). */
export interface RequestFacts {
  requestId?: string | number;
  _meta?: Record<string, unknown>;
}

/** What a write needs of its call's redactor (src/server/redact.ts): the arguments as they may be shown. */
export interface ShowsRedacted {
  value(value: unknown): unknown;
}

export interface WriteFacts {
  server: Server;
  fleet: Fleet;
  tool: ToolDef;
  args: Record<string, unknown>;
  credential: string;
  transport: "stdio" | "http";
  redact: ShowsRedacted;
  /** Confirmed before it is sent (a token or a dialog), rather than sent at once. */
  gated: boolean;
  request?: RequestFacts;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("base64url");
/** What the recording methods return: the entry is queued, nothing to wait for. */
const RECORDED: Promise<void> = Promise.resolve();

/**
 * One write on its way through the fleet's shared state: recorded before it is gated or sent,
 * replayed or refused by its idempotency key, and recorded again with its outcome.
 */
export class WriteCall {
  readonly #started = Date.now();
  #claim: string | undefined;
  constructor(
    readonly facts: WriteFacts,
    readonly base: Omit<AuditEntry, "time" | "event">,
    readonly digest: string,
  ) {}

  /** Opens a write, or answers it at once: a stored result, a refusal, or the store being down. */
  static async open(facts: WriteFacts): Promise<WriteCall | CallToolResult> {
    const { tool, args, redact, request } = facts;
    const rawKey = request?._meta?.[IDEMPOTENCY_META];
    if (rawKey !== undefined && (typeof rawKey !== "string" || !KEY_SHAPE.test(rawKey))) {
      return errorResult(
        `Invalid _meta "${IDEMPOTENCY_META}": give 1 to 200 printable ASCII characters without spaces. Nothing was sent.`,
      );
    }
    const shown = redact.value(args);
    const client = facts.server.getClientVersion();
    const base: Omit<AuditEntry, "time" | "event"> = {
      tool: tool.name,
      args: shown,
      argsDigest: sha256(canonicalJson(shown)),
      credential: facts.credential,
      ...(client ? { client: { name: client.name, version: client.version } } : {}),
      transport: facts.transport,
      ...(request?.requestId !== undefined ? { requestId: request.requestId } : {}),
      ...(rawKey ? { idempotencyKey: rawKey } : {}),
    };
    // The digest binds the real arguments (not the redacted ones): other secrets are other arguments.
    const call = new WriteCall(facts, base, sha256(canonicalJson([tool.name, args])));
    const { store, audit } = facts.fleet;
    // Recorded even when refused below: a trail that cannot be stored now is sent when Redis is back.
    audit.record({ ...base, event: "attempt" });
    // Known to be down: refused at once, before anything is asked.
    if (!store.reachable) return errorResult(STATE_DOWN);
    try {
      // The key's claim takes the queued entries along, in one round trip.
      if (rawKey) return await call.#claimKey(rawKey);
      // A write is not sent before its attempt is stored: that round trip is what refuses it when
      // the store is down. A token's spend takes the attempt along instead; a client that can
      // confirm in a dialog (elicitation) sends without a token, so its attempt is stored now.
      if (!facts.gated || facts.server.getClientCapabilities()?.elicitation) await audit.flush();
      return call;
    } catch (error) {
      if (isStateUnavailable(error)) return errorResult(STATE_DOWN);
      throw error;
    }
  }

  async #claimKey(key: string): Promise<WriteCall | CallToolResult> {
    const scoped = `${this.facts.credential}:${sha256(key)}`;
    const held = await this.facts.fleet.store.claim(scoped, this.digest, PENDING_TTL_SECONDS);
    if (!held) {
      this.#claim = scoped;
      return this;
    }
    if (held.digest !== this.digest) {
      this.#outcome({ status: "idempotency_conflict", ok: false });
      return errorResult(
        `The idempotency key was already used with another tool or other arguments (a key is bound to one call for 24 hours). Use a new key for a new call. Nothing was sent.`,
      );
    }
    if (held.state === "pending") {
      return errorResult("A request with this idempotency key is still in progress. Retry in a moment. Nothing was sent.");
    }
    this.#outcome({ status: "replayed", ok: true, replayed: true });
    const stored = held.result as CallToolResult;
    return { ...stored, _meta: { ...stored._meta, "ai.returning/idempotent-replay": true } };
  }

  #outcome(extra: Partial<AuditEntry>): void {
    this.facts.fleet.audit.record({ ...this.base, event: "outcome", durationMs: Date.now() - this.#started, ...extra });
  }

  /** Records the confirmation gate's decision (queued: an accepted token was spent, and its attempt stored, already). */
  confirmation(decision: ConfirmDecision): Promise<void> {
    this.facts.fleet.audit.record({ ...this.base, event: "confirmation", decision });
    return RECORDED;
  }

  /** Nothing was sent (not confirmed yet, declined, refused): a retry with the key may send. */
  async abandon(): Promise<void> {
    if (this.#claim) await this.facts.fleet.store.release(this.#claim).catch(() => {});
  }

  /**
   * Records what the API answered and keeps the result for the key's retries. A result that shows
   * a secret (revealKey) is not kept: its retry says so instead of storing the secret.
   */
  async finish(status: number | string, ok: boolean, result: CallToolResult, revealed: boolean): Promise<CallToolResult> {
    const kept: CallToolResult = revealed
      ? errorResult(
          `${this.facts.tool.name} was already sent with this idempotency key; its result showed a secret, which is not kept. Nothing was sent again.`,
        )
      : result;
    // Queued: the outcome follows the call (with the key's record, when there is one), not before its answer.
    this.#outcome({ status, ok });
    if (this.#claim) {
      const record = { digest: this.digest, state: "done" as const, result: kept };
      await this.facts.fleet.store.complete(this.#claim, record, IDEMPOTENCY_TTL_SECONDS).catch(() => {});
    }
    return result;
  }
}

/** What a write needs of its call's context (src/server/context.ts), named here so that the state does not import the call engine. */
export interface WriteContext {
  credentials: Credentials;
  fleet: Fleet;
  transport: "stdio" | "http";
}

/** A write (or a gated call) goes through the fleet's state; a read does not touch it. */
export function openWrite(
  server: Server,
  ctx: WriteContext,
  tool: ToolDef,
  args: Record<string, unknown>,
  redact: ShowsRedacted,
  gated: boolean,
  request: RequestFacts | undefined,
): Promise<WriteCall | CallToolResult> | undefined {
  if (!gated && tool.risk === "read") return undefined;
  const credential = keyFingerprint(identityOf(tool.auth, ctx.credentials));
  return WriteCall.open({ server, fleet: ctx.fleet, tool, args, credential, transport: ctx.transport, redact, gated, request });
}
