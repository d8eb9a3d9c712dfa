import type { AuthKind } from "../registry/types.js";

/**
 * Every credential the server may hold, one per auth kind of the catalog. All but the host are
 * secrets: never printed, logged or returned (see secretsOf).
 */
export interface Credentials {
  /** Community API key: `Authorization: Bearer` (RETURNING_AI_API_KEY). */
  apiKey?: string;
  /** Community system key, from Login Management: `x-api-key`, and Secure Auth's `apiKey` (RETURNING_AI_SYSTEM_KEY). */
  systemKey?: string;
  /** Incoming-webhook key: `x-api-key`, only when the webhook's API-key toggle is on (RETURNING_AI_WEBHOOK_KEY). */
  webhookKey?: string;
  /** The community's custom domain, Secure Auth's `hostname` header (RETURNING_AI_COMMUNITY_HOST). */
  communityHost?: string;
}

export type CredentialName = keyof Credentials;

/** What each credential is called, where it is set, and the header an MCP request over HTTP brings it in. */
export const CREDENTIAL_SOURCES: Readonly<Record<CredentialName, { label: string; env: string; header?: string }>> = {
  apiKey: { label: "API key", env: "RETURNING_AI_API_KEY", header: "Authorization: Bearer <key>" },
  systemKey: { label: "community system key", env: "RETURNING_AI_SYSTEM_KEY", header: "X-Returning-AI-System-Key: <key>" },
  webhookKey: { label: "webhook key", env: "RETURNING_AI_WEBHOOK_KEY", header: "X-Returning-AI-Webhook-Key: <key>" },
  communityHost: { label: "community host", env: "RETURNING_AI_COMMUNITY_HOST" },
};

/** The credentials a route cannot do without; the webhook key is optional by the docs. */
const REQUIRED: Readonly<Record<AuthKind, readonly CredentialName[]>> = {
  bearer: ["apiKey"],
  system: ["systemKey"],
  webhook: [],
  "secure-auth": ["systemKey", "communityHost"],
  none: [],
};

/** The credential this kind of route needs and the caller lacks, if any. */
export const missingCredential = (auth: AuthKind, creds: Credentials): CredentialName | undefined =>
  REQUIRED[auth].find((name) => !creds[name]);

/**
 * The one credential that identifies the caller for a kind of route (for confirmation tokens); a
 * route that takes none is tied to the API key, the credential a server always has.
 */
export const identityOf = (auth: AuthKind, creds: Credentials): string | undefined =>
  auth === "bearer" || auth === "none" ? creds.apiKey : auth === "webhook" ? creds.webhookKey : creds.systemKey;

/** The headers a route's credential travels in, as the catalog documents them. */
export function authHeaders(auth: AuthKind, creds: Credentials): Record<string, string> {
  switch (auth) {
    case "bearer":
      return creds.apiKey ? { authorization: `Bearer ${creds.apiKey}` } : {};
    case "system":
      return creds.systemKey ? { "x-api-key": creds.systemKey } : {};
    case "webhook":
      return creds.webhookKey ? { "x-api-key": creds.webhookKey } : {};
    case "secure-auth":
      return {
        ...(creds.systemKey ? { apikey: creds.systemKey } : {}),
        ...(creds.communityHost ? { hostname: creds.communityHost } : {}),
      };
    case "none":
      // A key sent where the docs ask for none would hand it to a route that never checks it.
      return {};
  }
}

/** Every secret among the credentials, for redaction. */
export const secretsOf = (creds: Credentials): string[] =>
  [creds.apiKey, creds.systemKey, creds.webhookKey].filter((s): s is string => Boolean(s));
