import { z } from "zod";
import { DEMO } from "../../demo.js";
import { defineTools } from "../../registry/define.js";
import { objectId, SANITY_CAP } from "../../registry/schemas.js";
import { platformUserId, platformUserLookup, toUser } from "./schemas.js";

/**
 * Roles & Permissions of the older System API. Create, update and the user's role list are
 * documented; the server's role list, delete, and granting or revoking a role are inferred from
 * them and from the badge routes, which grant and revoke the same way (POST /badges/{id}/award|remove).
 */

const flags = <K extends string>(keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, z.boolean()])) as Record<K, z.ZodBoolean>);

// The request spellings (snake_case, share_Attachments); role objects read back use other names (see the catalog notes).
export const SERVER_PERMISSIONS = [
  "server_administrator",
  "allow_dm",
  "create_invite",
  "warn_members",
  "suspend_members",
  "ban_members",
  "broadcast_messages",
  "overwrite_language",
] as const;
export const CHANNEL_PERMISSIONS = [
  "post_messages",
  "attach_files",
  "allow_mentions",
  "manage_messages",
  "pinable",
  "share_links",
  "share_Attachments",
] as const;
const serverPermissions = flags(SERVER_PERMISSIONS);
const channelPermissions = flags(CHANNEL_PERMISSIONS);

/** Every field is required on create and on update alike (the update replaces the role). */
const role = {
  title: z.string().trim().min(1).max(SANITY_CAP),
  class: z.string().trim().min(1).max(50).describe("colour, e.g. red"),
  order: z.number().int().min(0),
  billable: z.boolean(),
  server_permissions: serverPermissions,
  channel_permissions: channelPermissions,
};

/** Every permission of a list set to one value: a starting point to switch a few on or off. */
export const allOf = (keys: readonly string[], value: boolean): Record<string, boolean> =>
  Object.fromEntries(keys.map((k) => [k, value]));

const exampleRole = {
  title: "Moderator",
  class: "blue",
  order: 2,
  billable: false,
  server_permissions: { ...allOf(SERVER_PERMISSIONS, false), warn_members: true, suspend_members: true },
  channel_permissions: { ...allOf(CHANNEL_PERMISSIONS, true), pinable: false },
};

const id = objectId;

export const roleTools = defineTools([
  {
    name: "legacy_list_server_roles",
    operation: "legacy-roles.list-server",
    title: "List server roles (legacy)",
    description: "List the roles defined in the community.",
    input: z.strictObject({}),
    example: {},
    risk: "read",
  },
  {
    name: "legacy_create_role",
    operation: "legacy-roles.create",
    title: "Create role (legacy)",
    description: "Create a role with its server and channel permissions.",
    input: z.strictObject(role),
    example: exampleRole,
    risk: "write",
  },
  {
    name: "legacy_update_role",
    operation: "legacy-roles.update",
    title: "Update role (legacy)",
    description: "Replace a role: send every field.",
    input: z.strictObject({ id, ...role }),
    example: { id: DEMO.roleIds[1], ...exampleRole, title: "Senior Moderator" },
    risk: "write",
  },
  {
    name: "legacy_delete_role",
    operation: "legacy-roles.delete",
    title: "Delete role (legacy)",
    description: "Delete a role.",
    input: z.strictObject({ id }),
    example: { id: DEMO.roleIds[1] },
    risk: "destructive",
  },
  {
    name: "legacy_list_user_roles",
    operation: "legacy-roles.list-user",
    pathArgs: { id: "userId" },
    ...platformUserLookup,
    title: "List user roles (legacy)",
    description: "List the roles a user holds in the community.",
    input: z.strictObject({ userId: platformUserId }),
    example: { userId: DEMO.legacyUserId },
    risk: "read",
  },
  {
    name: "legacy_add_role_to_user",
    operation: "legacy-roles.add-to-user",
    ...platformUserLookup,
    title: "Add role to user (legacy)",
    description: "Give a user a role.",
    input: z.strictObject({ id, ...toUser }),
    example: { id: DEMO.roleIds[1], userId: DEMO.legacyUserId },
    risk: "write",
  },
  {
    name: "legacy_remove_role_from_user",
    operation: "legacy-roles.remove-from-user",
    ...platformUserLookup,
    title: "Remove role from user (legacy)",
    description: "Take a role away from a user.",
    input: z.strictObject({ id, ...toUser }),
    example: { id: DEMO.roleId, userId: DEMO.legacyUserId },
    risk: "destructive",
  },
]);
