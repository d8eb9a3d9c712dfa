import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyTooLargeError, readBody } from "../../util/body.js";
import { SandboxError } from "./envelope.js";

export const MAX_BODY_BYTES = 1024 * 1024;

export function sendJson(res: ServerResponse, statusCode: number, body: unknown, headers: Record<string, string> = {}): void {
  // A client that hung up, or a reply already under way, leaves nothing sensible to write.
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(statusCode, {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text)),
    "cache-control": "no-store",
    ...headers,
  });
  res.end(text);
}

/** The raw body, capped at MAX_BODY_BYTES, with its failures as sandbox errors. */
export async function readSandboxBody(req: IncomingMessage): Promise<Buffer> {
  try {
    return await readBody(req, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new SandboxError(413, error.message);
    throw new SandboxError(400, (error as Error).message);
  }
}

/** A JSON object or nothing (an empty body counts as `{}`); anything else is the caller's mistake. */
export function parseJsonObject(raw: Buffer): Record<string, unknown> {
  const text = raw.toString("utf8");
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SandboxError(400, "Request body is not valid JSON.");
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new SandboxError(400, "Request body must be a JSON object.");
  }
  return value as Record<string, unknown>;
}
