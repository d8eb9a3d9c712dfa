import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

/** Longest error text: enough for five field problems or an API message, never a whole echoed body. */
export const MAX_ERROR_CHARS = 2_000;

/** What an error result needs of a redactor (src/server/redact.ts): its cut of known secrets from a text. */
interface CutsSecrets {
  text(text: string): string;
}

/**
 * A tool error: what the assistant reads, secrets cut, at most MAX_ERROR_CHARS long. Below the
 * engine, so that the shared state can answer with one too (src/state/guard.ts).
 */
export function errorResult(text: string, redact?: CutsSecrets): CallToolResult {
  const clean = redact ? redact.text(text) : text;
  const capped = clean.length > MAX_ERROR_CHARS ? `${clean.slice(0, MAX_ERROR_CHARS - 14)}…[error cut]` : clean;
  return { isError: true, content: [{ type: "text", text: capped }] };
}
