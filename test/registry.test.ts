import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ALL_TOOLS, SANDBOX_RESOURCES } from "../src/catalog.js";
import { regenerate } from "../src/docs.js";
import { deriveAnnotations } from "../src/registry/annotations.js";
import { acceptsConfirm, supportsDryRun } from "../src/registry/gate-args.js";
import { listTool } from "../src/registry/listing.js";
import { pathParamNames } from "../src/registry/request.js";

const CATALOG = new URL("../../shared/api-reference/", import.meta.url);
// CI lays shared/ beside the clone; elsewhere the check is skipped rather than failing on a missing folder.
const catalogIds = new Set(
  (existsSync(CATALOG) ? readdirSync(CATALOG) : [])
    .filter((f) => f.endsWith(".json"))
    .flatMap((f) => (JSON.parse(readFileSync(new URL(f, CATALOG), "utf8")) as Array<{ id: string }>).map((e) => e.id)),
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

  it.skipIf(catalogIds.size === 0)("covers catalog entries that exist, path params that the schema declares", () => {
    for (const tool of ALL_TOOLS) {
      for (const id of tool.catalogIds) expect(catalogIds, `${tool.name} -> ${id}`).toContain(id);
      for (const param of pathParamNames(tool.path)) expect(Object.keys(tool.input.shape), tool.name).toContain(param);
      if ("resource" in tool.sandbox) expect(SANDBOX_RESOURCES.has(tool.sandbox.resource), tool.name).toBe(true);
    }
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
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    expect(regenerate(readme)).toBe(readme);
  });
});
