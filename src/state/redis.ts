import { Redis } from "ioredis";
import { type IdempotencyRecord, type StateStore, StateUnavailableError } from "./store.js";

/** Audit entries kept in the stream; older ones are trimmed as new ones arrive. */
export const AUDIT_STREAM_MAX = 100_000;
const PREFIX = "returning-ai-mcp:";
const AUDIT_STREAM = `${PREFIX}audit`;
/** A command that takes longer than this counts as the store being down: writes must not hang. */
const COMMAND_TIMEOUT_MS = 1_000;

/** Returns the record holding the key, or claims it, in one step on the server. */
const CLAIM_SCRIPT = `local held = redis.call('GET', KEYS[1])
if held then return held end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return false`;

/**
 * The shared store on Redis 7 or Valkey. Commands never queue while the connection is down:
 * they fail at once, so that a write is refused instead of waiting, while the client keeps
 * reconnecting in the background and the store works again as soon as Redis is back.
 */
export class RedisStore implements StateStore {
  readonly kind = "redis";
  readonly shared = true;
  readonly #redis: Redis;

  constructor(url: string) {
    this.#redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: COMMAND_TIMEOUT_MS,
      retryStrategy: (attempt) => Math.min(50 * attempt, 1_000),
      lazyConnect: false,
    });
    // Errors surface through the commands that hit them; without a listener ioredis logs each one.
    this.#redis.on("error", () => {});
  }

  /** Waits for the first connection, so that a start with a wrong URL fails at once. */
  async ready(timeoutMs = 5_000): Promise<void> {
    if (this.#redis.status === "ready") return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#redis.off("ready", onReady);
        reject(new StateUnavailableError("no answer"));
      }, timeoutMs);
      const onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      this.#redis.once("ready", onReady);
    });
  }

  async #run<T>(command: (redis: Redis) => Promise<T>): Promise<T> {
    try {
      return await command(this.#redis);
    } catch (error) {
      throw new StateUnavailableError(String((error as Error)?.message ?? error).slice(0, 200));
    }
  }

  async spendOnce(key: string, ttlSeconds: number): Promise<boolean> {
    return (await this.#run((r) => r.set(`${PREFIX}spent:${key}`, "1", "EX", ttlSeconds, "NX"))) === "OK";
  }

  async claim(key: string, digest: string, ttlSeconds: number): Promise<IdempotencyRecord | undefined> {
    const pending: IdempotencyRecord = { digest, state: "pending" };
    const held = await this.#run(
      (r) => r.eval(CLAIM_SCRIPT, 1, `${PREFIX}idem:${key}`, JSON.stringify(pending), ttlSeconds) as Promise<string | null>,
    );
    return held ? (JSON.parse(held) as IdempotencyRecord) : undefined;
  }

  async complete(key: string, record: IdempotencyRecord, ttlSeconds: number): Promise<void> {
    await this.#run((r) => r.set(`${PREFIX}idem:${key}`, JSON.stringify(record), "EX", ttlSeconds));
  }

  async release(key: string): Promise<void> {
    await this.#run((r) => r.del(`${PREFIX}idem:${key}`));
  }

  async appendAudit(line: string): Promise<void> {
    await this.#run((r) => r.xadd(AUDIT_STREAM, "MAXLEN", "~", AUDIT_STREAM_MAX, "*", "entry", line));
  }

  async readAudit(limit: number): Promise<string[]> {
    const rows = await this.#run((r) => r.xrevrange(AUDIT_STREAM, "+", "-", "COUNT", limit));
    return rows.map(([, fields]) => fields[1] ?? "").reverse();
  }

  async close(): Promise<void> {
    this.#redis.disconnect();
  }
}
