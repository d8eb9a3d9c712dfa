import type { IncomingMessage } from "node:http";

/** Raised when a request body is over its limit, announced or not; callers answer 413. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body too large: the limit is ${limit} bytes.`);
    this.name = "BodyTooLargeError";
  }
}

/** Raised when the client broke off while sending; callers answer 400. */
export class BodyReadError extends Error {
  override name = "BodyReadError";
}

/**
 * The raw body, capped: both our servers (MCP over HTTP and the sandbox) take bodies from anyone
 * who can reach them, so a body announced or found to be larger is refused before it is buffered.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) return Promise.reject(new BodyTooLargeError(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop keeping it; Node discards the rest once the 413 is sent, keeping the connection usable.
        req.off("data", onData);
        reject(new BodyTooLargeError(limit));
      } else {
        chunks.push(chunk);
      }
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", () => reject(new BodyReadError("Request body could not be read.")));
  });
}
