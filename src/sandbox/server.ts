import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { log } from "../log.js";
import { ALL_TOOLS, SANDBOX_RESOURCES } from "../registry/index.js";
import { validateCall } from "./args.js";
import { failure, SandboxError, success } from "./envelope.js";
import { bearerChecker, parseJsonObject, readSandboxBody, sendJson } from "./http.js";
import { OPS } from "./ops.js";
import { buildRoutes, matchRoute, type RouteTable } from "./routes.js";
import { SANDBOX_COMMUNITY_ID, SEED_DATA } from "./seed.js";
import { SandboxStore } from "./store.js";

/** The key a sandbox accepts unless told otherwise; documented so anyone can try the tools. */
export const SANDBOX_API_KEY = "sandbox-key";

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback by default: the sandbox has a well-known key and should not face a network. */
  host?: string;
  apiKey?: string;
}

export interface Sandbox {
  /** Base URL to give the client, e.g. http://127.0.0.1:49152 */
  url: string;
  apiKey: string;
  communityId: string;
  close(): Promise<void>;
}

interface Context {
  routes: RouteTable;
  store: SandboxStore;
  checkAuth: (header: string | undefined) => void;
}

const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);

async function handle(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? "GET";
  // Split by hand: `new URL("//x", base)` would read a doubled slash as a host.
  const target = req.url ?? "/";
  const q = target.indexOf("?");
  const pathname = q < 0 ? target : target.slice(0, q);
  const query = new URLSearchParams(q < 0 ? "" : target.slice(q + 1));

  const match = matchRoute(ctx.routes, method, pathname);
  if (match.kind === "none") throw new SandboxError(404, `Route not found: ${method} ${pathname.slice(0, 200)}`);
  if (match.kind === "wrong-method") {
    throw new SandboxError(405, `Method ${method} not allowed here; use ${match.allow.join(", ")}.`, {
      allow: match.allow.join(", "),
    });
  }
  ctx.checkAuth(req.headers.authorization);

  const body = BODY_METHODS.has(method) ? parseJsonObject(await readSandboxBody(req)) : {};
  const { entry, values } = match;
  const { routeTool, args, path } = validateCall(entry.tools, values, query, body);
  const { tool, idParam } = routeTool;
  const inBody = Object.fromEntries(
    Object.entries(args).filter(([k]) => !Object.hasOwn(path, k) && !tool.queryArgs?.includes(k)),
  );
  const scopeParam = entry.resource.scopeParam;
  const result = OPS[entry.behaviour.op]({
    resource: entry.resource,
    store: ctx.store,
    communityId: SANDBOX_COMMUNITY_ID,
    args,
    body: BODY_METHODS.has(method) ? inBody : {},
    ...(scopeParam ? { scope: path[scopeParam] } : {}),
    ...(idParam ? { id: path[idParam] } : {}),
  });
  sendJson(res, result.statusCode, success(result.statusCode, result.message, result.data, result.meta));
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Starts a fresh, seeded sandbox API. Throws at once if the tool tables cannot be served. */
export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const apiKey = opts.apiKey ?? SANDBOX_API_KEY;
  if (!apiKey.trim()) throw new Error("sandbox: apiKey must not be empty");
  const ctx: Context = {
    routes: buildRoutes(ALL_TOOLS, SANDBOX_RESOURCES),
    store: new SandboxStore(SEED_DATA),
    checkAuth: bearerChecker(apiKey),
  };
  const server = createServer((req, res) => {
    handle(ctx, req, res).catch((err: unknown) => {
      if (err instanceof SandboxError) {
        sendJson(res, err.statusCode, failure(err.statusCode, err.message), err.headers);
        return;
      }
      log.error(`sandbox: unexpected error: ${(err as Error).stack ?? String(err)}`);
      sendJson(res, 500, failure(500, "Internal sandbox error."));
    });
  });
  const address = await listen(server, opts.port ?? 0, opts.host ?? "127.0.0.1");
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    apiKey,
    communityId: SANDBOX_COMMUNITY_ID,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets would otherwise hold close() open for seconds.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
