/**
 * What replicas must share to act as one server: spent confirmation tokens, idempotency records
 * and the audit stream. The embedded store keeps them in this process (the default); the Redis
 * store (src/state/redis.ts) keeps them where every replica sees them.
 */

/** The shared store cannot be reached: writes are refused (fail closed), reads go on. */
export class StateUnavailableError extends Error {
  override name = "StateUnavailableError";
}

/**
 * By name, not instanceof: the Redis store is its own file beside the bundled CLI (loaded only
 * when configured), with its own copy of this class.
 */
export const isStateUnavailable = (error: unknown): boolean => (error as Error | undefined)?.name === "StateUnavailableError";

/** One idempotency record: claimed while its request is in flight, then done with the result. */
export interface IdempotencyRecord {
  /** Digest of the tool and its arguments: the same key with other arguments is refused. */
  digest: string;
  state: "pending" | "done";
  /** The tool result to replay, once done. */
  result?: unknown;
}

export interface StateStore {
  readonly kind: "embedded" | "redis";
  /** True when other processes share it: confirmation tokens are then valid on every replica. */
  readonly shared: boolean;
  /** Spends a one-time key until it expires; true for the first caller only, across all replicas. */
  spendOnce(key: string, ttlSeconds: number): Promise<boolean>;
  /** Claims an idempotency key (atomically), or returns the record that already holds it. */
  claim(key: string, digest: string, ttlSeconds: number): Promise<IdempotencyRecord | undefined>;
  /** Stores the result of a claimed key, replayed to the same key until it expires. */
  complete(key: string, record: IdempotencyRecord, ttlSeconds: number): Promise<void>;
  /** Frees a claim whose request was not sent, so that a retry may send it. */
  release(key: string): Promise<void>;
  /** False when the store already knows it cannot be reached (no round trip): a write is refused at once. */
  readonly reachable: boolean;
  /** Queues one audit entry (JSON text) for the shared stream, without waiting; the embedded store has none. */
  appendAudit?(line: string): void;
  /** Resolves once every entry queued so far is stored; throws StateUnavailableError when it cannot be. */
  flushAudit?(): Promise<void>;
  /** The newest audit entries of the shared stream, oldest first. */
  readAudit?(limit: number): Promise<string[]>;
  close(): Promise<void>;
}

/** The default: everything in this process's memory, pruned as it expires. */
export class EmbeddedStore implements StateStore {
  readonly kind = "embedded";
  readonly shared = false;
  readonly reachable = true;
  readonly #expiring = new Map<string, { until: number; record?: IdempotencyRecord }>();
  #nextPrune = 0;

  #live(key: string, now: number) {
    const entry = this.#expiring.get(key);
    if (entry && entry.until <= now) this.#expiring.delete(key);
    return entry && entry.until > now ? entry : undefined;
  }

  /** At most once a second: a sweep per call would cost each call the number of live tokens. */
  #prune(now: number): void {
    if (now < this.#nextPrune) return;
    this.#nextPrune = now + 1_000;
    for (const [key, { until }] of this.#expiring) if (until <= now) this.#expiring.delete(key);
  }

  // Each method does its work before its first await: two racing callers cannot both win.
  async spendOnce(key: string, ttlSeconds: number): Promise<boolean> {
    const now = Date.now();
    this.#prune(now);
    if (this.#live(key, now)) return false;
    this.#expiring.set(key, { until: now + ttlSeconds * 1000 });
    return true;
  }

  async claim(key: string, digest: string, ttlSeconds: number): Promise<IdempotencyRecord | undefined> {
    const now = Date.now();
    const held = this.#live(key, now);
    if (held) return held.record;
    this.#expiring.set(key, { until: now + ttlSeconds * 1000, record: { digest, state: "pending" } });
    return undefined;
  }

  async complete(key: string, record: IdempotencyRecord, ttlSeconds: number): Promise<void> {
    this.#expiring.set(key, { until: Date.now() + ttlSeconds * 1000, record });
  }

  async release(key: string): Promise<void> {
    this.#expiring.delete(key);
  }

  async close(): Promise<void> {}
}
