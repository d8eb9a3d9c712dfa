/**
 * Rotates a monthly leaderboard: creates the board for a month from the latest board of a series,
 * then retires the previous one (disable, or delete after a confirmation).
 *
 *   node examples/dist/rotate-monthly-leaderboard.js --sandbox --base top-traders --month 2026-07 --retire delete
 *
 * --base     slug of the series: boards named <base> or <base>-YYYY-MM (required)
 * --month    YYYY-MM of the new board (default: next month)
 * --retire   disable (default) or delete the previous board; delete asks first, unless --yes
 * --sandbox  use the built-in sandbox;  --server <path/to/cli.js> to run a server that is not on PATH
 */
import { flags, type Io, needAnswer, runIfMain, Session } from "./session.js";

interface Board {
  _id: string;
  name: string;
  slug: string;
  startDate?: string;
  isEnabled?: boolean;
  [setting: string]: unknown;
}

/** Settings a new month's board copies from the previous one (ids, dates and counters stay behind). */
const COPIED = [
  "description",
  "image",
  "rankingField",
  "displayedColumns",
  "topRankOnly",
  "topRankLimit",
  "onlyPositiveRanks",
  "timeZone",
];

function nextMonth(now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 7);
}

function monthBounds(month: string): { startDate: string; endDate: string } {
  const [year, mm] = month.split("-").map(Number) as [number, number];
  return {
    startDate: new Date(Date.UTC(year, mm - 1, 1)).toISOString(),
    endDate: new Date(Date.UTC(year, mm, 1) - 1000).toISOString(),
  };
}

export async function main(argv: string[], io: Io): Promise<void> {
  const opts = flags(argv);
  const base = opts.get("base");
  const month = opts.get("month") ?? nextMonth();
  const retire = opts.get("retire") ?? "disable";
  if (typeof base !== "string") throw new Error("--base <slug> is required");
  if (typeof month !== "string" || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error("--month must be YYYY-MM");
  if (retire !== "disable" && retire !== "delete") throw new Error("--retire must be disable or delete");
  if (retire === "delete") needAnswer(io, opts.has("yes"), "--retire delete");
  const server = opts.get("server");
  const session = await Session.start({
    sandbox: opts.has("sandbox"),
    server: typeof server === "string" ? server : undefined,
    toolsets: ["leaderboards"],
  });
  try {
    const boards = await session.call<Board[]>("list_leaderboards", { search: `keyword:${base}`, limit: 100 });
    const series = boards.filter((b) => b.slug === base || new RegExp(`^${base}-\\d{4}-\\d{2}$`).test(b.slug));
    const slug = `${base}-${month}`;
    if (series.some((b) => b.slug === slug)) return io.print(`${slug} exists already: nothing to do.`);
    const previous = series
      .filter((b) => b.slug < slug)
      .sort((a, b) => a.slug.localeCompare(b.slug))
      .at(-1);
    if (!previous) throw new Error(`No leaderboard with the slug ${base} or ${base}-YYYY-MM to start from`);

    // Every setting as the API holds it: a read's default view leaves out false flags and empties.
    const template = await session.call<Board>("get_leaderboard", { leaderboardID: previous._id, fields: "*" });
    const settings = Object.fromEntries(COPIED.filter((k) => template[k] !== undefined).map((k) => [k, template[k]]));
    const created = await session.call<Board>("create_leaderboard", {
      ...settings,
      name: `${template.name.replace(/ \(\d{4}-\d{2}\)$/, "")} (${month})`,
      slug,
      ...monthBounds(month),
      allowedTimeFilters: ["monthly"],
      isEnabled: true,
    });
    io.print(`created ${created.slug} (${created._id})`);

    if (retire === "disable") {
      await session.call("update_leaderboard", { leaderboardID: previous._id, isEnabled: false });
      io.print(`disabled ${previous.slug}`);
    } else {
      const approve = opts.has("yes")
        ? async () => true
        : (p: { method: string; url: string }) => io.confirm(`Delete ${previous.slug} for good? ${p.method} ${p.url}`);
      const deleted = await session.callConfirmed("delete_leaderboard", { leaderboardID: previous._id }, approve);
      io.print(deleted ? `deleted ${previous.slug}` : `kept ${previous.slug} (not confirmed)`);
    }
    const now = await session.call<Board[]>("list_leaderboards", { search: `keyword:${base}`, limit: 100 });
    io.print(`boards of ${base}: ${now.map((b) => `${b.slug}${b.isEnabled ? "" : " (disabled)"}`).join(", ")}`);
  } finally {
    await session.close();
  }
}

runIfMain(import.meta.url, main);
