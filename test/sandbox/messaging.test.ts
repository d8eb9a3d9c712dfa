import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/demo.js";
import { type Connected, dataOf, listOf, sandboxSession, textOf } from "../support/helpers.js";

interface Shown {
  id: string;
  message: string;
  user: { user_id: string; email: string; username: string };
  channel: { channel_id: string; name: string };
  forumTopicId?: string;
  replyTo?: string;
  reactions: Array<{ emoji: string; userIds: string[] }>;
  timestamp: string;
}
type Listed = { total: number; messages: Shown[] };

const [avaId, benId] = DEMO.userIds;

describe("messaging tools against the sandbox", () => {
  let mcp: Connected;
  let close: () => Promise<void>;

  beforeAll(async () => ({ mcp, close } = await sandboxSession()));
  afterAll(() => close());
  const list = async (args: Record<string, unknown>): Promise<Listed> => {
    const { items, meta } = listOf<Shown>(await mcp.call("list_messages", { fields: "*", ...args }));
    return { total: meta.total as number, messages: items };
  };

  it("lists a channel's messages newest first, and filters by member", async () => {
    const general = await list({ channel_id: DEMO.channelIds.text, count: 10 });
    expect(general.total).toBe(2);
    expect(general.messages.map((m) => m.id)).toEqual([DEMO.messageIds[1], DEMO.messageIds[0]]);
    expect(general.messages[1]).toMatchObject({
      user: { email: DEMO.userEmail, username: DEMO.username },
      channel: { channel_id: DEMO.channelIds.text, name: "general" },
    });

    const bens = await list({ email: "ben.builder@example.com" });
    expect(bens.messages.length).toBeGreaterThan(0);
    expect(bens.messages.every((m) => m.user.username === "ben_builder")).toBe(true);
    expect((await list({ count: 1 })).messages).toHaveLength(1);

    const unknown = await mcp.call("list_messages", { channel_id: "0123456789abcdef01234567" });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toMatch(/404 Not Found: Channel not found/);
  });

  it("posts in a forum only under a topic, and keeps the topic on the message", async () => {
    const base = { channelId: DEMO.channelIds.forum, message: "Alerts by email, please.", sender: DEMO.userEmail };
    const untitled = await mcp.call("send_message", base);
    expect(untitled.isError).toBe(true);
    expect(textOf(untitled)).toMatch(/400 Bad Request: forumTopicId: required to post in a forum channel/);

    const posted = dataOf<Shown>(await mcp.call("send_message", { ...base, forumTopicId: DEMO.forumTopicId }));
    const forum = await list({ channel_id: DEMO.channelIds.forum });
    expect(forum.messages[0]).toMatchObject({ id: posted.id, message: base.message, forumTopicId: DEMO.forumTopicId });

    const offTopic = await mcp.call("send_message", {
      ...base,
      channelId: DEMO.channelIds.text,
      forumTopicId: DEMO.forumTopicId,
    });
    expect(textOf(offTopic)).toMatch(/forumTopicId: only forum channels have topics/);
  });

  it("sends to every other channel type and lists the message back", async () => {
    for (const channelId of [DEMO.channelIds.text, DEMO.channelIds.iframe, DEMO.channelIds.public, DEMO.channelIds.privateDm]) {
      const text = `Hello from ${channelId.slice(-3)}`;
      expect((await mcp.call("send_message", { channelId, message: text, sender: DEMO.username })).isError).toBeFalsy();
      const latest = (await list({ channel_id: channelId, count: 1 })).messages[0];
      expect(latest).toMatchObject({ message: text, user: { username: DEMO.username } });
    }
    const stranger = await mcp.call("send_message", {
      channelId: DEMO.channelIds.text,
      message: "hi",
      sender: "nobody@example.com",
    });
    expect(textOf(stranger)).toMatch(/404 Not Found: No member with that username or email/);
    const badChannel = await mcp.call("send_message", { channelId: "general", message: "hi", sender: DEMO.username });
    expect(textOf(badChannel)).toContain("channelId: must be a 24-hex ObjectId");
  });

  it("threads a reply under its parent, in the parent's forum topic", async () => {
    const reply = dataOf<Shown>(
      await mcp.call("reply_to_message", { messageId: DEMO.forumMessageId, message: "+1, dark mode!", sender: "ben_builder" }),
    );
    expect(reply).toMatchObject({ replyTo: DEMO.forumMessageId, forumTopicId: DEMO.forumTopicId });
    const forum = await list({ channel_id: DEMO.channelIds.forum });
    expect(forum.messages.find((m) => m.id === reply.id)).toMatchObject({
      replyTo: DEMO.forumMessageId,
      user: { username: "ben_builder" },
    });

    const orphan = await mcp.call("reply_to_message", {
      messageId: "0123456789abcdef01234567",
      message: "hi",
      sender: DEMO.username,
    });
    expect(textOf(orphan)).toMatch(/404 Not Found: Message not found/);
  });

  it("records a reaction on the message, once per member and emoji", async () => {
    const args = { messageId: DEMO.messageIds[3], emoji: ":rocket:", sender: "ben_builder" };
    expect((await mcp.call("react_to_message", args)).isError).toBeFalsy();
    expect((await mcp.call("react_to_message", { ...args, sender: DEMO.userEmail })).isError).toBeFalsy();
    expect((await mcp.call("react_to_message", args)).isError).toBeFalsy();
    const open = await list({ channel_id: DEMO.channelIds.public });
    const reacted = open.messages.find((m) => m.id === DEMO.messageIds[3]);
    expect(reacted?.reactions).toEqual([{ emoji: ":rocket:", userIds: [benId, avaId] }]);

    const bad = await mcp.call("react_to_message", { ...args, emoji: "rocket" });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toContain("emoji: must be an emoji shortcode such as :sparkling_heart:");
  });
});

describe("message image uploads against the sandbox", () => {
  let mcp: Connected;
  let close: () => Promise<void>;

  beforeAll(async () => ({ mcp, close } = await sandboxSession()));
  afterAll(() => close());

  it("uploads images as a multipart form and answers with their URLs", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]).toString("base64");
    const gif = Buffer.from("GIF89a-tiny").toString("base64");
    const uploaded = dataOf<Array<{ id: string; name: string; url: string; type: string; size: number }>>(
      await mcp.call("upload_message_images", {
        images: [
          { base64: png, name: "a.png" },
          { base64: gif, name: "b.gif" },
        ],
      }),
    );
    expect(uploaded.map(({ name, type, size }) => ({ name, type, size }))).toEqual([
      { name: "a.png", type: "image/png", size: 12 },
      { name: "b.gif", type: "image/gif", size: 11 },
    ]);
    expect(uploaded[0]?.url).toMatch(/^https:\/\/cdn\.sandbox\.localhost\/messages\/[a-f0-9]{24}\/a\.png$/);

    const text = await mcp.call("upload_message_images", { images: [{ base64: Buffer.from("hello").toString("base64") }] });
    expect(text.isError).toBe(true);
    expect(textOf(text)).toMatch(/images\.0: not an image of an accepted type .*Nothing was sent/);
  });
});
