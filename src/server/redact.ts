/**
 * Secrets must not reach the assistant, its logs or ours. Two nets: fields whose name says
 * "secret" are masked wherever they appear, and every known secret string (the API keys in use)
 * is cut out of any text.
 */
const SECRET_NAMES =
  "key|api_?key|secret|secret_?key|client_?secret|token|access_?token|refresh_?token|(confirm_?)?password|webhook_?key|encryption_?key|private_?key";
const SECRET_FIELD = new RegExp(`^(${SECRET_NAMES})$`, "i");
/** A secret-named field with a text value, as JSON.stringify writes it (names need no escaping). */
const SECRET_FIELD_IN_JSON = new RegExp(`"(${SECRET_NAMES})":"`, "i");

export const REDACTED = "[redacted]";

/** Keeps the last four characters of a long secret so that a person can tell keys apart. */
export function mask(secret: string): string {
  return secret.length >= 16 ? `****${secret.slice(-4)}` : "****";
}

export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** String values of secret-named arguments, so that an API echoing them cannot leak them either. */
export function secretArguments(args: Record<string, unknown>): string[] {
  return Object.entries(args)
    .filter(([name, value]) => SECRET_FIELD.test(name) && typeof value === "string")
    .map(([, value]) => value as string);
}

/**
 * False only when redactValue would change nothing in the value that `json` (its JSON.stringify
 * text) stands for: no secret-named text field, and no known secret in any string. A secret that
 * JSON escapes (quotes, backslashes, control characters) cannot be looked for in the text, so it
 * always means yes.
 */
export function mayHoldSecrets(json: string, secrets: readonly string[]): boolean {
  if (SECRET_FIELD_IN_JSON.test(json)) return true;
  return secrets.some((s) => s.length >= 4 && (JSON.stringify(s) !== `"${s}"` || json.includes(s)));
}

export function redactValue(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === "string") return redactText(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets));
  if (!value || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value)) {
    out[name] = SECRET_FIELD.test(name) && typeof field === "string" ? mask(field) : redactValue(field, secrets);
  }
  return out;
}
