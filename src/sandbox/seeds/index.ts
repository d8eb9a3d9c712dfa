import { CORE_SEED } from "../seed.js";
import { BULK_SEED } from "./bulk.js";
import { COMMUNITY_SEED } from "./community.js";
import { GAMIFICATION_SEED } from "./gamification.js";
import { LEGACY_SEED } from "./legacy.js";
import { MESSAGING_SEED } from "./messaging.js";
import { PEOPLE_SEED } from "./people.js";
import { REWARDS_SEED } from "./rewards.js";
import type { SeedData } from "./types.js";
import { USER_FIELDS_SEED } from "./user-fields.js";

/** Every area's demo records; one file per area, listed here. A name may appear in one area only. */
const AREAS: readonly SeedData[] = [
  CORE_SEED,
  PEOPLE_SEED,
  COMMUNITY_SEED,
  USER_FIELDS_SEED,
  MESSAGING_SEED,
  GAMIFICATION_SEED,
  REWARDS_SEED,
  BULK_SEED,
  LEGACY_SEED,
];

function merge(areas: readonly SeedData[]): SeedData {
  const out: SeedData = { collections: {}, singletons: {} };
  for (const area of areas) {
    for (const [name, records] of Object.entries(area.collections)) {
      if (Object.hasOwn(out.collections, name)) throw new Error(`sandbox seed: collection ${name} is seeded twice`);
      out.collections[name] = records;
    }
    for (const [name, record] of Object.entries(area.singletons)) {
      if (Object.hasOwn(out.singletons, name)) throw new Error(`sandbox seed: singleton ${name} is seeded twice`);
      out.singletons[name] = record;
    }
  }
  return out;
}

export const SEED_DATA: SeedData = merge(AREAS);
export type { SeedData } from "./types.js";
