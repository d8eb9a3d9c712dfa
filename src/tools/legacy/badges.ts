import { z } from "zod";
import { DEMO } from "../../demo.js";
import { defineTools } from "../../registry/define.js";
import { clearable, httpUrl, SANITY_CAP } from "../../registry/schemas.js";
import { badgeId, platformUserLookup, toUser } from "./schemas.js";

/**
 * Badges of the older System API (rai-api.returning.ai/api/v1 in the older curls; the newest pages
 * show root routes on api.returning.ai). Create, update, award and remove are documented; list and
 * delete are inferred from them. Every route takes the community system key.
 */

const count = z.number().int().min(0);
const flag = z.boolean();

/** The docs' examples send `""` for a badge without that image. */
const image = clearable(httpUrl, 'http(s) URL, or "" for none').optional();

// One stored version of the update page marks only title and action required; we follow it for both.
const badge = z.strictObject({
  title: z.string().trim().min(1).max(SANITY_CAP),
  action: z.string().trim().min(1).max(100).describe("trigger, e.g. custom"),
  quantity: count.describe("amount the action needs").optional(),
  description: z.string().max(SANITY_CAP).optional(),
  image,
  darkImage: image,
  lightImage: image,
  enabledDarkAndLight: flag.optional(),
  applied: flag.optional(),
  awarded: flag.optional(),
  award: flag.describe("grant XP when earned").optional(),
  awardXpQuantity: count.optional(),
  awardCurrency: flag.describe("grant currency when earned").optional(),
  awardCurrencyQuantity: count.optional(),
  attachRequired: flag.describe("the user must attach proof").optional(),
});

const id = badgeId;

export const badgeTools = defineTools([
  {
    name: "legacy_list_badges",
    operation: "legacy-badges.list",
    title: "List badges (legacy)",
    description: "List the community's badges.",
    input: z.strictObject({}),
    example: {},
    risk: "read",
  },
  {
    name: "legacy_create_badge",
    operation: "legacy-badges.create",
    title: "Create badge (legacy)",
    description: "Create a badge, optionally granting XP or currency when earned.",
    input: badge,
    example: { title: "First Trade", action: "custom", quantity: 1, award: true, awardXpQuantity: 50 },
    risk: "write",
  },
  {
    name: "legacy_update_badge",
    operation: "legacy-badges.update",
    title: "Update badge (legacy)",
    description: "Change a badge; title and action are required.",
    input: badge.extend({ id }),
    example: { id: DEMO.badgeIds[1], title: "Streak Master", action: "custom", quantity: 14 },
    risk: "write",
  },
  {
    name: "legacy_delete_badge",
    operation: "legacy-badges.delete",
    title: "Delete badge (legacy)",
    description: "Delete a badge.",
    input: z.strictObject({ id }),
    example: { id: DEMO.badgeIds[2] },
    risk: "destructive",
  },
  {
    name: "legacy_award_badge_to_user",
    operation: "legacy-badges.award-to-user",
    ...platformUserLookup,
    title: "Award badge to user (legacy)",
    description: "Give a user a badge, with the XP or currency it grants.",
    input: z.strictObject({ id, ...toUser }),
    example: { id: DEMO.badgeIds[1], userId: DEMO.legacyUserId },
    risk: "write",
  },
  {
    name: "legacy_remove_badge_from_user",
    operation: "legacy-badges.remove-from-user",
    ...platformUserLookup,
    title: "Remove badge from user (legacy)",
    description: "Take a badge back from a user.",
    input: z.strictObject({ id, ...toUser }),
    example: { id: DEMO.badgeId, userId: DEMO.legacyUserId },
    risk: "destructive",
  },
]);
