import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, describe, expect, it } from "vitest";
import { AUDIT_RESOURCE_URI } from "../../src/audit/surface.js";
import { type AuditEntry, AuditLog, FileSink, MemorySink } from "../../src/state/audit.js";
import { EmbeddedStore } from "../../src/state/store.js";
import { NO_TELEMETRY } from "../../src/telemetry/index.js";
import { BOARD, scriptedApi, textOf } from "../support/helpers.js";

const CLI = new URL("../../dist/cli.js", import.meta.url).pathname;
const ID = "0123456789abcdef01234567";
const KEY = "rk_test_audit_key_0000000001";
const OTHER = "rk_test_audit_other_tenant_01";
const dir = mkdtempSync(join(tmpdir(), "audit-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entriesOf = (result: CallToolResult) => (result.structuredContent as { entries: AuditEntry[] }).entries;

describe("audit trail", () => {
  const api = scriptedApi({ apiKey: KEY });
  api.respond = (_req, res) => res.end(JSON.stringify({ data: { _id: ID } }));

  it("records a write's attempt and outcome and a confirmation's decisions, readable by the caller alone", async () => {
    const fleet = { store: new EmbeddedStore(), audit: new AuditLog(new MemorySink()), telemetry: NO_TELEMETRY };
    const mcp = await api.connect({ fleet });
    await mcp.call("create_leaderboard", { ...BOARD, name: "Audited", slug: "audited" });
    await mcp.call("delete_leaderboard", { leaderboardID: ID });
    await mcp.call("delete_leaderboard", { leaderboardID: ID, confirm: "c2.1.bogus.mac" });
    await mcp.call("list_leaderboards", {});

    const today = await mcp.call("list_recent_changes", {});
    expect(today.isError).toBeFalsy();
    expect(entriesOf(today).map((e) => [e.tool, e.event, e.decision ?? e.status ?? null])).toEqual([
      ["create_leaderboard", "attempt", null],
      ["create_leaderboard", "outcome", 200],
      ["delete_leaderboard", "attempt", null],
      ["delete_leaderboard", "confirmation", "asked"],
      ["delete_leaderboard", "attempt", null],
      ["delete_leaderboard", "confirmation", "refused"],
    ]);
    expect(JSON.stringify(today)).not.toContain(KEY);
    const onlyDeletes = await mcp.call("list_recent_changes", { tool: "delete_leaderboard", limit: 1 });
    expect(entriesOf(onlyDeletes)).toMatchObject([{ decision: "refused" }]);

    const resource = await mcp.client.readResource({ uri: AUDIT_RESOURCE_URI });
    const text = (resource.contents[0] as { text: string }).text;
    expect(JSON.parse(text)).toMatchObject({ count: 6 });

    // Another manager on the same server sees none of it.
    const other = await api.connect({ apiKey: OTHER, fleet });
    expect(entriesOf(await other.call("list_recent_changes", {}))).toEqual([]);
    expect(textOf(await other.call("list_recent_changes", { since: "yesterday" }))).toMatch(/Invalid arguments/);
  });

  it("keeps the newest entries in memory up to its cap", async () => {
    const sink = new MemorySink(3);
    for (let i = 0; i < 10; i++) sink.append(`line ${i}`);
    expect(await sink.read(5)).toEqual(["line 7", "line 8", "line 9"]);
    expect(await sink.read(2)).toEqual(["line 8", "line 9"]);
    expect(await sink.read(0)).toEqual([]);
  });

  it("rotates the file at its cap, keeping one older file", async () => {
    const file = join(dir, "rotate", "audit.jsonl");
    const log = new AuditLog(new FileSink(file, 4_096));
    for (let i = 0; i < 120; i++) {
      log.record({ event: "attempt", tool: `tool_${i}`, argsDigest: "d", credential: "c", transport: "stdio" });
    }
    await log.flush();
    expect(statSync(file).size).toBeLessThanOrEqual(4_096);
    expect(statSync(`${file}.1`).size).toBeLessThanOrEqual(4_096);
    const recent = await log.recent(5);
    expect(recent.map((e) => e.tool)).toEqual(["tool_115", "tool_116", "tool_117", "tool_118", "tool_119"]);
    expect((statSync(file).mode & 0o777).toString(8)).toBe("600");
  });

  it("writes the file from a served session, and `returning-ai-mcp audit` prints it", async () => {
    const file = join(dir, "served", "audit.jsonl");
    const env = { PATH: process.env.PATH ?? "", RETURNING_AI_AUDIT_FILE: file };
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, "--sandbox"], env, stderr: "pipe" });
    const client = new Client({ name: "audit-test", version: "2.0.0" });
    await client.connect(transport);
    try {
      const made = (await client.callTool({
        name: "create_leaderboard",
        arguments: { ...BOARD, name: "From stdio", slug: "from-stdio" },
      })) as CallToolResult;
      expect(made.isError).toBeFalsy();
    } finally {
      await client.close();
    }
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [CLI, "audit"], { env });
    expect(stdout).toContain(`Audit trail: ${file}`);
    expect(stdout).toMatch(/outcome\s+create_leaderboard\s+20\d\s+key:\S+\s+audit-test\/2\.0\.0\s+stdio/);
    const json = await run(process.execPath, [CLI, "audit", "--json"], { env });
    const lines = json.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as AuditEntry);
    expect(lines.map((e) => e.event)).toEqual(["attempt", "outcome"]);
    expect(lines[0]?.args).toMatchObject({ name: "From stdio" });
  }, 30_000); // three processes start in turn
});
