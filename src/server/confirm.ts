import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { EmbeddedStore, type StateStore } from "../state/store.js";
import { canonicalJson } from "../util/digest.js";

/**
 * Confirmation tokens for destructive and legacy calls. A token is an HMAC over the tool, its
 * canonical arguments, the key it runs with and an expiry, so it confirms exactly one call:
 * other arguments, another tool, another API key, a late or edited token are all refused.
 * Each token is also single-use, which needs memory of the tokens redeemed until they expire.
 * Without a shared store that memory lives in one process, so the token is bound to that process
 * too (a random id in the MAC): another replica or a restarted process, even with the same
 * secret, refuses it rather than redeeming it a second time. With a shared store every replica
 * that shares the secret and the store accepts a token, and spends it once for all.
 */

export const CONFIRM_TTL_SECONDS = 600;
const VERSION = "c2";
/** 8 random bytes per token, so that two identical calls in one second still get two tokens. */
const NONCE = /^[A-Za-z0-9_-]{11}$/;

export interface TokenSubject {
  tool: string;
  args: Record<string, unknown>;
  keyFingerprint: string;
}

export type TokenVerdict = "ok" | "expired" | "mismatch" | "malformed" | "spent";

export class ConfirmTokens {
  readonly #secret: Buffer;
  /** The configured secret as text, so that outputs can cut it (a random one is never text). */
  readonly knownSecrets: readonly string[];
  /** Where redeemed tokens are remembered until they expire: this process, or every replica. */
  readonly #store: StateStore;
  /** Who may redeem: this process alone, or every replica of a shared store. */
  readonly #scope: string;

  constructor(secret?: string, store: StateStore = new EmbeddedStore()) {
    this.#secret = secret ? Buffer.from(secret, "utf8") : randomBytes(32);
    this.knownSecrets = secret ? [secret] : [];
    this.#store = store;
    this.#scope = store.shared ? "shared" : `process:${randomBytes(16).toString("base64url")}`;
  }

  #mac(subject: TokenSubject, expiresAt: number, nonce: string): Buffer {
    return createHmac("sha256", this.#secret)
      .update(canonicalJson([VERSION, this.#scope, subject.tool, subject.args, subject.keyFingerprint, expiresAt, nonce]))
      .digest();
  }

  /** `now` in milliseconds; exposed so that tests can mint an already expired token. */
  mint(subject: TokenSubject, now = Date.now()): string {
    const expiresAt = Math.floor(now / 1000) + CONFIRM_TTL_SECONDS;
    const nonce = randomBytes(8).toString("base64url");
    return `${VERSION}.${expiresAt}.${nonce}.${this.#mac(subject, expiresAt, nonce).toString("base64url")}`;
  }

  /** Checks a token without using it up. */
  check(token: string, subject: TokenSubject, now = Date.now()): Exclude<TokenVerdict, "spent"> {
    const [version, expiry, nonce, mac, ...rest] = token.split(".");
    // No leading zero: one expiry has exactly one spelling, so a token has exactly one spelling.
    if (version !== VERSION || !expiry || !nonce || !mac || rest.length) return "malformed";
    if (!/^[1-9]\d{0,11}$/.test(expiry) || !NONCE.test(nonce)) return "malformed";
    const expiresAt = Number(expiry);
    // Compared as text: decoding would ignore the spare bits of the last character, so an edited
    // token could still pass.
    const given = Buffer.from(mac, "utf8");
    const expected = Buffer.from(this.#mac(subject, expiresAt, nonce).toString("base64url"), "utf8");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "mismatch";
    return expiresAt * 1000 < now ? "expired" : "ok";
  }

  /**
   * Checks a token and, if it is good, uses it up in the store's one atomic step: of calls racing
   * with the same token, on any replica of the store, exactly one gets "ok". Call it right before
   * the request is sent. Throws StateUnavailableError when the shared store cannot be reached.
   */
  async redeem(token: string, subject: TokenSubject, now = Date.now()): Promise<TokenVerdict> {
    const verdict = this.check(token, subject, now);
    if (verdict !== "ok") return verdict;
    const [, expiry, , mac] = token.split(".");
    const ttl = Math.max(1, Number(expiry) - Math.floor(now / 1000));
    return (await this.#store.spendOnce(`token:${mac}`, ttl)) ? "ok" : "spent";
  }
}

export const TOKEN_PROBLEMS = {
  malformed: "The confirm value is not a confirmation token from this server.",
  mismatch:
    "The confirm token does not match this call: it was issued for another tool, other arguments or another API key, or by another server process (a restart or another replica).",
  expired: "The confirm token has expired (tokens last 10 minutes).",
  spent: "The confirm token was already used: each token sends its request once.",
} as const;
