import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { request } from "undici";
import { z } from "zod";

/**
 * The baseline every speed ratio is measured against: a bare SDK server (McpServer, as the SDK's
 * own examples build it) with one read tool that makes the same upstream request with undici.
 */
export function bareServer(upstream: string, apiKey: string): McpServer {
  const server = new McpServer({ name: "bare", version: "1.0.0" });
  server.registerTool(
    "list_leaderboards",
    { description: "List leaderboards.", inputSchema: { limit: z.number().int().min(1).max(100).optional() } },
    async ({ limit }) => {
      const res = await request(`${upstream}/leaderboards${limit ? `?limit=${limit}` : ""}`, {
        headers: { authorization: `Bearer ${apiKey}`, accept: "application/json" },
      });
      return { content: [{ type: "text", text: await res.body.text() }] };
    },
  );
  return server;
}
