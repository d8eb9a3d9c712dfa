import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { TextContent } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectTools } from "../../src/catalog/filters.js";
import { findTool, TOOLSET_NAMES } from "../../src/catalog/index.js";
import { DEMO } from "../../src/demo.js";
import { PROMPTS } from "../../src/prompts/index.js";
import { type Connected, connectInMemory } from "../support/helpers.js";

/**
 * Tools that prompts name but that other branches are still adding. At merge, empty this list (or fix
 * the names in src/prompts/*.ts): the first test fails until the two agree exactly.
 */
const AWAITED: string[] = [];

/** The least each prompt needs to render. */
const MINIMAL_ARGS: Record<string, Record<string, string>> = {
  restock_or_reprice_store: { action: "restock" },
  add_user_field: { field: "deposit-amount", type: "number", values: `${DEMO.userEmail} = 250` },
};

const textOfPrompt = (result: { messages: Array<{ content: unknown }> }) =>
  result.messages.map((m) => (m.content as TextContent).text).join("\n");

const BASE_URL = "http://127.0.0.1:9"; // prompts never call the API

describe("prompts name only tools that exist", () => {
  it("every tool a prompt step names is in the registry, apart from the awaited ones", () => {
    const named = new Set(PROMPTS.flatMap((p) => p.steps.flatMap((s) => s.tools)));
    const missing = [...named].filter((name) => !findTool(name)).sort();
    expect(missing).toEqual([...AWAITED].sort());
  });
});

describe("prompts over MCP", () => {
  let full: Connected;
  let readOnly: Connected;
  beforeAll(async () => {
    full = await connectInMemory({ baseUrl: BASE_URL, communityId: DEMO.communityId });
    readOnly = await connectInMemory({ baseUrl: BASE_URL, tools: selectTools({ toolsets: ["all"], readOnly: true }) });
  });
  afterAll(async () => {
    await full.close();
    await readOnly.close();
  });

  const get = (client: Client, name: string, args: Record<string, string> = {}) =>
    client.getPrompt({ name, arguments: { ...MINIMAL_ARGS[name], ...args } });

  it("lists the prompts whose tools are enabled, each with a title, description and arguments", async () => {
    const { prompts } = await full.client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual([
      "launch_monthly_leaderboard",
      "weekly_community_report",
      "restock_or_reprice_store",
      "audit_api_keys",
      "add_user_field",
    ]);
    for (const prompt of prompts) {
      expect(prompt.title).toBeTruthy();
      expect(prompt.description).toBeTruthy();
      expect(prompt.arguments?.every((a) => a.name && a.description && typeof a.required === "boolean")).toBe(true);
    }
    expect(
      prompts.find((p) => p.name === "restock_or_reprice_store")?.arguments?.find((a) => a.name === "action")?.required,
    ).toBe(true);
  });

  it("offers only the read-only jobs under --read-only, and says why the others are missing", async () => {
    const { prompts } = await readOnly.client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual(["weekly_community_report", "audit_api_keys"]);
    await expect(get(readOnly.client, "launch_monthly_leaderboard")).rejects.toThrow(
      /launch_monthly_leaderboard needs tools that this server does not enable: create_leaderboard, update_leaderboard/,
    );
    const audit = textOfPrompt(await get(readOnly.client, "audit_api_keys", { communityId: DEMO.communityId }));
    expect(audit).toContain("`list_community_api_keys`");
    expect(audit).not.toContain("delete_community_api_key");
  });

  it("renders every offered prompt with steps that name enabled tools, the safety rules and the community id", async () => {
    const { tools } = await full.client.listTools();
    const enabled = new Set(tools.map((t) => t.name));
    for (const { name } of (await full.client.listPrompts()).prompts) {
      const text = textOfPrompt(await get(full.client, name));
      const mentioned = [...text.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!).filter((word) => findTool(word));
      expect(mentioned.length, name).toBeGreaterThan(0);
      for (const tool of mentioned) expect(enabled, `${name} -> ${tool}`).toContain(tool);
      expect(text, name).toMatch(/dryRun: true/);
      expect(text, name).toContain(`The community id is ${DEMO.communityId}.`);
    }
  });

  it("fills the monthly leaderboard's dates and filters in from its arguments", async () => {
    const text = textOfPrompt(
      await get(full.client, "launch_monthly_leaderboard", {
        month: "2026-02",
        timeFilters: "monthly, all-time",
        previous: "delete",
      }),
    );
    expect(text).toContain("startDate 2026-02-01T00:00:00.000Z, endDate 2026-02-28T23:59:59.000Z");
    expect(text).toContain("allowedTimeFilters [monthly, all-time]");
    expect(text).toContain("`delete_leaderboard`");
    expect(text).not.toContain("`update_leaderboard`");
  });

  it("keeps to one toolset when the weekly report has a focus", async () => {
    const text = textOfPrompt(await get(full.client, "weekly_community_report", { focus: "store", weekEnding: "2026-06-07" }));
    expect(text).toContain("ending 2026-06-07, covering only store");
    expect(text).toContain("`list_store_products`");
    expect(text).not.toContain("list_leaderboards");
  });

  it.each([
    [
      "launch_monthly_leaderboard",
      { month: "July" },
      /Invalid argument 'month' of prompt launch_monthly_leaderboard: must be a month as YYYY-MM/,
    ],
    [
      "launch_monthly_leaderboard",
      { timeFilters: "monthly,hourly" },
      /'timeFilters'.*hourly is not one of all-time, daily, weekly, monthly, yearly/,
    ],
    ["restock_or_reprice_store", { action: "" }, /Invalid argument 'action' of prompt restock_or_reprice_store: required/],
    ["restock_or_reprice_store", { below: "ten" }, /'below'.*must be a whole number/],
    ["audit_api_keys", { communityId: "abc" }, /'communityId'.*must be a 24-hex community id/],
    [
      "audit_api_keys",
      { keyName: "x" },
      /Unknown argument 'keyName' of prompt audit_api_keys; it takes communityId, olderThanDays/,
    ],
    ["no_such_prompt", {}, /Unknown prompt 'no_such_prompt'/],
  ])("refuses %s with %j, naming the argument", async (name, args, message) => {
    await expect(get(full.client, name, args)).rejects.toThrow(message);
  });

  it("offers deleting last month's board only where the delete tool is enabled", async () => {
    const noDelete = await connectInMemory({ baseUrl: BASE_URL, tools: selectTools({ excludeTools: ["delete_leaderboard"] }) });
    try {
      await expect(get(noDelete.client, "launch_monthly_leaderboard", { previous: "delete" })).rejects.toThrow(
        /'previous'.*delete is not one of keep, disable/,
      );
    } finally {
      await noDelete.close();
    }
  });

  const complete = (client: Client, prompt: string, name: string, value: string) =>
    client.complete({ ref: { type: "ref/prompt", name: prompt }, argument: { name, value } }).then((r) => r.completion.values);

  it("completes arguments whose values are known", async () => {
    expect(await complete(full.client, "launch_monthly_leaderboard", "timeFilters", "")).toEqual([
      "all-time",
      "daily",
      "weekly",
      "monthly",
      "yearly",
    ]);
    expect(await complete(full.client, "launch_monthly_leaderboard", "timeFilters", "monthly,a")).toEqual(["monthly,all-time"]);
    expect(await complete(full.client, "launch_monthly_leaderboard", "previous", "d")).toEqual(["disable", "delete"]);
    const months = await complete(full.client, "launch_monthly_leaderboard", "month", "");
    expect(months).toHaveLength(3);
    expect(months[0]).toBe(new Date().toISOString().slice(0, 7));
    // Every toolset is enabled on this server, legacy included, in the registry's order.
    expect(await complete(full.client, "weekly_community_report", "focus", "")).toEqual(TOOLSET_NAMES);
    expect(await complete(readOnly.client, "weekly_community_report", "focus", "s")).toEqual(["store"]);
    expect(await complete(full.client, "restock_or_reprice_store", "action", "re")).toEqual(["restock", "reprice"]);
    expect(await complete(full.client, "audit_api_keys", "communityId", "5a4d")).toEqual([DEMO.communityId]);
    expect(await complete(full.client, "audit_api_keys", "olderThanDays", "")).toEqual([]);
    expect(await complete(full.client, "add_user_field", "type", "n")).toEqual(["number", "numerical"]);
  });
});
