import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError } from "@modelcontextprotocol/sdk/types.js";
import { registerPrompts } from "./prompts/register.js";
import { listTool } from "./registry/listing.js";
import type { ToolDef } from "./registry/types.js";
import { registerResources } from "./resources/register.js";
import { type CallContext, callTool } from "./server/call.js";
import { serveLogLevels } from "./server/client-log.js";
import { buildInstructions } from "./server/instructions.js";
import { withPlainErrors } from "./server/plain-errors.js";
import { VERSION } from "./version.js";

export interface ServerOptions {
  tools: readonly ToolDef[];
  context: CallContext;
  communityId?: string;
}

/** Our server: every transport it connects to sends error messages without a doubled prefix. */
class ReturningAiServer extends Server {
  override connect(transport: Transport): Promise<void> {
    return super.connect(withPlainErrors(transport));
  }
}

/** One MCP server over the selected tools; cheap to build, so HTTP builds one per request. */
export function createServer({ tools, context, communityId }: ServerOptions): Server {
  const server = new ReturningAiServer(
    { name: "returning-ai-mcp", title: "Returning.AI", version: VERSION },
    {
      capabilities: { tools: {}, prompts: {}, resources: {}, completions: {}, logging: {} },
      instructions: buildInstructions(tools, communityId),
    },
  );
  const byName = new Map(tools.map((t) => [t.name, t]));
  const listed = tools.map(listTool);
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: listed }));
  server.setRequestHandler(CallToolRequestSchema, (request, extra) => {
    const tool = byName.get(request.params.name);
    if (!tool) {
      throw new McpError(
        ErrorCode.InvalidParams,
        `Unknown tool '${request.params.name}'. Call tools/list for the enabled tools.`,
      );
    }
    return callTool(server, context, tool, request.params.arguments, extra.signal, extra);
  });
  serveLogLevels(server);
  registerPrompts(server, tools, communityId);
  registerResources(server);
  return server;
}
