import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import type { Credentials } from "../client/auth.js";
import { log } from "../log.js";
import { createServer } from "../server.js";
import { BodyTooLargeError, readBody } from "../util/body.js";
import type { DefaultCredentials, Serving } from "./context.js";
import { batchProblem, type HttpLimits, limitedHttpServer } from "./http-limits.js";

/** What a running server needs from the runtime: its tools and how each request's context is made. */
export type HttpRuntime = Serving;

/** The transport's own settings; the guards default to their strictest form. */
export interface HttpSettings {
  host: string;
  port: number;
  /** Host headers accepted besides loopback names; default none. */
  allowedHosts?: string[];
  /** Browser origins accepted; default none. */
  allowedOrigins?: string[];
  /** Largest request body; default 1 MiB. */
  maxBodyBytes?: number;
  /** Overrides of HTTP_LIMITS (tests use short ones). */
  limits?: Partial<HttpLimits>;
}

type HttpOptions = HttpRuntime & Required<Pick<HttpSettings, "allowedHosts" | "allowedOrigins" | "maxBodyBytes">> & HttpSettings;

export interface RunningHttp {
  url: string;
  close(): Promise<void>;
}

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);
export const isLoopback = (host: string): boolean => LOOPBACK_NAMES.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);

const hostnameOf = (hostHeader: string): string => {
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return "";
  }
};

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly rpcCode?: number,
  ) {
    super(message);
  }
}

function sendProblem(res: ServerResponse, problem: HttpProblem): void {
  if (res.headersSent) return void res.end();
  const rpcCode = problem.rpcCode ?? (problem.status === 400 ? -32700 : -32000);
  res.writeHead(problem.status, { "content-type": "application/json", ...problem.headers });
  res.end(JSON.stringify({ jsonrpc: "2.0", error: { code: rpcCode, message: problem.message }, id: null }));
}

async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  let body: Buffer;
  try {
    body = await readBody(req, limit);
  } catch (error) {
    throw new HttpProblem(error instanceof BodyTooLargeError ? 413 : 400, (error as Error).message);
  }
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new HttpProblem(400, "Parse error: the body is not JSON");
  }
}

/**
 * Guards against DNS rebinding: on a loopback bind only loopback Host names (plus any allowed)
 * pass, and a browser Origin must be allowed explicitly or be loopback itself.
 */
function checkHostAndOrigin(req: IncomingMessage, opts: HttpOptions, loopback: boolean): void {
  const hostname = hostnameOf(req.headers.host ?? "");
  const hostOk = opts.allowedHosts.includes(hostname) || (loopback ? isLoopback(hostname) : opts.allowedHosts.length === 0);
  if (!hostOk) throw new HttpProblem(403, `Host '${req.headers.host ?? ""}' is not allowed`);
  const origin = req.headers.origin;
  if (!origin) return;
  const originOk =
    opts.allowedOrigins.includes(origin) || (loopback && isLoopback(hostnameOf(origin.replace(/^https?:\/\//, ""))));
  if (!originOk) throw new HttpProblem(403, `Origin '${origin}' is not allowed`);
}

const CREDENTIAL_HEADERS = { systemKey: "x-returning-ai-system-key", webhookKey: "x-returning-ai-webhook-key" } as const;

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

/**
 * The credentials a request runs with: its own headers (Bearer key, system key, webhook key), each
 * falling back to the server's own only on a loopback bind; off loopback a request must bring its own.
 */
function credentialsFor(req: IncomingMessage, opts: HttpOptions, loopback: boolean): DefaultCredentials {
  const header = req.headers.authorization;
  const given: Credentials = {};
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) {
      throw new HttpProblem(401, "Authorization must be 'Bearer <Returning.AI API key>'", { "www-authenticate": "Bearer" });
    }
    given.apiKey = match[1];
  }
  for (const [name, headerName] of Object.entries(CREDENTIAL_HEADERS)) {
    const value = headerValue(req, headerName);
    if (value) given[name as keyof typeof CREDENTIAL_HEADERS] = value;
  }
  const brought = Object.keys(given).length > 0;
  if (!brought && !loopback) {
    throw new HttpProblem(
      401,
      "Send your Returning.AI API key as 'Authorization: Bearer <key>' (and X-Returning-AI-System-Key or X-Returning-AI-Webhook-Key for the routes that take them)",
      { "www-authenticate": "Bearer" },
    );
  }
  if (!brought) return opts.defaults;
  const fallback = loopback ? opts.defaults.credentials : {};
  // The community host is the server's setting, not a secret a client brings.
  return { credentials: { ...fallback, ...given, communityHost: opts.defaults.credentials.communityHost }, source: "request" };
}

async function handle(req: IncomingMessage, res: ServerResponse, opts: HttpOptions, loopback: boolean): Promise<void> {
  const path = (req.url ?? "/").split("?")[0];
  if (path === "/healthz" && req.method === "GET") {
    res.writeHead(200, { "content-type": "application/json" });
    return void res.end('{"ok":true}');
  }
  if (path !== "/mcp") throw new HttpProblem(404, "Not found: the MCP endpoint is /mcp");
  checkHostAndOrigin(req, opts, loopback);
  // Stateless: no sessions to resume and no standalone event stream, so only POST is served.
  if (req.method !== "POST")
    throw new HttpProblem(405, "Method not allowed: this server is stateless, use POST", { allow: "POST" });
  const { credentials, source } = credentialsFor(req, opts, loopback);
  const body = await readJson(req, opts.maxBodyBytes);
  const batch = batchProblem(body, opts.limits?.maxBatch);
  if (batch) throw new HttpProblem(400, batch, {}, -32600);
  const server = createServer({
    reach: opts.reach,
    context: opts.contextFor(credentials, source, "http"),
    communityId: opts.communityId,
  });
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  res.on("close", () => {
    // An answered request leaves nothing running; closing it anyway only built the SDK's
    // "Connection closed" error, stack trace and all, on every request. A request cut off before
    // its answer is closed, so that its call and upstream request are stopped.
    if (res.writableFinished) return;
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, body);
}

export async function serveHttp(runtime: HttpRuntime, settings: HttpSettings): Promise<RunningHttp> {
  const opts: HttpOptions = { allowedHosts: [], allowedOrigins: [], maxBodyBytes: 1_048_576, ...runtime, ...settings };
  const loopback = isLoopback(opts.host);
  const http = limitedHttpServer(opts, (req, res) => {
    handle(req, res, opts, loopback).catch((error: unknown) => {
      if (error instanceof HttpProblem) return sendProblem(res, error);
      log.error(`HTTP request failed: ${(error as Error).message}`);
      sendProblem(res, new HttpProblem(500, "Internal error"));
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const shownHost = opts.host.includes(":") ? `[${opts.host}]` : opts.host;
  return {
    url: `http://${shownHost}:${port}/mcp`,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
