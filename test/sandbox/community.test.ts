import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/demo.js";
import { type Connected, dataOf, sandboxSession, textOf } from "../support/helpers.js";

type Row = Record<string, unknown>;

const OWN = { communityID: DEMO.communityId };
const UNKNOWN_ID = "0123456789abcdef01234567";

/** The community's settings, members, channels and figures through the MCP tools, against the sandbox. */
describe("community tools", () => {
  let session: Awaited<ReturnType<typeof sandboxSession>>;
  const call: Connected["call"] = (name, args) => session.mcp.call(name, args);
  beforeAll(async () => {
    session = await sandboxSession();
  });
  afterAll(() => session.close());

  it("lists the channels with the ids messaging needs", async () => {
    const channels = dataOf<Row[]>(await call("list_channels"));
    expect(channels.map((c) => [c._id, c.channelType])).toEqual([
      [DEMO.channelIds.text, "text"],
      [DEMO.channelIds.forum, "forum"],
      [DEMO.channelIds.iframe, "iframe"],
      [DEMO.channelIds.public, "public"],
      [DEMO.channelIds.privateDm, "private-dm"],
    ]);
    const extra = await call("list_channels", { page: 1 });
    expect(textOf(extra)).toContain("page: unknown field");
  });

  it("renames the community and refuses a name, slug or domain another community has", async () => {
    const renamed = dataOf<Row>(await call("update_community_name_url", { ...OWN, name: "Club Two", uri: "club-two" }));
    expect(renamed).toMatchObject({ _id: DEMO.communityId, name: "Club Two", uri: "club-two" });
    const domain = dataOf<Row>(await call("update_community_name_url", { ...OWN, domain: "club.example.com" }));
    expect(domain).toMatchObject({ name: "Club Two", domain: "club.example.com" });

    const taken = await call("update_community_name_url", { ...OWN, uri: "returning-ai-community" });
    expect(textOf(taken)).toMatch(/409 Conflict: A community with uri "returning-ai-community" already exists/);
    const other = await call("update_community_name_url", { communityID: DEMO.otherCommunityId, name: "Mine now" });
    expect(textOf(other)).toMatch(/403 Forbidden: This API key may not manage that community/);
    const unknown = await call("update_community_name_url", { communityID: UNKNOWN_ID, name: "X" });
    expect(textOf(unknown)).toMatch(/404 Not Found: Community not found/);
    const badSlug = await call("update_community_name_url", { ...OWN, uri: "no spaces" });
    expect(textOf(badSlug)).toContain("uri: letters, digits and hyphens only");
  });

  it("creates a community whose name is then taken", async () => {
    const created = dataOf<Row>(await call("create_community", { name: "Night Owls FX" }));
    expect(created).toMatchObject({ name: "Night Owls FX", uri: "night-owls-fx" });
    expect(created._id).toMatch(/^[a-f0-9]{24}$/);
    const again = await call("create_community", { name: "night owls fx", uri: "other-slug" });
    expect(textOf(again)).toMatch(/409 Conflict: A community with name "night owls fx" already exists/);
    const taken = await call("update_community_name_url", { ...OWN, uri: "night-owls-fx" });
    expect(taken.isError).toBe(true);
  });

  it("updates the link preview partially and keeps what was set before", async () => {
    const first = dataOf<Row>(await call("update_community_meta", { ...OWN, preview: { title: "New title" } }));
    expect(first.preview).toMatchObject({
      title: "New title",
      isEnabled: true,
      image: "https://cdn.example.com/community/preview.png",
    });
    const second = dataOf<Row>(
      await call("update_community_meta", { ...OWN, preview: { image: null }, membersListVisible: false }),
    );
    expect(second).toMatchObject({
      preview: { title: "New title", image: null },
      membersListVisible: false,
      guestModeEnabled: false,
    });
    const empty = await call("update_community_meta", OWN);
    expect(textOf(empty)).toContain("nothing to change");
  });

  it("changes theme colours one palette entry at a time and checks the format", async () => {
    await call("update_community_theme_colors", { ...OWN, light: { primary: "#112233" } });
    const theme = dataOf<Row>(await call("update_community_theme_colors", { ...OWN, dark: { text: "#ABCDEF" } }));
    expect(theme).toMatchObject({
      light: { primary: "#112233", background: "#FFFFFF" },
      dark: { text: "#ABCDEF", primary: "#60A5FA" },
    });
    const bad = await call("update_community_theme_colors", { ...OWN, light: { primary: "blue" } });
    expect(textOf(bad)).toContain("light.primary: must be a #RRGGBB colour");
  });

  it("renames the bot and clears its avatar", async () => {
    expect(dataOf<Row>(await call("update_community_bot", { name: "Helper" }))).toMatchObject({
      name: "Helper",
      avatar: "https://cdn.example.com/community/bot.png",
    });
    expect(dataOf<Row>(await call("update_community_bot", { avatar: null }))).toMatchObject({ name: "Helper", avatar: null });
    const bad = await call("update_community_bot", { avatar: "not a url" });
    expect(textOf(bad)).toMatch(/avatar: /);
  });

  it("lists and gets members, counting new and deleted ones in the loyalty overview", async () => {
    const before = dataOf<Row>(await call("get_loyalty_overview"));
    expect(before).toMatchObject({
      totalMembers: 4,
      onlineMembers: 1,
      totalXp: 6420,
      membersOnStreak: 1,
      longestCurrentStreak: 12,
    });

    const base = { lastname: "Lee", displayname: "Kim", accessLevel: 1, sendEmail: false, emailPassword: false };
    const joined = dataOf<Row>(
      await call("create_user", {
        ...base,
        firstname: "Kim",
        username: "kim_lee",
        email: "kim@example.com",
        joinServer: true,
      }),
    );
    // joinServer false: an account, not yet a member.
    await call("create_user", {
      ...base,
      firstname: "Lou",
      username: "lou_lee",
      email: "lou@example.com",
      joinServer: false,
    });

    const page = await call("list_community_users", { communityId: DEMO.communityId, search: "keyword:lee" });
    expect(dataOf<Row[]>(page).map((u) => u.username)).toEqual(["kim_lee"]);
    const all = await call("list_community_users", { communityId: DEMO.communityId, limit: 2, page: 3 });
    expect((all.structuredContent as { meta: Row }).meta).toEqual({ page: 3, limit: 2, total: 5 });
    expect(dataOf<Row>(await call("get_community_user", { communityId: DEMO.communityId, userId: joined._id })).username).toBe(
      "kim_lee",
    );
    expect((await call("get_loyalty_overview")).structuredContent).toMatchObject({ data: { totalMembers: 5 } });

    const deleted = await call("get_community_user", { communityId: DEMO.communityId, userId: DEMO.deletedUserId });
    expect(textOf(deleted)).toMatch(/404 Not Found: User not found in this community/);
    const foreign = await call("list_community_users", { communityId: DEMO.otherCommunityId });
    expect(textOf(foreign)).toMatch(/403 Forbidden/);
  });
});
