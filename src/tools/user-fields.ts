import { z } from "zod";
import { DEMO } from "../demo.js";
import { defineToolset } from "../registry/define.js";
import { objectId, pageQuery, SANITY_CAP } from "../registry/schemas.js";

/**
 * Community user fields (the custom profile data an integration keeps per member) and the
 * history of their values. Only Create and Update are documented; the item routes follow
 * Update's path, and the history routes are inferred from the area's naming (see each inference).
 */

const communityId = objectId;
const fieldId = objectId;

// The doc versions disagree: the older Create lists text|number|boolean|date|select, Update lists
// date|single-line-text|numerical|multi-line-text|number|text. We take either set.
const fieldType = z.enum(["text", "number", "boolean", "date", "select", "single-line-text", "multi-line-text", "numerical"]);

/** A value as a field of any type holds it; the API (and the sandbox) check it against the field's type. */
export const fieldValue = z.union([z.string().max(SANITY_CAP), z.number(), z.boolean()]);

const fieldDefinition = {
  field: z.string().trim().min(1).max(50).describe("key; spaces become hyphens"),
  name: z.string().trim().min(1).max(100),
  type: fieldType,
  // These four come from the older Create page only.
  description: z.string().max(SANITY_CAP),
  required: z.boolean(),
  defaultValue: fieldValue,
  options: z.array(z.string().trim().min(1).max(SANITY_CAP)).max(SANITY_CAP).describe("choices of a select field"),
};

export const userFields = defineToolset({
  name: "user_fields",
  summary: "custom user fields and the history of their values",
  tools: [
    {
      name: "list_user_fields",
      operation: "userfields.list",
      title: "List user fields",
      description: "List a community's user fields, default and custom.",
      input: z.strictObject({ communityId }),
      example: { communityId: DEMO.communityId },
      risk: "read",
      view: { says: "key, name, type, options, default", drop: ["creator"] },
    },
    {
      name: "get_user_field",
      operation: "userfields.get",
      title: "Get user field",
      description: "Get one user field's definition.",
      input: z.strictObject({ communityId, fieldId }),
      example: { communityId: DEMO.communityId, fieldId: DEMO.userFieldId },
      risk: "read",
    },
    {
      name: "create_user_field",
      operation: "userfields.create",
      title: "Create user field",
      description: "Add a custom user field to a community.",
      input: z.strictObject(fieldDefinition).partial().required({ name: true, type: true }).extend({ communityId }),
      example: { communityId: DEMO.communityId, field: "deposit amount", name: "Deposit Amount", type: "number" },
      risk: "write",
    },
    {
      name: "update_user_field",
      operation: "userfields.update",
      title: "Update user field",
      description: "Rename a custom user field or change its type.",
      input: z.strictObject({ communityId, fieldId, name: fieldDefinition.name, type: fieldType }),
      example: { communityId: DEMO.communityId, fieldId: DEMO.userFieldIds[1], name: "Team", type: "single-line-text" },
      risk: "write",
      annotations: { idempotentHint: true },
    },
    {
      name: "delete_user_field",
      operation: "userfields.delete",
      title: "Delete user field",
      description: "Delete a custom user field from a community.",
      input: z.strictObject({ communityId, fieldId }),
      example: { communityId: DEMO.communityId, fieldId: DEMO.userFieldIds[3] },
      risk: "destructive",
    },
    {
      name: "list_user_field_histories",
      operation: "userfieldhistory.list",
      memberText: true,
      title: "List user field histories",
      description: "List recorded user field values, optionally for one field and/or one user.",
      input: z.strictObject({
        communityId,
        fieldId: fieldId.optional(),
        userId: objectId.optional(),
        page: pageQuery.page,
        limit: pageQuery.limit,
      }),
      example: { communityId: DEMO.communityId, fieldId: DEMO.userFieldId, userId: DEMO.userId },
      risk: "read",
    },
    {
      name: "create_user_field_history",
      operation: "userfieldhistory.create",
      memberText: true,
      title: "Create user field history",
      description: "Record a new value of a user field for one user.",
      input: z.strictObject({
        communityId,
        fieldId,
        userId: objectId,
        value: fieldValue.describe("as the field's type: number, boolean or text"),
      }),
      example: { communityId: DEMO.communityId, fieldId: DEMO.userFieldId, userId: DEMO.userIds[1], value: 7 },
      risk: "write",
    },
  ],
});
