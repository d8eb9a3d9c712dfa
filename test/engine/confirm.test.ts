import { type CallToolResult, McpError } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { selectTools } from "../../src/catalog/filters.js";
import { ConfirmTokens } from "../../src/server/confirm.js";
import { keyFingerprint } from "../../src/util/digest.js";
import { type Connected, connectInMemory, recordingApi, textOf } from "../support/helpers.js";

const ID = "0123456789abcdef01234567";
const KEY = "rk_test_confirmation_key_0001";

describe("confirmation gate", () => {
  let api: Awaited<ReturnType<typeof recordingApi>>;
  const open: Connected[] = [];
  const connect = async (extra: Partial<Parameters<typeof connectInMemory>[0]> = {}) => {
    const mcp = await connectInMemory({ baseUrl: api.url, apiKey: KEY, ...extra });
    open.push(mcp);
    return mcp;
  };

  beforeAll(async () => {
    api = await recordingApi();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
    api.requests.length = 0;
  });
  afterAll(() => api.close());

  it("sends nothing without confirmation and hands out a preview and token", async () => {
    const mcp = await connect();
    const result = await mcp.call("delete_leaderboard", { leaderboardID: ID });
    expect(result.isError).toBeFalsy();
    expect(api.requests).toHaveLength(0);
    expect(result.structuredContent).toMatchObject({
      confirmationRequired: true,
      preview: { method: "DELETE", url: `${api.url}/leaderboards/${ID}` },
      expiresInSeconds: 600,
    });
    const { confirmToken } = result.structuredContent as { confirmToken: string };
    expect(textOf(result)).toContain(confirmToken);

    const confirmed = await mcp.call("delete_leaderboard", { leaderboardID: ID, confirm: confirmToken });
    expect(confirmed.isError).toBeFalsy();
    expect(api.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`DELETE /leaderboards/${ID}`]);
  });

  it("asks before legacy calls too, even reads", async () => {
    const mcp = await connect();
    const result = await mcp.call("legacy_list_integration_api_keys", { communityId: ID });
    expect(result.structuredContent).toMatchObject({ confirmationRequired: true });
    expect(api.requests).toHaveLength(0);
  });

  it("refuses a token for other arguments, another tool, another key, an edited or an expired one", async () => {
    const tokens = new ConfirmTokens("shared-secret");
    const mcp = await connect({ tokens });
    const asked = await mcp.call("delete_leaderboard", { leaderboardID: ID });
    const { confirmToken } = asked.structuredContent as { confirmToken: string };
    const subject = { tool: "delete_leaderboard", args: { leaderboardID: ID }, keyFingerprint: keyFingerprint(KEY) };

    const otherArgs = await mcp.call("delete_leaderboard", { leaderboardID: "fedcba9876543210fedcba98", confirm: confirmToken });
    expect(textOf(otherArgs)).toMatch(/another tool, other arguments or another API key/);
    const otherTool = tokens.mint({ ...subject, tool: "delete_store_category" });
    expect(textOf(await mcp.call("delete_leaderboard", { leaderboardID: ID, confirm: otherTool }))).toMatch(/does not match/);
    const otherKey = tokens.mint({ ...subject, keyFingerprint: keyFingerprint("someone-elses-key") });
    expect(textOf(await mcp.call("delete_leaderboard", { leaderboardID: ID, confirm: otherKey }))).toMatch(/does not match/);
    // Every position, the last one included, whose spare bits a lax decoder would ignore.
    for (const at of [confirmToken.length - 20, confirmToken.length - 1]) {
      const flipped = confirmToken[at] === "A" ? "B" : "A";
      const edited = `${confirmToken.slice(0, at)}${flipped}${confirmToken.slice(at + 1)}`;
      expect(textOf(await mcp.call("delete_leaderboard", { leaderboardID: ID, confirm: edited }))).toMatch(/does not match/);
    }
    const [version, expiry, nonce, mac] = confirmToken.split(".");
    const extended = `${version}.${Number(expiry) + 3600}.${nonce}.${mac}`;
    expect(textOf(await mcp.call("delete_leaderboard", { leaderboardID: ID, confirm: extended }))).toMatch(/does not match/);
    const expired = tokens.mint(subject, Date.now() - 11 * 60 * 1000);
    const late = await mcp.call("delete_leaderboard", { leaderboardID: ID, confirm: expired });
    expect(late.isError).toBe(true);
    expect(textOf(late)).toMatch(/expired/);
    expect(textOf(await mcp.call("delete_leaderboard", { leaderboardID: ID, confirm: "yes" }))).toMatch(
      /not a confirmation token/,
    );
    expect(api.requests).toHaveLength(0);
  });

  it("refuses a token minted by another process with the same secret, and by this one before a restart", async () => {
    // Each ConfirmTokens stands for one process: the runtime makes one at startup.
    const replicaA = await connect({ tokens: new ConfirmTokens("replica-secret") });
    const replicaB = await connect({ tokens: new ConfirmTokens("replica-secret") });
    const args = { productID: ID };
    const confirm = await tokenFor(replicaA, "delete_store_product", args);
    const elsewhere = await replicaB.call("delete_store_product", { ...args, confirm });
    expect(elsewhere.isError).toBe(true);
    expect(textOf(elsewhere)).toMatch(/by another server process \(a restart or another replica\).*Nothing was sent/);
    expect(api.requests).toHaveLength(0);

    // Spent before a restart, then offered to the restarted process: refused, not sent again.
    expect((await replicaA.call("delete_store_product", { ...args, confirm })).isError).toBeFalsy();
    const restarted = await connect({ tokens: new ConfirmTokens("replica-secret") });
    expect((await restarted.call("delete_store_product", { ...args, confirm })).isError).toBe(true);
    expect(api.requests).toHaveLength(1);
  });

  it("previews a destructive call with dryRun without asking or sending", async () => {
    const mcp = await connect();
    const dry = await mcp.call("delete_community_api_key", { communityId: ID, apiKeyId: ID, dryRun: true });
    expect(dry.structuredContent).toMatchObject({ dryRun: true, request: { method: "DELETE" } });
    expect(api.requests).toHaveLength(0);
  });

  it("asks the person through elicitation and runs on accept", async () => {
    const messages: string[] = [];
    const mcp = await connect({
      elicit: (message) => {
        messages.push(message);
        return { action: "accept", content: { confirm: true } };
      },
    });
    const result = await mcp.call("delete_store_category", { categoryID: ID });
    expect(result.isError).toBeFalsy();
    expect(messages[0]).toContain(`DELETE ${api.url}/v1/categories/${ID}`);
    expect(api.requests).toHaveLength(1);
  });

  it.each([
    ["decline", { action: "decline" as const }],
    ["cancel", { action: "cancel" as const }],
    ["accept without ticking the box", { action: "accept" as const, content: { confirm: false } }],
  ])("sends nothing on %s", async (_label, answer) => {
    const mcp = await connect({ elicit: () => answer });
    const result = await mcp.call("delete_store_category", { categoryID: ID });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ cancelled: true });
    expect(textOf(result)).toMatch(/Cancelled.*Nothing was sent/);
    expect(api.requests).toHaveLength(0);
  });

  const tokenFor = async (mcp: Connected, tool: string, args: Record<string, unknown>) => {
    const asked = await mcp.call(tool, args);
    return (asked.structuredContent as { confirmToken: string }).confirmToken;
  };

  it("hands out a fresh token for the same call after one is spent, even within a second", async () => {
    const mcp = await connect();
    const args = { leaderboardID: ID };
    for (let i = 0; i < 3; i++) {
      const confirm = await tokenFor(mcp, "delete_leaderboard", args);
      expect((await mcp.call("delete_leaderboard", { ...args, confirm })).isError).toBeFalsy();
    }
    expect(api.requests).toHaveLength(3);
  });

  it("sends a confirmed request once: a replay is refused with nothing sent", async () => {
    const mcp = await connect();
    const args = { leaderboardID: ID };
    const confirm = await tokenFor(mcp, "delete_leaderboard", args);
    expect((await mcp.call("delete_leaderboard", { ...args, confirm })).isError).toBeFalsy();
    for (let i = 0; i < 3; i++) {
      const replay = await mcp.call("delete_leaderboard", { ...args, confirm });
      expect(replay.isError).toBe(true);
      expect(textOf(replay)).toMatch(
        /already used: each token sends its request once\. Call again without confirm.*Nothing was sent/,
      );
    }
    expect(api.requests).toHaveLength(1);
  });

  it("lets exactly one of twenty parallel calls with one token through", async () => {
    const mcp = await connect();
    const args = { categoryID: ID };
    const confirm = await tokenFor(mcp, "delete_store_category", args);
    const results = await Promise.all(Array.from({ length: 20 }, () => mcp.call("delete_store_category", { ...args, confirm })));
    expect(results.filter((r) => !r.isError)).toHaveLength(1);
    expect(results.filter((r) => /already used/.test(textOf(r)))).toHaveLength(19);
    expect(api.requests).toHaveLength(1);
  });

  it("sends a confirmed legacy create once", async () => {
    const mcp = await connect();
    const args = { communityId: ID, name: "Once", permissions: ["sendMessage"] };
    const confirm = await tokenFor(mcp, "legacy_create_integration_api_key", args);
    await mcp.call("legacy_create_integration_api_key", { ...args, confirm });
    await mcp.call("legacy_create_integration_api_key", { ...args, confirm });
    expect(api.requests.map((r) => r.method)).toEqual(["POST"]);
  });

  it("refuses a token whose expiry is spelled with a leading zero", async () => {
    const mcp = await connect();
    const confirm = await tokenFor(mcp, "delete_leaderboard", { leaderboardID: ID });
    const [version, expiry, nonce, mac] = confirm.split(".");
    const padded = await mcp.call("delete_leaderboard", {
      leaderboardID: ID,
      confirm: `${version}.0${expiry}.${nonce}.${mac}`,
    });
    expect(textOf(padded)).toMatch(/not a confirmation token from this server/);
    expect(api.requests).toHaveLength(0);
  });

  it("treats a failed elicitation as a no: nothing sent, no token handed out", async () => {
    const mcp = await connect({
      elicit: () => {
        throw new McpError(-32603, "the form could not be shown");
      },
    });
    const result = await mcp.call("delete_store_category", { categoryID: ID });
    expect(result.isError).toBeFalsy();
    expect(textOf(result)).toMatch(
      /^Cancelled: the user did not confirm delete_store_category \(the confirmation prompt failed: .*the form could not be shown\)\. Nothing was sent\.$/,
    );
    expect(result.structuredContent).toEqual({ cancelled: true, action: "failed" });
    expect(JSON.stringify(result)).not.toMatch(/confirmToken|c2\./);
    expect(api.requests).toHaveLength(0);
  });

  it("treats an unanswered elicitation as a no once it times out", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      let asked!: () => void;
      const prompted = new Promise<void>((resolve) => (asked = resolve));
      const mcp = await connect({
        elicit: () => {
          asked();
          return new Promise(() => {}) as never;
        },
      });
      // The client waits longer than the server's prompt, so that the server's timeout is what ends it.
      const pending = mcp.client.callTool({ name: "delete_store_category", arguments: { categoryID: ID } }, undefined, {
        timeout: 700_000,
      }) as Promise<CallToolResult>;
      await prompted;
      await vi.advanceTimersByTimeAsync(601_000);
      const result = await pending;
      expect(textOf(result)).toMatch(
        /did not confirm delete_store_category \(the confirmation prompt timed out\)\. Nothing was sent/,
      );
      expect(result.structuredContent).toEqual({ cancelled: true, action: "failed" });
      expect(api.requests).toHaveLength(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("exposes confirm only where it is needed", () => {
    const tools = selectTools({ toolsets: ["all", "legacy"], legacy: true });
    const gated = tools.filter((t) => t.risk === "destructive" || t.legacy).map((t) => t.name);
    expect(gated).toContain("legacy_delete_integration_api_key");
    expect(gated).toContain("delete_leaderboard");
    expect(gated).not.toContain("create_leaderboard");
  });
});
