import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { request } from "undici";
import { z } from "zod";

/**
 * The baselines every ratio is measured against, each making the same upstream GET with undici as
 * our list_leaderboards does. They run as their own processes (bare-stdio.ts, bare-http.ts),
 * bundled like our CLI (scripts/bundle-cli.mjs), so that start and memory compare like with like.
 */

const get = async (upstream: string, apiKey: string, limit?: number) => {
  const res = await request(`${upstream}/leaderboards${limit ? `?limit=${limit}` : ""}`, {
    headers: { authorization: `Bearer ${apiKey}`, accept: "application/json" },
  });
  return res.body.text();
};

/** A bare SDK server as the SDK's own examples build it (McpServer), with one read tool. */
export function bareServer(upstream: string, apiKey: string): McpServer {
  const server = new McpServer({ name: "bare", version: "1.0.0" });
  server.registerTool(
    "list_leaderboards",
    { description: "List leaderboards.", inputSchema: { limit: z.number().int().min(1).max(100).optional() } },
    async ({ limit }) => ({ content: [{ type: "text", text: await get(upstream, apiKey, limit) }] }),
  );
  return server;
}

/**
 * The SDK's low-level Server, the least a call can cost through the SDK: one handler that makes
 * the GET and answers with our result's shape (the page as JSON text and as structured content).
 */
export function bareLowLevelServer(upstream: string, apiKey: string): Server {
  const server = new Server({ name: "bare", version: "1.0.0" }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: [{ name: "list_leaderboards", inputSchema: { type: "object" as const, properties: { limit: { type: "integer" } } } }],
  }));
  server.setRequestHandler(CallToolRequestSchema, async (req) => {
    const { data, meta } = JSON.parse(await get(upstream, apiKey, req.params.arguments?.limit as number)) as {
      data: unknown;
      meta?: unknown;
    };
    return { content: [{ type: "text", text: JSON.stringify({ data, meta }) }], structuredContent: { data, meta } };
  });
  return server;
}

/** The SDK's own stateless HTTP pattern: a new McpServer and transport for every request. */
export async function serveBareHttp(upstream: string, apiKey: string): Promise<string> {
  const http: HttpServer = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const server = bareServer(upstream, apiKey);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on("close", () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, JSON.parse(Buffer.concat(chunks).toString("utf8")));
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`;
}
