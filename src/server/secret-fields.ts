/**
 * Which fields hold secrets, as data. A field is masked for what it is, not for a bare name: a
 * user field's `key` is a label, while the `key` of an API-key record is a credential.
 */

/** Names that mean a secret wherever they appear; compared lower-case with `-`, `_` and spaces removed. */
export const SECRET_NAMES: ReadonlySet<string> = new Set([
  "apikey",
  "xapikey",
  "systemkey",
  "webhookkey",
  "secret",
  "secretkey",
  "clientsecret",
  "confirmsecret",
  "webhooksecret",
  "signingsecret",
  "signingkey",
  "encryptionkey",
  "privatekey",
  "password",
  "confirmpassword",
  "currentpassword",
  "newpassword",
  "oldpassword",
  "passwd",
  "token",
  "accesstoken",
  "refreshtoken",
  "idtoken",
  "sessiontoken",
  "bearertoken",
  "authorization",
]);

/**
 * Names that mean a secret only inside a certain kind of record, told apart by a sibling field
 * that record always has. Tools also name their own (a resource's `secretField`, `revealsSecret`).
 */
export const RECORD_SECRETS: ReadonlyArray<{ field: string; besides: string; record: string }> = [
  { field: "key", besides: "permissions", record: "API key (name, permissions, expiry, key)" },
];

export const normalName = (name: string): string => name.replace(/[-_\s]/g, "").toLowerCase();
