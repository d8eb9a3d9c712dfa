import { describe, expect, it } from "vitest";
import { DEFAULT_TOOLSETS, selectReach, selectTools } from "../../src/catalog/filters.js";
import { ALL_TOOLS, findTool, TOOLSET_NAMES } from "../../src/catalog/index.js";
import { parseConfig } from "../../src/config.js";

const names = (filter: Parameters<typeof selectTools>[0]) => selectTools(filter).map((t) => t.name);

describe("tool filters", () => {
  it("offers the default toolsets without flags, every non-legacy one with all", () => {
    const byDefault = selectTools({});
    expect(DEFAULT_TOOLSETS.length).toBeGreaterThan(0);
    expect(new Set(byDefault.map((t) => t.toolset))).toEqual(new Set(DEFAULT_TOOLSETS));
    expect(byDefault.length).toBeLessThan(selectTools({ toolsets: ["all"] }).length);
    const all = selectTools({ toolsets: ["all"] });
    expect(all.length).toBe(ALL_TOOLS.filter((t) => !t.legacy).length);
    expect(all.some((t) => t.legacy)).toBe(false);
  });

  it("combines the default keyword with named toolsets", () => {
    const extra = TOOLSET_NAMES.find((n) => n !== "legacy" && !DEFAULT_TOOLSETS.includes(n));
    expect(extra).toBeDefined();
    const combined = selectTools({ toolsets: ["default", extra!] });
    expect(new Set(combined.map((t) => t.toolset))).toEqual(new Set([...DEFAULT_TOOLSETS, extra]));
    expect(names({ toolsets: ["default"] })).toEqual(names({}));
  });

  it("lists legacy tools only when the toolsets name legacy, and with --legacy", () => {
    expect(names({ legacy: true })).toEqual(names({}));
    expect(names({ toolsets: ["all"], legacy: true })).toEqual(names({ toolsets: ["all"] }));
    expect(names({ toolsets: ["all", "legacy"], legacy: true })).toEqual(ALL_TOOLS.map((t) => t.name));
    expect(names({ toolsets: ["legacy"], legacy: true }).every((n) => n.startsWith("legacy_"))).toBe(true);
    expect(() => names({ tools: ["legacy_list_integration_api_keys"] })).toThrow(/add --legacy/);
  });

  it("combines toolsets and named tools", () => {
    expect(names({ toolsets: ["api_keys"], tools: ["get_store_config"] })).toEqual([
      "get_store_config",
      "list_community_api_keys",
      "create_community_api_key",
      "update_community_api_key",
      "delete_community_api_key",
    ]);
    expect(names({ tools: ["get_store_config"] })).toEqual(["get_store_config"]);
  });

  it("applies exclude over read-only over include", () => {
    const readOnly = names({ toolsets: ["store"], tools: ["create_leaderboard"], readOnly: true });
    expect(readOnly).not.toContain("create_leaderboard");
    expect(readOnly).toEqual([
      "list_store_categories",
      "get_store_category",
      "list_store_products",
      "get_store_product",
      "get_store_config",
    ]);
    expect(names({ tools: ["get_store_config", "list_leaderboards"], excludeTools: ["list_leaderboards"] })).toEqual([
      "get_store_config",
    ]);
    expect(names({ toolsets: ["all"], excludeTools: ["delete_leaderboard"] })).not.toContain("delete_leaderboard");
  });

  it("refuses unknown names and lists the valid ones", () => {
    expect(() => names({ toolsets: ["games"] })).toThrow(/Unknown toolset: games\. Valid toolsets: all, default, leaderboards/);
    expect(() => names({ excludeTools: ["nope"] })).toThrow(/Unknown tool: nope\. Valid tools: list_leaderboards/);
  });
});

/** What a server lists beside what discovery reaches: selectReach is the one place that decides both. */
describe("reach", () => {
  const nonLegacy = ALL_TOOLS.filter((t) => !t.legacy).map((t) => t.name);
  const reachOf = (filter: Parameters<typeof selectReach>[0], discover = false) => {
    const reach = selectReach(filter, ALL_TOOLS, discover);
    return { ...reach, listed: reach.listed.map((t) => t.name), reachable: reach.reachable.map((t) => t.name) };
  };

  it("by default lists the default toolsets and reaches every non-legacy tool through discovery", () => {
    const reach = reachOf({});
    expect(reach.listed).toEqual(names({}));
    expect(reach.reachable).toEqual(nonLegacy);
    expect(reach.discovery).toBe(true);
    const legacy = reachOf({ legacy: true });
    expect(legacy.listed).toEqual(names({}));
    expect(legacy.reachable).toEqual(ALL_TOOLS.map((t) => t.name));
  });

  it("lists no discovery tools when everything reachable is listed", () => {
    expect(reachOf({ toolsets: ["all"] }).discovery).toBe(false);
    expect(reachOf({ toolsets: ["all"], legacy: true }).discovery).toBe(true);
    expect(reachOf({ toolsets: ["all", "legacy"], legacy: true })).toMatchObject({ discovery: false });
    expect(reachOf({ tools: ["get_store_config"] })).toMatchObject({
      listed: ["get_store_config"],
      reachable: ["get_store_config"],
      discovery: false,
    });
  });

  it("lets read-only, exclude, an allow-list and no-legacy narrow discovery too", () => {
    const readOnly = reachOf({ readOnly: true });
    expect(readOnly.reachable.every((n) => findTool(n)?.risk === "read")).toBe(true);
    expect(readOnly.reachable).toContain("get_store_config");
    expect(reachOf({ excludeTools: ["get_store_config"] }).reachable).not.toContain("get_store_config");
    expect(reachOf({ toolsets: ["store"] }).reachable).toEqual(nonLegacy);
    expect(reachOf({}).reachable.some((n) => n.startsWith("legacy_"))).toBe(false);
  });

  it("with discover lists nothing but discovery, over the same reach", () => {
    expect(reachOf({}, true)).toMatchObject({ listed: [], reachable: nonLegacy, discovery: true });
  });

  it("says which setting enables a tool it keeps off", () => {
    // The settings name each switch (their variable and bundle title); a filter built in code names the variable alone.
    const { switches } = parseConfig([], {}).filter;
    const wayOut = (filter: Parameters<typeof selectReach>[0], name: string) =>
      selectReach({ ...filter, switches }).wayOut(findTool(name)!);
    expect(selectReach({}).wayOut(findTool("legacy_list_badges")!)).toBe(
      "it is a legacy tool: start with --legacy (env RETURNING_AI_LEGACY).",
    );
    expect(wayOut({}, "legacy_list_badges")).toBe(
      'it is a legacy tool: start with --legacy (env RETURNING_AI_LEGACY, or "Legacy tools" in the bundle\'s settings).',
    );
    expect(wayOut({ readOnly: true }, "create_leaderboard")).toBe(
      'it changes data and read-only is on: turn off --read-only (env RETURNING_AI_READ_ONLY, or "Read-only" in the bundle\'s settings).',
    );
    expect(wayOut({ excludeTools: ["get_store_config"] }, "get_store_config")).toBe(
      "it is excluded: remove it from --exclude-tools (env RETURNING_AI_EXCLUDE_TOOLS).",
    );
    expect(wayOut({ tools: ["list_leaderboards"] }, "get_store_config")).toMatch(
      /^only the tools named by --tools are enabled: add it to --tools \(env RETURNING_AI_TOOLS\), or name its toolset store in --toolsets/,
    );
    expect(wayOut({}, "get_store_config")).toBeUndefined();
  });
});
