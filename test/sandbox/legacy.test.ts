import { afterAll, describe, expect, it } from "vitest";
import { selectTools } from "../../src/catalog/filters.js";
import { DEMO } from "../../src/demo.js";
import type { ToolDef } from "../../src/registry/types.js";
import { type Connected, callConfirmed as confirmed, dataOf, listOf, sandboxSession, textOf } from "../support/helpers.js";

const LEGACY = selectTools({ toolsets: ["legacy"], legacy: true });
const names = (tools: readonly ToolDef[]) => tools.map((t) => t.name);

const csv = (text: string) => ({ base64: Buffer.from(text).toString("base64"), name: "users.csv" });

describe("legacy tools against the sandbox", () => {
  let session: Awaited<ReturnType<typeof sandboxSession>> | undefined;
  let mcp: Connected;
  /** A sandbox of its own for each test, so that a delete cannot spoil another test's records. */
  const fresh = async () => {
    await session?.close();
    session = await sandboxSession();
    mcp = session.mcp;
  };
  afterAll(() => session?.close());

  it.each(names(LEGACY))("%s works with its example after confirmation", async (name) => {
    await fresh();
    const tool = LEGACY.find((t) => t.name === name) as ToolDef;
    const result = await confirmed(mcp, name, tool.example);
    expect(result.isError, textOf(result)).toBeFalsy();
  });

  it("creates, awards, removes and deletes a badge", async () => {
    await fresh();
    const user = { userId: DEMO.legacyUserId };
    const badge = dataOf<{ _id: string }>(
      await confirmed(mcp, "legacy_create_badge", { title: "Night Owl", action: "custom", attachRequired: true }),
    );
    const listed = dataOf<Array<{ _id: string; title: string }>>(await confirmed(mcp, "legacy_list_badges", {}));
    expect(listed.find((b) => b._id === badge._id)?.title).toBe("Night Owl");

    const held = dataOf<Array<{ _id: string }>>(await confirmed(mcp, "legacy_award_badge_to_user", { id: badge._id, ...user }));
    expect(held.map((b) => b._id)).toEqual([DEMO.badgeId, badge._id]);
    const twice = await confirmed(mcp, "legacy_award_badge_to_user", { id: badge._id, ...user });
    expect(textOf(twice)).toMatch(/409 Conflict: The user already has this badge/);

    const left = dataOf<Array<{ _id: string }>>(
      await confirmed(mcp, "legacy_remove_badge_from_user", { id: badge._id, ...user }),
    );
    expect(left.map((b) => b._id)).toEqual([DEMO.badgeId]);
    const again = await confirmed(mcp, "legacy_remove_badge_from_user", { id: badge._id, ...user });
    expect(textOf(again)).toMatch(/404 Not Found: The user does not have this badge/);

    expect((await confirmed(mcp, "legacy_delete_badge", { id: badge._id })).isError).toBeFalsy();
    const gone = await confirmed(mcp, "legacy_update_badge", { id: badge._id, title: "x", action: "custom" });
    expect(textOf(gone)).toMatch(
      /404 Not Found: Badge not found\. Check the ids.*This legacy route may be retired; try a RETURNING_AI_ROUTES override\.$/,
    );
    const nobody = await confirmed(mcp, "legacy_award_badge_to_user", { id: DEMO.badgeId, userId: "999" });
    expect(textOf(nobody)).toMatch(/404 Not Found: No member with that id/);
  });

  it("takes the 24-hex id or the email where the route needs the platform id, and shows the lookup first", async () => {
    await fresh();
    const badge = DEMO.badgeIds[1];
    const asked = await mcp.call("legacy_award_badge_to_user", { id: badge, userId: DEMO.userEmail });
    expect(asked.structuredContent).toMatchObject({
      preview: {
        body: { userId: DEMO.legacyUserId },
        lookups: { userId: { given: DEMO.userEmail, via: "get_user_data", sent: DEMO.legacyUserId } },
      },
    });
    expect(textOf(asked)).toContain(`(userId ${DEMO.userEmail} is ${DEMO.legacyUserId}, by get_user_data)`);
    const held = dataOf<Array<{ _id: string }>>(
      await confirmed(mcp, "legacy_award_badge_to_user", { id: badge, userId: DEMO.userEmail }),
    );
    expect(held.map((b) => b._id)).toContain(badge);
    // The 24-hex id that filter_users and get_user hand out reaches the same member.
    const left = await confirmed(mcp, "legacy_remove_badge_from_user", { id: badge, userId: DEMO.userId });
    expect(dataOf<Array<{ _id: string }>>(left).map((b) => b._id)).not.toContain(badge);
    const roles = await confirmed(mcp, "legacy_list_user_roles", { userId: DEMO.userId });
    expect(dataOf<Array<{ _id: string }>>(roles).map((r) => r._id)).toEqual([DEMO.roleId]);

    const ghost = await mcp.call("legacy_award_badge_to_user", { id: badge, userId: "ghost@example.com" });
    expect(ghost.isError).toBe(true);
    expect(textOf(ghost)).toMatch(
      /^Invalid arguments for legacy_award_badge_to_user: userId: get_user_data found no user "ghost@example.com" .*give the platform user id \(digits\): get_user_data's `userId` or get_user's `id`\. Nothing was sent\.$/,
    );
    const name = await mcp.call("legacy_award_badge_to_user", { id: badge, userId: DEMO.username });
    expect(textOf(name)).toContain("userId: must be a platform user id (digits), a 24-hex user id or an email");
  });

  it("grants and revokes a role, and lists the user's roles", async () => {
    await fresh();
    const user = { userId: DEMO.legacyUserId };
    const role = DEMO.roleIds[1];
    const roleIds = async () =>
      dataOf<Array<{ _id: string }>>(await confirmed(mcp, "legacy_list_user_roles", user)).map((r) => r._id);
    expect(await roleIds()).toEqual([DEMO.roleId]);
    await confirmed(mcp, "legacy_add_role_to_user", { id: role, ...user });
    expect(await roleIds()).toEqual([DEMO.roleId, role]);
    await confirmed(mcp, "legacy_remove_role_from_user", { id: DEMO.roleId, ...user });
    expect(await roleIds()).toEqual([role]);

    expect((await confirmed(mcp, "legacy_delete_role", { id: role })).isError).toBeFalsy();
    expect(await roleIds()).toEqual([]);
    const servers = dataOf<unknown[]>(await confirmed(mcp, "legacy_list_server_roles", {}));
    expect(servers).toHaveLength(1);
  });

  it("refuses a partial role update and names the missing fields, sending nothing", async () => {
    await fresh();
    const bad = await mcp.call("legacy_update_role", { id: DEMO.roleId, title: "Only a title" });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toMatch(/class: required.*server_permissions: required.*Nothing was sent/);
    const user = await mcp.call("legacy_list_user_roles", { userId: "ava trader" });
    expect(textOf(user)).toMatch(/userId: must be a platform user id \(digits\), a 24-hex user id or an email/);
  });

  it("creates, renames and deletes a channel", async () => {
    await fresh();
    const channel = dataOf<{ _id: string; channelType: string }>(
      await confirmed(mcp, "legacy_create_channel", { topic: "Signals", channelType: "forum" }),
    );
    expect(channel.channelType).toBe("forum");
    const renamed = dataOf<{ topic: string }>(
      await confirmed(mcp, "legacy_update_channel", { id: channel._id, topic: "Trade Signals", channelType: "forum" }),
    );
    expect(renamed.topic).toBe("Trade Signals");
    await confirmed(mcp, "legacy_delete_channel", { id: channel._id });
    const gone = await confirmed(mcp, "legacy_delete_channel", { id: channel._id });
    expect(textOf(gone)).toMatch(/404 Not Found: Channel not found/);
  });

  it("creates a server, lists it and updates its metadata", async () => {
    await fresh();
    const server = dataOf<{ _id: string }>(await confirmed(mcp, "legacy_create_server", { name: "Crypto Corner" }));
    const updated = dataOf<{ name: string; description: string }>(
      await confirmed(mcp, "legacy_update_server_metadata", { id: server._id, description: "Coins and tokens" }),
    );
    expect(updated).toMatchObject({ name: "Crypto Corner", description: "Coins and tokens" });
    const listed = dataOf<Array<{ _id: string }>>(await confirmed(mcp, "legacy_list_servers", {}));
    expect(listed.map((s) => s._id)).toEqual([...DEMO.serverIds, server._id]);
  });

  it("imports members from a CSV, then sets an imported member's avatar", async () => {
    await fresh();
    const rows = [
      "Email,Username,FirstName,LastName",
      "erin.equity@example.com,erin_equity,Erin,Equity",
      `${DEMO.userEmail},someone_else,,`,
      "not-an-email,x,,",
    ];
    const result = await confirmed(mcp, "legacy_import_users_csv", {
      communityId: DEMO.communityId,
      data: csv(rows.join("\r\n")),
    });
    const report = dataOf<{
      imported: Array<{ _id: string; username: string }>;
      skipped: Array<{ row: number; reason: string }>;
    }>(result);
    expect(report.imported.map((u) => u.username)).toEqual(["erin_equity"]);
    expect(report.skipped).toEqual([
      { row: 3, reason: "a member with this email exists" },
      { row: 4, reason: "email missing or invalid" },
    ]);

    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString("base64");
    const userId = report.imported[0]?._id;
    const user = dataOf<{ _id: string; avatar: string }>(
      await confirmed(mcp, "legacy_upload_user_avatar", { userId, avatar: { base64: png, name: "me.png" } }),
    );
    expect(user._id).toBe(userId);
    expect(user.avatar).toMatch(/^https:\/\/cdn\.example\.com\/avatars\/.+\.png$/);
  });

  it("refuses a CSV without an email column and a file that is not an image", async () => {
    await fresh();
    const noEmail = await confirmed(mcp, "legacy_import_users_csv", { communityId: DEMO.communityId, data: csv("name\nErin\n") });
    expect(textOf(noEmail)).toMatch(/400 Bad Request: data: the CSV needs an email column/);
    const notImage = await mcp.call("legacy_upload_user_avatar", { userId: DEMO.userIds[0], avatar: csv("a,b\n1,2\n") });
    expect(notImage.isError).toBe(true);
    expect(textOf(notImage)).toMatch(/avatar: .*image/);
  });

  it("points a 404 of a replaced legacy route at the current tool", async () => {
    await fresh();
    const gone = await confirmed(mcp, "legacy_delete_integration_api_key", {
      communityId: DEMO.communityId,
      apikeyId: "0123456789abcdef01234567",
    });
    expect(textOf(gone)).toMatch(
      /404 Not Found: .*This legacy route may be retired; try delete_community_api_key or a RETURNING_AI_ROUTES override\.$/,
    );
  });

  it("says so when the retired-looking route is also an inferred one", async () => {
    await fresh();
    const gone = await confirmed(mcp, "legacy_delete_role", { id: "0123456789abcdef01234567" });
    expect(textOf(gone)).toMatch(
      /404 Not Found: Role not found\. .*may be retired \(and is inferred from the docs\); try a RETURNING_AI_ROUTES/,
    );
  });

  it("sends, replies and reacts through the legacy routes into the same channel the messaging tools read", async () => {
    await fresh();
    const sent = dataOf<{ id: string }>(
      await confirmed(mcp, "legacy_send_message", {
        channelId: DEMO.channelIds.text,
        message: "Legacy hello",
        sender: DEMO.username,
      }),
    );
    await confirmed(mcp, "legacy_reply_to_message", { messageId: sent.id, message: "Legacy reply", sender: DEMO.userEmail });
    await confirmed(mcp, "legacy_react_to_message", { messageId: sent.id, emoji: ":rocket:", sender: DEMO.username });
    const listed = listOf<{ message: string; reactions: unknown[] }>(
      await mcp.call("list_messages", { channel_id: DEMO.channelIds.text, count: 50 }),
    );
    const ours = listed.items.filter((m) => m.message.startsWith("Legacy "));
    expect(ours.map((m) => m.message).sort()).toEqual(["Legacy hello", "Legacy reply"]);
    expect(ours.find((m) => m.message === "Legacy hello")?.reactions).toEqual([
      { emoji: ":rocket:", userIds: [DEMO.userIds[0]] },
    ]);
    const unknown = await confirmed(mcp, "legacy_reply_to_message", {
      messageId: "0123456789abcdef01234567",
      message: "x",
      sender: DEMO.username,
    });
    expect(textOf(unknown)).toMatch(
      /404 Not Found: Message not found\. .*try reply_to_message or a RETURNING_AI_ROUTES override/,
    );
  });
});
