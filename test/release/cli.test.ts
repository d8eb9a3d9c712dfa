import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_TOOLSETS } from "../../src/catalog/filters.js";
import { ALL_TOOLS, TOOLSET_NAMES } from "../../src/catalog/index.js";
import { parseConfig, SETTINGS } from "../../src/config.js";
import { hostBases, urlTemplateOf } from "../../src/registry/hosts.js";

const DEFAULT_HOSTS = hostBases(parseConfig([], {}));
const CLI = new URL("../../dist/cli.js", import.meta.url).pathname;
const runWith = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [CLI, ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", ...env },
    input: "",
    timeout: 20_000,
  });
const run = (...args: string[]) => runWith(args, {});

describe("CLI", () => {
  it("prints the whole registry as JSON, legacy included, without tool filters", () => {
    const { stdout, status } = run("tools", "--json");
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
        "operation",
        "path",
        "risk",
        "routeSource",
        "routeStatus",
        "toolset",
        "url",
      ]);
    }
    const legacyDelete = ALL_TOOLS.find((t) => t.name === "legacy_delete_integration_api_key");
    expect(rows.find((r) => r.name === "legacy_delete_integration_api_key")).toEqual({
      name: "legacy_delete_integration_api_key",
      toolset: "legacy",
      operation: "apikeys.community.delete",
      method: "DELETE",
      path: "/apis/v1/communities/{communityId}/api-keys/{apikeyId}",
      url: "https://api.returning.ai/apis/v1/communities/{communityId}/api-keys/{apikeyId}",
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

const listed = (...args: string[]) => {
  const { stdout, stderr, status } = run("tools", "--json", ...args);
  return { status, stderr, tools: status === 0 ? (JSON.parse(stdout) as Array<{ name: string; toolset: string }>) : [] };
};
const nonLegacy = ALL_TOOLS.filter((t) => !t.legacy);

describe("tool filter combinations", () => {
  // Each works (and `tools` prints what a server with it lists), or exits 2 with one line saying what to write.
  it.each<[string[], number | RegExp]>([
    [["--legacy"], ALL_TOOLS.filter((t) => DEFAULT_TOOLSETS.includes(t.toolset)).length],
    [["--toolsets", "all"], nonLegacy.length],
    [["--toolsets", "all", "--legacy"], nonLegacy.length],
    [["--toolsets", "all,legacy", "--legacy"], ALL_TOOLS.length],
    [["--toolsets", "legacy", "--legacy"], ALL_TOOLS.length - nonLegacy.length],
    [["--toolsets", "default,legacy", "--legacy", "--read-only"], /^\d+$/],
    [
      ["--toolsets", "all,legacy"],
      /^returning-ai-mcp: legacy is legacy: add --legacy \(env RETURNING_AI_LEGACY, or "Legacy tools" in the bundle's settings\)/,
    ],
    [["--tools", "legacy_list_badges"], /^returning-ai-mcp: legacy_list_badges is legacy: add --legacy/],
    [["--tools", "legacy_list_badges", "--legacy"], 1],
    [
      ["--read-only", "--tools", "create_leaderboard"],
      /^returning-ai-mcp: These tool filters leave no tools to list \(--read-only keeps only tools that read\)/,
    ],
    [["--toolsets", "store", "--exclude-tools", "get_store_config"], 21],
  ])("%j", (args, expected) => {
    const { status, stderr, tools } = listed(...args);
    if (typeof expected === "number") {
      expect(stderr).toBe("");
      expect(tools).toHaveLength(expected);
    } else if (expected.source.startsWith("^returning")) {
      expect(status).toBe(2);
      expect(stderr.trim().split("\n")).toHaveLength(1);
      expect(stderr).toMatch(expected);
    } else expect(String(tools.length)).toMatch(expected);
  });
});

describe("CLI output", () => {
  it("filters the tools listing by the tool filter flags", () => {
    const store = listed("--toolsets", "store");
    expect(new Set(store.tools.map((t) => t.toolset))).toEqual(new Set(["store"]));
    const text = run("tools", "--toolsets", "store", "--read-only").stdout.trim().split("\n");
    expect(text.every((line) => line.includes(" store "))).toBe(true);
    expect(text.length).toBe(store.tools.filter((t) => ALL_TOOLS.find((a) => a.name === t.name)?.risk === "read").length);
  });

  it("prints the tools table in columns at least two spaces apart, flags comma-separated", () => {
    const lines = run("tools").stdout.trim().split("\n");
    expect(lines).toHaveLength(ALL_TOOLS.length);
    lines.forEach((line, i) => {
      const cells = line.split(/ {2,}/);
      const tool = ALL_TOOLS[i]!;
      expect(cells.slice(0, 4), line).toEqual([tool.name, tool.toolset, tool.method, urlTemplateOf(tool, DEFAULT_HOSTS)]);
      expect(cells[4]?.split(", ")[0], line).toBe(tool.risk);
    });
  });

  it("prints every setting in --help with its columns apart", () => {
    const help = run("--help").stdout;
    for (const s of SETTINGS) {
      const cells = [s.flag, s.env, s.default, s.desc].filter(Boolean);
      const line = help.split("\n").find((l) => l.includes(` ${s.env} `) || l.endsWith(` ${s.env}`));
      expect(line?.trim().split(/ {2,}/), s.env).toEqual(cells);
    }
    expect(help).toContain("RETURNING_AI_ROUTES");
    expect(help).toContain("RETURNING_AI_LEGACY_BASE_URL");
    expect(help).toContain("RETURNING_AI_WEBHOOK_BASE_URL");
  });

  it("has every setting the config reads in SETTINGS (and so in --help and the README)", () => {
    const source = readFileSync(new URL("../../src/config.ts", import.meta.url), "utf8");
    const read = new Set(source.match(/RETURNING_AI_[A-Z_]+/g));
    const known = new Set<string>(SETTINGS.map((s) => s.env));
    expect([...read].filter((name) => !known.has(name))).toEqual([]);
  });

  it("ends quietly when the reader closes the pipe early (tools --json | head)", async () => {
    const child = spawn(process.execPath, [CLI, "tools", "--json"], { env: { PATH: process.env.PATH ?? "" } });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    // Closed before the first write, as `head` closes after its lines while a longer listing is still being written.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});

/** The messages are held in process (test/engine/settings.test.ts); here, that the shipped CLI prints each on one line and exits 2. */
describe("settings errors at the command line", () => {
  it.each([
    [["--sandbox"], { RETURNING_AI_READ_ONLY: "y" }, /^returning-ai-mcp: RETURNING_AI_READ_ONLY must be one of/],
    [[], { RETURNING_AI_SANDBOX: "y" }, /^returning-ai-mcp: RETURNING_AI_SANDBOX must be one of/],
    [["--sandbox"], { RETURNING_AI_LOG_LEVEL: "loud" }, /^returning-ai-mcp: RETURNING_AI_LOG_LEVEL must be one of/],
    [
      ["--http", "--port", "-1"],
      {},
      /^returning-ai-mcp: --port needs a value; for one that starts with a dash write --port=<value>\. See --help\.$/,
    ],
    [["--http", "--port=-1"], {}, /^returning-ai-mcp: --port must be a whole number from 0 to 65535, got '-1'$/],
    [["--sandbox", "--allowed-origins", "https://x.example/"], {}, /not an origin/],
    [["--sandbox", "--read-only", "--tools", "create_leaderboard"], {}, /leave no tools/],
    [
      ["--sandbox"],
      { RETURNING_AI_UPLOAD_DIRS: "/no/such/folder" },
      /^returning-ai-mcp: RETURNING_AI_UPLOAD_DIRS: .+ is not a folder$/,
    ],
  ])("exits 2 with one line for %j %j", (args, env, message) => {
    const { status, stderr, stdout } = runWith(args, env);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr.trim()).toMatch(message);
    expect(status).toBe(2);
    expect(stdout).toBe("");
  });
});
