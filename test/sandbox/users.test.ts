import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/demo.js";
import { type Connected, callConfirmed, dataOf, listOf, sandboxSession, textOf } from "../support/helpers.js";

type Row = Record<string, unknown>;

const JANE = {
  firstname: "Jane",
  lastname: "Roe",
  username: "jane_roe",
  displayname: "Jane R.",
  email: "jane.roe@example.com",
  accessLevel: 1,
  joinServer: true,
  sendEmail: false,
  emailPassword: false,
  customFields: [{ fieldIdorName: "customerid", value: "CUST-7" }],
};

/** Members through the MCP tools, against the sandbox over real HTTP. */
describe("users tools", () => {
  let session: Awaited<ReturnType<typeof sandboxSession>>;
  const call: Connected["call"] = (name, args) => session.mcp.call(name, args);
  beforeAll(async () => {
    session = await sandboxSession();
  });
  afterAll(() => session.close());

  const filter = async (args: Row) => ({ users: listOf<Row>(await call("filter_users", args)).items });

  it("creates a user that can be fetched, looked up and filtered back", async () => {
    const created = dataOf<Row>(await call("create_user", JANE));
    expect(created).toMatchObject({ username: "jane_roe", firstName: "Jane", displayName: "Jane R.", status: "active" });

    const fetched = dataOf<Row>(await call("get_user", { userId: created._id }));
    expect(fetched.email).toBe("jane.roe@example.com");

    const data = dataOf<Row>(await call("get_user_data", { idOrEmail: "JANE.ROE@example.com" }));
    // Get User Data answers the platform id (Get User's `id`), as the docs' example does.
    expect(data).toMatchObject({
      _id: created._id,
      userId: String(created.id),
      xp: 0,
      roles: ["@all"],
      customFields: { customerid: "CUST-7" },
    });
    const byNumber = dataOf<Row>(await call("get_user_data", { idOrEmail: String(created.id) }));
    expect(byNumber._id).toBe(created._id);

    const found = await filter({ fields: ["user_id", "username", "customerid"], filter: { last_name: "Roe" } });
    expect(found.users).toEqual([{ user_id: created._id, username: "jane_roe", customerid: "CUST-7" }]);
  });

  it("refuses a second account with the same username or email", async () => {
    const again = await call("create_user", { ...JANE, username: "jane_two", email: DEMO.userEmail });
    expect(again.isError).toBe(true);
    expect(textOf(again)).toMatch(/409 Conflict: A user with this email already exists/);
  });

  it("checks the password pair before sending, and never shows the password", async () => {
    const secret = "Hush-Hush-42!";
    const bad = await call("create_user", { ...JANE, username: "p1", password: secret, confirmPassword: "Other-42!" });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toContain("confirmPassword: must equal password");
    expect(textOf(bad)).not.toContain("Other-42!");
    const plain = await call("create_user", { ...JANE, username: "p2", password: "abc", confirmPassword: "abc" });
    expect(textOf(plain)).toContain("password: must contain a special character");

    const dry = await call("create_user", { ...JANE, password: secret, confirmPassword: secret, dryRun: true });
    expect(dry.isError).toBeFalsy();
    expect(JSON.stringify(dry)).not.toContain(secret);
    expect(dry.structuredContent).toMatchObject({ request: { body: { password: "****", confirmPassword: "****" } } });
  });

  it("filters by ranges, leaves deleted members out and pages by cursor or page", async () => {
    const rich = await filter({ fields: ["username", "xp"], filter: { xp: { gte: 500 } } });
    expect(rich.users.map((u) => u.username).sort()).toEqual(["ava_trader", "ben_builder"]);
    const early = await filter({ fields: ["username"], filter: { join_date: { lte: "2025-12-31" } } });
    // dan_departed joined earlier but his account is deleted.
    expect(early.users).toEqual([{ username: "cai_collector" }]);
    // Paging goes in meta, as on every other list; the members are the data.
    const all = listOf<Row>(await call("filter_users", {}));
    expect(all.meta).toMatchObject({ total: all.items.length, current_page: 1, total_pages: 1 });
    expect(all.meta).not.toHaveProperty("next_cursor");
    expect(all.items.map((u) => u.username)).toContain("ava_trader");

    const both = await call("filter_users", { cursor: "abc", page: 2 });
    expect(textOf(both)).toContain("page: give cursor or page, not both");
    const forged = await call("filter_users", { cursor: "not-a-cursor" });
    expect(textOf(forged)).toMatch(/400 Bad Request: cursor: not a next_cursor/);
    const wrongRange = await call("filter_users", { filter: { xp: {} } });
    expect(textOf(wrongRange)).toContain("filter.xp: give gte, lte or both");
  });

  it("deletes a member only after confirmation, and restores the account", async () => {
    const asked = await call("delete_user", { user: "ben_builder" });
    const { confirmToken, preview } = asked.structuredContent as { confirmToken: string; preview: { body: Row } };
    expect(preview.body).toEqual({ action: "delete", user: "ben_builder" });
    expect(dataOf<Row>(await call("get_user", { userId: DEMO.userIds[1] })).status).toBe("active");

    const done = await call("delete_user", { user: "ben_builder", confirm: confirmToken });
    expect(dataOf<Row>(done)).toEqual({ action: "delete", user: "ben_builder" });
    expect(dataOf<Row>(await call("get_user", { userId: DEMO.userIds[1] })).status).toBe("deleted");
    expect((await filter({ filter: { username: "ben_builder" } })).users).toEqual([]);

    const restored = await call("restore_user", { user: "ben_builder" });
    expect(dataOf<Row>(restored)).toEqual({ action: "restore", user: "ben_builder" });
    expect(dataOf<Row>(await call("get_user", { userId: DEMO.userIds[1] })).status).toBe("active");

    const twice = await call("restore_user", { user: "ben_builder" });
    expect(textOf(twice)).toMatch(/409 Conflict: User is not deleted/);
    const nobody = await call("restore_user", { user: "no_such_member" });
    expect(textOf(nobody)).toMatch(/404 Not Found: User not found/);
    const wrongAction = await call("restore_user", { action: "delete", user: "ben_builder" });
    expect(textOf(wrongAction)).toMatch(/action: .*restore/);
  });

  it("keeps a banned member banned when a deleted account is restored", async () => {
    const cai = { user: "cai_collector" };
    expect((await callConfirmed(session.mcp, "delete_user", cai)).isError).toBeFalsy();
    expect((await call("restore_user", cai)).isError).toBeFalsy();
    expect(dataOf<Row>(await call("get_user", { userId: DEMO.userIds[2] })).status).toBe("banned");
  });

  it("answers an unknown user with a 404 and a bad id with the field", async () => {
    const unknown = await call("get_user", { userId: "0123456789abcdef01234567" });
    expect(textOf(unknown)).toMatch(/404 Not Found: User not found/);
    const bad = await call("get_user", { userId: "ava" });
    expect(textOf(bad)).toContain("userId: must be a 24-hex ObjectId");
    const noData = await call("get_user_data", { idOrEmail: "nobody@example.com" });
    expect(textOf(noData)).toMatch(/404 Not Found: User not found/);
  });

  it("lists mini-game plays newest first and reports the streak", async () => {
    const page = await call("list_user_mini_game_logs", { email: DEMO.userEmail, limit: 2 });
    const logs = dataOf<Row[]>(page);
    expect(logs.map((l) => l._id)).toEqual([DEMO.miniGameLogIds[2], DEMO.miniGameLogIds[1]]);
    expect((page.structuredContent as { meta: Row }).meta).toMatchObject({ page: 1, limit: 2, total: 3 });
    const second = dataOf<Row[]>(await call("list_user_mini_game_logs", { email: DEMO.userEmail, limit: 2, page: 2 }));
    expect(second.map((l) => l._id)).toEqual([DEMO.miniGameLogIds[0]]);

    const stats = dataOf<Row>(await call("get_user_mini_game_stats", { email: DEMO.userEmail }));
    expect(stats).toMatchObject({ userId: DEMO.userId, streak: { current: 12, longest: 30 } });
    const loginStreak = dataOf<Row>(await call("get_user_data", { idOrEmail: DEMO.userId })).loginStreak;
    expect(loginStreak).toBe(12);

    const stranger = await call("get_user_mini_game_stats", { email: "stranger@example.com" });
    expect(textOf(stranger)).toMatch(/404 Not Found: User not found/);
    const notEmail = await call("list_user_mini_game_logs", { email: "ava" });
    expect(textOf(notEmail)).toMatch(/^Invalid arguments for list_user_mini_game_logs: email: /);
  });
});
