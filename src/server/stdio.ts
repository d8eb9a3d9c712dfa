import process from "node:process";
import type { Readable, Writable } from "node:stream";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { ErrorCode, type JSONRPCMessage, JSONRPCMessageSchema, type RequestId } from "@modelcontextprotocol/sdk/types.js";
import { log } from "../log.js";
import { isNotification, isRequest, isResponse } from "./jsonrpc-kind.js";
import { LINE_END_BYTES, requestIdOfLine } from "./line-id.js";

/** The SDK's stdio limit; a bigger message is refused with an error, the session goes on. */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/** How long calls in flight may take to finish once stdin has closed. */
export const DRAIN_MS = 60_000;

export interface StdioOptions {
  maxMessageBytes?: number;
  drainMs?: number;
}

/**
 * Newline-delimited JSON-RPC over stdin/stdout, like the SDK's stdio transport, but never silent:
 * an oversized, unparsable or invalid message gets a JSON-RPC error (the SDK's drops it or ends
 * the session without a word), and when stdin closes, the calls still running are answered
 * before `drained` resolves.
 */
export class StdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  /** Resolves once stdin has ended and every request read has been answered (or DRAIN_MS passed). */
  readonly drained: Promise<void>;

  readonly #stdin: Readable;
  readonly #stdout: Writable;
  readonly #max: number;
  readonly #drainMs: number;
  readonly #pending = new Set<RequestId>();
  #line: Buffer[] = [];
  #lineBytes = 0;
  #oversized = false;
  /** The first and last bytes of an oversized line, where its id can be found (src/server/line-id.ts). */
  #head = Buffer.alloc(0);
  #tail = Buffer.alloc(0);
  #ended = false;
  #closed = false;
  #resolveDrained!: () => void;

  constructor(stdin: Readable = process.stdin, stdout: Writable = process.stdout, opts: StdioOptions = {}) {
    this.#stdin = stdin;
    this.#stdout = stdout;
    this.#max = opts.maxMessageBytes ?? MAX_MESSAGE_BYTES;
    this.#drainMs = opts.drainMs ?? DRAIN_MS;
    this.drained = new Promise((resolve) => (this.#resolveDrained = resolve));
  }

  async start(): Promise<void> {
    this.#stdin.on("data", this.#onData);
    this.#stdin.on("end", this.#onEnd);
    this.#stdin.on("error", this.#onEnd);
    this.#stdout.on("error", this.#onStdoutError);
  }

  /** The client closed our stdout (EPIPE): nothing more can reach it, so the session is over. */
  readonly #onStdoutError = (error: Error): void => {
    log.debug(`stdout closed by the client: ${error.message}`);
    this.#pending.clear();
    void this.close();
  };

  readonly #onData = (chunk: Buffer): void => {
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      this.#take(chunk.subarray(start, nl));
      this.#endLine();
      start = nl + 1;
    }
    if (start < chunk.length) this.#take(chunk.subarray(start));
  };

  /**
   * Keeps a piece of the current line; once the line is over the limit, only its first and last
   * LINE_END_BYTES, so that memory stays bounded and the error can still carry the request's id.
   */
  #take(piece: Buffer): void {
    if (piece.length === 0) return;
    if (this.#oversized) {
      this.#keepTail(piece);
      return;
    }
    this.#lineBytes += piece.length;
    if (this.#lineBytes > this.#max) {
      const line = Buffer.concat([...this.#line, piece]);
      this.#oversized = true;
      this.#line = [];
      this.#head = Buffer.from(line.subarray(0, LINE_END_BYTES));
      this.#keepTail(line);
    } else {
      this.#line.push(piece);
    }
  }

  #keepTail(piece: Buffer): void {
    const recent = piece.subarray(-LINE_END_BYTES);
    this.#tail = Buffer.from(Buffer.concat([this.#tail, recent]).subarray(-LINE_END_BYTES));
  }

  #endLine(): void {
    const oversized = this.#oversized;
    const text = oversized ? "" : Buffer.concat(this.#line).toString("utf8").replace(/\r$/, "");
    this.#line = [];
    this.#lineBytes = 0;
    this.#oversized = false;
    if (oversized) {
      const id = requestIdOfLine(this.#head.toString("utf8"), this.#tail.toString("utf8"));
      this.#head = this.#tail = Buffer.alloc(0);
      const message = `Message too large: the limit is ${this.#max} bytes per line; it was not read`;
      log.warn(`stdio: ${message}`);
      // Answered with its id where it shows: a client waiting on that request learns now, not at its timeout.
      this.#reply(id, ErrorCode.InvalidRequest, message);
      return;
    }
    if (text.trim() !== "") this.#handle(text);
  }

  #handle(text: string): void {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      this.#reply(null, ErrorCode.ParseError, "Parse error: the line is not JSON");
      return;
    }
    const parsed = JSONRPCMessageSchema.safeParse(json);
    if (!parsed.success) {
      const id = (json as { id?: unknown } | null)?.id;
      const known = typeof id === "string" || typeof id === "number" ? id : null;
      this.#reply(known, ErrorCode.InvalidRequest, "Invalid request: not a JSON-RPC 2.0 message");
      return;
    }
    const message = parsed.data;
    if (isRequest(message)) this.#pending.add(message.id);
    if (isNotification(message) && message.method === "notifications/cancelled") {
      // A cancelled request gets no answer; do not wait for one at shutdown.
      const id = (message.params as { requestId?: RequestId } | undefined)?.requestId;
      if (id !== undefined) this.#pending.delete(id);
    }
    this.onmessage?.(message);
    this.#checkDrained();
  }

  #reply(id: RequestId | null, code: number, message: string): void {
    void this.#write({ jsonrpc: "2.0", id, error: { code, message } });
  }

  readonly #onEnd = (): void => {
    if (this.#ended) return;
    this.#ended = true;
    if (this.#pending.size > 0) {
      setTimeout(() => {
        if (this.#pending.size === 0) return;
        log.warn(`stdin closed; ${this.#pending.size} call(s) still running after ${this.#drainMs} ms are dropped`);
        this.#pending.clear();
        this.#checkDrained();
      }, this.#drainMs).unref();
    }
    this.#checkDrained();
  };

  #checkDrained(): void {
    if (this.#ended && this.#pending.size === 0) this.#resolveDrained();
  }

  async send(message: JSONRPCMessage): Promise<void> {
    await this.#write(message);
    if (isResponse(message)) {
      const { id } = message as { id?: RequestId };
      if (id !== undefined) this.#pending.delete(id);
      this.#checkDrained();
    }
  }

  #write(message: unknown): Promise<void> {
    if (this.#closed) return Promise.resolve();
    return new Promise((resolve) => {
      if (this.#stdout.write(`${JSON.stringify(message)}\n`)) resolve();
      else this.#stdout.once("drain", resolve);
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#stdin.off("data", this.#onData);
    this.#stdin.off("end", this.#onEnd);
    this.#stdin.off("error", this.#onEnd);
    this.#stdin.pause();
    this.#resolveDrained();
    this.onclose?.();
  }
}
