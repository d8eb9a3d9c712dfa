import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError } from "@modelcontextprotocol/sdk/types.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import type { jsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/types.js";
import { AUDIT_TOOL, AUDIT_TOOL_NAME, auditListed, auditResource, callAuditTool } from "./audit/surface.js";
import type { Reach } from "./catalog/filters.js";
import { type ListedTool, listTool } from "./catalog/listing.js";
import { secretsOf } from "./client/auth.js";
import { registerPrompts } from "./prompts/register.js";
import type { ToolDef } from "./registry/types.js";
import { registerResources } from "./resources/register.js";
import { callTool } from "./server/call.js";
import { serveLogLevels } from "./server/client-log.js";
import type { CallContext } from "./server/context.js";
import { createDiscovery, type Discovery, refusal } from "./server/discovery.js";
import { buildInstructions } from "./server/instructions.js";
import { withPlainErrors } from "./server/plain-errors.js";
import { withRawArgumentCheck } from "./server/raw-arguments.js";
import { Redactor } from "./server/redact.js";
import { VERSION } from "./version.js";

export interface ServerOptions {
  /** What it lists and what a call may name (selectReach in src/catalog/filters.ts). */
  reach: Reach;
  context: CallContext;
  communityId?: string;
}

/** What every server over the same tools shares: built once, then reused by each HTTP request. */
interface Surface {
  instructions: string;
  listed: ListedTool[];
  byName: Map<string, ToolDef>;
  discovery?: Discovery;
}

/** What tools/list answers: the listed tools, the audit reader, then discovery (the bench counts the same). */
export const listingOf = (reach: Reach, discovery?: Discovery): ListedTool[] =>
  // Under --discover the audit tool is not listed, yet still answers when called by name.
  [...reach.listed.map(listTool), ...(auditListed(reach) ? [AUDIT_TOOL] : []), ...(discovery?.listed ?? [])];

const surfaces = new WeakMap<Reach, Map<string, Surface>>();

function surfaceFor({ reach, communityId }: Omit<ServerOptions, "context">): Surface {
  const key = communityId ?? "";
  let byKey = surfaces.get(reach);
  if (!byKey) {
    byKey = new Map();
    surfaces.set(reach, byKey);
  }
  let surface = byKey.get(key);
  if (!surface) {
    const discovery = reach.discovery ? createDiscovery(reach) : undefined;
    surface = {
      instructions: buildInstructions(reach, communityId),
      listed: listingOf(reach, discovery),
      byName: new Map(reach.reachable.map((t) => [t.name, t])),
      discovery,
    };
    byKey.set(key, surface);
  }
  return surface;
}

/**
 * The SDK builds a JSON Schema validator (Ajv) for every Server, which is most of what a
 * stateless HTTP request costs; we only need one (for elicitation answers), made on first use.
 */
let ajv: AjvJsonSchemaValidator | undefined;
const sharedValidator: jsonSchemaValidator = {
  getValidator: (schema) => {
    ajv ??= new AjvJsonSchemaValidator();
    return ajv.getValidator(schema);
  },
};

/**
 * Our server: every transport it connects to sends error messages without a doubled prefix, and
 * has tool arguments checked before the SDK's schema can drop what it does not like.
 */
class ReturningAiServer extends Server {
  readonly #context: CallContext;

  constructor(context: CallContext, ...rest: ConstructorParameters<typeof Server>) {
    super(...rest);
    this.#context = context;
  }

  override connect(transport: Transport): Promise<void> {
    const redact = () => new Redactor([...secretsOf(this.#context.credentials), ...this.#context.tokens.knownSecrets]);
    return super.connect(withRawArgumentCheck(withPlainErrors(transport), redact));
  }
}

/** One MCP server over the selected tools; cheap to build, so HTTP builds one per request. */
export function createServer(options: ServerOptions): Server {
  const { reach, context, communityId } = options;
  const { instructions, listed, byName, discovery } = surfaceFor(options);
  const server = new ReturningAiServer(
    context,
    { name: "returning-ai-mcp", title: "Returning.AI", version: VERSION },
    {
      capabilities: { tools: {}, prompts: {}, resources: {}, completions: {}, logging: {} },
      instructions,
      jsonSchemaValidator: sharedValidator,
    },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: listed }));
  server.setRequestHandler(CallToolRequestSchema, (request, extra) => {
    const { name, arguments: args, _meta: meta } = request.params;
    const { transport, fleet, credentials, tokens } = context;
    // Content goes into a span only when a setting opts in; even then without the secrets in use.
    const shown = () => new Redactor([...secretsOf(credentials), ...tokens.knownSecrets]).value(args);
    return fleet.telemetry.toolCall({ tool: name, requestId: extra.requestId, meta, transport, args: shown }, async () => {
      if (name === AUDIT_TOOL_NAME) return callAuditTool(fleet.audit, credentials, args);
      // A reachable tool runs when named directly too: find_tools shows its schema, and a client may call it as listed.
      const tool = byName.get(name);
      if (tool) return callTool(server, context, tool, args, extra.signal, extra);
      if (discovery?.serves(name)) return discovery.call(server, context, name, args, extra.signal, extra);
      const off = refusal(reach, name);
      if (off) return off;
      throw new McpError(ErrorCode.InvalidParams, `Unknown tool '${name}'. Call tools/list for the enabled tools.`);
    });
  });
  serveLogLevels(server);
  registerPrompts(server, reach.reachable, communityId);
  registerResources(server, [auditResource(context.fleet.audit, context.credentials)]);
  return server;
}
