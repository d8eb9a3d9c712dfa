import { describe, expect, it } from "vitest";
import { DEFAULT_TOOLSETS, selectTools } from "../src/registry/filters.js";
import { ALL_TOOLS, TOOLSET_NAMES } from "../src/registry/index.js";

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

  it("adds legacy tools only when asked", () => {
    expect(names({ legacy: true })).toEqual(names({}));
    expect(names({ toolsets: ["all"], legacy: true })).toContain("legacy_delete_integration_api_key");
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
