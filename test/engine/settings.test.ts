import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { selectTools } from "../../src/catalog/filters.js";
import { parseConfig, SETTINGS } from "../../src/config.js";
import { ConfigError } from "../../src/errors.js";
import { effectiveTools } from "../../src/runtime.js";

const CLI = new URL("../../dist/cli.js", import.meta.url).pathname;
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

/** The CLI run without waiting for each in turn: dozens of startups in the time of a few. */
const runAsync = (args: string[], env: Record<string, string>) =>
  new Promise<{ status: number | null; stderr: string; stdout: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      [CLI, ...args],
      { encoding: "utf8", env: { PATH: process.env.PATH ?? "", ...env }, timeout: 30_000 },
      (_error, stdout, stderr) => resolve({ status: child.exitCode, stdout, stderr }),
    );
    child.stdin?.end();
  });

/** A value no setting takes, for every setting: a new setting must add one, so that it is validated too. */
const BAD: Record<(typeof SETTINGS)[number]["env"], string> = {
  RETURNING_AI_API_KEY: "key with spaces",
  RETURNING_AI_SYSTEM_KEY: "sys_key\nsecond line",
  RETURNING_AI_WEBHOOK_KEY: "whk key",
  RETURNING_AI_COMMUNITY_HOST: "community.example.com/path",
  RETURNING_AI_BASE_URL: "api.example.com",
  RETURNING_AI_LEGACY_BASE_URL: "ftp://legacy.example.com",
  RETURNING_AI_WEBHOOK_BASE_URL: "file:///etc/passwd",
  RETURNING_AI_ROUTES: "/dev/zero",
  RETURNING_AI_SANDBOX: "y",
  RETURNING_AI_TOOLSETS: "nope",
  RETURNING_AI_TOOLS: "drop_database",
  RETURNING_AI_EXCLUDE_TOOLS: "nope",
  RETURNING_AI_DISCOVER: "2",
  RETURNING_AI_READ_ONLY: "y",
  RETURNING_AI_LEGACY: "enable",
  RETURNING_AI_HTTP: "y",
  RETURNING_AI_HOST: "not a host",
  RETURNING_AI_PORT: "70000",
  RETURNING_AI_ALLOWED_HOSTS: "evil.example/x",
  RETURNING_AI_ALLOWED_ORIGINS: "*",
  RETURNING_AI_MAX_BODY_BYTES: "1",
  RETURNING_AI_TIMEOUT_MS: "5",
  RETURNING_AI_WAIT_TIMEOUT_MS: "5",
  RETURNING_AI_MAX_RESPONSE_BYTES: "1",
  RETURNING_AI_MAX_OUTPUT_CHARS: "1",
  RETURNING_AI_CONFIRM_SECRET: "short",
  RETURNING_AI_UPLOAD_DIRS: "/no/such/folder",
  RETURNING_AI_COMMUNITY_ID: "xyz",
  RETURNING_AI_LOG_LEVEL: "loud",
  RETURNING_AI_STATE_URL: "http://redis.example.com:6379",
  RETURNING_AI_AUDIT_FILE: "/tmp/",
  RETURNING_AI_AUDIT_MAX_BYTES: "12",
  OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318",
  RETURNING_AI_TRACE_CONTENT: "maybe",
};

const KEY = "rk_live_9d2c7e4a1b8f3c6d0e5a7b1c";

/** What a start does before it serves (parse the settings, read the routes file, select the tools): the refusal, if any. */
function startupRefusal(args: string[], env: Record<string, string>): string | undefined {
  try {
    const config = parseConfig(args, env);
    selectTools(config.filter, effectiveTools(config));
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
}

describe("every setting, validated and never echoing a secret", () => {
  it("has a bad value for every setting, and each is refused with one line", () => {
    expect(Object.keys(BAD).sort()).toEqual(SETTINGS.map((s) => s.env).sort());
    for (const { env } of SETTINGS) {
      const refusal = startupRefusal([], { [env]: BAD[env] });
      expect(refusal, `${env}=${JSON.stringify(BAD[env])}`).toBeDefined();
      expect(refusal).not.toContain("\n");
    }
  });

  it("exits 2 with one line and no stack for a refused setting", async () => {
    const cases: Record<string, string>[] = [
      { RETURNING_AI_HOST: BAD.RETURNING_AI_HOST },
      { RETURNING_AI_ROUTES: BAD.RETURNING_AI_ROUTES },
      { RETURNING_AI_SYSTEM_KEY: BAD.RETURNING_AI_SYSTEM_KEY },
      { RETURNING_AI_WAIT_TIMEOUT_MS: BAD.RETURNING_AI_WAIT_TIMEOUT_MS },
    ];
    const runs = await Promise.all(cases.map((env) => runAsync([], env)));
    for (const [i, { status, stderr, stdout }] of runs.entries()) {
      const why = `${JSON.stringify(cases[i])}: ${stderr}`;
      expect(stderr.trim().split("\n"), why).toHaveLength(1);
      expect(stderr, why).toMatch(/^returning-ai-mcp: RETURNING_AI_\w+/);
      expect(status, why).toBe(2);
      expect(stdout).toBe("");
    }
  }, 60_000);

  it("never shows a key pasted into any setting or flag, nor a URL's user info", async () => {
    const pasted = [KEY, `https://x:${KEY}@api.example.com/v1`, `https://api.example.com/?key=${KEY}`, `${KEY}\n`];
    const switches = ["--sandbox", "--read-only", "--legacy", "--http", "--discover"];
    const cases = SETTINGS.flatMap(({ env, flag }) =>
      pasted.flatMap((value) => [
        { args: [] as string[], env: { [env]: value } },
        ...(flag && !switches.includes(flag) ? [{ args: [`${flag}=${value}`], env: {} }] : []),
      ]),
    );
    cases.push({ args: [KEY], env: {} }, { args: ["tools", KEY], env: {} });
    for (const { args, env } of cases) expect(startupRefusal(args, env) ?? "", JSON.stringify({ args, env })).not.toContain(KEY);
    // And at the command line, where the refusal is printed.
    const printed: Array<{ args: string[]; env: Record<string, string> }> = [
      { args: [KEY], env: {} },
      { args: [], env: { RETURNING_AI_ROUTES: KEY } },
      { args: [], env: { RETURNING_AI_TOOLS: KEY } },
      { args: [], env: { RETURNING_AI_BASE_URL: `https://x:${KEY}@api.example.com` } },
    ];
    const runs = await Promise.all(printed.map(({ args, env }) => runAsync(args, env)));
    for (const [i, { status, stderr, stdout }] of runs.entries()) {
      expect(status, stderr).toBe(2);
      expect(stderr + stdout, JSON.stringify(printed[i])).not.toContain(KEY.slice(0, 16));
    }
  }, 60_000);

  it("says what kind of value it refused instead of quoting one that could be a secret", () => {
    const refusal = (env: Record<string, string>) => {
      try {
        parseConfig([], env);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error("accepted");
    };
    expect(refusal({ RETURNING_AI_LOG_LEVEL: KEY })).toBe(
      `RETURNING_AI_LOG_LEVEL must be one of debug, info, warn, error, silent; got a ${KEY.length}-character value`,
    );
    expect(refusal({ RETURNING_AI_BASE_URL: `https://x:${KEY}@api.example.com` })).toBe(
      `RETURNING_AI_BASE_URL must be an http(s) URL without credentials or query, got a ${`https://x:${KEY}@api.example.com`.length}-character URL to https://api.example.com`,
    );
    expect(refusal({ RETURNING_AI_TIMEOUT_MS: "99999999999999999999" })).toMatch(/got a 20-digit number$/);
    // What cannot be a credential is still quoted, since it helps to see the typo.
    expect(refusal({ RETURNING_AI_LOG_LEVEL: "verbose" })).toMatch(/got 'verbose'$/);
    expect(refusal({ RETURNING_AI_PORT: "-1" })).toMatch(/got '-1'$/);
  });

  it("reads a routes file only when it is a regular file within the size cap", async () => {
    const dir = mkdtempSync(join(tmpdir(), "routes-"));
    try {
      const fifo = join(dir, "fifo");
      spawnSync("mkfifo", [fifo]);
      const big = join(dir, "big.json");
      spawnSync(process.execPath, [
        "-e",
        `require("fs").writeFileSync(${JSON.stringify(big)}, " ".repeat(2 * 1024 * 1024) + "{}")`,
      ]);
      const cases: Array<[string, RegExp]> = [
        ["/dev/zero", /^returning-ai-mcp: RETURNING_AI_ROUTES: \/dev\/zero is not a regular file$/],
        [fifo, /is not a regular file$/],
        [dir, /is not a regular file$/],
        [big, /is larger than 1048576 bytes$/],
        ["/proc/self/pagemap", /^returning-ai-mcp: RETURNING_AI_ROUTES: cannot read \/proc\/self\/pagemap/],
        ["/proc/self/environ", /cannot read \/proc\/self\/environ as JSON \(not valid JSON\)$/],
      ];
      const runs = await Promise.all(cases.map(([file]) => runAsync(["--sandbox"], { RETURNING_AI_ROUTES: file })));
      for (const [i, { status, stderr }] of runs.entries()) {
        expect(stderr.trim(), cases[i]![0]).toMatch(cases[i]![1]);
        expect(status).toBe(2);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
