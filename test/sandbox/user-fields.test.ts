import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_TOOLS } from "../../src/catalog/index.js";
import { DEMO } from "../../src/demo.js";
import { type Connected, callConfirmed, callExample, dataOf, sandboxSession, textOf } from "../support/helpers.js";

const community = { communityId: DEMO.communityId };
const [level, department, tier] = DEMO.userFieldIds;
const [ava, ben, cai] = DEMO.userIds;

interface Field {
  _id: string;
  field: string;
  name: string;
  type: string;
}
interface History {
  _id: string;
  fieldId: string;
  userId: string;
  value: unknown;
  previousValue: unknown;
}

describe("user fields against the sandbox", () => {
  let mcp: Connected;
  let close: () => Promise<void>;

  beforeAll(async () => ({ mcp, close } = await sandboxSession()));
  afterAll(() => close());

  it.each(ALL_TOOLS.filter((t) => t.toolset === "user_fields").map((t) => [t.name, t] as const))(
    "%s succeeds with its example on a fresh sandbox",
    async (_name, tool) => {
      const result = await callExample(tool);
      expect(result.isError, textOf(result)).toBeFalsy();
    },
  );

  it("creates a field, lists and reads it back, renames it, deletes it", async () => {
    const created = dataOf<Field>(
      await mcp.call("create_user_field", { ...community, field: "deposit amount", name: "Deposit Amount", type: "numerical" }),
    );
    expect(created).toMatchObject({
      field: "deposit-amount",
      name: "Deposit Amount",
      type: "numerical",
      communityId: DEMO.communityId,
    });

    const listed = dataOf<Field[]>(await mcp.call("list_user_fields", community));
    expect(listed.map((f) => f._id)).toEqual(expect.arrayContaining([created._id, level, DEMO.defaultUserFieldIds[0]]));

    const renamed = dataOf<Field>(
      await mcp.call("update_user_field", { ...community, fieldId: created._id, name: "Deposits", type: "number" }),
    );
    expect(renamed).toMatchObject({ name: "Deposits", type: "number", field: "deposit-amount" });
    expect(dataOf<Field>(await mcp.call("get_user_field", { ...community, fieldId: created._id })).name).toBe("Deposits");

    expect(dataOf<Field>(await callConfirmed(mcp, "delete_user_field", { ...community, fieldId: created._id }))._id).toBe(
      created._id,
    );
    const gone = await mcp.call("get_user_field", { ...community, fieldId: created._id });
    expect(gone.isError).toBe(true);
    expect(textOf(gone)).toMatch(/404 Not Found: User field not found/);
  });

  it("derives the key from the name and refuses a duplicate key", async () => {
    const made = dataOf<Field>(await mcp.call("create_user_field", { ...community, name: "Favourite Pair", type: "text" }));
    expect(made.field).toBe("Favourite-Pair");
    const dup = await mcp.call("create_user_field", { ...community, field: "department", name: "Dept", type: "text" });
    expect(dup.isError).toBe(true);
    expect(textOf(dup)).toMatch(/409 Conflict: A user field with field "department" already exists/);
  });

  it("accepts the types of both doc versions and names a bad one", async () => {
    for (const type of ["select", "multi-line-text"]) {
      expect((await mcp.call("create_user_field", { ...community, name: `T ${type}`, type })).isError).toBeFalsy();
    }
    const bad = await mcp.call("create_user_field", { ...community, name: "Colour", type: "colour" });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toMatch(/type: .*"text"/);
    const missing = await mcp.call("update_user_field", { ...community, fieldId: department, name: "Team" });
    expect(textOf(missing)).toMatch(/type: required/);
  });

  it("keeps the system's default fields out of reach", async () => {
    const [country] = DEMO.defaultUserFieldIds;
    const rename = await mcp.call("update_user_field", { ...community, fieldId: country, name: "Nation", type: "text" });
    expect(rename.isError).toBe(true);
    expect(textOf(rename)).toMatch(/403 Forbidden: Default user fields are maintained by the system/);
    const removal = await callConfirmed(mcp, "delete_user_field", { ...community, fieldId: country });
    expect(textOf(removal)).toMatch(/403 Forbidden/);
    expect(dataOf<Field>(await mcp.call("get_user_field", { ...community, fieldId: country })).name).toBe("Country");
  });

  it("records values and lists them back by field, by user and by both, newest first", async () => {
    const record = (fieldId: string, userId: string, value: unknown) =>
      mcp.call("create_user_field_history", { ...community, fieldId, userId, value });
    const third = dataOf<History>(await record(level, ava, 3));
    expect(third).toMatchObject({ fieldId: level, userId: ava, value: 3, previousValue: 2 });
    const first = dataOf<History>(await record(tier, cai, "Advanced"));
    expect(first.previousValue).toBeNull();

    const list = async (args: Record<string, unknown>) =>
      dataOf<History[]>(await mcp.call("list_user_field_histories", { ...community, ...args }));
    const byBoth = await list({ fieldId: level, userId: ava });
    expect(byBoth.map((h) => h.value)).toEqual([3, 2, 1]);
    expect((await list({ userId: cai })).map((h) => h._id)).toEqual([first._id]);
    const byField = await list({ fieldId: level });
    expect(new Set(byField.map((h) => h.userId))).toEqual(new Set([ava, ben]));
    expect((await list({})).map((h) => h._id)).toEqual(expect.arrayContaining([third._id, first._id]));

    const page = await mcp.call("list_user_field_histories", { ...community, fieldId: level, userId: ava, page: 2, limit: 2 });
    expect(dataOf<History[]>(page).map((h) => h.value)).toEqual([1]);
    expect((page.structuredContent as { meta: Record<string, unknown> }).meta).toMatchObject({ page: 2, limit: 2, total: 3 });
  });

  it("checks a value against its field's type", async () => {
    const record = (fieldId: string, value: unknown) =>
      mcp.call("create_user_field_history", { ...community, fieldId, userId: ben, value });
    expect(textOf(await record(level, "high"))).toMatch(/400 Bad Request: value: a number field takes a number/);
    expect(textOf(await record(tier, "Expert"))).toMatch(/value: a select field takes one of Beginner, Intermediate, Advanced/);
    const birthday = DEMO.defaultUserFieldIds[1];
    expect((await record(birthday, "31/12/1990")).isError).toBeFalsy();
    expect(textOf(await record(birthday, "last year"))).toMatch(/value: a date field takes a date/);
    expect(textOf(await record(department, { team: "x" }))).toMatch(/value: /);
  });

  it("answers 404 for an unknown field or member", async () => {
    const unknown = "5a4d0000000000000000beef";
    const noUser = await mcp.call("create_user_field_history", { ...community, fieldId: level, userId: unknown, value: 1 });
    expect(textOf(noUser)).toMatch(/404 Not Found: User not found/);
    const noField = await mcp.call("list_user_field_histories", { ...community, fieldId: unknown });
    expect(textOf(noField)).toMatch(/404 Not Found: User field not found/);
    const badId = await mcp.call("list_user_field_histories", { ...community, userId: "ava" });
    expect(textOf(badId)).toContain("userId: must be a 24-hex ObjectId");
  });
});
