import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import {
  type CallToolResult,
  ElicitRequestSchema,
  type ElicitResult,
  ListRootsRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { afterAll, afterEach, beforeAll } from "vitest";
import { type Reach, reachOver, selectTools } from "../../src/catalog/filters.js";
import { ALL_TOOLS } from "../../src/catalog/index.js";
import type { Credentials } from "../../src/client/auth.js";
import { ReturningAiClient } from "../../src/client/http.js";
import type { ClientOptions } from "../../src/client/types.js";
import { defineTool } from "../../src/registry/operations.js";
import type { AuthKind, HostKind, HttpMethod, OperationStatus, ToolDef, ToolSpec } from "../../src/registry/types.js";
import { type Sandbox, startSandbox } from "../../src/sandbox/index.js";
import { ConfirmTokens } from "../../src/server/confirm.js";
import type { CallContext } from "../../src/server/context.js";
import type { KeySource } from "../../src/server/results.js";
import { createServer } from "../../src/server.js";
import { AuditLog, MemorySink } from "../../src/state/audit.js";
import type { Fleet } from "../../src/state/guard.js";
import { EmbeddedStore } from "../../src/state/store.js";
import { NO_TELEMETRY } from "../../src/telemetry/index.js";

/** What a test states of a tool of its own: its route inline, and anything else it needs to differ. */
export type TestToolSpec = Partial<Omit<ToolSpec, "operation">> &
  Pick<ToolSpec, "name" | "input"> & {
    method: HttpMethod;
    path: string;
    auth?: AuthKind;
    host?: HostKind;
    routeStatus?: OperationStatus;
    toolset?: string;
  };

/**
 * A tool a test declares, built by the registry's own constructor (defineTool) on an operation
 * given inline, so that it gets the defaults, views and route notes a table's tool gets.
 */
export function declareTool(spec: TestToolSpec): ToolDef {
  const { method, path, auth = "bearer", host = "api", routeStatus = "documented", toolset = "test", ...own } = spec;
  const operation = { id: `test.${own.name}`, method, path, host, auth, status: routeStatus, catalog: [] };
  const base: ToolSpec = {
    title: own.name,
    description: "test tool",
    risk: method === "GET" ? "read" : "write",
    example: {},
    ...own,
    operation,
  };
  return defineTool(base, { name: toolset });
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
  /** The body's bytes, for binary parts of a multipart form. */
  raw: Buffer;
}

/** A real local HTTP server standing in for the API where a test must see exactly what is sent. */
export type RecordingApi = Awaited<ReturnType<typeof recordingApi>>;

export async function recordingApi(
  respond: (req: RecordedRequest, res: ServerResponse) => void = (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ meta: { status: "success", statusCode: 200 }, message: "ok", data: { ok: true } }));
  },
) {
  const requests: RecordedRequest[] = [];
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const recorded = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: raw.toString(), raw };
      requests.push(recorded);
      respond(recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface Connected {
  client: Client;
  context: CallContext;
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  baseUrl: string;
  /** The Bearer key; `credentials` gives the others (system key, webhook key, community host). */
  apiKey?: string;
  credentials?: Credentials;
  keySource?: KeySource;
  tools?: readonly ToolDef[];
  tokens?: ConfirmTokens;
  /** Shared state and audit trail; by default an embedded store and an in-memory trail of this connection. */
  fleet?: Fleet;
  maxOutputChars?: number;
  /** The deadline of a `wait: true` call's wait (RETURNING_AI_WAIT_TIMEOUT_MS). */
  waitTimeoutMs?: number;
  /** When given, the client declares form elicitation and answers with this. */
  elicit?: (message: string) => ElicitResult;
  communityId?: string;
  /** `tools` behind find_tools / describe_tool / call_tool only. */
  discover?: boolean;
  /** Folders uploads from a local path may read (RETURNING_AI_UPLOAD_DIRS); default the working directory. */
  uploadDirs?: readonly string[];
  /** When given, the client declares the roots capability and lists these (file:// URIs). */
  roots?: string[];
  /** What the server lists and reaches, as a runtime selects it; wins over `tools` and `discover`. */
  reach?: Reach;
  /** Client settings besides the base URL (deadline, size cap ...). */
  client?: Partial<ClientOptions>;
}

/** Our server and an SDK client, linked in memory; the API calls still go over real HTTP. */
export async function connectInMemory(opts: ConnectOptions): Promise<Connected> {
  const apiClient = new ReturningAiClient({ baseUrl: opts.baseUrl, timeoutMs: 5_000, baseDelayMs: 5, ...opts.client });
  const context: CallContext = {
    client: apiClient,
    credentials: { ...opts.credentials, ...(opts.apiKey !== undefined ? { apiKey: opts.apiKey } : {}) },
    keySource: opts.keySource ?? "env",
    transport: "stdio",
    maxOutputChars: opts.maxOutputChars ?? 40_000,
    ...(opts.waitTimeoutMs !== undefined ? { waitTimeoutMs: opts.waitTimeoutMs } : {}),
    uploadDirs: opts.uploadDirs ?? [process.cwd()],
    tokens: opts.tokens ?? new ConfirmTokens("test-secret", opts.fleet?.store),
    fleet: opts.fleet ?? { store: new EmbeddedStore(), audit: new AuditLog(new MemorySink()), telemetry: NO_TELEMETRY },
  };
  const tools = opts.tools ?? selectTools({ toolsets: ["all", "legacy"], legacy: true });
  const reach = opts.reach ?? reachOver(tools, opts.discover);
  const server = createServer({ reach, context, communityId: opts.communityId });
  const client = new Client(
    { name: "test-client", version: "1.0.0" },
    { capabilities: { ...(opts.elicit ? { elicitation: { form: {} } } : {}), ...(opts.roots ? { roots: {} } : {}) } },
  );
  if (opts.roots) {
    const roots = opts.roots.map((uri) => ({ uri }));
    client.setRequestHandler(ListRootsRequestSchema, () => ({ roots }));
  }
  if (opts.elicit) {
    const answer = opts.elicit;
    client.setRequestHandler(ElicitRequestSchema, (request) => answer(request.params.message));
  }
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  return {
    client,
    context,
    call: async (name, args = {}) => (await client.callTool({ name, arguments: args })) as CallToolResult,
    close: async () => {
      await client.close();
      await server.close();
      await apiClient.close();
    },
  };
}

export const textOf = (result: CallToolResult): string => result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");

/** The `{ data, meta? }` object of a successful call. */
export function dataOf<T = Record<string, unknown>>(result: CallToolResult): T {
  if (result.isError) throw new Error(`expected success, got error: ${textOf(result)}`);
  return (result.structuredContent as { data: T }).data;
}

/** A list's items and its `meta` (paging): every list tool answers `{ data: Item[], meta }`. */
export function listOf<T = Record<string, unknown>>(result: CallToolResult): { items: T[]; meta: Record<string, unknown> } {
  const data = dataOf<T[]>(result);
  if (!Array.isArray(data)) throw new Error(`expected a list in data, got: ${textOf(result).slice(0, 200)}`);
  return { items: data, meta: (result.structuredContent as { meta?: Record<string, unknown> }).meta ?? {} };
}

/** What create_leaderboard requires; tests spread their own name and slug over it. */
export const BOARD = {
  rankingField: "xps",
  displayedColumns: [{ column: "user", visible: true, order: 0 }],
  startDate: "2026-05-01T00:00:00.000Z",
  isEnabled: true,
};

/** Calls a confirmation-gated tool as a user who agrees: once for the token, then again with it. */
export async function callConfirmed(mcp: Connected, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  const asked = await mcp.call(name, args);
  const token = (asked.structuredContent as { confirmToken?: string } | undefined)?.confirmToken;
  if (asked.isError || !token) throw new Error(`expected ${name} to ask for confirmation, got: ${textOf(asked)}`);
  return mcp.call(name, { ...args, confirm: token });
}

/** A fresh sandbox with our server and an MCP client on it, holding every credential the sandbox takes. */
export async function sandboxSession(): Promise<{ sandbox: Sandbox; mcp: Connected; close(): Promise<void> }> {
  const sandbox = await startSandbox();
  const mcp = await connectInMemory({ baseUrl: sandbox.url, credentials: sandbox.credentials, keySource: "sandbox" });
  return {
    sandbox,
    mcp,
    close: async () => {
      await mcp.close();
      await sandbox.close();
    },
  };
}

/** Calls a tool with its table example on a sandbox of its own (so a delete takes nothing from others), confirming if asked. */
export async function callExample(tool: ToolDef): Promise<CallToolResult> {
  const session = await sandboxSession();
  try {
    return tool.risk === "destructive"
      ? await callConfirmed(session.mcp, tool.name, tool.example)
      : await session.mcp.call(tool.name, tool.example);
  } finally {
    await session.close();
  }
}

export type Responder = (req: RecordedRequest, res: ServerResponse) => void;

/**
 * Inside a describe: a recording API whose answer each test scripts (`api.respond = ...`), and MCP
 * connections to it (`api.connect(...)`) that are closed, with the recorded requests cleared,
 * after each test.
 */
export function scriptedApi(defaults: Omit<ConnectOptions, "baseUrl"> = {}) {
  let server: Awaited<ReturnType<typeof recordingApi>> | undefined;
  const open: Connected[] = [];
  const scripted = {
    respond: ((_req, res) => res.end()) as Responder,
    get url(): string {
      return (server as NonNullable<typeof server>).url;
    },
    get requests(): RecordedRequest[] {
      return (server as NonNullable<typeof server>).requests;
    },
    async connect(extra: Omit<ConnectOptions, "baseUrl"> = {}): Promise<Connected> {
      const mcp = await connectInMemory({ baseUrl: scripted.url, ...defaults, ...extra });
      open.push(mcp);
      return mcp;
    },
  };
  beforeAll(async () => {
    server = await recordingApi((req, res) => scripted.respond(req, res));
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
    scripted.requests.length = 0;
  });
  afterAll(() => server?.close());
  return scripted;
}

/**
 * For a suite that sends calls to see them on the wire: a recording API and an MCP client over
 * every tool, whose user agrees to every confirmation (so that each call sends one request),
 * opened before the suite's tests and closed after them.
 */
export function agreeingRecorder(credentials: Credentials): { api: RecordingApi; mcp: Connected } {
  const session = {} as { api: RecordingApi; mcp: Connected };
  beforeAll(async () => {
    session.api = await recordingApi();
    session.mcp = await connectInMemory({
      baseUrl: session.api.url,
      credentials,
      tools: ALL_TOOLS,
      elicit: () => ({ action: "accept", content: { confirm: true } }),
    });
  });
  afterAll(async () => {
    await session.mcp.close();
    await session.api.close();
  });
  return session;
}
