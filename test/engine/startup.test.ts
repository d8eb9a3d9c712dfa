import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LoggingMessageNotification, LoggingMessageNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_TOOL_NAME } from "../../src/audit/surface.js";
import { selectReach } from "../../src/catalog/filters.js";
import { ALL_TOOLS, findTool } from "../../src/catalog/index.js";
import { listTool } from "../../src/catalog/listing.js";
import { type Sandbox, startSandbox } from "../../src/sandbox/index.js";
import { VERSION } from "../../src/version.js";
import { type Connected, connectInMemory, dataOf } from "../support/helpers.js";
import { spawnServer } from "../support/stdio.js";

const CLI = new URL("../../dist/cli.js", import.meta.url).pathname;

/** Starts the built server as a client does, lists its tools, and returns what it wrote to stderr. */
async function stderrOfStart(args: string[], env: Record<string, string> = {}): Promise<{ stderr: string; tools: number }> {
  const server = await spawnServer(process.execPath, [CLI, ...args], env);
  const { tools } = await server.client.listTools();
  await server.close();
  return { stderr: server.stderr(), tools: tools.length };
}

describe("startup line", () => {
  it("says version, tools listed and reachable, toolsets and the sandbox URL on stderr when a client spawns it", async () => {
    const { stderr, tools } = await stderrOfStart(["--sandbox", "--toolsets", "store,api_keys", "--read-only"]);
    const reachable = selectReach({ readOnly: true }).reachable.length;
    expect(stderr).toMatch(
      new RegExp(
        `^\\[returning-ai-mcp\\] info: returning-ai-mcp ${VERSION.replace(/\./g, "\\.")}: ${tools} tools listed ` +
          `\\(store, api_keys, list_recent_changes, find_tools, describe_tool, call_tool\\), ${reachable} reachable over stdio; ` +
          "API: built-in sandbox at http://127\\.0\\.0\\.1:\\d+; community [a-f0-9]{24}; read-only\\.\\n$",
      ),
    );
  });

  it("counts what discover mode lists and reaches", async () => {
    const { stderr, tools } = await stderrOfStart(["--sandbox", "--discover", "--legacy"]);
    expect(tools).toBe(3);
    expect(stderr).toContain(
      `: 3 tools listed (find_tools, describe_tool, call_tool), ${ALL_TOOLS.length} reachable over stdio;`,
    );
  });

  it("warns when no credential is set and no sandbox is on", async () => {
    const { stderr } = await stderrOfStart([]);
    const lines = stderr.trim().split("\n");
    expect(lines[0]).toMatch(/info: returning-ai-mcp .* over stdio; API: https:\/\/api\.returning\.ai\.$/);
    expect(lines[1]).toMatch(
      /warn: No Returning\.AI credential is set: every tool call will fail until you set RETURNING_AI_API_KEY/,
    );
    const withKey = await stderrOfStart([], { RETURNING_AI_API_KEY: "not-a-real-key-0000" });
    expect(withKey.stderr).not.toMatch(/warn/);
    expect(withKey.stderr).not.toContain("not-a-real-key");
  });

  it("over HTTP, says where it listens and that requests must then bring their own key", async () => {
    const child = spawn(process.execPath, [CLI, "--http", "--port", "0"], { env: { PATH: process.env.PATH ?? "" } });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stderr.on("data", () => stderr.includes("warn:") && resolve());
      child.once("exit", () => reject(new Error(`exited early: ${stderr}`)));
    });
    child.kill();
    expect(stderr).toMatch(
      /info: returning-ai-mcp .* over Streamable HTTP at http:\/\/127\.0\.0\.1:\d+\/mcp; API: https:\/\/api\.returning\.ai\./,
    );
    expect(stderr).toContain("warn: No Returning.AI credential is set: every MCP request must bring its own key");
  });
});

describe("MCP logging", () => {
  let sandbox: Sandbox;
  let server: Connected;
  const messages: LoggingMessageNotification["params"][] = [];
  beforeAll(async () => {
    sandbox = await startSandbox();
    server = await connectInMemory({ baseUrl: sandbox.url, apiKey: sandbox.apiKey });
    server.client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => void messages.push(n.params));
  });
  afterAll(async () => {
    await server.close();
    await sandbox.close();
  });

  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  it("sends each upstream request as a debug message, and stops when the level is raised", async () => {
    await server.client.setLoggingLevel("debug");
    expect(dataOf<unknown[]>(await server.call("list_leaderboards", { limit: 1 }))).toHaveLength(1);
    await server.call("get_leaderboard", { leaderboardID: "5a4d10000000000000000fff" });
    await settle();
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatchObject({ level: "debug", logger: "returning-ai-mcp" });
    expect(messages[0]?.data).toMatch(
      new RegExp(`^list_leaderboards: GET ${sandbox.url}/leaderboards\\?limit=1 -> 200 in \\d+ ms$`),
    );
    expect(messages[1]?.data).toMatch(/^get_leaderboard: GET .*\/leaderboards\/5a4d10000000000000000fff -> 404 in \d+ ms$/);
    expect(JSON.stringify(messages)).not.toContain(sandbox.apiKey);

    await server.client.setLoggingLevel("info");
    await server.call("list_leaderboards", { limit: 1 });
    await settle();
    expect(messages).toHaveLength(2);
  });

  it("sends nothing for a call that never reaches the API", async () => {
    await server.client.setLoggingLevel("debug");
    const before = messages.length;
    await server.call("list_leaderboards", { limit: 0 });
    await server.call("delete_leaderboard", { leaderboardID: "5a4d10000000000000000002" });
    await settle();
    expect(messages).toHaveLength(before);
  });
});

describe("the bundle's prebuilt tools/list", () => {
  const listedBy = async (args: string[]) => {
    const server = await spawnServer(process.execPath, [CLI, "--base-url", "http://127.0.0.1:9", ...args], {
      RETURNING_AI_API_KEY: "k",
    });
    const { tools } = await server.client.listTools();
    await server.close();
    return tools;
  };

  it("lists every tool exactly as the registry builds it", async () => {
    const tools = (await listedBy(["--toolsets", "all,legacy", "--legacy"])).filter((t) => t.name !== AUDIT_TOOL_NAME);
    expect(tools).toEqual(JSON.parse(JSON.stringify(ALL_TOOLS.map(listTool))));
  });

  it("lists a tool whose route a routes file overrides by its new method, not the prebuilt one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rai-prebuilt-"));
    const file = join(dir, "routes.json");
    writeFileSync(
      file,
      JSON.stringify({ delete_leaderboard: { method: "POST", path: "/v1/leaderboards/{leaderboardID}/delete" } }),
    );
    const tools = await listedBy(["--toolsets", "leaderboards", "--routes", file]);
    const listed = tools.find((t) => t.name === "delete_leaderboard");
    // DELETE is idempotent by HTTP semantics; a POST is not, so the hint must go.
    expect(findTool("delete_leaderboard")?.method).toBe("DELETE");
    expect(listed?.annotations).toEqual({ destructiveHint: true });
  });
});
