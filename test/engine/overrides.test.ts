import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { ElicitRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { startRuntime } from "../../src/runtime.js";
import { createServer } from "../../src/server.js";
import { recordingApi, textOf } from "../support/helpers.js";

/** A user fixes an unverified route with a routes file, without a release; every mistake in it stops startup. */

const CLI = new URL("../../dist/cli.js", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "rai-routes-"));
const routesFile = (name: string, content: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
};
const run = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { PATH: process.env.PATH ?? "" }, timeout: 20_000 });

const GOOD = { delete_leaderboard: { method: "post", path: "/v1/leaderboards/{leaderboardID}/delete" } };

describe("route overrides", () => {
  it("shows each tool's effective route and where it came from", () => {
    const { stdout, status } = run("tools", "--json", "--routes", routesFile("good.json", GOOD));
    expect(status).toBe(0);
    const rows = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(rows.find((r) => r.name === "delete_leaderboard")).toMatchObject({
      method: "POST",
      path: "/v1/leaderboards/{leaderboardID}/delete",
      routeStatus: "inferred",
      routeSource: "override",
    });
    expect(rows.find((r) => r.name === "get_leaderboard")).toMatchObject({ routeSource: "documented" });
  });

  it.each([
    ["unknown tool", { drop_table: { method: "GET", path: "/x" } }, /drop_table: unknown tool/],
    [
      "bad method",
      { get_leaderboard: { method: "FETCH", path: "/x" } },
      /get_leaderboard: method must be one of GET, POST, PUT, PATCH, DELETE/,
    ],
    [
      "foreign param",
      { get_leaderboard: { method: "GET", path: "/l/{boardId}" } },
      /path param \{boardId\} is not an argument of get_leaderboard/,
    ],
    ["extra key", { get_leaderboard: { method: "GET", path: "/l", host: "x" } }, /unknown key host/],
    ["traversal", { get_leaderboard: { method: "GET", path: "/a/../b" } }, /path segments must be plain text/],
    ["not JSON", "{nope", /cannot read .* as JSON/],
  ])("exits 2 with one line for a %s", (_what, content, message) => {
    const file = routesFile(`bad-${_what.replace(/\W/g, "")}.json`, content);
    const { status, stderr } = run("--sandbox", "--routes", file);
    expect(status).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it("sends the call to the overridden route", async () => {
    const api = await recordingApi();
    const file = routesFile("call.json", GOOD);
    const runtime = await startRuntime(
      parseConfig(["--base-url", api.url], { RETURNING_AI_API_KEY: "k-0001", RETURNING_AI_ROUTES: file }),
    );
    const server = createServer({
      reach: runtime.reach,
      context: runtime.contextFor(runtime.defaults.credentials, "env", "stdio"),
    });
    const client = new Client({ name: "t", version: "1" }, { capabilities: { elicitation: { form: {} } } });
    client.setRequestHandler(ElicitRequestSchema, () => ({
      action: "accept",
      content: { confirm: true },
    }));
    const [a, b] = InMemoryTransport.createLinkedPair();
    await Promise.all([server.connect(a), client.connect(b)]);
    try {
      const id = "0123456789abcdef01234567";
      const result = await client.callTool({ name: "delete_leaderboard", arguments: { leaderboardID: id } });
      expect(result.isError, textOf(result as never)).toBeFalsy();
      expect(api.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`POST /v1/leaderboards/${id}/delete`]);
    } finally {
      await client.close();
      await runtime.close();
      await api.close();
    }
  });
});
