import { describe, expect, it } from "vitest";
import { main as exportStore } from "../examples/export-store-csv.js";
import { main as rotate } from "../examples/rotate-monthly-leaderboard.js";
import type { Io } from "../examples/session.js";
import { DEMO } from "../src/demo.js";

/** The examples as a person runs them, against our built server's sandbox over stdio. */
const CLI = new URL("../dist/cli.js", import.meta.url).pathname;
const SANDBOX = ["--sandbox", "--server", CLI];

function io(answer = false) {
  const lines: string[] = [];
  const questions: string[] = [];
  const value: Io = {
    print: (line) => void lines.push(line),
    confirm: async (question) => {
      questions.push(question);
      return answer;
    },
  };
  return { io: value, lines, questions };
}

describe("examples/rotate-monthly-leaderboard.ts", () => {
  it("creates the month's board from the series, then deletes the previous one once the person confirms", async () => {
    const run = io(true);
    await rotate([...SANDBOX, "--base", "top-traders", "--month", "2026-07", "--retire", "delete"], run.io);
    expect(run.questions).toEqual([
      expect.stringMatching(
        new RegExp(`^Delete top-traders for good\\? DELETE http://127\\.0\\.0\\.1:\\d+/leaderboards/${DEMO.leaderboardId}$`),
      ),
    ]);
    expect(run.lines).toEqual([
      expect.stringMatching(/^created top-traders-2026-07 \([a-f0-9]{24}\)$/),
      "deleted top-traders",
      "boards of top-traders: top-traders-2026-07",
    ]);
  });

  it("sends nothing destructive when the person declines, and disables instead by default", async () => {
    const declined = io(false);
    await rotate([...SANDBOX, "--base", "top-traders", "--month", "2026-07", "--retire", "delete"], declined.io);
    expect(declined.lines.slice(1)).toEqual([
      "kept top-traders (not confirmed)",
      "boards of top-traders: top-traders, top-traders-2026-07",
    ]);
    const disabled = io();
    await rotate([...SANDBOX, "--base", "weekly-xp-race", "--month", "2026-08"], disabled.io);
    expect(disabled.questions).toEqual([]);
    expect(disabled.lines.slice(1)).toEqual([
      "disabled weekly-xp-race",
      "boards of weekly-xp-race: weekly-xp-race (disabled), weekly-xp-race-2026-08",
    ]);
  });

  it("refuses bad options before starting a server", async () => {
    await expect(rotate(["--month", "2026-07"], io().io)).rejects.toThrow("--base <slug> is required");
    await expect(rotate(["--base", "x", "--month", "July"], io().io)).rejects.toThrow("--month must be YYYY-MM");
    await expect(rotate([...SANDBOX, "--base", "no-such-series"], io().io)).rejects.toThrow(
      /No leaderboard with the slug no-such-series/,
    );
  });
});

describe("examples/export-store-csv.ts", () => {
  it("writes every product that is not archived, with its category name, as CSV", async () => {
    const run = io();
    await exportStore(SANDBOX, run.io);
    expect(run.lines[0]).toBe("id,name,category,type,price,discountPrice,stocks,totalOrders,archived");
    expect(run.lines).toContain(`${DEMO.productId},Premium Voucher,Premium Rewards,voucher,100,90,45,12,no`);
    expect(run.lines.slice(1).every((line) => line.endsWith(",no"))).toBe(true);
    const all = io();
    await exportStore([...SANDBOX, "--archived"], all.io);
    expect(all.lines.length).toBeGreaterThan(run.lines.length);
    expect(all.lines.some((line) => line.endsWith(",yes"))).toBe(true);
  });
});
