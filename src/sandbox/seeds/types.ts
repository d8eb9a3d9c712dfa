import type { Rec } from "../engine/store.js";

/** One area's demo records: collections and singletons keyed by resource (or handler-owned) names. */
export interface SeedData {
  collections: Record<string, Rec[]>;
  singletons: Record<string, Rec>;
}
