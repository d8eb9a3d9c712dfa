import { z } from "zod";
import { DEMO } from "../demo.js";
import { defineToolset } from "../registry/define.js";
import { dayMonthYear, objectId, pageLimit, SANITY_CAP } from "../registry/schemas.js";

/**
 * The integration routes that look users up by `identifier` + `identifier_type`. The docs show only
 * `email` as a type, so other types are passed through, but email identifiers are checked as emails.
 */
const identifierType = z.string().trim().min(1).max(50).describe("what identifier holds, e.g. email");
const isEmail = (value: string) => z.email().safeParse(value).success;
const emailsWhenTyped = (type: string, ids: string[]) => type !== "email" || ids.every(isEmail);
const EMAIL_IDS = { message: "must be email addresses when identifier_type is email", path: ["identifier"] };

const email = z.email();

const identifier = z.string().trim().min(1).max(320);

/** A route about one user, named by identifier + identifier_type, with its other fields. */
const oneUser = (a: Record<string, unknown>) => emailsWhenTyped(String(a.identifier_type), [String(a.identifier)]);

const forOneUser = <S extends z.ZodRawShape>(shape: S) =>
  z.strictObject({ identifier, identifier_type: identifierType, ...shape }).refine(oneUser, EMAIL_IDS);

export const gamification = defineToolset({
  name: "gamification",
  summary: "tiers and XP settings, users' XP/coin history, activity stats, streak logs, spin wheel",
  default: true,
  tools: [
    {
      name: "get_tier_and_xp_settings",
      operation: "gamification.get_tiers_xp_settings",
      title: "Get tier and XP settings",
      description: "Get the community's tiers and how many XP each activity earns.",
      input: z.strictObject({}),
      example: {},
      risk: "read",
    },
    {
      name: "get_daily_gamification_history",
      operation: "gamification.get_daily_history",
      memberText: true,
      title: "Get daily gamification history",
      description: "Get the XP and coins several users earned on one day.",
      input: z
        .strictObject({
          identifier: z.array(identifier).min(1).max(SANITY_CAP),
          identifier_type: identifierType,
          date: dayMonthYear,
          ...pageLimit,
        })
        .refine((a) => emailsWhenTyped(a.identifier_type, a.identifier), EMAIL_IDS),
      example: { identifier: [DEMO.userEmail, "ben.builder@example.com"], identifier_type: "email", date: "18/04/2026" },
      risk: "read",
      list: { items: "results" },
    },
    {
      name: "get_user_activity_stats",
      operation: "gamification.get_user_activity_stats",
      memberText: true,
      title: "Get user activity stats",
      description: "Count a user's messages, replies, reactions and social actions per day over recent days.",
      input: forOneUser({ days: z.number().int().min(1).max(SANITY_CAP).describe("look-back window") }),
      example: { identifier: DEMO.userEmail, identifier_type: "email", days: 7 },
      risk: "read",
    },
    {
      name: "list_user_gamification_logs",
      operation: "gamification.list_user_logs",
      memberText: true,
      title: "List user gamification logs",
      description: "List the XP and coin events a user earned, newest first.",
      input: forOneUser(pageLimit),
      example: { identifier: DEMO.userEmail, identifier_type: "email", limit: 10 },
      risk: "read",
    },
    {
      name: "list_user_streak_logs",
      operation: "streaks.list_user_logs",
      memberText: true,
      title: "List user streak logs",
      description: "List a user's streak log: each period of a streak kept or missed.",
      input: z.strictObject({ email, streakId: objectId.optional(), ...pageLimit }),
      example: { email: DEMO.userEmail, streakId: DEMO.streakId },
      risk: "read",
      view: { says: "date, status, streak count" },
    },
    {
      name: "update_user_spin_wheel",
      operation: "minigames.update_user_spin_wheel",
      title: "Update user spin wheel",
      description: "Set how many spins of the spin wheel a user has left.",
      input: z.strictObject({
        email,
        availableSpins: z.number().int().min(0).max(SANITY_CAP),
        wheelId: objectId.optional().describe("default: the community's wheel"),
      }),
      example: { email: DEMO.userEmail, availableSpins: 5 },
      risk: "write",
    },
  ],
});
