import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ALL_TOOLS } from "../../src/catalog/index.js";
import { DEMO } from "../../src/demo.js";
import type { Sandbox } from "../../src/sandbox/index.js";
import { fakeSecret } from "../../src/sandbox/seed.js";
import { SEED_DATA } from "../../src/sandbox/seeds/index.js";
import { PERMISSIONS } from "../../src/tools/api-keys.js";
import { type Connected, callConfirmed, callExample, dataOf, sandboxSession, textOf } from "../support/helpers.js";

const [ava, ben, cai] = DEMO.userIds;
const [portfolio, chatBot, alerts] = DEMO.userApiKeyIds;

interface UserKey {
  _id: string;
  userId: string;
  communityId: string;
  name: string;
  key: string;
  permissions: string[];
  isActive: boolean;
}

describe("user API keys against the sandbox", () => {
  let sandbox: Sandbox;
  let mcp: Connected;
  const keysOf = async (userId: string) => dataOf<UserKey[]>(await mcp.call("list_user_api_keys", { userId, fields: "*" }));

  let close: () => Promise<void>;

  beforeAll(async () => ({ sandbox, mcp, close } = await sandboxSession()));
  afterAll(() => close());

  it.each(ALL_TOOLS.filter((t) => t.toolset === "user_api_keys").map((t) => [t.name, t] as const))(
    "%s succeeds with its example on a fresh sandbox",
    async (_name, tool) => {
      const result = await callExample(tool);
      expect(result.isError, textOf(result)).toBeFalsy();
    },
  );

  it("lists each member's own keys with the secrets masked", async () => {
    const listed = await mcp.call("list_user_api_keys", { userId: ava });
    const keys = dataOf<UserKey[]>(listed);
    expect(keys.map((k) => k._id).sort()).toEqual([portfolio, chatBot].sort());
    expect(keys.every((k) => /^\*{4}[a-f0-9]{4}$/.test(k.key))).toBe(true);
    expect(JSON.stringify(listed)).not.toContain(fakeSecret(`user key ${portfolio}`));
    expect((await keysOf(ben)).map((k) => k._id)).toEqual([alerts]);
    expect(await keysOf(cai)).toEqual([]);
  });

  it("sends the owner in the query of Create, the key's fields in its body, permissions spelled as the user-key pages", async () => {
    const dry = await mcp.call("create_user_api_key", { userId: ben, name: "Bot", permissions: ["sendMessages"], dryRun: true });
    expect(dry.structuredContent).toMatchObject({
      dryRun: true,
      request: {
        method: "POST",
        url: `${sandbox.url}/apis/v1/users/apikeys?userId=${ben}`,
        body: { name: "Bot", permissions: ["sendMessages"] },
      },
    });
  });

  it("issues a key to a member, changes it, revokes it", async () => {
    const created = await mcp.call("create_user_api_key", {
      userId: cai,
      name: "Portfolio sync",
      permissions: ["getUserData"],
      expirePeriod: 30,
    });
    const key = dataOf<UserKey>(created);
    expect(key).toMatchObject({ userId: cai, communityId: DEMO.communityId, name: "Portfolio sync", isActive: true });
    expect(key.key).toMatch(/^\*{4}[a-f0-9]{4}$/);
    expect((await keysOf(cai)).map((k) => k._id)).toEqual([key._id]);

    const off = dataOf<UserKey>(
      await mcp.call("update_user_api_key", {
        userId: cai,
        apiKeyId: key._id,
        isActive: false,
        permissions: ["replyMessage"],
      }),
    );
    expect(off).toMatchObject({ isActive: false, permissions: ["replyMessage"] });
    expect((await keysOf(cai))[0]?.isActive).toBe(false);

    expect(dataOf<UserKey>(await callConfirmed(mcp, "delete_user_api_key", { userId: cai, apiKeyId: key._id }))._id).toBe(
      key._id,
    );
    expect(await keysOf(cai)).toEqual([]);
    const again = await callConfirmed(mcp, "delete_user_api_key", { userId: cai, apiKeyId: key._id });
    expect(textOf(again)).toMatch(/404 Not Found: User API key not found/);
  });

  it("refuses a duplicate name for one member, an unknown member and another member's key", async () => {
    const dup = await mcp.call("create_user_api_key", { userId: ava, name: "Chat bot", permissions: ["sendMessages"] });
    expect(textOf(dup)).toMatch(/409 Conflict: A user API key with name "Chat bot" already exists/);
    const nobody = await mcp.call("create_user_api_key", {
      userId: "5a4d0000000000000000beef",
      name: "X",
      permissions: ["sendMessages"],
    });
    expect(textOf(nobody)).toMatch(/404 Not Found: User not found/);
    const notHers = await mcp.call("update_user_api_key", { userId: ben, apiKeyId: chatBot, name: "Mine now" });
    expect(textOf(notHers)).toMatch(/404 Not Found: User API key not found/);
    expect(textOf(await mcp.call("update_user_api_key", { userId: ava, apiKeyId: chatBot }))).toMatch(/nothing to change/);
    expect(textOf(await mcp.call("create_user_api_key", { userId: ava, name: "Y", permissions: ["send-all"] }))).toContain(
      'permissions.0: Invalid option: expected one of "sendMessage"|"replyMessage"',
    );
  });

  it("seeds every key with permission names the tools take", () => {
    const names = z.array(z.string()).parse(
      Object.values(SEED_DATA.collections)
        .flat()
        .flatMap((r) => (Array.isArray(r.permissions) ? r.permissions : [])),
    );
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => !(PERMISSIONS as readonly string[]).includes(n))).toEqual([]);
  });

  it("describes the key in use without its secret", async () => {
    const info = await mcp.call("get_current_api_key_info");
    expect(dataOf<Record<string, unknown>>(info)).toMatchObject({ name: "Sandbox API key", isActive: true });
    expect(dataOf<Record<string, unknown>>(info)).not.toHaveProperty("key");
    expect(textOf(await mcp.call("get_current_api_key_info", { userId: ava }))).toMatch(/userId: unknown field/);
  });
});
