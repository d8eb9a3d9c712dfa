import { appendFile, mkdir, readFile, rename, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { log } from "../log.js";
import type { StateStore } from "./store.js";

/** What a confirmation came to: asked for, accepted, declined (or failed), expired, replay refused. */
export type ConfirmDecision = "asked" | "accepted" | "declined" | "expired" | "replay_refused" | "refused";

/**
 * One line of the audit trail. Arguments are redacted as results are, and the credential is a
 * one-way fingerprint: the trail tells who changed what without holding anything secret.
 */
export interface AuditEntry {
  time: string;
  /** attempt: a write is about to be gated or sent; confirmation: the gate's decision; outcome: what the API answered. */
  event: "attempt" | "confirmation" | "outcome";
  tool: string;
  args?: unknown;
  /** SHA-256 of the redacted arguments, to match the lines of one call and spot repeats. */
  argsDigest: string;
  credential: string;
  client?: { name: string; version: string };
  transport: "stdio" | "http";
  requestId?: string | number;
  decision?: ConfirmDecision;
  /** HTTP status, or the failure kind when no status came back. */
  status?: number | string;
  ok?: boolean;
  durationMs?: number;
  /** True when an idempotency key replayed a stored result instead of sending. */
  replayed?: boolean;
  idempotencyKey?: string;
}

/**
 * Where entries go. Appending never waits: a write pays for its trail only where it must (see
 * WriteCall.open). A flush that throws (the Redis stream cannot be reached) refuses the write.
 */
export interface AuditSink {
  readonly where: string;
  append(line: string): void;
  /** Resolves once every line appended so far is stored. */
  flush(): Promise<void>;
  /** The newest `limit` lines, oldest first, including every line appended so far. */
  read(limit: number): Promise<string[]>;
}

/** Kept for the read tool when no file is written (sandbox, or the file turned off). */
export class MemorySink implements AuditSink {
  readonly where = "memory";
  readonly #lines: string[] = [];
  constructor(readonly cap = 1_000) {}
  append(line: string): void {
    this.#lines.push(line);
    // Trimmed once it holds twice the cap, not on every line: a trim moves every line it keeps.
    if (this.#lines.length >= 2 * this.cap) this.#lines.splice(0, this.#lines.length - this.cap);
  }
  async flush(): Promise<void> {}
  async read(limit: number): Promise<string[]> {
    return limit > 0 ? this.#lines.slice(-Math.min(limit, this.cap)) : [];
  }
}

/**
 * JSON lines in a local file, rotated when it would pass `maxBytes`: the full file becomes
 * `<file>.1` (replacing the one before), so the trail takes at most twice the cap on disk. A disk
 * error is logged, not fatal: the trail is a record of work, not a gate on it (the Redis stream is).
 */
export class FileSink implements AuditSink {
  #size: number | undefined;
  #queue: Promise<void> = Promise.resolve();
  #warned = false;
  constructor(
    readonly where: string,
    readonly maxBytes: number,
  ) {}

  append(line: string): void {
    this.#queue = this.#queue
      .then(() => this.#write(`${line}\n`))
      .catch((error: unknown) => {
        if (!this.#warned) log.warn(`audit: cannot write ${this.where}: ${(error as Error).message}`);
        this.#warned = true;
      });
  }

  flush(): Promise<void> {
    return this.#queue;
  }

  async #write(text: string): Promise<void> {
    if (this.#size === undefined) {
      await mkdir(dirname(this.where), { recursive: true });
      this.#size = await stat(this.where).then(
        (s) => s.size,
        () => 0,
      );
    }
    const bytes = Buffer.byteLength(text);
    if (this.#size > 0 && this.#size + bytes > this.maxBytes) {
      await rename(this.where, `${this.where}.1`);
      this.#size = 0;
    }
    await appendFile(this.where, text, { mode: 0o600 });
    this.#size += bytes;
  }

  async read(limit: number): Promise<string[]> {
    await this.#queue;
    const text = async (path: string) => readFile(path, "utf8").catch(() => "");
    const lines = `${await text(`${this.where}.1`)}${await text(this.where)}`.split("\n").filter(Boolean);
    return lines.slice(-limit);
  }
}

/** The capped Redis stream: every replica writes to and reads from one trail. */
export class StoreSink implements AuditSink {
  constructor(readonly store: Required<Pick<StateStore, "appendAudit" | "flushAudit" | "readAudit">>) {}
  readonly where = "redis stream";
  append(line: string): void {
    this.store.appendAudit(line);
  }
  flush(): Promise<void> {
    return this.store.flushAudit();
  }
  read(limit: number): Promise<string[]> {
    return this.store.readAudit(limit);
  }
}

export class AuditLog {
  constructor(readonly sink: AuditSink) {}

  /** Queues one entry, stamped now; the sink stores entries in the order they are recorded. */
  record(entry: Omit<AuditEntry, "time">): void {
    this.sink.append(JSON.stringify({ time: new Date().toISOString(), ...entry }));
  }

  /** Resolves once every entry recorded so far is stored; throws if the Redis stream cannot take them. */
  flush(): Promise<void> {
    return this.sink.flush();
  }

  /** The newest entries, oldest first; lines that do not parse (a torn write) are skipped. */
  async recent(limit: number, since?: Date): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    for (const line of await this.sink.read(limit)) {
      try {
        const entry = JSON.parse(line) as AuditEntry;
        if (!since || Date.parse(entry.time) >= since.getTime()) entries.push(entry);
      } catch {}
    }
    return entries;
  }
}
