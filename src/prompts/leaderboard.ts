import { stepAvailable } from "./render.js";
import type { PromptDef, PromptStep } from "./types.js";
import { enumValues, MONTH, nextMonth, upcomingMonths } from "./values.js";

const timeFilters = () => enumValues("create_leaderboard", "allowedTimeFilters");

const deletePrevious: PromptStep = {
  tools: ["delete_leaderboard"],
  optional: true,
  when: (args) => args.previous === "delete",
  text: () =>
    "Once the new board exists, delete last month's board. Its route is unverified; this removes its configuration for good.",
};

/** First and last instant of a YYYY-MM month, in UTC. */
function monthRange(month: string): { start: string; end: string } {
  const [year, mm] = month.split("-").map(Number) as [number, number];
  const start = new Date(Date.UTC(year, mm - 1, 1));
  const end = new Date(Date.UTC(year, mm, 1) - 1000);
  return { start: start.toISOString(), end: end.toISOString() };
}

export const launchMonthlyLeaderboard: PromptDef = {
  name: "launch_monthly_leaderboard",
  title: "Launch a monthly leaderboard",
  description: "Create next month's leaderboard from last month's settings and retire the old one.",
  arguments: [
    { name: "month", description: "Month it ranks, YYYY-MM (default: next month)", values: upcomingMonths, pattern: MONTH },
    { name: "rankingField", description: "Metric to rank by, e.g. currencies (default: as last month's board)" },
    {
      name: "timeFilters",
      description: "Time filters viewers may switch between, comma-separated (default: monthly)",
      values: timeFilters,
      closed: true,
      list: true,
    },
    {
      name: "previous",
      description: "What to do with last month's board: keep, disable (default) or delete",
      // Offered only where the delete tool is enabled, so that a refused choice is an argument error, not a skipped step.
      values: (ctx) => (stepAvailable(deletePrevious, ctx) ? ["keep", "disable", "delete"] : ["keep", "disable"]),
      closed: true,
    },
  ],
  intro: (args, ctx) => {
    const month = args.month ?? nextMonth(ctx);
    const { start, end } = monthRange(month);
    return (
      `Launch the monthly leaderboard for ${month}: it runs from ${start} to ${end}, ` +
      `ranks by ${args.rankingField ? `"${args.rankingField}"` : "the same field as the current monthly board"} and offers the ` +
      `time filters ${args.timeFilters ?? "monthly"}. Name it like the earlier monthly boards with the month added, and give it ` +
      `the slug <base>-${month} so that each month's board stays unique.`
    );
  },
  steps: [
    {
      tools: ["list_leaderboards"],
      text: () =>
        "Find the current monthly board: list the leaderboards (search by name or slug, sort by startDate:desc) and pick " +
        "the latest one whose slug ends in a month. If none exists, ask me for a name, a slug base and a ranking field.",
    },
    {
      tools: ["get_leaderboard"],
      optional: true,
      text: () => "Read its full configuration, to copy its columns, ranking rules, daily hours, visibility and widget settings.",
    },
    {
      tools: ["create_leaderboard"],
      text: (args, ctx) => {
        const { start, end } = monthRange(args.month ?? nextMonth(ctx));
        return (
          `Create the new board with those settings, startDate ${start}, endDate ${end}, hasNoEndDate false, ` +
          `allowedTimeFilters [${(args.timeFilters ?? "monthly").split(",").join(", ")}] and isEnabled true. A slug that is ` +
          "taken answers 409: show me the clash and suggest another slug."
        );
      },
    },
    {
      tools: ["update_leaderboard_hours", "update_leaderboard_ranked", "update_leaderboard_viewers", "update_leaderboard_widget"],
      optional: true,
      text: () =>
        "Give the new board the old one's daily hours, who it ranks, who may view it and its widget, each with its own " +
        "tool; skip what the old board does not set.",
    },
    {
      tools: ["update_leaderboard"],
      when: (args) => (args.previous ?? "disable") === "disable",
      text: () => "Once the new board exists, disable last month's board (isEnabled false) so that it stops ranking.",
    },
    deletePrevious,
  ],
};
