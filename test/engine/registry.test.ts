import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ALL_TOOLS } from "../../src/catalog/index.js";
import { listTool } from "../../src/catalog/listing.js";
import { regenerate } from "../../src/docs.js";
import { deriveAnnotations } from "../../src/registry/annotations.js";
import { acceptsConfirm, supportsDryRun } from "../../src/registry/gate-args.js";
import { pathParamNames } from "../../src/registry/request.js";
import { SANDBOX_BEHAVIOURS } from "../../src/sandbox/areas.js";

// The catalog ids the in-repo API document names (its operations' x-catalog), so that this runs in every clone.
const API_DOC = JSON.parse(readFileSync(new URL("../../api/returning-ai.openapi.json", import.meta.url), "utf8")) as {
  paths: Record<string, Record<string, { "x-catalog": Array<{ id: string }> }>>;
};
const catalogIds = new Set(
  Object.values(API_DOC.paths).flatMap((item) => Object.values(item).flatMap((op) => op["x-catalog"].map((e) => e.id))),
);
const SNAPSHOTS = new URL("./__snapshots__/tools/", import.meta.url);

describe("registry", () => {
  it("names tools snake_case, verb first, legacy ones with legacy_", () => {
    for (const tool of ALL_TOOLS) {
      // snake_case, a verb first (list, get, send, award ...), legacy ones prefixed.
      expect(tool.name).toMatch(/^(legacy_)?[a-z]+(_[a-z0-9]+)+$/);
      expect(tool.name.startsWith("legacy_")).toBe(tool.legacy);
    }
    expect(new Set(ALL_TOOLS.map((t) => t.name)).size).toBe(ALL_TOOLS.length);
  });

  it("covers catalog entries that exist, path params that the schema declares", () => {
    expect(catalogIds.size).toBeGreaterThan(100);
    for (const tool of ALL_TOOLS) {
      for (const id of tool.catalogIds) expect(catalogIds, `${tool.name} -> ${id}`).toContain(id);
      for (const param of pathParamNames(tool.path)) expect(Object.keys(tool.input.shape), tool.name).toContain(param);
    }
  });

  it("gives every tool, and only the tables' tools, a sandbox behaviour", () => {
    const names = ALL_TOOLS.map((t) => t.name);
    expect(names.filter((name) => !SANDBOX_BEHAVIOURS.has(name))).toEqual([]);
    expect([...SANDBOX_BEHAVIOURS.keys()].filter((name) => !names.includes(name))).toEqual([]);
  });

  it("states honest safety hints for every tool", () => {
    for (const tool of ALL_TOOLS) {
      const listed = listTool(tool);
      // A hint left out takes the protocol's default (readOnlyHint false), which errs on the safe side.
      expect(listed.annotations.readOnlyHint ?? false, tool.name).toBe(tool.risk === "read");
      expect(listed.annotations.destructiveHint, tool.name).toBe(tool.risk === "destructive");
      if (tool.risk === "read") expect(deriveAnnotations(tool).idempotentHint, tool.name).toBe(true);
      expect(deriveAnnotations(tool).openWorldHint).toBe(true);
      expect("confirm" in listed.inputSchema.properties, tool.name).toBe(acceptsConfirm(tool));
      expect("dryRun" in listed.inputSchema.properties, tool.name).toBe(supportsDryRun(tool));
    }
  });

  it.each(ALL_TOOLS.map((t) => [t.name, t] as const))("matches the committed schema snapshot of %s", async (name, tool) => {
    const { name: _n, ...surface } = listTool(tool);
    await expect(`${JSON.stringify({ name, ...surface }, null, 2)}\n`).toMatchFileSnapshot(
      new URL(`${name}.json`, SNAPSHOTS).pathname,
    );
  });

  it("has no snapshot for a tool that no longer exists", () => {
    const files = readdirSync(SNAPSHOTS).filter((f) => f.endsWith(".json"));
    expect(files.sort()).toEqual(ALL_TOOLS.map((t) => `${t.name}.json`).sort());
  });

  it("has a README whose generated tables match the registry (run npm run docs)", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    expect(regenerate(readme)).toBe(readme);
  });
});
