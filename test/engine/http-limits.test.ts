import { connect as connectTcp } from "node:net";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { type Runtime, startRuntime } from "../../src/runtime.js";
import { type RunningHttp, serveHttp } from "../../src/server/http.js";
import { connectInMemory, recordingApi, textOf } from "../support/helpers.js";

const KEY = "rk_test_http_limits_0001";

/**
 * Opens a raw TCP connection, writes `head`, then one byte every `everyMs`; resolves when the server
 * closes it. A server that held such a client would keep it for minutes, past the test's timeout.
 */
function trickle(url: string, head: string, everyMs: number): Promise<{ answer: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    let answer = "";
    const socket = connectTcp(Number(port), hostname, () => socket.write(head));
    const timer = setInterval(() => socket.writable && socket.write("x"), everyMs);
    socket.on("data", (chunk) => (answer += chunk.toString()));
    socket.on("error", () => {});
    socket.on("close", () => {
      clearInterval(timer);
      resolve({ answer });
    });
  });
}

describe("HTTP limits", () => {
  let api: Awaited<ReturnType<typeof recordingApi>>;
  let runtime: Runtime;
  let http: RunningHttp;

  beforeAll(async () => {
    api = await recordingApi();
    runtime = await startRuntime(parseConfig(["--base-url", api.url], { RETURNING_AI_API_KEY: KEY }));
    http = await serveHttp(runtime, {
      host: "127.0.0.1",
      port: 0,
      limits: { requestTimeoutMs: 1_500, headersTimeoutMs: 1_000 },
    });
  });
  afterAll(async () => {
    await http.close();
    await runtime.close();
    await api.close();
  });

  it("drops a body that trickles in, instead of holding it for minutes", async () => {
    const { port } = new URL(http.url);
    const head = `POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`;
    const { answer } = await trickle(http.url, head, 200);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it("drops headers that never finish", async () => {
    const { answer } = await trickle(http.url, "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", 200);
    expect(answer).toMatch(/^(HTTP\/1\.1 408|$)/);
  });

  const post = (body: unknown) =>
    request(http.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  const call = (id: number) => ({
    jsonrpc: "2.0",
    id,
    method: "tools/call",
    params: { name: "get_store_config", arguments: {} },
  });

  it("refuses a batch larger than ten messages, sending nothing upstream", async () => {
    const big = await post(Array.from({ length: 100 }, (_, i) => call(i)));
    expect(big.statusCode).toBe(400);
    expect(await big.body.json()).toEqual({
      jsonrpc: "2.0",
      id: null,
      error: { code: -32600, message: "Batch too large: at most 10 JSON-RPC messages per request, got 100" },
    });
    expect(api.requests).toHaveLength(0);
  });

  it("refuses a raw __proto__ argument with a tool error, sending nothing upstream", async () => {
    // As text: the SDK's schema would drop the own `__proto__`, and with it the dry run.
    const raw =
      '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"update_store_currency","arguments":' +
      '{"currency":{"name":"Gems"},"__proto__":{"dryRun":true}}}}';
    const answer = await post(raw);
    expect(answer.statusCode).toBe(200);
    expect(await answer.body.text()).toContain(
      '"result":{"isError":true,"content":[{"type":"text","text":"Invalid arguments for update_store_currency: __proto__: ',
    );
    expect(api.requests).toHaveLength(0);
  });

  it("says 'MCP error -32602' once for an unknown tool", async () => {
    const client = new Client({ name: "http-test", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(http.url)));
    try {
      const error = await client.callTool({ name: "drop_database", arguments: {} }).catch((e: Error) => e);
      expect((error as Error).message).toMatch(/^MCP error -32602: Unknown tool 'drop_database'\. Call tools\/list/);
    } finally {
      await client.close();
    }
  });
});

describe("error prefixes", () => {
  it("says 'Could not reach Returning.AI' once", async () => {
    const closed = await recordingApi();
    await closed.close();
    const mcp = await connectInMemory({ baseUrl: closed.url, apiKey: KEY });
    try {
      const text = textOf(await mcp.call("get_store_config", {}));
      expect(text.match(/Could not reach Returning\.AI/g)).toHaveLength(1);
      expect(text).toMatch(/^Could not reach Returning\.AI: .*ECONNREFUSED.*Check RETURNING_AI_BASE_URL/);
    } finally {
      await mcp.close();
    }
  });
});
