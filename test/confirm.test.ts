import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { selectTools } from "../src/registry/filters.js";
import { ConfirmTokens, keyFingerprint } from "../src/server/confirm.js";
import { type Connected, connectInMemory, recordingApi, textOf } from "./helpers.js";

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
    const [version, expiry, mac] = confirmToken.split(".");
    const extended = `${version}.${Number(expiry) + 3600}.${mac}`;
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

  it("accepts a token from another replica that shares the secret", async () => {
    const first = await connect({ tokens: new ConfirmTokens("replica-secret") });
    const second = await connect({ tokens: new ConfirmTokens("replica-secret") });
    const asked = await first.call("delete_store_product", { productID: ID });
    const { confirmToken } = asked.structuredContent as { confirmToken: string };
    const done = await second.call("delete_store_product", { productID: ID, confirm: confirmToken });
    expect(done.isError).toBeFalsy();
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

  it("exposes confirm only where it is needed", () => {
    const tools = selectTools({ toolsets: ["all"], legacy: true });
    const gated = tools.filter((t) => t.risk === "destructive" || t.legacy).map((t) => t.name);
    expect(gated).toContain("legacy_delete_integration_api_key");
    expect(gated).toContain("delete_leaderboard");
    expect(gated).not.toContain("create_leaderboard");
  });
});
