import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const RUN = new URL("../../dist/bench/run.js", import.meta.url).pathname;

/** The bench itself is run by hand (`npm run bench`); this only proves that every part of it still runs. */
describe("npm run bench", () => {
  it("measures every row against its bare baseline in a tiny run, writing nothing", () => {
    const { status, stdout, stderr } = spawnSync(process.execPath, [RUN, "--smoke"], { encoding: "utf8", timeout: 90_000 });
    expect(stderr).toBe("");
    expect(status).toBe(0);
    for (const row of [
      "stdio start: spawn to first tools/list, default toolsets",
      "stdio start: spawn to first tools/list, every tool (132)",
      "read tool call over stdio",
      "HTTP: read tool calls per second, stateless, 32 in flight",
      "HTTP: peak resident memory under that load",
    ]) {
      expect(stdout).toMatch(new RegExp(`\\| ${row.replace(/[()]/g, "\\$&")}[^|]*\\| [\\d.]+ (ms|calls/s|MB) \\| [\\d.]+ `));
    }
  }, 120_000);
});
