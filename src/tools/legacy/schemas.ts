import { z } from "zod";
import { OBJECT_ID } from "../../registry/schemas.js";
import type { IdLookup } from "../../registry/types.js";

/** Shapes the legacy System API routes share. */

const PLATFORM_ID = /^\d{1,20}$/;

/**
 * Legacy System routes name users by their platform id ("1", "1102"), not by ObjectId. The other
 * tools hand out the 24-hex id and the email, so those are taken too and looked up (Get User Data
 * answers the platform id as its `userId`).
 */
export const PLATFORM_USER: IdLookup = {
  label: "platform user id (digits)",
  native: PLATFORM_ID,
  tool: "get_user_data",
  arg: "idOrEmail",
  field: "userId",
  elsewhere: "get_user's `id`",
};

export const platformUserId = z
  .string()
  .trim()
  .refine(
    (v) => PLATFORM_ID.test(v) || OBJECT_ID.test(v) || z.email().safeParse(v).success,
    "must be a platform user id (digits), a 24-hex user id or an email",
  )
  .describe("platform id (digits), or 24-hex id or email to look up");

/** What a tool that names a user by platform id adds to its table entry. */
export const platformUserLookup = { lookups: { userId: PLATFORM_USER } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Badge ids show up as UUIDs in the older docs and as ObjectIds elsewhere; both are taken. */
export const badgeId = z
  .string()
  .refine((id) => OBJECT_ID.test(id) || UUID.test(id), "must be a 24-hex ObjectId or a UUID")
  .describe("24-hex or UUID");

/** What award/remove and the role grants send: the user, by platform id (add platformUserLookup). */
export const toUser = { userId: platformUserId };
