import { randomBytes } from "node:crypto";

export type Rec = Record<string, unknown> & { _id: string };

/**
 * One sandbox's state: collections and singletons keyed by resource name. Held per instance so
 * that two sandboxes (two test files, say) never see each other's writes.
 */
export class SandboxStore {
  private readonly collections = new Map<string, Rec[]>();
  private readonly singletons = new Map<string, Rec>();
  private lastTime = 0;

  constructor(seed: { collections: Record<string, Rec[]>; singletons: Record<string, Rec> }) {
    // Cloned so that mutating a record can never reach the shared seed constants.
    for (const [name, records] of Object.entries(seed.collections)) this.collections.set(name, structuredClone(records));
    for (const [name, record] of Object.entries(seed.singletons)) this.singletons.set(name, structuredClone(record));
  }

  collection(name: string): Rec[] {
    let records = this.collections.get(name);
    if (!records) {
      records = [];
      this.collections.set(name, records);
    }
    return records;
  }

  singleton(name: string): Rec | undefined {
    return this.singletons.get(name);
  }

  setSingleton(name: string, record: Rec): void {
    this.singletons.set(name, record);
  }

  /**
   * Strictly increasing ISO time: two writes in the same millisecond still get distinct,
   * ordered timestamps, so `updatedAt` visibly moves and `sort=createdAt:*` is deterministic.
   */
  now(): string {
    this.lastTime = Math.max(Date.now(), this.lastTime + 1);
    return new Date(this.lastTime).toISOString();
  }
}

export const newObjectId = (): string => randomBytes(12).toString("hex");

export const newSecret = (): string => randomBytes(32).toString("hex");
