import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { encode } from "gpt-tokenizer/encoding/o200k_base";
import { findTool } from "../catalog/index.js";
import { parseConfig } from "../config.js";
import { startRuntime } from "../runtime.js";
import { createServer } from "../server.js";

/**
 * What a read result costs a model's context: o200k tokens per item over the ten common reads,
 * called with their least arguments against a fresh sandbox, in the default view and with
 * `fields: "*"` (what the API sent). test/engine/views.test.ts holds the default view to the same budget.
 */

/** The ten reads an assistant makes most, as the issue measured them. */
export const COMMON_READS = [
  "list_leaderboards",
  "list_store_products",
  "list_store_categories",
  "list_community_users",
  "list_messages",
  "list_redemption_orders",
  "list_channels",
  "list_redemption_statuses",
  "list_user_streak_logs",
  "list_user_fields",
] as const;

/** Most tokens per item the default view may cost, on average over COMMON_READS. */
export const TOKENS_PER_ITEM_BUDGET = 70;

/** The arguments a read needs: none, or (when it requires some) its table example. */
export function leastArgs(name: string): Record<string, unknown> {
  const tool = findTool(name);
  if (!tool) throw new Error(`no tool ${name}`);
  return tool.input.safeParse({}).success ? {} : tool.example;
}

/** The items of a result's data: the list, or the list a `{total, messages}` answer holds. */
export function itemsOf(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  const nested = data && typeof data === "object" ? Object.values(data).find(Array.isArray) : undefined;
  return nested ?? [];
}

export interface ResultTokenRow {
  tool: string;
  items: number;
  lean: number;
  all: number;
}

export interface ResultTokenFigures {
  rows: ResultTokenRow[];
  perItem: { lean: number; all: number; budget: number };
}

const textOf = (r: CallToolResult) => r.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");

export async function measureResultTokens(): Promise<ResultTokenFigures> {
  const runtime = await startRuntime(parseConfig(["--sandbox", "--toolsets", "all"], {}));
  const { credentials, source } = runtime.defaults;
  const server = createServer({ reach: runtime.reach, context: runtime.contextFor(credentials, source, "stdio") });
  const client = new Client({ name: "bench", version: "1" });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(a), client.connect(b)]);
  const call = async (name: string, args: Record<string, unknown>) => {
    const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
    if (result.isError) throw new Error(`${name} failed during the benchmark: ${textOf(result)}`);
    return result;
  };
  try {
    const rows: ResultTokenRow[] = [];
    for (const tool of COMMON_READS) {
      const lean = await call(tool, leastArgs(tool));
      const all = await call(tool, { ...leastArgs(tool), fields: "*" });
      const items = itemsOf((lean.structuredContent as { data: unknown }).data).length;
      rows.push({ tool, items, lean: encode(textOf(lean)).length, all: encode(textOf(all)).length });
    }
    const sum = (key: keyof ResultTokenRow) => rows.reduce((n, r) => n + (r[key] as number), 0);
    const items = sum("items");
    return { rows, perItem: { lean: sum("lean") / items, all: sum("all") / items, budget: TOKENS_PER_ITEM_BUDGET } };
  } finally {
    await client.close();
    await server.close();
    await runtime.close();
  }
}

/** The figures as a markdown table, with the total per item against the budget. */
export function resultTokenTable({ rows, perItem }: ResultTokenFigures): string {
  const line = (cells: Array<string | number>) => `| ${cells.join(" | ")} |`;
  const verdict = perItem.lean <= perItem.budget ? "met" : "NOT met";
  return [
    line(["read result (o200k tokens)", "items", "default view", 'fields: "*"']),
    line(["---", "---:", "---:", "---:"]),
    ...rows.map((r) => line([r.tool, r.items, r.lean, r.all])),
    line([
      `**per item** (goal ≤ ${perItem.budget}: ${verdict})`,
      rows.reduce((n, r) => n + r.items, 0),
      perItem.lean.toFixed(1),
      perItem.all.toFixed(1),
    ]),
  ].join("\n");
}
