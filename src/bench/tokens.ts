import { encode } from "gpt-tokenizer/encoding/o200k_base";
import { DEFAULT_TOOLSETS, reachOver, selectReach, selectTools } from "../catalog/filters.js";
import { listTool } from "../catalog/listing.js";
import { createDiscovery } from "../server/discovery.js";
import { listingOf } from "../server.js";

/** What tools/list costs a model's context (o200k tokens); the tests hold the same budgets. */
export interface TokenFigures {
  nonLegacy: { tools: number; mean: number; max: number; maxTool: string; total: number };
  /** What a default start lists: the default toolsets, the audit reader and the discovery tools, which reach every other non-legacy tool. */
  defaultSet: { toolsets: readonly string[]; tools: number; reachable: number; total: number };
  discovery: { tools: number; total: number };
}

const tokens = (value: unknown) => encode(JSON.stringify(value)).length;

export function tokenFigures(): TokenFigures {
  const all = selectTools({ toolsets: ["all"] });
  const sizes = all.map((tool) => ({ name: tool.name, n: tokens(listTool(tool)) }));
  const largest = sizes.reduce((a, b) => (b.n > a.n ? b : a));
  const byDefault = selectReach({});
  const defaultListing = listingOf(byDefault, byDefault.discovery ? createDiscovery(byDefault) : undefined);
  const discovery = createDiscovery(reachOver(selectTools({ toolsets: ["all", "legacy"], legacy: true }), true));
  return {
    nonLegacy: {
      tools: all.length,
      mean: sizes.reduce((sum, s) => sum + s.n, 0) / sizes.length,
      max: largest.n,
      maxTool: largest.name,
      total: tokens({ tools: all.map(listTool) }),
    },
    defaultSet: {
      toolsets: DEFAULT_TOOLSETS,
      tools: defaultListing.length,
      reachable: byDefault.reachable.length,
      total: tokens({ tools: defaultListing }),
    },
    discovery: { tools: discovery.listed.length, total: tokens({ tools: discovery.listed }) },
  };
}
