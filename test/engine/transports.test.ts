import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { type Runtime, startRuntime } from "../../src/runtime.js";
import { type Sandbox, startSandbox } from "../../src/sandbox/index.js";
import { type RunningHttp, serveHttp } from "../../src/server/http.js";
import { dataOf, textOf } from "../support/helpers.js";

const CLI = new URL("../../dist/cli.js", import.meta.url).pathname;

describe("stdio", () => {
  it("serves the sandbox to a spawned process, logging only to stderr", async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI, "--sandbox", "--read-only"],
      env: { PATH: process.env.PATH ?? "", RETURNING_AI_LOG_LEVEL: "debug" },
      stderr: "pipe",
    });
    let stderr = "";
    transport.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const client = new Client({ name: "stdio-test", version: "1.0.0" });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      expect(tools.every((t) => t.annotations?.readOnlyHint === true)).toBe(true);
      expect(tools.map((t) => t.name)).toContain("list_leaderboards");
      expect(client.getInstructions()).toMatch(/community id is [a-f0-9]{24}/);
      const result = (await client.callTool({ name: "list_leaderboards", arguments: { limit: 2 } })) as CallToolResult;
      expect(dataOf<unknown[]>(result)).toHaveLength(2);
    } finally {
      await client.close();
    }
    expect(stderr).not.toContain("sandbox-key");
  });
});

describe("Streamable HTTP", () => {
  let sandbox: Sandbox;
  let runtime: Runtime;
  let loopback: RunningHttp;
  let open: RunningHttp;
  const options = (host: string) => ({ host, port: 0, allowedOrigins: ["https://allowed.example"], maxBodyBytes: 4_096 });

  beforeAll(async () => {
    sandbox = await startSandbox();
    // The env key is the sandbox's, so a loopback request without a key works and others get 401s upstream.
    runtime = await startRuntime(
      parseConfig(["--base-url", sandbox.url, "--toolsets", "all"], { RETURNING_AI_API_KEY: sandbox.apiKey }),
    );
    loopback = await serveHttp(runtime, options("127.0.0.1"));
    open = await serveHttp(runtime, options("0.0.0.0"));
  });
  afterAll(async () => {
    await loopback.close();
    await open.close();
    await runtime.close();
    await sandbox.close();
  });

  const connect = async (url: string, headers: Record<string, string> = {}) => {
    const client = new Client({ name: "http-test", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
    return client;
  };

  it("serves tools statelessly on loopback with the configured key", async () => {
    const client = await connect(loopback.url);
    const { tools } = await client.listTools();
    expect(tools.length).toBe(runtime.reach.listed.length + 1); // and list_recent_changes
    const result = (await client.callTool({ name: "get_store_config", arguments: {} })) as CallToolResult;
    expect(dataOf<{ title: string }>(result).title).toBeTruthy();
    await client.close();
  });

  it("uses the key a request brings", async () => {
    const client = await connect(loopback.url, { authorization: "Bearer not-the-sandbox-key" });
    const result = (await client.callTool({ name: "list_leaderboards", arguments: {} })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/401 Unauthorized.*Check the API key sent in the Authorization header/);
    expect(textOf(result)).not.toContain("not-the-sandbox-key");
    await client.close();
  });

  it("requires a key per request when bound beyond loopback", async () => {
    const port = new URL(open.url).port;
    const url = `http://127.0.0.1:${port}/mcp`;
    await expect(connect(url)).rejects.toThrow();
    const client = await connect(url, { authorization: `Bearer ${sandbox.apiKey}` });
    const result = (await client.callTool({ name: "list_leaderboards", arguments: { limit: 1 } })) as CallToolResult;
    expect(dataOf<unknown[]>(result)).toHaveLength(1);
    await client.close();
  });

  const post = (url: string, headers: Record<string, string>, body = '{"jsonrpc":"2.0","id":1,"method":"tools/list"}') =>
    request(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
      body,
    });

  it("refuses foreign Host and Origin headers (DNS rebinding)", async () => {
    const host = await post(loopback.url, { host: "evil.example:3000" });
    expect(host.statusCode).toBe(403);
    await host.body.dump();
    const origin = await post(loopback.url, { origin: "https://evil.example" });
    expect(origin.statusCode).toBe(403);
    await origin.body.dump();
    const allowed = await post(loopback.url, { origin: "https://allowed.example" });
    expect(allowed.statusCode).toBe(200);
    await allowed.body.dump();
  });

  it("limits the body, rejects bad JSON and serves POST only", async () => {
    const big = await post(
      loopback.url,
      {},
      JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: { pad: "z".repeat(5_000) } }),
    );
    expect(big.statusCode).toBe(413);
    await big.body.dump();
    const bad = await post(loopback.url, {}, "{not json");
    expect(bad.statusCode).toBe(400);
    expect(await bad.body.json()).toMatchObject({ error: { code: -32700 } });
    const get = await request(loopback.url, { method: "GET" });
    expect(get.statusCode).toBe(405);
    await get.body.dump();
    const health = await request(loopback.url.replace("/mcp", "/healthz"));
    expect(await health.body.json()).toEqual({ ok: true });
  });
});
