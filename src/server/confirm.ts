import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Confirmation tokens for destructive and legacy calls. A token is an HMAC over the tool, its
 * canonical arguments, the key it runs with and an expiry, so it confirms exactly one call:
 * other arguments, another tool, another API key, a late or edited token are all refused.
 * Stateless on purpose: any replica holding the same secret can check it.
 */

export const CONFIRM_TTL_SECONDS = 600;
const VERSION = "c1";

/** JSON with sorted keys, so that argument order does not change the token. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** A one-way tag of the API key, so that a token minted for one tenant does not work for another. */
export const keyFingerprint = (apiKey: string | undefined): string =>
  createHash("sha256")
    .update(apiKey ?? "")
    .digest("base64url")
    .slice(0, 16);

export interface TokenSubject {
  tool: string;
  args: Record<string, unknown>;
  keyFingerprint: string;
}

export class ConfirmTokens {
  readonly #secret: Buffer;

  constructor(secret?: string) {
    this.#secret = secret ? Buffer.from(secret, "utf8") : randomBytes(32);
  }

  #mac(subject: TokenSubject, expiresAt: number): Buffer {
    return createHmac("sha256", this.#secret)
      .update(canonicalJson([VERSION, subject.tool, subject.args, subject.keyFingerprint, expiresAt]))
      .digest();
  }

  /** `now` in milliseconds; exposed so that tests can mint an already expired token. */
  mint(subject: TokenSubject, now = Date.now()): string {
    const expiresAt = Math.floor(now / 1000) + CONFIRM_TTL_SECONDS;
    return `${VERSION}.${expiresAt}.${this.#mac(subject, expiresAt).toString("base64url")}`;
  }

  check(token: string, subject: TokenSubject, now = Date.now()): "ok" | "expired" | "mismatch" | "malformed" {
    const [version, expiry, mac, ...rest] = token.split(".");
    if (version !== VERSION || !expiry || !mac || rest.length || !/^\d{1,12}$/.test(expiry)) return "malformed";
    const expiresAt = Number(expiry);
    // Compared as text: decoding would ignore the spare bits of the last character, so an edited
    // token could still pass.
    const given = Buffer.from(mac, "utf8");
    const expected = Buffer.from(this.#mac(subject, expiresAt).toString("base64url"), "utf8");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "mismatch";
    return expiresAt * 1000 < now ? "expired" : "ok";
  }
}

export const TOKEN_PROBLEMS = {
  malformed: "The confirm value is not a confirmation token from this server.",
  mismatch: "The confirm token does not match this call: it was issued for another tool, other arguments or another API key.",
  expired: "The confirm token has expired (tokens last 10 minutes).",
} as const;
