import type { CallToolResult, ProgressNotification, TextContent } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { selectReach, type ToolFilter } from "../../src/catalog/filters.js";
import { findTool } from "../../src/catalog/index.js";
import { DEMO } from "../../src/demo.js";
import { type Sandbox, startSandbox } from "../../src/sandbox/index.js";
import { type Connected, connectInMemory, dataOf, listOf, textOf } from "../support/helpers.js";

/**
 * Community managers' jobs, from the README's sample questions and the prompts, each scripted as
 * the calls an assistant makes from the tool listing: through an MCP client and our server to the
 * sandbox, ending with a read that shows the job done.
 */

/**
 * The default configuration (no toolsets named: the default ones listed, discovery reaching the
 * rest), with the one switch the badge and role jobs need, as a user flips it: --legacy.
 */
const CONFIG: ToolFilter = { legacy: true };

type Row = Record<string, unknown>;
type Progress = ProgressNotification["params"];

/** An assistant on a fresh demo community: calls a listed tool directly, any other through call_tool. */
class Assistant {
  constructor(
    readonly mcp: Connected,
    private readonly listed: ReadonlySet<string>,
  ) {}

  static async start(sandbox: Sandbox): Promise<Assistant> {
    const mcp = await connectInMemory({
      baseUrl: sandbox.url,
      credentials: sandbox.credentials,
      keySource: "sandbox",
      communityId: DEMO.communityId,
      reach: selectReach(CONFIG),
    });
    const { tools } = await mcp.client.listTools();
    return new Assistant(mcp, new Set(tools.map((t) => t.name)));
  }

  async use(name: string, args: Row = {}, onprogress?: (p: Progress) => void): Promise<CallToolResult> {
    const direct = this.listed.has(name);
    if (!direct && !this.listed.has("call_tool")) throw new Error(`${name} is neither listed nor reachable through call_tool`);
    const request = direct ? { name, arguments: args } : { name: "call_tool", arguments: { name, arguments: args } };
    const options = onprogress ? { onprogress: (p: unknown) => onprogress(p as Progress) } : undefined;
    return (await this.mcp.client.callTool(request, undefined, options)) as CallToolResult;
  }

  /** A gated call as the user agrees to it: preview and token first, then the same call with the token. */
  async confirmed(name: string, args: Row = {}, onprogress?: (p: Progress) => void): Promise<CallToolResult> {
    const asked = await this.use(name, args);
    const token = (asked.structuredContent as { confirmToken?: string } | undefined)?.confirmToken;
    if (!token) return asked;
    return this.use(name, { ...args, confirm: token }, onprogress);
  }

  /** Whether the assistant can call a tool: listed, or described by discovery. */
  async reaches(name: string): Promise<boolean> {
    if (this.listed.has(name)) return true;
    if (!this.listed.has("describe_tool")) return false;
    return !(await this.use("describe_tool", { name })).isError;
  }

  /** A prompt's text, after checking that every tool it names is one the assistant can call. */
  async prompt(name: string, args: Record<string, string> = {}): Promise<{ text: string; tools: string[] }> {
    const { messages } = await this.mcp.client.getPrompt({ name, arguments: args });
    const text = messages.map((m) => (m.content as TextContent).text).join("\n");
    const tools = [...new Set([...text.matchAll(/`([a-z_]+)`/g)].map((m) => m[1] as string))].filter((t) => findTool(t));
    for (const tool of tools) expect(await this.reaches(tool), `${name} names ${tool}`).toBe(true);
    return { text, tools };
  }
}

const ok = <T = Row>(result: CallToolResult): T => {
  expect(result.isError, textOf(result)).toBeFalsy();
  return dataOf<T>(result);
};

describe("community-manager jobs in the default configuration", () => {
  let sandbox: Sandbox;
  let ai: Assistant;
  beforeEach(async () => {
    sandbox = await startSandbox();
    ai = await Assistant.start(sandbox);
  });
  afterEach(async () => {
    await ai.mcp.close();
    await sandbox.close();
  });

  it("lists the leaderboards and says which are running", async () => {
    const boards = listOf<{ name: string; isEnabled: boolean }>(await ai.use("list_leaderboards", { limit: 100 }));
    expect(boards.meta.total).toBe(boards.items.length);
    expect(boards.items.filter((b) => b.isEnabled).map((b) => b.name)).toContain("Top Traders");
  });

  it("launches next month's leaderboard from the current one and disables the old (prompt)", async () => {
    const { tools } = await ai.prompt("launch_monthly_leaderboard", { month: "2026-06" });
    expect(tools).toEqual(expect.arrayContaining(["list_leaderboards", "create_leaderboard", "update_leaderboard"]));
    const [current] = listOf<{ _id: string }>(await ai.use("list_leaderboards", { sort: "startDate:desc", limit: 1 })).items;
    const old = ok<Row>(await ai.use("get_leaderboard", { leaderboardID: current?._id }));
    const created = ok<{ _id: string }>(
      await ai.use("create_leaderboard", {
        name: `${old.name} 2026-06`,
        slug: `${old.slug}-2026-06`,
        rankingField: old.rankingField,
        displayedColumns: old.displayedColumns,
        startDate: "2026-06-01T00:00:00.000Z",
        endDate: "2026-06-30T23:59:59.000Z",
        hasNoEndDate: false,
        allowedTimeFilters: ["monthly"],
        isEnabled: true,
      }),
    );
    ok(await ai.use("update_leaderboard", { leaderboardID: old._id, isEnabled: false }));
    expect(ok<Row>(await ai.use("get_leaderboard", { leaderboardID: created._id }))).toMatchObject({ isEnabled: true });
    // The default view leaves `false` flags out; naming the field shows it either way.
    const after = ok<Row>(await ai.use("get_leaderboard", { leaderboardID: old._id, fields: "isEnabled" }));
    expect(after).toMatchObject({ isEnabled: false });
  });

  it("finds the reward orders still pending and ships one", async () => {
    const statuses = listOf<{ _id: string; name: string }>(await ai.use("list_redemption_statuses")).items;
    const shipping = statuses.find((s) => s.name === "Shipping")?._id;
    const orders = listOf<{ transactionId: string; status: { name: string } }>(
      await ai.use("list_redemption_orders", { limit: 100 }),
    );
    const pending = orders.items.filter((o) => o.status.name === "Pending");
    expect(pending.map((o) => o.transactionId)).toEqual([DEMO.orderIds[0]]);
    ok(await ai.confirmed("update_redemption_order_status", { transactionId: DEMO.orderIds[0], statusId: shipping }));
    const history = listOf<{ statusId: string }>(
      await ai.use("get_redemption_order_status_history", { transactionId: DEMO.orderIds[0] }),
    ).items;
    expect(history.at(-1)?.statusId).toBe(shipping);
  });

  it("restocks the vouchers that run low (prompt)", async () => {
    const { tools } = await ai.prompt("restock_or_reprice_store", { action: "restock", below: "10" });
    expect(tools).toContain("update_store_product_vouchers");
    expect(tools).not.toContain("update_store_product");
    const products = listOf<{ _id: string; type: string; stocks: number; isArchived: boolean }>(
      await ai.use("list_store_products", { limit: 100 }),
    ).items;
    const low = products.filter((p) => !p.isArchived && p.type === "voucher" && p.stocks < 10);
    expect(low.length).toBeGreaterThan(0);
    for (const product of low) {
      ok(
        await ai.use("update_store_product_vouchers", {
          productID: product._id,
          vouchers: [`${product._id}-A`, `${product._id}-B`],
          voucherExpireDate: "2027-06-30T00:00:00.000Z",
        }),
      );
      const after = ok<{ stocks: number }>(await ai.use("get_store_product", { productID: product._id, fields: "stocks" }));
      expect(after.stocks).toBe(product.stocks + 2);
    }
  });

  it("gets the store's configuration", async () => {
    expect(ok<Row>(await ai.use("get_store_config"))).toMatchObject({ communityID: DEMO.communityId, isEnabled: true });
  });

  it("creates an API key, rotates it and deletes the old one", async () => {
    const communityId = DEMO.communityId;
    const first = ok<{ _id: string; key: string; permissions: string[] }>(
      await ai.use("create_community_api_key", { communityId, name: "Zapier", permissions: ["sendMessages"], revealKey: true }),
    );
    expect(first.key).toMatch(/^[a-f0-9]{16,}$/);
    expect(first.permissions).toEqual(["sendMessage"]);
    const second = ok<{ _id: string }>(
      await ai.use("create_community_api_key", { communityId, name: "Zapier 2", permissions: ["sendMessage"] }),
    );
    ok(await ai.confirmed("delete_community_api_key", { communityId, apiKeyId: first._id }));
    const names = listOf<{ _id: string }>(await ai.use("list_community_api_keys", { communityId })).items.map((k) => k._id);
    expect(names).toContain(second._id);
    expect(names).not.toContain(first._id);
  });

  it("posts a message and reacts to it", async () => {
    const channelId = DEMO.channelIds.text;
    const sent = ok<{ id: string }>(await ai.use("send_message", { channelId, message: "Markets open!", sender: DEMO.username }));
    ok(await ai.use("react_to_message", { messageId: sent.id, emoji: ":rocket:", sender: "ben_builder" }));
    const [latest] = listOf<{ id: string; reactions: Array<{ emoji: string }> }>(
      await ai.use("list_messages", { channel_id: channelId, count: 1 }),
    ).items;
    expect(latest).toMatchObject({ id: sent.id, reactions: [{ emoji: ":rocket:" }] });
  });

  it("awards a badge to a member known by email", async () => {
    const badges = listOf<{ _id: string; title: string }>(await ai.confirmed("legacy_list_badges")).items;
    const badge = badges[1]?._id as string;
    const held = ok<Array<{ _id: string }>>(
      await ai.confirmed("legacy_award_badge_to_user", { id: badge, userId: DEMO.userEmail }),
    );
    expect(held.map((b) => b._id)).toContain(badge);
    const again = await ai.confirmed("legacy_award_badge_to_user", { id: badge, userId: DEMO.userId });
    expect(textOf(again)).toMatch(/409 Conflict: The user already has this badge/);
  });

  it("bulk-updates XP and coins from a CSV and follows the job with progress", async () => {
    const before = ok<{ xp: number; coins: number }>(await ai.use("get_user_data", { idOrEmail: DEMO.userEmail }));
    const csv = `email,xp_op,xp,coins_op,coins\n${DEMO.userEmail},add,100,subtract,50\n`;
    const progress: Progress[] = [];
    const done = await ai.confirmed(
      "update_users_from_csv",
      { file: { name: "xp.csv", base64: Buffer.from(csv).toString("base64") }, wait: true },
      (p) => progress.push(p),
    );
    expect((done.structuredContent as { meta: { job: { outcome: string } } }).meta.job.outcome).toBe("done");
    expect(progress.length).toBeGreaterThan(0);
    const after = ok<{ xp: number; coins: number }>(await ai.use("get_user_data", { idOrEmail: DEMO.userEmail }));
    expect(after).toMatchObject({ xp: before.xp + 100, coins: before.coins - 50 });
  });

  it("gathers the weekly report, read only (prompt)", async () => {
    const { tools } = await ai.prompt("weekly_community_report", { weekEnding: "2026-04-20" });
    expect(tools.length).toBeGreaterThanOrEqual(6);
    for (const name of tools) {
      const tool = findTool(name);
      expect(tool?.risk, name).toBe("read");
      const result = await ai.use(name, tool?.example);
      expect(result.isError, `${name}: ${textOf(result)}`).toBeFalsy();
      if (name.startsWith("list_")) expect(Array.isArray(dataOf(result)), name).toBe(true);
    }
  });

  it("adds a custom user field and fills it for members given by email (prompt)", async () => {
    const communityId = DEMO.communityId;
    const values = `${DEMO.userEmail} = 250\nben.builder@example.com = 90`;
    const { tools } = await ai.prompt("add_user_field", { field: "deposit-amount", type: "number", values });
    expect(tools).toEqual(["list_user_fields", "create_user_field", "filter_users", "create_user_field_history"]);
    const fields = listOf<{ field: string }>(await ai.use("list_user_fields", { communityId })).items;
    expect(fields.map((f) => f.field)).not.toContain("deposit-amount");
    const field = ok<{ _id: string }>(
      await ai.use("create_user_field", { communityId, field: "deposit-amount", name: "Deposit Amount", type: "number" }),
    );
    for (const [email, value] of [
      [DEMO.userEmail, 250],
      ["ben.builder@example.com", 90],
    ] as const) {
      const [member] = listOf<{ user_id: string }>(
        await ai.use("filter_users", { filter: { email }, fields: ["user_id", "email"] }),
      ).items;
      ok(await ai.use("create_user_field_history", { communityId, fieldId: field._id, userId: member?.user_id, value }));
    }
    const history = listOf<{ userId: string; value: unknown }>(
      await ai.use("list_user_field_histories", { communityId, fieldId: field._id }),
    ).items;
    expect(history.map((h) => [h.userId, h.value]).sort()).toEqual(
      [
        [DEMO.userIds[0], 250],
        [DEMO.userIds[1], 90],
      ].sort(),
    );
  });

  it("audits the API keys: trims a broad key and revokes an unused one (prompt)", async () => {
    const communityId = DEMO.communityId;
    const { tools } = await ai.prompt("audit_api_keys", { communityId });
    expect(tools).toEqual(["list_community_api_keys", "update_community_api_key", "delete_community_api_key"]);
    const [broad, unused] = listOf<{ _id: string; permissions: string[] }>(
      await ai.use("list_community_api_keys", { communityId }),
    ).items;
    ok(await ai.use("update_community_api_key", { communityId, apiKeyId: broad?._id, permissions: ["getUserData"] }));
    ok(await ai.confirmed("delete_community_api_key", { communityId, apiKeyId: unused?._id }));
    const left = listOf<{ _id: string; permissions: string[] }>(await ai.use("list_community_api_keys", { communityId })).items;
    expect(left).toEqual([expect.objectContaining({ _id: broad?._id, permissions: ["getUserData"] })]);
  });

  it("finds the members with the most XP and opens one by the id the filter gave", async () => {
    const rich = listOf<{ user_id: string; username: string }>(
      await ai.use("filter_users", { filter: { xp: { gte: 1000 } }, fields: ["user_id", "username"] }),
    );
    expect(rich.meta).toMatchObject({ total: 1 });
    const user = ok<Row>(await ai.use("get_user", { userId: rich.items[0]?.user_id }));
    expect(user).toMatchObject({ username: "ava_trader" });
    const roles = listOf<{ _id: string }>(await ai.confirmed("legacy_list_user_roles", { userId: rich.items[0]?.user_id }));
    expect(roles.items.map((r) => r._id)).toEqual([DEMO.roleId]);
  });
});
