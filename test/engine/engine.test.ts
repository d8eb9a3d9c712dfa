import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { type CallToolResult, LoggingMessageNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { reachOver } from "../../src/catalog/filters.js";
import { ALL_TOOLS } from "../../src/catalog/index.js";
import { ReturningAiClient } from "../../src/client/http.js";
import { parseConfig } from "../../src/config.js";
import { fileInput, objectId } from "../../src/registry/schemas.js";
import { startRuntime } from "../../src/runtime.js";
import { serveHttp } from "../../src/server/http.js";
import {
  type Connected,
  callConfirmed,
  connectInMemory,
  declareTool,
  type RecordedRequest,
  recordingApi,
  textOf,
} from "../support/helpers.js";

/** The engine's mechanisms, each through a tool declared here as data, an MCP client and a recording upstream. */

const ID = "0123456789abcdef01234567";
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex");

const declare = declareTool;

const listThings = declare({
  name: "list_things",
  method: "GET",
  path: "/things",
  input: z.strictObject({
    tags: z.array(z.string()).optional(),
    ids: z.array(objectId).optional(),
    where: z.strictObject({ score: z.number(), name: z.string() }).optional(),
    limit: z.number().optional(),
  }),
  queryStyle: { ids: "comma" },
});
const archiveThing = declare({
  name: "archive_thing",
  method: "PUT",
  path: "/things/{id}/archive",
  input: z.strictObject({ id: objectId }),
});
const renameThing = declare({
  name: "rename_thing",
  method: "PATCH",
  path: "/things/{id}",
  input: z.strictObject({ id: objectId, name: z.string().optional() }),
});
const systemThing = declare({
  name: "get_system_thing",
  method: "GET",
  path: "/sys/{id}",
  auth: "system",
  input: z.strictObject({ id: objectId }),
});
const hookThing = declare({
  name: "send_hook_thing",
  method: "POST",
  path: "/hooks/thing",
  auth: "webhook",
  input: z.strictObject({ text: z.string() }),
});
const secureThing = declare({
  name: "login_thing",
  method: "GET",
  path: "/api/secureAuth",
  auth: "secure-auth",
  input: z.strictObject({ userId: z.string() }),
});
const uploadThing = declare({
  name: "upload_thing_images",
  method: "POST",
  path: "/things/{id}/images",
  input: z.strictObject({ id: objectId, caption: z.string().optional(), images: z.array(fileInput).min(1) }),
  files: { images: { field: "images", accept: "image" } },
});
const TOOLS = [listThings, archiveThing, renameThing, systemThing, hookThing, secureThing, uploadThing];

describe("the engine", () => {
  let api: Awaited<ReturnType<typeof recordingApi>>;
  let mcp: Connected;
  const last = () => api.requests.at(-1) as RecordedRequest;

  beforeAll(async () => {
    api = await recordingApi();
    mcp = await connectInMemory({ baseUrl: api.url, apiKey: "bearer-key-0001", tools: TOOLS });
  });
  afterAll(async () => {
    await mcp.close();
    await api.close();
  });

  it("encodes query lists as repeated keys, comma lists when the table says so, and objects as JSON", async () => {
    const result = await mcp.call("list_things", { tags: ["a b", "c"], ids: [ID, ID], where: { score: 1, name: "x" }, limit: 5 });
    expect(result.isError, textOf(result)).toBeFalsy();
    const url = new URL(last().url, "http://x");
    expect(url.searchParams.getAll("tags")).toEqual(["a b", "c"]);
    expect(url.searchParams.get("ids")).toBe(`${ID},${ID}`);
    expect(JSON.parse(url.searchParams.get("where") ?? "")).toEqual({ score: 1, name: "x" });
    expect(last().url).not.toContain("object");
  });

  it("sends a PUT whose only arguments are path params, and still refuses an empty partial update", async () => {
    const archived = await mcp.call("archive_thing", { id: ID });
    expect(archived.isError, textOf(archived)).toBeFalsy();
    expect(last()).toMatchObject({ method: "PUT", url: `/things/${ID}/archive`, body: "{}" });
    const before = api.requests.length;
    const empty = await mcp.call("rename_thing", { id: ID });
    expect(textOf(empty)).toMatch(/nothing to change/);
    expect(api.requests).toHaveLength(before);
  });

  it("names the missing credential's setting and sends nothing", async () => {
    const before = api.requests.length;
    expect(textOf(await mcp.call("get_system_thing", { id: ID }))).toBe(
      "No Returning.AI community system key for get_system_thing: set RETURNING_AI_SYSTEM_KEY, or start with --sandbox. Nothing was sent.",
    );
    expect(textOf(await mcp.call("login_thing", { userId: "ava" }))).toMatch(/set RETURNING_AI_SYSTEM_KEY/);
    expect(api.requests).toHaveLength(before);
  });

  it("sends each auth kind in its own headers, and a webhook without a key when none is set", async () => {
    const all = await connectInMemory({
      baseUrl: api.url,
      credentials: { apiKey: "bearer-key-0001", systemKey: "system-key-0002", communityHost: "c.example.com" },
      tools: TOOLS,
    });
    try {
      await all.call("get_system_thing", { id: ID });
      expect(last().headers).toMatchObject({ "x-api-key": "system-key-0002" });
      expect(last().headers.authorization).toBeUndefined();
      await all.call("login_thing", { userId: "ava" });
      expect(last().headers).toMatchObject({ apikey: "system-key-0002", hostname: "c.example.com" });
      const hook = await all.call("send_hook_thing", { text: "hi" });
      expect(hook.isError, textOf(hook)).toBeFalsy();
      expect(last().headers["x-api-key"]).toBeUndefined();
    } finally {
      await all.close();
    }
  });

  it("keeps the system key out of an error that echoes it", async () => {
    const echo = await recordingApi((req, res) => {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: "error", message: `bad key ${req.headers["x-api-key"]}` }));
    });
    const client = await connectInMemory({ baseUrl: echo.url, credentials: { systemKey: "system-key-secret-42" }, tools: TOOLS });
    try {
      const result = await client.call("get_system_thing", { id: ID });
      expect(result.isError).toBe(true);
      expect(textOf(result)).not.toContain("system-key-secret-42");
    } finally {
      await client.close();
      await echo.close();
    }
  });

  describe("uploads", () => {
    const image = { base64: PNG.toString("base64"), name: "chart.png" };

    it("sends multipart/form-data with the checked file and the text fields", async () => {
      const result = await mcp.call("upload_thing_images", { id: ID, caption: "today", images: [image] });
      expect(result.isError, textOf(result)).toBeFalsy();
      const req = last();
      expect(req.url).toBe(`/things/${ID}/images`);
      expect(req.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
      const form = await new Request("http://x/", {
        method: "POST",
        headers: { "content-type": String(req.headers["content-type"]) },
        body: req.raw,
      }).formData();
      expect(form.get("caption")).toBe("today");
      const file = form.get("images") as File;
      expect([file.name, file.type, file.size]).toEqual(["chart.png", "image/png", PNG.length]);
    });

    it("previews name, type and size, never the bytes", async () => {
      const dry = await mcp.call("upload_thing_images", { id: ID, images: [image], dryRun: true });
      const request = (dry.structuredContent as { request: Record<string, unknown> }).request;
      expect(request.files).toEqual({
        images: [{ name: "chart.png", type: "image/png", size: PNG.length, sha256: sha256(PNG) }],
      });
      expect(JSON.stringify(dry)).not.toContain(image.base64);
    });

    it("checks type, size and encoding before anything is sent", async () => {
      const before = api.requests.length;
      const text = await mcp.call("upload_thing_images", {
        id: ID,
        images: [{ base64: Buffer.from("hello").toString("base64") }],
      });
      expect(textOf(text)).toMatch(/images\.0: not an image of an accepted type/);
      const bad = await mcp.call("upload_thing_images", { id: ID, images: [{ base64: "***" }] });
      expect(textOf(bad)).toMatch(/images\.0: base64 is not valid base64 text/);
      const both = await mcp.call("upload_thing_images", { id: ID, images: [{ base64: "AA==", path: "/etc/hosts" }] });
      expect(textOf(both)).toMatch(/give exactly one of path or base64/);
      const huge = await mcp.call("upload_thing_images", { id: ID, images: [{ base64: "A".repeat(15_000_000) }] });
      expect(textOf(huge)).toMatch(/larger than 10485760 bytes/);
      expect(api.requests).toHaveLength(before);
    });

    it("reads a local path over stdio only", async () => {
      const dir = mkdtempSync(join(tmpdir(), "rai-upload-"));
      const file = join(dir, "local.png");
      writeFileSync(file, PNG);
      const reader = await connectInMemory({ baseUrl: api.url, apiKey: "k", tools: TOOLS, uploadDirs: [dir] });
      try {
        const local = await callConfirmed(reader, "upload_thing_images", { id: ID, images: [{ path: file }] });
        expect(local.isError, textOf(local)).toBeFalsy();
      } finally {
        await reader.close();
      }
      expect(last().body).toContain('filename="local.png"');
      const remote = await connectInMemory({ baseUrl: api.url, apiKey: "k", tools: TOOLS });
      remote.context.transport = "http";
      try {
        const refused = await remote.call("upload_thing_images", { id: ID, images: [{ path: file }] });
        expect(textOf(refused)).toMatch(/local paths are only read over stdio; send the file as base64/);
      } finally {
        await remote.close();
      }
    });
  });
});

describe("the tables", () => {
  it("write every tool name out literally in src/tools, so that a search finds it", () => {
    const dir = new URL("../../src/tools/", import.meta.url);
    const files = readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith(".ts"));
    const text = files.map((f) => readFileSync(new URL(String(f), dir), "utf8")).join("\n");
    const missing = ALL_TOOLS.filter((t) => !text.includes(`"${t.name}"`)).map((t) => t.name);
    expect(missing).toEqual([]);
  });

  it("give every tool example arguments that its own schema accepts", () => {
    for (const tool of ALL_TOOLS) expect(tool.input.safeParse(tool.example).success, tool.name).toBe(true);
  });
});

describe("hosts and per-request credentials", () => {
  it("sends legacy, webhook and Secure Auth routes to their own base URLs", async () => {
    const [main, legacy, hooks, community] = await Promise.all([recordingApi(), recordingApi(), recordingApi(), recordingApi()]);
    const client = new ReturningAiClient({
      baseUrl: main.url,
      baseUrls: { legacy: `${legacy.url}/api/v1`, webhook: hooks.url, community: community.url },
    });
    try {
      const creds = { apiKey: "k-0001", systemKey: "s-0002", communityHost: "c.example.com" };
      await client.request({ method: "GET", pathTemplate: "/badges", host: "legacy", auth: "system", credentials: creds });
      await client.request({
        method: "POST",
        pathTemplate: "/hook",
        host: "webhook",
        auth: "webhook",
        credentials: creds,
        body: {},
      });
      await client.request({
        method: "GET",
        pathTemplate: "/api/secureAuth",
        host: "community",
        auth: "secure-auth",
        credentials: creds,
      });
      await client.request({ method: "GET", pathTemplate: "/v1/stores", auth: "bearer", credentials: creds });
      expect(legacy.requests.map((r) => r.url)).toEqual(["/api/v1/badges"]);
      expect(hooks.requests.map((r) => r.url)).toEqual(["/hook"]);
      expect(community.requests.map((r) => r.url)).toEqual(["/api/secureAuth"]);
      expect(main.requests.map((r) => r.url)).toEqual(["/v1/stores"]);
    } finally {
      await client.close();
      await Promise.all([main, legacy, hooks, community].map((s) => s.close()));
    }
  });

  it("takes a request's own system key over HTTP, and the server's only on loopback", async () => {
    const api = await recordingApi();
    const runtime = await startRuntime(parseConfig(["--base-url", api.url], { RETURNING_AI_SYSTEM_KEY: "server-system-key-1" }));
    const served = { ...runtime, reach: reachOver([systemThing]) };
    const [loopback, open] = await Promise.all([
      serveHttp(served, { host: "127.0.0.1", port: 0 }),
      serveHttp(served, { host: "0.0.0.0", port: 0 }),
    ]);
    const call = async (url: string, headers: Record<string, string>) => {
      const client = new Client({ name: "t", version: "1" });
      await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
      try {
        return (await client.callTool({ name: "get_system_thing", arguments: { id: ID } })) as CallToolResult;
      } finally {
        await client.close();
      }
    };
    try {
      await call(loopback.url, {});
      expect(api.requests.at(-1)?.headers["x-api-key"]).toBe("server-system-key-1");
      await call(loopback.url, { "X-Returning-AI-System-Key": "request-system-key-2" });
      expect(api.requests.at(-1)?.headers["x-api-key"]).toBe("request-system-key-2");
      const openUrl = open.url.replace("0.0.0.0", "127.0.0.1");
      const before = api.requests.length;
      const bearerOnly = await call(openUrl, { authorization: "Bearer request-api-key-3" });
      expect(textOf(bearerOnly)).toMatch(/send `X-Returning-AI-System-Key: <key>` with the MCP request/);
      expect(api.requests).toHaveLength(before);
    } finally {
      await Promise.all([loopback.close(), open.close()]);
      await runtime.close();
      await api.close();
    }
  });
});

describe("MCP logging", () => {
  it("sends each upstream request at debug, redacted, only once the client asks for debug", async () => {
    const api = await recordingApi();
    const mcp = await connectInMemory({ baseUrl: api.url, apiKey: "log-test-key-0001", tools: [listThings] });
    const lines: string[] = [];
    mcp.client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => void lines.push(String(n.params.data)));
    try {
      await mcp.call("list_things", { limit: 1 });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(lines).toEqual([]);
      await mcp.client.setLoggingLevel("debug");
      await mcp.call("list_things", { limit: 2 });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^list_things: GET ${api.url}/things\\?limit=2 -> 200 in \\d+ ms$`));
      expect(lines.join()).not.toContain("log-test-key-0001");
    } finally {
      await mcp.close();
      await api.close();
    }
  });
});
