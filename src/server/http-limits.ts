import { createServer, type RequestListener, type Server } from "node:http";

/**
 * Limits of the MCP HTTP endpoint against slow or greedy clients. Node's defaults hold a request
 * whose body trickles in for 300 s (checked every 30 s) and take batches of any size, each
 * message of which can become an upstream call.
 */
export interface HttpLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  checkIntervalMs: number;
  maxBatch: number;
}

export const HTTP_LIMITS: HttpLimits = {
  /** All request headers must arrive within this. */
  headersTimeoutMs: 10_000,
  /** The whole request (headers and body) must arrive within this; the answer may take longer. */
  requestTimeoutMs: 30_000,
  /** How often Node checks the two timeouts above. */
  checkIntervalMs: 1_000,
  /** Most JSON-RPC messages in one batch (protocol 2025-06-18 dropped batches; older clients send them). */
  maxBatch: 10,
};

/** A Node HTTP server that drops requests whose headers or body arrive too slowly (408). */
export function limitedHttpServer(opts: { limits?: Partial<HttpLimits> }, listener: RequestListener): Server {
  const limits = { ...HTTP_LIMITS, ...opts.limits };
  return createServer(
    {
      // Node refuses a headers timeout longer than the request timeout.
      headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
    listener,
  );
}

/** Why a parsed body is refused as a batch, or undefined when it is fine. */
export function batchProblem(body: unknown, maxBatch: number = HTTP_LIMITS.maxBatch): string | undefined {
  if (!Array.isArray(body)) return undefined;
  if (body.length === 0) return "Invalid request: an empty batch";
  if (body.length > maxBatch) return `Batch too large: at most ${maxBatch} JSON-RPC messages per request, got ${body.length}`;
  return undefined;
}
