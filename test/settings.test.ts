import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../src/config.js";
import { selectTools } from "../src/registry/filters.js";

const CLI = new URL("../dist/cli.js", import.meta.url).pathname;
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", ...env },
    input: "",
    timeout: 20_000,
  });

describe("settings fail closed", () => {
  it.each([
    ["1", true],
    ["0", false],
    ["TRUE", true],
    ["False", false],
    ["yes", true],
    ["No", false],
    ["ON", true],
    ["off", false],
    ["", false],
  ])("reads the boolean %j as %s", (value, expected) => {
    const config = parseConfig([], { RETURNING_AI_READ_ONLY: value, RETURNING_AI_SANDBOX: value });
    expect(config.filter.readOnly).toBe(expected);
    expect(config.sandbox).toBe(expected);
  });

  it.each(["y", "n", "enable", "2", "true!", "tru"])("refuses the boolean %j instead of guessing", (value) => {
    for (const name of ["RETURNING_AI_READ_ONLY", "RETURNING_AI_SANDBOX", "RETURNING_AI_LEGACY", "RETURNING_AI_HTTP"]) {
      expect(() => parseConfig([], { [name]: value })).toThrow(
        new RegExp(`^${name} must be one of 1, 0, true, false, yes, no, on, off; got '${value.replace("!", "\\!")}'$`),
      );
    }
  });

  it("checks the environment even when a flag wins", () => {
    expect(() => parseConfig(["--read-only"], { RETURNING_AI_READ_ONLY: "y" })).toThrow(/RETURNING_AI_READ_ONLY/);
  });

  it("refuses an unknown log level and takes a known one in any case", () => {
    expect(() => parseConfig([], { RETURNING_AI_LOG_LEVEL: "verbose" })).toThrow(
      "RETURNING_AI_LOG_LEVEL must be one of debug, info, warn, error, silent; got 'verbose'",
    );
    expect(parseConfig([], { RETURNING_AI_LOG_LEVEL: "DEBUG" }).logLevel).toBe("debug");
    expect(parseConfig([], {}).logLevel).toBe("info");
  });

  it.each([
    ["https://app.example.com/", /not an origin/],
    ["*", /not an origin/],
    ["app.example.com", /not an origin/],
    ["https://app.example.com/path", /not an origin/],
    ["javascript:alert(1)", /not an origin/],
  ])("refuses the origin %j", (origin, message) => {
    expect(() => parseConfig(["--allowed-origins", origin], {})).toThrow(message);
    expect(() => parseConfig([], { RETURNING_AI_ALLOWED_ORIGINS: `https://ok.example,${origin}` })).toThrow(message);
  });

  it("accepts well-formed origins and host names", () => {
    const config = parseConfig(
      ["--allowed-origins", "https://app.example.com, http://localhost:5173", "--allowed-hosts", "MCP.example.com,[::1]"],
      {},
    );
    expect(config.allowedOrigins).toEqual(["https://app.example.com", "http://localhost:5173"]);
    expect(config.allowedHosts).toEqual(["mcp.example.com", "[::1]"]);
    expect(() => parseConfig(["--allowed-hosts", "evil.example/x"], {})).toThrow(/not a host name/);
  });

  it.each(["1e3", "0x10", " 5000", "5000.0", "+5000", "-1", "99999999999999999999"])("refuses the number %j", (value) => {
    expect(() => parseConfig([], { RETURNING_AI_TIMEOUT_MS: value })).toThrow(/RETURNING_AI_TIMEOUT_MS must be a whole number/);
    expect(() => parseConfig([], { RETURNING_AI_MAX_RESPONSE_BYTES: value })).toThrow(
      /RETURNING_AI_MAX_RESPONSE_BYTES must be a whole number/,
    );
    expect(() => parseConfig(["--http", `--port=${value}`], {})).toThrow(/--port must be a whole number from 0 to 65535/);
  });

  it("refuses a base URL with credentials or another scheme", () => {
    for (const url of ["file:///etc/passwd", "https://user:pw@api.example.com", "ftp://api.example.com", "api.example.com"]) {
      expect(() => parseConfig(["--base-url", url], {})).toThrow(/RETURNING_AI_BASE_URL must be an http\(s\) URL/);
    }
  });

  it("reads RETURNING_AI_UPLOAD_DIRS as existing folders, made absolute, and refuses anything else", () => {
    expect(parseConfig([], {}).uploadDirs).toEqual([process.cwd()]);
    expect(parseConfig([], { RETURNING_AI_UPLOAD_DIRS: "test, /tmp" }).uploadDirs).toEqual([`${process.cwd()}/test`, "/tmp"]);
    for (const value of ["/no/such/folder", "package.json", "/tmp,/no/such"]) {
      expect(() => parseConfig([], { RETURNING_AI_UPLOAD_DIRS: value })).toThrow(
        /^RETURNING_AI_UPLOAD_DIRS: .+ is not a folder$/,
      );
    }
  });

  it("refuses filters that leave no tools", () => {
    expect(() => selectTools({ tools: ["create_leaderboard"], readOnly: true })).toThrow(/leave no tools/);
    expect(() =>
      selectTools({ toolsets: ["leaderboards"], excludeTools: ["list_leaderboards", "get_leaderboard"], readOnly: true }),
    ).toThrow(/leave no tools/);
  });
});

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
    const { status, stderr, stdout } = run(args, env);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr.trim()).toMatch(message);
    expect(status).toBe(2);
    expect(stdout).toBe("");
  });
});
