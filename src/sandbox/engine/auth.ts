import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { AuthKind } from "../../registry/types.js";
import { SandboxError } from "./envelope.js";

/** The credentials a sandbox accepts, one per auth kind; all fixed and public by default. */
export interface SandboxCredentials {
  apiKey: string;
  systemKey: string;
  webhookKey: string;
  /** The community's custom domain, as Secure Auth's `hostname` header names it. */
  communityHost: string;
}

export const SANDBOX_CREDENTIALS: SandboxCredentials = {
  apiKey: "sandbox-key",
  systemKey: "sandbox-system-key",
  webhookKey: "sandbox-webhook-key",
  communityHost: "community.sandbox.localhost",
};

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Constant-time whatever the lengths: both sides are hashed first. The presented value is never echoed. */
const same = (presented: string, expected: string) => timingSafeEqual(digest(presented), digest(expected));

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
};

/** Checks a request's credential the way the real API does for the route's auth kind. */
export function credentialChecker(creds: SandboxCredentials): (auth: AuthKind, headers: IncomingHttpHeaders) => void {
  const need = (presented: string | undefined, expected: string, missing: string, wrong: string, challenge = {}) => {
    if (!presented) throw new SandboxError(401, missing, challenge);
    if (!same(presented, expected)) throw new SandboxError(401, wrong, challenge);
  };
  return (auth, headers) => {
    switch (auth) {
      case "bearer": {
        const challenge = { "www-authenticate": 'Bearer realm="returning-ai-sandbox"' };
        const presented = /^Bearer[ \t]+(.+)$/i.exec(header(headers, "authorization") ?? "")?.[1]?.trim();
        return need(presented, creds.apiKey, "Missing API key: send Authorization: Bearer <key>.", "Invalid API key", challenge);
      }
      case "system":
        return need(
          header(headers, "x-api-key"),
          creds.systemKey,
          "Missing x-api-key: send the community system key.",
          "Invalid system API key",
        );
      case "webhook":
        return need(
          header(headers, "x-api-key"),
          creds.webhookKey,
          "Missing x-api-key: this webhook requires its API key.",
          "Invalid webhook API key",
        );
      case "secure-auth":
        need(
          header(headers, "apikey"),
          creds.systemKey,
          "Missing apiKey header: send the Login Management API key.",
          "Invalid apiKey",
        );
        return need(header(headers, "hostname"), creds.communityHost, "Missing hostname header.", "Unknown community hostname");
      case "none":
        return;
    }
  };
}
