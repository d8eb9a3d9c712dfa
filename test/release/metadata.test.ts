import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SETTINGS } from "../../src/config.js";

const read = (file: string) => JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), "utf8"));
const pkg = read("package.json");
const server = read("server.json");
const manifest = read("manifest.json");
const SETTING_NAMES = new Set<string>(SETTINGS.map((s) => s.env));
const MCPB = new URL("../../node_modules/.bin/mcpb", import.meta.url).pathname;

describe("package.json", () => {
  it("builds on prepack from a clean dist, and ships the built server, its docs and no sources", () => {
    expect(pkg.scripts.prepack).toMatch(/npm run clean .*&& npm run build/);
    expect(pkg.bin).toEqual({ "returning-ai-mcp": "dist/cli.js" });
    expect(pkg.files).toEqual(expect.arrayContaining(["dist", "docs"]));
    expect(readFileSync(new URL("../../src/cli.ts", import.meta.url), "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
  });
});

describe("server.json for the MCP registry", () => {
  it("keeps name, version and package in step with package.json", () => {
    expect(server.name).toBe(pkg.mcpName);
    expect(server.name).toMatch(/^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/);
    expect(server.version).toBe(pkg.version);
    expect(server.description.length).toBeLessThanOrEqual(100);
    expect(server.packages).toEqual([
      expect.objectContaining({
        registryType: "npm",
        registryBaseUrl: "https://registry.npmjs.org",
        identifier: pkg.name,
        version: pkg.version,
        transport: { type: "stdio" },
      }),
    ]);
  });

  it("names only settings the server reads, and marks the keys secret", () => {
    for (const variable of server.packages[0].environmentVariables) {
      expect(SETTING_NAMES, variable.name).toContain(variable.name);
      expect(Boolean(variable.isSecret), variable.name).toBe(/_KEY$/.test(variable.name));
    }
  });
});

describe("manifest.json for the Claude Desktop bundle", () => {
  it("passes the official mcpb validator", () => {
    const result = spawnSync(MCPB, ["validate", "manifest.json"], { cwd: new URL("../..", import.meta.url), encoding: "utf8" });
    expect(result.stdout + result.stderr).toContain("Manifest schema validation passes");
    expect(result.status).toBe(0);
  });

  it("matches package.json and runs the packaged CLI", () => {
    expect(manifest.name).toBe(pkg.name);
    expect(manifest.version).toBe(pkg.version);
    expect(manifest.server.entry_point).toBe(pkg.bin["returning-ai-mcp"]);
    expect(manifest.server.mcp_config).toMatchObject({ command: "node", args: [`\${__dirname}/${pkg.bin["returning-ai-mcp"]}`] });
  });

  it("asks for the keys (sensitive), community id, toolsets, read-only, legacy and sandbox, each feeding a real setting", () => {
    const config = manifest.user_config as Record<
      string,
      { type: string; title: string; sensitive?: boolean; default?: unknown }
    >;
    expect(Object.keys(config)).toEqual(["api_key", "system_key", "community_id", "toolsets", "read_only", "legacy", "sandbox"]);
    expect(Object.keys(config).filter((k) => config[k]?.sensitive)).toEqual(["api_key", "system_key"]);
    expect([config.read_only?.type, config.legacy?.type, config.sandbox?.type]).toEqual(["boolean", "boolean", "boolean"]);
    expect(config.toolsets).toMatchObject({ type: "string", default: "default" });
    const env = manifest.server.mcp_config.env as Record<string, string>;
    for (const [name, value] of Object.entries(env)) {
      expect(SETTING_NAMES, name).toContain(name);
      const key = /^\$\{user_config\.(\w+)\}$/.exec(value)?.[1];
      // Every user setting has a default, so an unset one reaches the server as "" or false, never as a raw placeholder.
      expect(config[key ?? ""]?.default, name).toBeDefined();
    }
    expect(Object.values(env).map((v) => v.slice(14, -1))).toEqual(Object.keys(config));
    // A refusal names the bundle setting by the title SETTINGS gives it: the title the user sees.
    const titles = Object.fromEntries(Object.entries(env).map(([name, value]) => [name, config[value.slice(14, -1)]?.title]));
    expect(titles).toEqual(Object.fromEntries(SETTINGS.flatMap((s) => ("bundle" in s ? [[s.env, s.bundle]] : []))));
  });
});
