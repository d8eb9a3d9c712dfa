import { describe, expect, it } from "vitest";
import { selectTools } from "../src/registry/filters.js";
import { ALL_TOOLS } from "../src/registry/index.js";

const names = (filter: Parameters<typeof selectTools>[0]) => selectTools(filter).map((t) => t.name);

describe("tool filters", () => {
  it("enables every non-legacy toolset by default", () => {
    const tools = selectTools({});
    expect(tools.length).toBe(ALL_TOOLS.filter((t) => !t.legacy).length);
    expect(tools.some((t) => t.legacy)).toBe(false);
  });

  it("adds legacy tools only when asked", () => {
    expect(names({ legacy: true })).toContain("legacy_delete_integration_api_key");
    expect(names({ toolsets: ["legacy"], legacy: true }).every((n) => n.startsWith("legacy_"))).toBe(true);
    expect(() => names({ tools: ["legacy_list_integration_api_keys"] })).toThrow(/add --legacy/);
  });

  it("combines toolsets and named tools", () => {
    expect(names({ toolsets: ["leaderboards"], tools: ["get_store_config"] })).toEqual([
      "list_leaderboards",
      "get_leaderboard",
      "create_leaderboard",
      "update_leaderboard",
      "delete_leaderboard",
      "get_store_config",
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
    expect(names({ excludeTools: ["delete_leaderboard"] })).not.toContain("delete_leaderboard");
  });

  it("refuses unknown names and lists the valid ones", () => {
    expect(() => names({ toolsets: ["games"] })).toThrow(/Unknown toolset: games\. Valid toolsets: all, leaderboards/);
    expect(() => names({ excludeTools: ["nope"] })).toThrow(/Unknown tool: nope\. Valid tools: list_leaderboards/);
  });
});
