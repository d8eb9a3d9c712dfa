import { z } from "zod";
import { OBJECT_ID } from "../../registry/schemas.js";

/** Shapes the legacy System API routes share. */

/** Legacy System routes name users by their platform id ("1", "1102"), not by ObjectId. */
export const platformUserId = z.string().regex(/^\d{1,20}$/, "a platform user id (digits), e.g. 1102");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Badge ids show up as UUIDs in the older docs and as ObjectIds elsewhere; both are taken. */
export const badgeId = z
  .string()
  .refine((id) => OBJECT_ID.test(id) || UUID.test(id), "must be a 24-hex ObjectId or a UUID")
  .describe("24-hex or UUID");

/** What award/remove and the role grants send: the user, by platform id. */
export const toUser = { userId: platformUserId };
