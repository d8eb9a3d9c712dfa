import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ALL_TOOLS } from "../../catalog/index.js";
import { log } from "../../log.js";
import type { ToolDef } from "../../registry/types.js";
import { detectType, UPLOAD_LIMITS } from "../../registry/uploads.js";
import { SANDBOX_COMMUNITY_ID } from "../seed.js";
import { SEED_DATA } from "../seeds/index.js";
import { fieldSchema, fromText, kindOfField, validateCall } from "./args.js";
import { credentialChecker, SANDBOX_CREDENTIALS, type SandboxCredentials } from "./auth.js";
import type { Behaviour, HandlerInput, UploadedFile } from "./bind.js";
import { failure, SandboxError, success } from "./envelope.js";
import { parseJsonObject, readSandboxBody, sendJson } from "./http.js";
import { OPS, type OpResult } from "./ops.js";
import { buildRoutes, matchRoute, type RouteTable } from "./routes.js";
import { SandboxStore } from "./store.js";

/** The key a sandbox accepts unless told otherwise; documented so anyone can try the tools. */
export const SANDBOX_API_KEY = SANDBOX_CREDENTIALS.apiKey;

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
  /** Every credential it accepts (API key, system key, webhook key, community host). */
  credentials: SandboxCredentials;
  communityId: string;
  close(): Promise<void>;
}

interface Context {
  routes: RouteTable;
  store: SandboxStore;
  checkCredential: ReturnType<typeof credentialChecker>;
}

const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);

interface Received {
  /** JSON body, or the text fields of a form. */
  fields: Record<string, string> | Record<string, unknown>;
  form: boolean;
  files: Record<string, UploadedFile[]>;
}

/** A JSON object, or a multipart form read with the platform's own parser (fields and files by form name). */
async function receive(req: IncomingMessage): Promise<Received> {
  const raw = await readSandboxBody(req);
  const type = req.headers["content-type"] ?? "";
  if (!/^multipart\/form-data/i.test(type)) return { fields: parseJsonObject(raw), form: false, files: {} };
  let form: FormData;
  try {
    form = await new Request("http://sandbox.invalid/", {
      method: "POST",
      headers: { "content-type": type },
      body: raw,
    }).formData();
  } catch {
    throw new SandboxError(400, "Malformed multipart/form-data body.");
  }
  const fields: Record<string, string> = {};
  const files: Record<string, UploadedFile[]> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") {
      if (Object.hasOwn(fields, name)) throw new SandboxError(400, `${name}: given more than once`);
      fields[name] = value;
      continue;
    }
    const bytes = Buffer.from(await value.arrayBuffer());
    const list = files[name] ?? [];
    list.push({ name: value.name, type: value.type, size: bytes.length, bytes });
    files[name] = list;
  }
  return { fields, form: true, files };
}

/**
 * The tool's arguments as the sandbox sees them: a form's text fields decoded per the schema, and
 * each file argument checked like the real API would (type from the bytes, size) and stood in for
 * by a placeholder that the schema accepts.
 */
function argsFromForm(
  tool: ToolDef,
  received: Received,
): { body: Record<string, unknown>; files: Record<string, UploadedFile[]> } {
  if (!received.form) return { body: received.fields, files: {} };
  const body: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(received.fields)) body[name] = fromText(fieldSchema(tool, name), String(text));
  const files: Record<string, UploadedFile[]> = {};
  for (const [arg, spec] of Object.entries(tool.files ?? {})) {
    const parts = received.files[spec.field] ?? [];
    if (parts.length === 0) continue;
    for (const part of parts) {
      const type = detectType(part.bytes, spec.accept);
      if (type instanceof Error) throw new SandboxError(400, `${spec.field}: ${type.message}`);
      if (part.size > UPLOAD_LIMITS[spec.accept].maxBytes) throw new SandboxError(413, `${spec.field}: file too large`);
    }
    files[arg] = parts;
    const placeholder = parts.map((p) => ({ name: p.name || "upload", base64: "AA==" }));
    body[arg] = kindOfField(tool, arg) === "array" ? placeholder : placeholder[0];
  }
  return { body, files };
}

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
  const { entry, values } = match;
  ctx.checkCredential(entry.auth, req.headers);

  const received: Received = BODY_METHODS.has(method) ? await receive(req) : { fields: {}, form: false, files: {} };
  const { routeTool, args, path, files } = validateCall(entry.tools, values, query, (tool) => argsFromForm(tool, received));
  const { tool, idParam } = routeTool;
  const { behaviour } = entry;
  const fileArgs = new Set(Object.keys(tool.files ?? {}));
  const plainArgs = Object.fromEntries(Object.entries(args).filter(([k]) => !fileArgs.has(k)));
  let result: OpResult;
  if (typeof behaviour === "function") {
    // The one place args meet a handler's type: validateCall parsed them with this tool's own schema.
    const input: HandlerInput<unknown> = { tool, store: ctx.store, communityId: SANDBOX_COMMUNITY_ID, args, files };
    result = behaviour(input as HandlerInput<never>);
  } else {
    const inBody = Object.fromEntries(
      Object.entries(plainArgs).filter(([k]) => !Object.hasOwn(path, k) && !tool.queryArgs?.includes(k)),
    );
    const scopeParam = behaviour.resource.scopeParam;
    result = OPS[behaviour.op]({
      resource: behaviour.resource,
      store: ctx.store,
      communityId: SANDBOX_COMMUNITY_ID,
      args: plainArgs,
      body: BODY_METHODS.has(method) ? inBody : {},
      ...(scopeParam ? { scope: path[scopeParam] } : {}),
      ...(idParam ? { id: path[idParam] } : {}),
    });
  }
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

/**
 * Starts a fresh, seeded sandbox API serving the tools with these behaviours (src/sandbox/areas.ts).
 * Throws at once if a tool has none or the tables cannot be served.
 */
export async function serveSandbox(behaviours: ReadonlyMap<string, Behaviour>, opts: SandboxOptions = {}): Promise<Sandbox> {
  const credentials: SandboxCredentials = {
    ...SANDBOX_CREDENTIALS,
    ...(opts.apiKey !== undefined ? { apiKey: opts.apiKey } : {}),
  };
  const apiKey = credentials.apiKey;
  if (!apiKey.trim()) throw new Error("sandbox: apiKey must not be empty");
  const ctx: Context = {
    routes: buildRoutes(ALL_TOOLS, behaviours),
    store: new SandboxStore(SEED_DATA),
    checkCredential: credentialChecker(credentials),
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
    credentials,
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
