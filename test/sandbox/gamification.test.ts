import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/demo.js";
import { dataOf, listOf, sandboxSession, textOf } from "../support/helpers.js";

/** The gamification tools through an MCP client, our server and real HTTP to the sandbox. */
describe("gamification tools", () => {
  let session: Awaited<ReturnType<typeof sandboxSession>>;

  beforeAll(async () => {
    session = await sandboxSession();
  });
  afterAll(() => session.close());
  const ben = "ben.builder@example.com";

  it("marks the POST reads read-only", async () => {
    const { tools } = await session.mcp.client.listTools();
    for (const name of ["get_daily_gamification_history", "get_user_activity_stats", "list_user_gamification_logs"]) {
      expect(tools.find((t) => t.name === name)?.annotations, name).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    }
    const spin = tools.find((t) => t.name === "update_user_spin_wheel");
    expect(spin?.description).toMatch(/\(route unverified\)$/);
  });

  it("reads the tier and XP settings", async () => {
    const settings = dataOf<{ tiers: Array<{ name: string }>; xpSetting: { message: { xp: number } } }>(
      await session.mcp.call("get_tier_and_xp_settings"),
    );
    expect(settings.tiers.map((t) => t.name)).toEqual(["Bronze", "Silver", "Gold"]);
    expect(settings.xpSetting.message.xp).toBe(5);
    expect(textOf(await session.mcp.call("get_tier_and_xp_settings", { level: 1 }))).toMatch(/level: unknown field/);
  });

  it("gives each user's XP and coins for one day, and counts who was found", async () => {
    const day = listOf<{ identifier: string; user_id: string; coins: number; xp: number }>(
      await session.mcp.call("get_daily_gamification_history", {
        identifier: [DEMO.userEmail, ben, "nobody@example.com"],
        identifier_type: "email",
        date: "18/04/2026",
        fields: "*",
      }),
    );
    expect(day.meta).toMatchObject({ date: "18/04/2026", pagination: { total: 3, found: 2 } });
    expect(day.items).toEqual([
      { identifier: DEMO.userEmail, user_id: DEMO.userIds[0], date: "18/04/2026", coins: 7, xp: 40 },
      { identifier: ben, user_id: DEMO.userIds[1], date: "18/04/2026", coins: 1, xp: 8 },
    ]);
  });

  it("refuses a day not in DD/MM/YYYY and identifiers that are not emails, sending nothing", async () => {
    const iso = await session.mcp.call("get_daily_gamification_history", {
      identifier: [DEMO.userEmail],
      identifier_type: "email",
      date: "2026-04-18",
    });
    expect(iso.isError).toBe(true);
    expect(textOf(iso)).toMatch(/date: must be DD\/MM\/YYYY/);
    const names = await session.mcp.call("get_daily_gamification_history", {
      identifier: ["ava_trader"],
      identifier_type: "email",
      date: "18/04/2026",
    });
    expect(textOf(names)).toMatch(/identifier: must be email addresses when identifier_type is email/);
  });

  it("counts a user's activity per day over a window ending on the sandbox's last day", async () => {
    const stats = dataOf<{
      user_id: string;
      range: { start_date: string; end_date: string };
      totals: Record<string, number>;
      daily_stats: Array<{ date: string; messages: number }>;
    }>(await session.mcp.call("get_user_activity_stats", { identifier: DEMO.userEmail, identifier_type: "email", days: 7 }));
    expect(stats.user_id).toBe("100000001");
    expect(stats.range).toEqual({ start_date: "2026-04-14", end_date: "2026-04-20" });
    expect(stats.daily_stats.map((d) => d.messages)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(stats.totals).toEqual({ messages: 42, replies: 6, reaction: 14, socials: 3 });
    const missing = await session.mcp.call("get_user_activity_stats", {
      identifier: "nobody@example.com",
      identifier_type: "email",
      days: 7,
    });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toMatch(/404 Not Found: User not found\./);
    // A documented route: no warning that it may not exist.
    expect(textOf(missing)).not.toMatch(/inferred/);
  });

  it("lists a user's XP and coin events newest first, a page at a time", async () => {
    const first = await session.mcp.call("list_user_gamification_logs", {
      identifier: DEMO.userEmail,
      identifier_type: "email",
      limit: 2,
    });
    expect(dataOf<Array<{ action: string }>>(first).map((l) => l.action)).toEqual(["streak-reward", "daily-login"]);
    expect((first.structuredContent as { meta: Record<string, unknown> }).meta).toMatchObject({ page: 1, limit: 2, total: 4 });
    const second = await session.mcp.call("list_user_gamification_logs", {
      identifier: DEMO.userId,
      identifier_type: "id",
      page: 2,
      limit: 2,
    });
    expect(dataOf<Array<{ action: string }>>(second).map((l) => l.action)).toEqual(["reply", "message"]);
    const odd = await session.mcp.call("list_user_gamification_logs", { identifier: "+44 7700", identifier_type: "phone" });
    expect(textOf(odd)).toMatch(/400 Bad Request: identifier_type: the sandbox knows email, id, username/);
  });

  it("lists a user's streak log, newest first, kept and missed", async () => {
    const logs = dataOf<Array<{ date: string; status: string; currentStreak: number }>>(
      await session.mcp.call("list_user_streak_logs", { email: DEMO.userEmail, streakId: DEMO.streakId }),
    );
    expect(logs.map((l) => [l.date, l.status, l.currentStreak])).toEqual([
      ["2026-04-19", "kept", 2],
      ["2026-04-18", "kept", 1],
      ["2026-04-17", "missed", 0],
      ["2026-04-16", "kept", 4],
    ]);
    expect(dataOf<unknown[]>(await session.mcp.call("list_user_streak_logs", { email: ben }))).toEqual([]);
    expect(textOf(await session.mcp.call("list_user_streak_logs", { email: "ava_trader" }))).toMatch(/email: /);
  });

  it("stores a user's spin count: a second update changes the same record", async () => {
    const first = dataOf<{ _id: string; userId: string; wheelId: string; availableSpins: number }>(
      await session.mcp.call("update_user_spin_wheel", { email: ben, availableSpins: 3 }),
    );
    expect(first).toMatchObject({ userId: DEMO.userIds[1], wheelId: DEMO.spinWheelId, availableSpins: 3 });
    const second = dataOf<{ _id: string; availableSpins: number }>(
      await session.mcp.call("update_user_spin_wheel", { email: ben, availableSpins: 1, wheelId: DEMO.spinWheelId }),
    );
    expect(second).toMatchObject({ _id: first._id, availableSpins: 1 });
    const wheel = await session.mcp.call("update_user_spin_wheel", { email: ben, availableSpins: 1, wheelId: DEMO.streakId });
    expect(textOf(wheel)).toMatch(/404 Not Found: Spin wheel not found\..*route is inferred/);
    const negative = await session.mcp.call("update_user_spin_wheel", { email: ben, availableSpins: -1 });
    expect(textOf(negative)).toMatch(/availableSpins: /);
  });
});
