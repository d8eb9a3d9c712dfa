import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectReach, selectTools } from "../../src/catalog/filters.js";
import { ALL_TOOLS } from "../../src/catalog/index.js";
import { VERSION } from "../../src/version.js";
import { dataOf } from "../support/helpers.js";
import { spawnServer } from "../support/stdio.js";

/**
 * The install paths a person takes without a clone: the npm tarball and the Claude Desktop bundle.
 * One `npm pack` serves the whole file; it runs in a copy of the tree (without dist) so that its
 * prepack build proves the package builds itself, and so that it never rewrites the dist/ that
 * other test files are running.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const MCPB = join(ROOT, "node_modules", ".bin", "mcpb");
const LEFT_OUT = new Set(["node_modules", "dist", "bundle", ".git", "coverage", join("examples", "dist")]);
const SLOW = 240_000;

let work: string;
let tarball: string;

const npm = (args: string[], cwd: string) =>
  execFileSync("npm", [...args, "--no-audit", "--no-fund"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

interface LockEntry {
  dev?: boolean;
  [field: string]: unknown;
}

/**
 * Installs the tarball into an empty directory as `npm install <tarball>` would, but offline: npm
 * cannot resolve version ranges without registry metadata, which `npm ci` does not cache, so the
 * app gets a lockfile pinning what ours pins for production. Online only if the cache lacks a package.
 */
function installTarball(app: string, file: string): void {
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const spec = `file:${relative(app, file)}`;
  const packages: Record<string, LockEntry> = {
    "": { dependencies: { [pkg.name]: spec } },
    [`node_modules/${pkg.name}`]: { version: pkg.version, resolved: spec, dependencies: pkg.dependencies, bin: pkg.bin },
  };
  for (const [path, entry] of Object.entries(lock.packages)) if (path && !entry.dev) packages[path] = entry;
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, dependencies: { [pkg.name]: spec } }));
  writeFileSync(join(app, "package-lock.json"), JSON.stringify({ name: "app", lockfileVersion: 3, requires: true, packages }));
  try {
    npm(["ci", "--offline"], app);
  } catch {
    npm(["install", "--prefer-offline", file], app);
  }
}

/** What a spawned server offers: its version, tools and a demo leaderboard (a default toolset), and what it logged. */
async function serve(command: string, args: string[], env: Record<string, string> = {}) {
  const server = await spawnServer(command, args, env);
  try {
    const { tools } = await server.client.listTools();
    // A tool outside the listed toolsets, reached the way the server instructions say.
    const reached = tools.some((t) => t.name === "call_tool")
      ? ((await server.client.callTool({ name: "call_tool", arguments: { name: "get_store_config" } })) as CallToolResult)
      : undefined;
    const boards = (await server.client.callTool({ name: "list_leaderboards", arguments: { limit: 1 } })) as CallToolResult;
    // Guides are read from the package's docs/ at run time: this fails if a package leaves them out.
    const { contents } = await server.client.readResource({ uri: "returning-ai://guides/webhooks" });
    expect((contents[0] as { text: string }).text).toMatch(/^# Webhooks\n/);
    return {
      version: server.client.getServerVersion()?.version,
      tools,
      boards: dataOf<Array<{ name: string }>>(boards),
      storeTitle: reached && dataOf<{ title: string }>(reached).title,
      stderr: server.stderr(),
    };
  } finally {
    await server.close();
  }
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "returning-ai-install-"));
  const tree = join(work, "tree");
  cpSync(ROOT, tree, { recursive: true, filter: (src) => !LEFT_OUT.has(relative(ROOT, src)) && !src.endsWith(".tgz") });
  symlinkSync(join(ROOT, "node_modules"), join(tree, "node_modules"), "junction");
  const [packed] = JSON.parse(npm(["pack", "--json", "--pack-destination", work], tree)) as Array<{ filename: string }>;
  tarball = join(work, packed!.filename);
}, SLOW);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, 60_000); // two installed trees, Redis and OpenTelemetry clients included

describe("the npm package", () => {
  it("holds the freshly built server with its shebang, its docs and no sources or tests", () => {
    const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).trim().split("\n");
    expect(files).toEqual(
      expect.arrayContaining([
        "package/package.json",
        "package/README.md",
        "package/dist/cli.js",
        "package/docs/webhooks.md",
        // returning-ai-mcp openapi prints it.
        "package/api/returning-ai.openapi.json",
      ]),
    );
    expect(files.filter((f) => /^package\/(src|test|scripts|examples)\/|\.map$|^package\/dist\/bench\//.test(f))).toEqual([]);
    // dist/cli.js is the whole server bundled in one file: more than execFileSync's default buffer.
    const cli = execFileSync("tar", ["-xzOf", tarball, "package/dist/cli.js"], { encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
    expect(cli.startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it(
    "installs into an empty directory and serves from there: --version, initialize and tools/list over stdio",
    async () => {
      const app = join(work, "app");
      mkdirSync(app);
      installTarball(app, tarball);
      const bin = join(app, "node_modules", ".bin", "returning-ai-mcp");
      expect(spawnSync(bin, ["--version"], { encoding: "utf8" }).stdout.trim()).toBe(VERSION);
      const served = await serve(bin, ["--sandbox"]);
      expect(served.version).toBe(VERSION);
      expect(served.tools.length).toBeGreaterThan(10);
      expect(served.boards[0]?.name).toBeTruthy();
      expect(served.stderr).toMatch(new RegExp(`returning-ai-mcp ${VERSION}: ${served.tools.length} tools`));
    },
    SLOW,
  );
});

describe("the Claude Desktop bundle", () => {
  it(
    "is built by the mcpb CLI from the package and runs as Claude Desktop would start it",
    async () => {
      const out = join(work, "bundle");
      execFileSync(process.execPath, [join(ROOT, "scripts", "bundle.mjs"), "--tarball", tarball, "--out", out], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
      const file = join(out, `returning-ai-mcp-${VERSION}.mcpb`);
      const unpacked = join(work, "unpacked");
      execFileSync(MCPB, ["unpack", file, unpacked], { encoding: "utf8" });
      const manifest = JSON.parse(readFileSync(join(unpacked, "manifest.json"), "utf8"));
      expect(spawnSync(MCPB, ["validate", join(unpacked, "manifest.json")], { encoding: "utf8" }).status).toBe(0);

      // What the user switched on in the extension's settings, substituted the way the host does.
      const start = (settings: Record<string, unknown>) => {
        const fill = (text: string) =>
          text
            // biome-ignore lint/suspicious/noTemplateCurlyInString: the manifest's own placeholder, not a template
            .replaceAll("${__dirname}", unpacked)
            .replace(/\$\{user_config\.(\w+)\}/g, (_, key: string) => String(settings[key] ?? manifest.user_config[key].default));
        const { command, args, env } = manifest.server.mcp_config as {
          command: string;
          args: string[];
          env: Record<string, string>;
        };
        return serve(
          command === "node" ? process.execPath : command,
          args.map(fill),
          Object.fromEntries(Object.entries(env).map(([k, v]) => [k, fill(v)])),
        );
      };
      const served = await start({ sandbox: true, read_only: true });
      expect(served.version).toBe(VERSION);
      // The default toolsets and discovery, under read-only: what a user who only ticked those boxes gets.
      expect(served.tools.map((t) => t.name)).toEqual([
        ...selectTools({ readOnly: true }).map((t) => t.name),
        "list_recent_changes",
        "find_tools",
        "describe_tool",
        "call_tool",
      ]);
      expect(served.tools.every((t) => t.annotations?.readOnlyHint)).toBe(true);
      expect(served.storeTitle).toBeTruthy();
      expect(served.stderr).toContain(`${served.tools.length} tools listed`);
      expect(served.stderr).toContain(`${selectReach({ readOnly: true }).reachable.length} reachable`);
      expect(served.stderr).toContain("built-in sandbox");
      const everything = await start({ sandbox: true, legacy: true, toolsets: "all,legacy" });
      // Every registry tool, and the audit trail's reader beside them.
      expect(everything.tools).toHaveLength(ALL_TOOLS.length + 1);
    },
    SLOW,
  );
});
