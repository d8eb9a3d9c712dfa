import { createHash } from "node:crypto";

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
