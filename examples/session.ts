/**
 * What both examples share: start returning-ai-mcp over stdio with the official MCP SDK client, call
 * tools, and get a person's yes before a destructive call is sent. Copy it into your own scripts.
 */
import { createInterface } from "node:readline/promises";
import { pathToFileURL } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { getDefaultEnvironment, StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

export interface SessionOptions {
  /** Use the server's built-in sandbox (a simulated community) instead of your real one. */
  sandbox: boolean;
  /** Path of the server's cli.js; by default `returning-ai-mcp` from your PATH. */
  server?: string;
  /** The toolsets the script calls (the server offers only its default toolsets otherwise). */
  toolsets?: string[];
}

/** Where a script talks to the person running it; tests pass their own. */
export interface Io {
  print(line: string): void;
  /** Whether someone can answer `confirm`: false when stdin is not a terminal (cron, CI, a pipe). */
  interactive: boolean;
  /** Asks a yes/no question; false unless the answer is yes. */
  confirm(question: string): Promise<boolean>;
}

/**
 * Called before a script changes anything when one of its steps will ask: with nobody to answer,
 * it stops now, rather than halfway through with the first changes made and the rest waiting forever.
 */
export function needAnswer(io: Io, yes: boolean, step: string): void {
  if (yes || io.interactive) return;
  throw new Error(`${step} needs a yes, and stdin is not a terminal: run it at a terminal, or add --yes. Nothing was changed.`);
}

export const terminal: Io = {
  interactive: Boolean(process.stdin.isTTY),
  print: (line) => void process.stdout.write(`${line}\n`),
  confirm: async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    const answer = await rl.question(`${question} [y/N] `);
    rl.close();
    return /^y(es)?$/i.test(answer.trim());
  },
};

export interface Preview {
  method: string;
  url: string;
  body?: unknown;
}

export class Session {
  private constructor(private readonly client: Client) {}

  static async start({ sandbox, server, toolsets }: SessionOptions): Promise<Session> {
    // The SDK passes only a safe set of variables to the child: hand over the server's settings explicitly.
    const settings = Object.fromEntries(Object.entries(process.env).filter(([k, v]) => k.startsWith("RETURNING_AI_") && v));
    const transport = new StdioClientTransport({
      command: server ? process.execPath : "returning-ai-mcp",
      args: [
        ...(server ? [server] : []),
        ...(sandbox ? ["--sandbox"] : []),
        ...(toolsets ? ["--toolsets", toolsets.join(",")] : []),
      ],
      env: { ...getDefaultEnvironment(), ...(settings as Record<string, string>), RETURNING_AI_LOG_LEVEL: "warn" },
    });
    const client = new Client({ name: "returning-ai-example", version: "1.0.0" });
    await client.connect(transport);
    return new Session(client);
  }

  private async raw(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
    const result = (await this.client.callTool({ name, arguments: args })) as CallToolResult;
    if (result.isError) {
      const text = result.content.map((c) => (c.type === "text" ? c.text : "")).join(" ");
      throw new Error(`${name} failed: ${text}`);
    }
    return result;
  }

  /** The `data` of a successful call; a failed call throws with the server's one-line reason. */
  async call<T>(name: string, args: Record<string, unknown> = {}): Promise<T> {
    return ((await this.raw(name, args)).structuredContent as { data: T }).data;
  }

  /**
   * A call that may need confirmation: the server answers the first call with a preview and a token
   * and sends nothing; only if `approve` says yes is the same call repeated with the token.
   * Returns false when the person declined.
   */
  async callConfirmed(
    name: string,
    args: Record<string, unknown>,
    approve: (preview: Preview) => Promise<boolean>,
  ): Promise<boolean> {
    const first = (await this.raw(name, args)).structuredContent as {
      confirmationRequired?: boolean;
      preview: Preview;
      confirmToken: string;
    };
    if (!first.confirmationRequired) return true;
    if (!(await approve(first.preview))) return false;
    await this.raw(name, { ...args, confirm: first.confirmToken });
    return true;
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

/** Reads `--name value` and `--flag` arguments. */
export function flags(argv: string[]): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (!arg.startsWith("--")) throw new Error(`Unexpected argument '${arg}'`);
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith("--")) {
      out.set(arg.slice(2), next);
      i++;
    } else out.set(arg.slice(2), true);
  }
  return out;
}

/** Runs `main` when the file is started directly (not when a test imports it). */
export function runIfMain(url: string, main: (argv: string[], io: Io) => Promise<void>): void {
  if (process.argv[1] && pathToFileURL(process.argv[1]).href === url) {
    main(process.argv.slice(2), terminal).catch((error: Error) => {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    });
  }
}
