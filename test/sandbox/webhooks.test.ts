import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/demo.js";
import type { Sandbox } from "../../src/sandbox/index.js";
import { PEOPLE_SEED } from "../../src/sandbox/seeds/people.js";
import { type Connected, callConfirmed, connectInMemory, dataOf, listOf, sandboxSession, textOf } from "../support/helpers.js";

describe("incoming-webhook tools against the sandbox", () => {
  let mcp: Connected;
  let sandbox: Sandbox;
  let close: () => Promise<void>;

  beforeAll(async () => ({ mcp, sandbox, close } = await sandboxSession()));
  afterAll(() => close());

  it("posts a message that Get Messages then lists", async () => {
    const args = { channelId: DEMO.channelIds.public, message: "Maintenance tonight.", sender: DEMO.userEmail };
    expect((await mcp.call("send_message_by_webhook", args)).isError).toBeFalsy();
    const { items: messages } = listOf<{ message: string }>(
      await mcp.call("list_messages", { channel_id: DEMO.channelIds.public, count: 1 }),
    );
    expect(messages[0]?.message).toBe("Maintenance tonight.");

    const forum = await mcp.call("send_message_by_webhook", { ...args, channelId: DEMO.channelIds.forum });
    expect(textOf(forum)).toMatch(/400 Bad Request: forumTopicId: required to post in a forum channel/);
  });

  it("sets custom field values, keeping the ones not sent", async () => {
    const set = (fields: unknown[]) => mcp.call("update_custom_fields_by_webhook", { idOrEmail: DEMO.userEmail, fields });
    await set([
      { field: "department", value: "Sales" },
      { field: "vip", value: true },
    ]);
    const after = dataOf<{ userId: string; customFields: Record<string, unknown> }>(
      await set([{ field: "department", value: "Desk" }]),
    );
    expect(after).toEqual({ userId: DEMO.userId, customFields: { department: "Desk", vip: true } });

    const stranger = await mcp.call("update_custom_fields_by_webhook", {
      idOrEmail: "ghost@example.com",
      fields: [{ field: "a", value: 1 }],
    });
    expect(textOf(stranger)).toMatch(/404 Not Found: No member with that id, username or email/);
    const empty = await set([]);
    expect(textOf(empty)).toContain("fields: Too small: expected array to have >=1 items. Nothing was sent.");
  });

  it("changes a balance only after confirmation, and never below zero", async () => {
    const change = (amount: number) => callConfirmed(mcp, "update_currency_by_webhook", { idOrEmail: DEMO.userIds[1], amount });
    // A member starts from the coins the demo community gives them.
    const start = Number(PEOPLE_SEED.collections.users?.find((u) => u._id === DEMO.userIds[1])?.coins ?? 0);
    expect(dataOf(await change(300))).toEqual({ userId: DEMO.userIds[1], change: 300, balance: start + 300 });
    expect(dataOf(await change(-120))).toMatchObject({ balance: start + 180 });
    const overdrawn = await change(-(start + 500));
    expect(textOf(overdrawn)).toMatch(
      new RegExp(`400 Bad Request: amount: the balance would go below zero \\(it is ${start + 180}\\)`),
    );
    const zero = await mcp.call("update_currency_by_webhook", { idOrEmail: DEMO.userEmail, amount: 0 });
    expect(textOf(zero)).toContain("amount: must not be 0");
  });

  it("is refused by the sandbox without the webhook key", async () => {
    const { url, apiKey } = sandbox;
    const keyless = await connectInMemory({ baseUrl: url, apiKey, keySource: "sandbox" });
    try {
      const refused = await keyless.call("send_message_by_webhook", {
        channelId: DEMO.channelIds.text,
        message: "hi",
        sender: DEMO.username,
      });
      expect(textOf(refused)).toMatch(/401 Unauthorized: Missing x-api-key/);
    } finally {
      await keyless.close();
    }
  });
});
