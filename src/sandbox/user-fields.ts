import { userFields } from "../tools/user-fields.js";
import { crud, type HandlerInput, type SandboxResource, sandboxFor } from "./engine/bind.js";
import { SandboxError } from "./engine/envelope.js";
import { listRecords } from "./engine/listing.js";
import { findUser } from "./engine/members.js";
import { OPS, type OpInput } from "./engine/ops.js";
import type { Rec } from "./engine/store.js";

const userFieldResource: SandboxResource = {
  name: "userFields",
  noun: "user field",
  plural: "user fields",
  scopeParam: "communityId",
  searchFields: ["name", "field"],
  unique: ["field"],
};

const userFieldHistoryResource: SandboxResource = {
  name: "userFieldHistories",
  noun: "user field history",
  plural: "user field histories",
  pagination: "page",
  scopeParam: "communityId",
};

/** The routes that name a field: by its id, within the path's community. */
type FieldArgs = { communityId: string; fieldId?: string | undefined };

function findField(input: HandlerInput<FieldArgs>): Rec {
  const { communityId, fieldId } = input.args;
  const record = input.store.collection(userFieldResource.name).find((r) => r._id === fieldId && r.communityId === communityId);
  if (!record) throw new SandboxError(404, "User field not found.");
  return record;
}

/** The generic operation's input for a user-fields route: scoped by the path's community. */
const fieldOp = (input: HandlerInput<FieldArgs>, body: Record<string, unknown> = {}): OpInput => ({
  resource: userFieldResource,
  store: input.store,
  communityId: input.communityId,
  scope: input.args.communityId,
  ...(input.args.fieldId !== undefined ? { id: input.args.fieldId } : {}),
  args: input.args,
  body,
});

/**
 * The overview says default fields are maintained by the system and custom ones through the API;
 * we read that as: only custom fields can be changed or deleted.
 */
function customOnly(input: HandlerInput<FieldArgs>): void {
  if (findField(input).isDefault) {
    throw new SandboxError(403, "Default user fields are maintained by the system; only custom fields can be changed.");
  }
}

const DATE = /^(\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?|(0[1-9]|[12]\d|3[01])\/(0[1-9]|1[0-2])\/\d{4})$/;

/** What a field of each type holds; text-like types (and select) take a string. */
function checkValue(field: Rec, value: unknown): void {
  const type = String(field.type);
  const fail = (what: string) => {
    throw new SandboxError(400, `value: a ${type} field takes ${what}`);
  };
  if (type === "number" || type === "numerical") {
    if (typeof value !== "number") fail("a number");
  } else if (type === "boolean") {
    if (typeof value !== "boolean") fail("true or false");
  } else if (type === "date") {
    if (typeof value !== "string" || !DATE.test(value)) fail("a date (YYYY-MM-DD or DD/MM/YYYY)");
  } else if (typeof value !== "string") {
    fail("text");
  } else if (type === "select" && Array.isArray(field.options) && field.options.length && !field.options.includes(value)) {
    fail(`one of ${field.options.join(", ")}`);
  }
}

const newestFirst = { sort: "createdAt:desc" };

export const userFieldsSandbox = sandboxFor(userFields, {
  list_user_fields: crud(userFieldResource, "list"),
  get_user_field: crud(userFieldResource, "get"),

  create_user_field(input) {
    const { communityId: _scope, ...body } = input.args;
    // The docs: spaces in the key become hyphens ("deposit amount" -> "deposit-amount"); without a key we derive it from the name.
    const key = (body.field ?? body.name).trim().replace(/\s+/g, "-");
    return OPS.create(fieldOp(input, { ...body, field: key, isDefault: false, creator: null }));
  },

  update_user_field(input) {
    customOnly(input);
    return OPS.update(fieldOp(input, { name: input.args.name, type: input.args.type }));
  },

  delete_user_field(input) {
    customOnly(input);
    return OPS.delete(fieldOp(input));
  },

  list_user_field_histories(input) {
    const { communityId, fieldId, userId } = input.args;
    if (fieldId !== undefined) findField(input);
    if (userId !== undefined) findUser(input.store, userId, communityId);
    const records = input.store
      .collection(userFieldHistoryResource.name)
      .filter(
        (r) =>
          r.communityId === communityId &&
          (fieldId === undefined || r.fieldId === fieldId) &&
          (userId === undefined || r.userId === userId),
      );
    const { data, meta } = listRecords(records, userFieldHistoryResource, { ...input.args, ...newestFirst });
    return { statusCode: 200, message: "Read user field histories success.", data, meta };
  },

  create_user_field_history(input) {
    const { communityId, fieldId, userId, value } = input.args;
    const field = findField(input);
    findUser(input.store, userId, communityId);
    checkValue(field, value);
    const earlier = input.store
      .collection(userFieldHistoryResource.name)
      .filter((r) => r.communityId === communityId && r.fieldId === fieldId && r.userId === userId);
    const [previous] = listRecords(earlier, userFieldHistoryResource, { ...newestFirst, limit: 1 }).data;
    return OPS.create({
      resource: userFieldHistoryResource,
      store: input.store,
      communityId: input.communityId,
      scope: communityId,
      args: input.args,
      body: { fieldId, field: field.field, userId, value, previousValue: previous?.value ?? null },
    });
  },
});
