import { z } from "zod";
import { DEMO } from "../demo.js";
import { defineToolset } from "../registry/define.js";
import { objectId, pageQuery, SANITY_CAP } from "../registry/schemas.js";

/** Shapes of a member's account, shared by the auth tools and Create New User. */
export const email = z.email();
export const username = z.string().trim().min(1).max(SANITY_CAP);
export const personName = z.string().trim().min(1).max(SANITY_CAP);
/** Free text the docs put no limit on; the cap is our guard, left out of tools/list. */
export const text = z.string().trim().min(1).max(SANITY_CAP);

/**
 * Create New User documents a special character and "not the username"; the same rules are our
 * best guess for registration. Named password/confirmPassword so that redaction masks them.
 */
export const password = z
  .string()
  .min(1)
  .max(SANITY_CAP)
  .regex(/[^A-Za-z0-9]/, "must contain a special character")
  .describe("with a special character");

export function checkPasswords(
  a: { password?: string; confirmPassword?: string; username?: string },
  ctx: z.RefinementCtx,
): void {
  if ((a.password === undefined) !== (a.confirmPassword === undefined)) {
    ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "password and confirmPassword go together" });
  } else if (a.password !== a.confirmPassword) {
    ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "must equal password" });
  }
  if (a.password !== undefined && a.password === a.username) {
    ctx.addIssue({ code: "custom", path: ["password"], message: "must differ from username" });
  }
}

// Get Users with Filters: exact values on text columns, {gte, lte} on numbers and dates.
const range = <T extends z.ZodType>(value: T) =>
  z
    .strictObject({ gte: value.optional(), lte: value.optional() })
    .refine((r) => r.gte !== undefined || r.lte !== undefined, "give gte, lte or both");
const day = z.iso.date();
const filter = z
  .strictObject({
    email: text,
    username,
    first_name: personName,
    last_name: personName,
    join_date: range(day),
    xp: range(z.number()),
    coins: range(z.number()),
  })
  .partial();
const column = z
  .string()
  .max(SANITY_CAP)
  .regex(/^[A-Za-z0-9_]+$/, "a column name such as first_name or a custom field");

/** Manage User Account takes an action word; one tool per risk class pins it. */
const manageUser = (action: "delete" | "restore") =>
  z.strictObject({
    action: z.literal(action).default(action),
    user: username.describe("username"),
  });

const newUser = z
  .strictObject({
    firstname: personName,
    lastname: personName,
    username,
    displayname: personName,
    email,
    password: password.optional(),
    confirmPassword: z.string().max(SANITY_CAP).optional(),
    accessLevel: z.number().int().min(0).describe("starting role set from Login Management"),
    joinServer: z.boolean().describe("false: account only, the user joins later"),
    sendEmail: z.boolean(),
    emailPassword: z.boolean().describe("put the password in the email"),
    emailTemplate: text.optional().describe('"0" = active template, or a template id'),
    customFields: z
      .array(
        z.strictObject({
          fieldIdorName: text,
          value: z.union([z.string().max(SANITY_CAP), z.number(), z.boolean()]),
        }),
      )
      .max(SANITY_CAP)
      .optional(),
    referral: text.optional().describe("referrer's value, per the referral mapping"),
    externalId: text.optional().describe("the active user identifier field"),
  })
  .superRefine(checkPasswords);

const byEmail = z.strictObject({ email });
const { page, limit } = pageQuery;

export const users = defineToolset({
  name: "users",
  memberText: true,
  summary: "community members: look up, filter, create, delete/restore, mini-game stats",
  default: true,
  tools: [
    {
      name: "get_user",
      operation: "users.get",
      title: "Get user",
      description: "Get one member's profile by user id.",
      input: z.strictObject({ userId: objectId }),
      example: { userId: DEMO.userId },
      risk: "read",
    },
    {
      name: "filter_users",
      operation: "users.filter",
      title: "Filter users",
      description: "Find members by field values or ranges; 200 a page, next page by cursor or page.",
      input: z
        .strictObject({
          // `*` is ours (src/server/views.ts): never sent, so the API answers with its default columns.
          fields: z
            .union([z.literal("*"), z.array(column).max(SANITY_CAP)])
            .optional()
            .describe("columns to return, custom fields too; * = all"),
          filter: filter.optional(),
          cursor: z.string().min(1).max(SANITY_CAP).optional().describe("next_cursor of the last page"),
          page,
        })
        .refine((a) => a.cursor === undefined || a.page === undefined, {
          message: "give cursor or page, not both",
          path: ["page"],
        }),
      example: { fields: ["email", "first_name", "join_date"], filter: { join_date: { gte: "2026-01-01" } } },
      risk: "read",
      view: { says: "the default columns" },
      list: { items: "users" },
    },
    {
      name: "create_user",
      operation: "users.create",
      title: "Create user",
      description: "Create a member account; unique username and email.",
      input: newUser,
      example: {
        firstname: "John",
        lastname: "Doe",
        username: "john_doe_123",
        displayname: "John Doe",
        email: "john@example.com",
        accessLevel: 1,
        joinServer: true,
        sendEmail: false,
        emailPassword: false,
        customFields: [{ fieldIdorName: "customerid", value: "CUST-2001" }],
      },
      risk: "write",
    },
    {
      name: "get_user_data",
      operation: "users.get-data",
      title: "Get user data",
      description: "Get a member's default and custom fields: XP, coins, roles, activity counts.",
      input: z.strictObject({ idOrEmail: z.string().trim().min(1).max(320).describe("24-hex or platform user id, or email") }),
      example: { idOrEmail: DEMO.userEmail },
      risk: "read",
    },
    {
      name: "delete_user",
      operation: "users.manage",
      title: "Delete user",
      description: "Delete a member's account (restore_user undoes it).",
      input: manageUser("delete"),
      example: { user: DEMO.username },
      risk: "destructive",
    },
    {
      name: "restore_user",
      operation: "users.manage",
      title: "Restore user",
      description: "Restore a deleted member's account.",
      input: manageUser("restore"),
      example: { user: DEMO.deletedUsername },
      risk: "write",
    },
    {
      name: "list_user_mini_game_logs",
      operation: "users.mini-game-logs",
      title: "List user mini-game logs",
      description: "List a member's mini-game plays and prizes, newest first.",
      input: byEmail.extend({ page, limit }),
      example: { email: DEMO.userEmail },
      risk: "read",
    },
    {
      name: "get_user_mini_game_stats",
      operation: "users.mini-game-streak-stats",
      title: "Get user mini-game and streak stats",
      description: "Get a member's current streak and remaining mini-game plays.",
      input: byEmail,
      example: { email: DEMO.userEmail },
      risk: "read",
    },
  ],
});
