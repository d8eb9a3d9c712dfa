import { spawn } from "node:child_process";
import { buildSync } from "esbuild";
import { describe, expect, it } from "vitest";
import { main as exportStore } from "../../examples/export-store-csv.js";
import { main as rotate } from "../../examples/rotate-monthly-leaderboard.js";
import type { Io } from "../../examples/session.js";
import { DEMO } from "../../src/demo.js";
import { startSandbox } from "../../src/sandbox/index.js";
import { connectInMemory } from "../support/helpers.js";

/** The examples as a person runs them, against our built server's sandbox over stdio. */
const CLI = new URL("../../dist/cli.js", import.meta.url).pathname;
const SANDBOX = ["--sandbox", "--server", CLI];

function io(answer = false) {
  const lines: string[] = [];
  const questions: string[] = [];
  const value: Io = {
    print: (line) => void lines.push(line),
    interactive: true,
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

  it("without a terminal and without --yes, stops before anything is written, with a non-zero exit", async () => {
    // The example as cron runs it: its own process, stdin not a TTY, against a sandbox this test can read.
    const script = new URL("../../examples/dist/rotate-monthly-leaderboard.js", import.meta.url).pathname;
    buildSync({
      entryPoints: [new URL("../../examples/rotate-monthly-leaderboard.ts", import.meta.url).pathname],
      bundle: true,
      packages: "external",
      platform: "node",
      format: "esm",
      outfile: script,
      logLevel: "error",
    });
    const sandbox = await startSandbox();
    try {
      const child = spawn(
        process.execPath,
        [script, "--server", CLI, "--base", "top-traders", "--month", "2026-07", "--retire", "delete"],
        {
          stdio: ["pipe", "pipe", "pipe"],
          env: { PATH: process.env.PATH ?? "", RETURNING_AI_BASE_URL: sandbox.url, RETURNING_AI_API_KEY: sandbox.apiKey },
        },
      );
      let stderr = "";
      let stdout = "";
      child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
      child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
      const code = await new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => child.kill(), 15_000);
        child.once("exit", (status) => {
          clearTimeout(timer);
          resolve(status);
        });
      });
      expect(stdout).toBe("");
      expect(stderr.trim()).toBe(
        "--retire delete needs a yes, and stdin is not a terminal: run it at a terminal, or add --yes. Nothing was changed.",
      );
      expect(code).toBe(1);
      const mcp = await connectInMemory({ baseUrl: sandbox.url, apiKey: sandbox.apiKey });
      const boards = await mcp.call("list_leaderboards", { search: "keyword:top-traders", limit: 100 });
      await mcp.close();
      expect((boards.structuredContent as { data: Array<{ slug: string }> }).data.map((b) => b.slug)).toEqual(["top-traders"]);
    } finally {
      await sandbox.close();
    }
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
