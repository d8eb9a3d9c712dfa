import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { requestIdOfLine } from "../../src/server/line-id.js";
import { recordingApi } from "../support/helpers.js";

const CLI = new URL("../../dist/cli.js", import.meta.url).pathname;

interface Session {
  child: ChildProcessWithoutNullStreams;
  /** Waits for the next JSON line on stdout. */
  next(): Promise<Record<string, unknown>>;
  send(line: string): void;
  exited: Promise<{ code: number | null; stderr: string }>;
}

function start(args: string[], env: Record<string, string> = {}): Session {
  const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? "", ...env } });
  let buffered = "";
  let stderr = "";
  const lines: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  child.stdout.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    for (let nl = buffered.indexOf("\n"); nl >= 0; nl = buffered.indexOf("\n")) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      const waiter = waiting.shift();
      if (waiter) waiter(line);
      else lines.push(line);
    }
  });
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on("exit", (code) => resolve({ code, stderr })),
  );
  return {
    child,
    exited,
    send: (line) => void child.stdin.write(`${line}\n`),
    next: () =>
      new Promise((resolve) => {
        const line = lines.shift();
        if (line !== undefined) resolve(JSON.parse(line));
        else waiting.push((l) => resolve(JSON.parse(l)));
      }),
  };
}

const rpc = (id: number, method: string, params: Record<string, unknown> = {}) =>
  JSON.stringify({ jsonrpc: "2.0", id, method, params });
const INIT = rpc(0, "initialize", {
  protocolVersion: "2025-06-18",
  capabilities: {},
  clientInfo: { name: "raw", version: "1" },
});

describe("stdio is never silent", () => {
  const running: Session[] = [];
  afterEach(() => {
    for (const s of running.splice(0)) s.child.kill();
  });

  /** A server on `baseUrl`, past the MCP handshake. */
  async function initialized(baseUrl: string): Promise<Session> {
    const s = start([], { RETURNING_AI_BASE_URL: baseUrl, RETURNING_AI_API_KEY: "rk_test_stdio_0001" });
    running.push(s);
    s.send(INIT);
    await s.next();
    s.send(JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }));
    return s;
  }

  it("answers an oversized message with an error and keeps serving", async () => {
    const s = start(["--sandbox"]);
    running.push(s);
    s.send(INIT);
    expect(await s.next()).toMatchObject({ id: 0, result: { serverInfo: { name: "returning-ai-mcp" } } });
    const pad = "x".repeat(11 * 1024 * 1024);
    const tooLarge = (id: unknown) => ({
      jsonrpc: "2.0",
      id,
      error: { code: -32600, message: "Message too large: the limit is 10485760 bytes per line; it was not read" },
    });
    // The id among the first bytes, as most clients write a request.
    s.send(rpc(1, "tools/list", { pad }));
    expect(await s.next()).toEqual(tooLarge(1));
    // The id last, as the SDK's client writes it: {method, params, jsonrpc, id}.
    s.send(JSON.stringify({ method: "tools/list", params: { pad }, jsonrpc: "2.0", id: "req-7" }));
    expect(await s.next()).toEqual(tooLarge("req-7"));
    // Neither the first members nor the last is the id (a nested one does not count): null, as JSON-RPC says.
    s.send(JSON.stringify({ params: { pad, id: 4 }, method: "tools/list", id: 3, jsonrpc: "2.0" }));
    expect(await s.next()).toEqual(tooLarge(null));
    s.send(rpc(2, "tools/list"));
    expect(await s.next()).toMatchObject({ id: 2, result: { tools: expect.any(Array) } });
  });

  it("answers an unparsable or invalid message with an error", async () => {
    const s = start(["--sandbox"]);
    running.push(s);
    s.send("{not json");
    expect(await s.next()).toMatchObject({ id: null, error: { code: -32700 } });
    s.send(JSON.stringify({ jsonrpc: "1.0", id: 7, method: 42 }));
    expect(await s.next()).toMatchObject({ id: 7, error: { code: -32600 } });
    s.send(INIT);
    expect(await s.next()).toMatchObject({ id: 0, result: {} });
  });

  it("refuses a raw __proto__ argument with a tool error, and sends nothing", async () => {
    const api = await recordingApi();
    try {
      const s = await initialized(api.url);
      // Written as text: the SDK's schema would drop the own `__proto__` (and with it dryRun) before any handler.
      s.send(
        '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"update_leaderboard","arguments":' +
          '{"leaderboardID":"0123456789abcdef01234567","name":"x","__proto__":{"dryRun":true}}}}',
      );
      expect(await s.next()).toEqual({
        jsonrpc: "2.0",
        id: 1,
        result: {
          isError: true,
          content: [
            {
              type: "text",
              text: 'Invalid arguments for update_leaderboard: __proto__: "__proto__" is not accepted as a field name (__proto__, constructor and prototype are reserved); remove it. Nothing was sent.',
            },
          ],
        },
      });
      s.send(rpc(2, "tools/list"));
      expect(await s.next()).toMatchObject({ id: 2, result: { tools: expect.any(Array) } });
      expect(api.requests).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it("answers the calls in flight when stdin closes, then exits 0", async () => {
    const api = await recordingApi((_req, res) => {
      setTimeout(() => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ meta: { status: "success", statusCode: 200 }, message: "ok", data: { late: true } }));
      }, 700);
    });
    try {
      const s = await initialized(api.url);
      s.send(rpc(1, "tools/call", { name: "get_leaderboard", arguments: { leaderboardID: "0123456789abcdef01234567" } }));
      s.send(rpc(2, "tools/call", { name: "list_leaderboards", arguments: {} }));
      s.child.stdin.end();
      const answers = [await s.next(), await s.next()];
      expect(answers.map((a) => a.id).sort()).toEqual([1, 2]);
      for (const a of answers) expect(JSON.stringify(a)).toContain('\\"late\\":true');
      expect((await s.exited).code).toBe(0);
    } finally {
      await api.close();
    }
  });

  it("stops quietly with exit 0 when the client closes our stdout", async () => {
    const s = start(["--sandbox"]);
    running.push(s);
    s.send(INIT);
    await s.next();
    s.child.stdout.destroy();
    // Answers now hit a closed pipe (EPIPE): the server must notice and end, not crash.
    for (let id = 1; id <= 3; id++) s.send(rpc(id, "tools/list"));
    const { code, stderr } = await s.exited;
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|Unhandled|at .*\.js:\d+/);
  });
});

describe("the id of an oversized line", () => {
  const PAD = "y".repeat(2_000);
  /** What the transport keeps of a line: its first and last 512 bytes. */
  const idOf = (line: string) => requestIdOfLine(line.slice(0, 512), line.slice(-512));

  it.each([
    ['{"jsonrpc":"2.0","id":12,"method":"tools/call","params":{"p":"PAD"}}', 12],
    ['{ "jsonrpc" : "2.0" , "id" : "a\\"b" , "params":{"p":"PAD"}}', 'a"b'],
    ['{"i\\u0064":5,"params":{"p":"PAD"}}', 5],
    ['{"method":"x","params":{"p":"PAD"},"jsonrpc":"2.0","id":7}\r', 7],
    // An "id" inside a string, or a nested one, is not the request's.
    ['{"params":{"p":"PAD"},"q":"x,\\"id\\":9}"}', null],
    ['{"params":{"p":"PAD","id":9}}', null],
    ['{"params":{"p":"PAD"},"id":{"x":1}}', null],
    ['{"method":"x\\",\\"id\\":9,"params":{"p":"PAD"}}', null],
    ["[1,2,PAD]", null],
  ])("%s -> %s", (line, id) => {
    expect(idOf(line.replace("PAD", PAD))).toBe(id);
  });
});
