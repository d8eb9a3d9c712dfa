/**
 * Secrets must not reach the assistant, its logs or ours. Two nets: fields whose name says
 * "secret" are masked wherever they appear, and every known secret string (the API keys in use)
 * is cut out of any text.
 */
const SECRET_FIELD =
  /^(key|api_?key|secret|secret_?key|client_?secret|token|access_?token|refresh_?token|(confirm_?)?password|webhook_?key|encryption_?key|private_?key)$/i;

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
