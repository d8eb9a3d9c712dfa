import { findTool } from "../catalog/index.js";
import type { PromptArgs, PromptContext, PromptDef, PromptStep } from "./types.js";
import { DAY, today } from "./values.js";

/** Toolsets of the tools this server exposes, for the `focus` argument. */
const enabledToolsets = (ctx: PromptContext): string[] => [
  ...new Set([...ctx.enabled].map((name) => findTool(name)?.toolset).filter((t): t is string => Boolean(t))),
];

/** A section of the report: in it unless the report focuses on another toolset. */
const section = (tools: string[], text: string): PromptStep => ({
  tools,
  optional: true,
  when: (args: PromptArgs) => !args.focus || tools.some((t) => findTool(t)?.toolset === args.focus),
  text: () => text,
});

export const weeklyCommunityReport: PromptDef = {
  name: "weekly_community_report",
  title: "Weekly community report",
  description: "Summarise the community's week: leaderboards, store stock and orders, keys and jobs that need attention.",
  arguments: [
    {
      name: "weekEnding",
      description: "Last day of the week, YYYY-MM-DD (default: today)",
      values: (ctx) => [today(ctx)],
      pattern: DAY,
    },
    {
      name: "focus",
      description: "Only this toolset, e.g. store (default: everything enabled)",
      values: enabledToolsets,
      closed: true,
    },
  ],
  intro: (args, ctx) =>
    `Write my weekly community report for the 7 days ending ${args.weekEnding ?? today(ctx)}` +
    `${args.focus ? `, covering only ${args.focus}` : ""}. Read only: change nothing. Gather each section below, then give ` +
    "me one short summary (what went well, what needs action this week) followed by the sections as tables. Say plainly " +
    "when a number is not available from the API instead of estimating it.",
  steps: [
    section(
      ["get_loyalty_overview", "list_community_users"],
      "Members: the loyalty overview (members, online members, XP, coins, streaks) and the members who joined in the week.",
    ),
    section(
      ["list_leaderboards"],
      "Leaderboards: which are enabled, which start or end within the week or the next one, and any enabled board whose endDate has passed.",
    ),
    section(
      ["list_store_products"],
      "Store: products with fewer than 10 in stock or sold out, the products with the most orders, and archived products still in a visible category.",
    ),
    section(
      ["list_redemption_orders"],
      "Orders: redemptions placed in the week, by product and by status, and any order still pending.",
    ),
    section(
      ["list_community_api_keys"],
      "API keys: keys that expire within 14 days or have expired, and keys without an expiry that hold broad permissions.",
    ),
    section(["list_bulk_jobs"], "Bulk jobs: jobs started in the week and any that failed or are still running."),
  ],
};
