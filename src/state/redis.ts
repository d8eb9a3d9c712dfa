import { Redis } from "ioredis";
import { type IdempotencyRecord, type StateStore, StateUnavailableError } from "./store.js";

/** Audit entries kept in the stream; older ones are trimmed as new ones arrive. */
export const AUDIT_STREAM_MAX = 100_000;
/** Entries held while Redis is down, sent when it is back; past this the oldest are dropped. */
export const AUDIT_QUEUE_MAX = 10_000;
/** Entries sent in one script call at most. */
const AUDIT_BATCH_MAX = 500;
const PREFIX = "returning-ai-mcp:";
const AUDIT_STREAM = `${PREFIX}audit`;
/** A command that takes longer than this counts as the store being down: writes must not hang. */
const COMMAND_TIMEOUT_MS = 1_000;

/** Returns the record holding the key, or claims it, in one step on the server. */
const CLAIM_SCRIPT = `local held = redis.call('GET', KEYS[1])
if held then return held end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return false`;
/** Lua that appends each of ARGV[first..] to the stream KEYS[1], trimmed near ARGV[1] entries. */
const appendFrom = (first: number) => `for i = ${first}, #ARGV do
  redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'entry', ARGV[i])
end
`;
/** A batch of audit entries in one command. */
const APPEND_SCRIPT = `${appendFrom(2)}return #ARGV - 1`;
/**
 * The same for ARGV[3..], then spends KEYS[2] for ARGV[2] seconds: a confirmed write's entries and
 * its token in one command, one write to the socket and one answer (20 µs less than two commands).
 */
const SPEND_SCRIPT = `${appendFrom(3)}return redis.call('SET', KEYS[2], '1', 'EX', ARGV[2], 'NX')`;

/** An audit line waiting for Redis, numbered so that lines sent again after an outage keep their order. */
interface Queued {
  seq: number;
  line: string;
}

/**
 * The shared store on Redis 7 or Valkey. Commands never queue while the connection is down:
 * they fail at once, so that a write is refused instead of waiting, while the client keeps
 * reconnecting in the background and the store works again as soon as Redis is back.
 *
 * Audit entries do not cost a write a round trip of their own: they are queued, and sent (one
 * script call for all of them) with a token's spend (in its script) or ahead of the next other
 * command, such as a key's claim, without waiting for their answer, or on their own once the
 * event loop turns. One connection runs commands in the order they are written, so the stream
 * keeps this process's order, and an entry recorded before a spend is in the stream before the
 * spend answers, and so before the request is sent. Entries that fail (Redis down) go back to the
 * queue, and out again when Redis is back; closing the store sends what is left.
 */
export class RedisStore implements StateStore {
  readonly kind = "redis";
  readonly shared = true;
  readonly #redis: Redis;
  #queued: Queued[] = [];
  #seq = 0;
  #scheduled = false;
  /** A command lost its connection: known down until the client reconnects ("ready"). */
  #down = false;
  /** Batches on their way, each resolving to whether Redis took it: what a flush waits for. */
  readonly #sending = new Set<Promise<boolean>>();

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
    // Entries held through an outage go out as soon as Redis is back.
    this.#redis.on("ready", () => {
      this.#down = false;
      this.#schedule();
    });
  }

  /**
   * Known to be connected, without a round trip: false once the client sees the connection drop,
   * or a command failed for want of it (the client may notice a killed server later than that).
   */
  get reachable(): boolean {
    return !this.#down && this.#redis.status === "ready";
  }

  /** Redis answering with an error, or slowly, is not the connection being lost. */
  #failed(error: unknown): void {
    const { name, message } = (error ?? {}) as Error;
    if (name !== "ReplyError" && !/timed out/i.test(String(message))) this.#down = true;
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

  /**
   * Sends the queued audit entries (one script call for all of them), then `command` right behind
   * them, without waiting in between, and returns the command's reply. Throws
   * StateUnavailableError when the command fails; entries that fail are queued again.
   */
  #send<T>(command: (redis: Redis) => Promise<T>): Promise<T> {
    this.#sendQueued(0);
    return this.#answer(command(this.#redis));
  }

  /** A command's reply, or StateUnavailableError when it failed. */
  #answer<T>(reply: Promise<T>): Promise<T> {
    return reply.catch((error: unknown) => {
      this.#failed(error);
      throw new StateUnavailableError(String((error as Error)?.message ?? error).slice(0, 200));
    });
  }

  /** Sends the queued entries but the last `keep` (which the caller takes along), in batches. */
  #sendQueued(keep: number): void {
    while (this.#queued.length > keep) {
      // Batches of a bounded size: a backlog held through an outage must not stall Redis in one script.
      const lines = this.#queued.splice(0, Math.min(AUDIT_BATCH_MAX, this.#queued.length - keep));
      // EVAL, not EVALSHA: a NOSCRIPT answer (a restarted Redis) would have this batch sent again
      // after later ones. Redis keeps the compiled script; the text costs a few bytes.
      this.#carry(lines, this.#redis.eval(APPEND_SCRIPT, 1, AUDIT_STREAM, AUDIT_STREAM_MAX, ...lines.map((q) => q.line)));
    }
  }

  /** Follows a command that carries `lines`: a flush waits for it; if it fails, they are queued again. */
  #carry(lines: Queued[], reply: Promise<unknown>): void {
    const sent = reply.then(
      () => true,
      (error: unknown) => {
        this.#failed(error);
        this.#requeue(lines);
        return false;
      },
    );
    this.#sending.add(sent);
    void sent.finally(() => this.#sending.delete(sent));
  }

  #requeue(failed: Queued[]): void {
    const merged = [...failed, ...this.#queued].sort((a, b) => a.seq - b.seq);
    this.#queued = merged.slice(-AUDIT_QUEUE_MAX);
  }

  /**
   * Sends what is queued once the event loop turns (right after the answer is written, over
   * HTTP or stdio), unless a command takes it along first. Not at once (a microtask): that sends
   * an ask's entries one by one, measured at 0.15 ms more per ask.
   */
  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      if (this.reachable) this.#sendQueued(0);
    });
  }

  async spendOnce(key: string, ttlSeconds: number): Promise<boolean> {
    const spent = `${PREFIX}spent:${key}`;
    this.#sendQueued(AUDIT_BATCH_MAX);
    const lines = this.#queued.splice(0);
    if (!lines.length) return (await this.#answer(this.#redis.set(spent, "1", "EX", ttlSeconds, "NX"))) === "OK";
    const reply = this.#redis.eval(
      SPEND_SCRIPT,
      2,
      AUDIT_STREAM,
      spent,
      AUDIT_STREAM_MAX,
      ttlSeconds,
      ...lines.map((q) => q.line),
    );
    this.#carry(lines, reply);
    return (await this.#answer(reply)) === "OK";
  }

  async claim(key: string, digest: string, ttlSeconds: number): Promise<IdempotencyRecord | undefined> {
    const pending = JSON.stringify({ digest, state: "pending" } satisfies IdempotencyRecord);
    const held = await this.#send((r) => r.eval(CLAIM_SCRIPT, 1, `${PREFIX}idem:${key}`, pending, ttlSeconds));
    return typeof held === "string" ? (JSON.parse(held) as IdempotencyRecord) : undefined;
  }

  async complete(key: string, record: IdempotencyRecord, ttlSeconds: number): Promise<void> {
    await this.#send((r) => r.set(`${PREFIX}idem:${key}`, JSON.stringify(record), "EX", ttlSeconds));
  }

  async release(key: string): Promise<void> {
    await this.#send((r) => r.del(`${PREFIX}idem:${key}`));
  }

  appendAudit(line: string): void {
    this.#queued.push({ seq: this.#seq++, line });
    if (this.#queued.length > AUDIT_QUEUE_MAX) this.#queued.shift();
    this.#schedule();
  }

  /** Resolves once every entry appended so far is in the stream; throws when Redis cannot take them. */
  async flushAudit(): Promise<void> {
    this.#sendQueued(0);
    const sent = await Promise.all(this.#sending);
    if (!sent.every(Boolean)) throw new StateUnavailableError("audit entries not stored");
  }

  async readAudit(limit: number): Promise<string[]> {
    // Sent after this store's queued entries, on the same connection: a reader sees its own writes.
    const rows = await this.#send((r) => r.xrevrange(AUDIT_STREAM, "+", "-", "COUNT", limit));
    return rows.map(([, fields]) => fields[1] ?? "").reverse();
  }

  /** Sends the queued entries first (openFleet's close says if that failed). */
  async close(): Promise<void> {
    await this.flushAudit().catch(() => {});
    this.#redis.disconnect();
  }
}
