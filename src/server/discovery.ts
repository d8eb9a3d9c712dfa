import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { Reach } from "../catalog/filters.js";
import { findTool } from "../catalog/index.js";
import { fullSchema, type ListedTool, leanSchema, listTool } from "../catalog/listing.js";
import { decodeJsonArguments } from "../registry/coerce.js";
import { needsConfirmation, supportsDryRun } from "../registry/gate-args.js";
import { describeIssues } from "../registry/issues.js";
import type { ToolDef } from "../registry/types.js";
import { errorResult } from "../util/tool-error.js";
import { callTool } from "./call.js";
import type { CallContext } from "./context.js";
import { Redactor } from "./redact.js";
import { objectResult } from "./results.js";
import type { ProgressChannel } from "./wait.js";

/**
 * Discovery: every reachable tool behind three small tools, listed beside the listed toolsets (or
 * alone with --discover), for clients that cap the number of tools or whose context is tight.
 * call_tool runs the chosen tool through callTool, so validation, the confirmation gate and dry
 * runs are exactly those of a direct call; a tool the settings keep off is refused with its way out.
 */

/** The tools discovery lists, in order. */
export const DISCOVERY_TOOLS = ["find_tools", "describe_tool", "call_tool"] as const;

/** For the server instructions: how the assistant reaches what is not listed. */
export const discoveryNote = (reach: Reach): string =>
  `${reach.reachable.length - reach.listed.length} more tools are reachable than listed: find_tools searches them by words, describe_tool shows one's full schema, call_tool runs one by name.`;

/** The tool error for an existing tool the settings keep off: it names the setting that enables it. */
export function refusal(reach: Reach, name: string): CallToolResult | undefined {
  const tool = findTool(name);
  const way = tool && reach.wayOut(tool);
  return way ? errorResult(`Tool ${name} is not enabled on this server: ${way}`) : undefined;
}

const DEFAULT_MATCHES = 8;

/** find_tools and describe_tool answer from the tables alone: no credential or argument to cut out. */
const REGISTRY_DATA = new Redactor();

/** A word as the index keeps it: lower case, plural and case endings cut (categories -> category). */
const stem = (word: string): string =>
  word
    .replace(/ies$/, "y")
    .replace(/(ch|sh|x)es$/, "$1")
    .replace(/s$/, "");

/** Plain words a person uses, and the words the tool names use for them (several, space-separated). */
const SYNONYMS: Record<string, string> = {
  // "Which vouchers are running out?" asks to read stock levels, and vouchers are products' stock.
  running: "list stock",
  low: "list stock",
  remaining: "list stock",
  voucher: "voucher product",
  rotate: "create delete",
  configuration: "config",
  setting: "config",
  remove: "delete",
  revoke: "delete",
  add: "create",
  new: "create",
  make: "create",
  issue: "create",
  edit: "update",
  change: "update",
  set: "update",
  rename: "update",
  show: "get",
  view: "get",
  read: "get",
  find: "list",
  search: "list",
};

/** Words of any identifier or sentence: snake_case, camelCase and prose alike. */
function wordsOf(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1)
    .map(stem);
}

interface Indexed {
  tool: ToolDef;
  name: Set<string>;
  other: Set<string>;
}

function index(tool: ToolDef): Indexed {
  const argNames = Object.keys(tool.input.shape).join(" ");
  return {
    tool,
    name: new Set(wordsOf(tool.name)),
    other: new Set(wordsOf(`${tool.toolset} ${tool.title} ${tool.description} ${argNames}`)),
  };
}

const WRITE_VERBS = new Set(["create", "update", "delete", "archive", "restore", "send", "reply", "react", "upload", "award"]);

/**
 * Name words weigh most; a query word that only starts a known word still counts a little. A query
 * that names no change ("store config", "pending orders") is a question: reading tools win ties.
 */
function score(entry: Indexed, query: string[], asks: boolean): number {
  let total = asks && entry.tool.risk === "read" ? 0.25 : 0;
  for (const word of query) {
    if (entry.name.has(word)) total += 3;
    else if (entry.other.has(word)) total += 1;
    else if (word.length >= 4 && [...entry.name, ...entry.other].some((w) => w.startsWith(word))) total += 0.5;
  }
  return total;
}

const toolsetField = (toolsets: string[]) =>
  (toolsets.length ? z.enum(toolsets as [string, ...string[]]) : z.string().max(100)).optional();

function inputs(toolsets: string[]) {
  return {
    find_tools: z.strictObject({
      query: z.string().max(500).describe("what to do, e.g. archive a store category"),
      toolset: toolsetField(toolsets),
      limit: z.number().int().min(1).max(50).optional(),
    }),
    describe_tool: z.strictObject({ name: z.string().max(100) }),
    call_tool: z.strictObject({
      name: z.string().max(100),
      arguments: z.looseObject({}).optional().describe("as find_tools shows them"),
    }),
  };
}

type Inputs = ReturnType<typeof inputs>;
type DiscoveryName = keyof Inputs;

export interface Discovery {
  listed: ListedTool[];
  /** Whether `name` is one of the discovery tools. */
  serves(name: string): boolean;
  call(
    server: Server,
    ctx: CallContext,
    name: string,
    args: Record<string, unknown> | undefined,
    signal?: AbortSignal,
    channel?: ProgressChannel,
  ): Promise<CallToolResult>;
}

/** The three tools over the reachable tools: built once, like any other listing. */
export function createDiscovery(reach: Reach): Discovery {
  const tools = reach.reachable;
  const byName = new Map(tools.map((t) => [t.name, t]));
  const indexed = tools.map(index);
  const toolsets = [...new Set(tools.map((t) => t.toolset))];
  const schemas = inputs(toolsets);
  const readOnly = tools.every((t) => t.risk === "read");
  const listed: ListedTool[] = [
    {
      name: "find_tools",
      description: "Find tools by what they do: names, one-line descriptions and input schemas.",
      inputSchema: leanSchema(schemas.find_tools),
      annotations: { readOnlyHint: true, destructiveHint: false, openWorldHint: false },
    },
    {
      name: "describe_tool",
      description: "One tool's full input schema (every rule), HTTP route, risk and an example.",
      inputSchema: leanSchema(schemas.describe_tool),
      annotations: { readOnlyHint: true, destructiveHint: false, openWorldHint: false },
    },
    {
      name: "call_tool",
      description: "Run a tool by name with its arguments; confirm and dryRun work as in a direct call.",
      inputSchema: leanSchema(schemas.call_tool),
      annotations: readOnly
        ? { readOnlyHint: true, destructiveHint: false }
        : { destructiveHint: tools.some((t) => t.risk === "destructive") },
    },
  ];

  const unknown = (name: string) =>
    refusal(reach, name) ?? errorResult(`Unknown tool '${name.slice(0, 100)}'. find_tools lists the tools this server reaches.`);

  type Handler<K extends DiscoveryName> = (
    args: z.infer<Inputs[K]>,
    server: Server,
    ctx: CallContext,
    signal?: AbortSignal,
    channel?: ProgressChannel,
  ) => Promise<CallToolResult> | CallToolResult;
  const handlers: { [K in DiscoveryName]: Handler<K> } = {
    find_tools({ query, toolset, limit }) {
      const words = wordsOf(query).flatMap((w) => (SYNONYMS[w] ?? w).split(" "));
      const asks = !words.some((w) => WRITE_VERBS.has(w));
      const pool = indexed.filter((e) => !toolset || e.tool.toolset === toolset);
      const ranked = words.length
        ? pool
            .map((entry, order) => ({ entry, order, score: score(entry, words, asks) }))
            .filter((r) => r.score > 0.25)
            .sort((a, b) => b.score - a.score || a.order - b.order)
            .map((r) => r.entry)
        : pool;
      const matches = ranked.slice(0, limit ?? DEFAULT_MATCHES).map(({ tool }) => {
        const { name, description, inputSchema } = listTool(tool);
        return { name, description, inputSchema };
      });
      const found = { tools: matches, matched: ranked.length };
      if (matches.length) return objectResult(JSON.stringify(found), found, REGISTRY_DATA);
      const hint = `No tool matched. Try other words, or a toolset: ${toolsets.join(", ")}.`;
      return objectResult(hint, { ...found, hint }, REGISTRY_DATA);
    },
    describe_tool({ name }) {
      const tool = byName.get(name);
      if (!tool) return unknown(name);
      const described = {
        name: tool.name,
        title: tool.title,
        toolset: tool.toolset,
        description: tool.description,
        route: { method: tool.method, path: tool.path, status: tool.routeStatus },
        risk: tool.risk,
        needsConfirmation: needsConfirmation(tool),
        dryRun: supportsDryRun(tool),
        inputSchema: fullSchema(tool),
        example: tool.example,
      };
      return objectResult(JSON.stringify(described), described, REGISTRY_DATA);
    },
    call_tool({ name, arguments: args }, server, ctx, signal, channel) {
      const tool = byName.get(name);
      if (!tool) return unknown(name);
      return callTool(server, ctx, tool, args, signal, channel);
    },
  };

  return {
    listed,
    serves: (name) => Object.hasOwn(schemas, name),
    async call(server, ctx, name, rawArgs, signal, channel) {
      if (!Object.hasOwn(schemas, name)) return unknown(name);
      const schema = schemas[name as DiscoveryName];
      const sent = rawArgs ?? {};
      const parsed = schema.safeParse(decodeJsonArguments(schema, sent));
      if (!parsed.success) {
        return errorResult(`Invalid arguments for ${name}: ${describeIssues(parsed.error.issues, sent)}.`);
      }
      const handler = handlers[name as DiscoveryName] as Handler<DiscoveryName>;
      return handler(parsed.data as never, server, ctx, signal, channel);
    },
  };
}
