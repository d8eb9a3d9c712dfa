import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ALL_TOOLS, TOOLSET_NAMES } from "../src/registry/index.js";

const CLI = new URL("../dist/cli.js", import.meta.url).pathname;
const run = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { PATH: process.env.PATH ?? "" }, timeout: 20_000 });

describe("CLI", () => {
  it("prints the whole registry as JSON, legacy included, whatever the filters", () => {
    const { stdout, status } = run("tools", "--json", "--read-only");
    expect(status).toBe(0);
    const rows = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(ALL_TOOLS.length);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual([
        "auth",
        "catalogIds",
        "example",
        "legacy",
        "method",
        "name",
        "path",
        "risk",
        "routeSource",
        "routeStatus",
        "toolset",
      ]);
    }
    const legacyDelete = ALL_TOOLS.find((t) => t.name === "legacy_delete_integration_api_key");
    expect(rows.find((r) => r.name === "legacy_delete_integration_api_key")).toEqual({
      name: "legacy_delete_integration_api_key",
      toolset: "legacy",
      method: "DELETE",
      path: "/apis/v1/communities/{communityId}/api-keys/{apikeyId}",
      routeStatus: "documented",
      routeSource: "documented",
      auth: "bearer",
      risk: "destructive",
      legacy: true,
      catalogIds: ["legacy-apikeys.delete"],
      example: legacyDelete?.example,
    });
  });

  it("prints help and version", () => {
    const help = run("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/RETURNING_AI_API_KEY/);
    expect(run("--version").stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each([
    [
      ["--toolsets", "leaderboards,nope"],
      new RegExp(`Unknown toolset: nope\\. Valid toolsets: all, default, ${TOOLSET_NAMES.join(", ")}$`, "m"),
    ],
    [["--tools", "drop_database"], /Unknown tool: drop_database\. Valid tools: list_leaderboards,/],
    [["--toolsets", "legacy"], /legacy is legacy: add --legacy/],
    [["--frobnicate"], /Unknown option '--frobnicate'/],
    [["--port", "99999", "--http"], /--port must be a whole number from 0 to 65535/],
    [["launch"], /Unknown command 'launch'/],
  ])("exits 2 with one clear line for %j", (args, message) => {
    const { status, stderr, stdout } = run(...args);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});
