import { gamification } from "../tools/gamification.js";
import { crud, type SandboxResource, sandboxFor } from "./engine/bind.js";
import { SandboxError } from "./engine/envelope.js";
import { newestPage } from "./engine/listing.js";
import { memberByIdentifier, ofCommunity, requireUser } from "./engine/members.js";
import { newObjectId, type Rec } from "./engine/store.js";
import { ACTIVITY_END } from "./seeds/gamification.js";

const DAY_MS = 86_400_000;
const FETCHED = "User gamification stats fetched successfully";

/** `22/12/2025` -> `2025-12-22`, the form the seed stores days in. */
const isoDay = (ddmmyyyy: string) => ddmmyyyy.split("/").reverse().join("-");

/** The `days` days up to the sandbox's last day of activity, oldest first. */
function window(days: number): string[] {
  const end = Date.parse(`${ACTIVITY_END}T00:00:00.000Z`);
  return Array.from({ length: days }, (_, i) => new Date(end - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10));
}

const COUNTS = ["messages", "replies", "reaction", "socials"] as const;

const settings: SandboxResource = {
  name: "gamificationSettings",
  noun: "gamification settings",
  plural: "gamification settings",
  singleton: true,
};

export const gamificationSandbox = sandboxFor(gamification, {
  get_tier_and_xp_settings: crud(settings, "read-singleton"),

  get_daily_gamification_history({ store, communityId, args }) {
    const type = args.identifier_type;
    const day = isoDay(args.date);
    const page = args.page ?? 1;
    const limit = args.limit ?? 20;
    const found = args.identifier.flatMap((identifier) => {
      const user = memberByIdentifier(store, communityId, type, identifier);
      return user ? [{ identifier, user }] : [];
    });
    const activity = ofCommunity(store, "activityDays", communityId);
    const results = found.slice((page - 1) * limit, page * limit).map(({ identifier, user }) => {
      const done = activity.find((a) => a.userId === user._id && a.day === day);
      return { identifier, user_id: user._id, date: args.date, coins: done?.coins ?? 0, xp: done?.xp ?? 0 };
    });
    const pagination = {
      page,
      limit,
      total: args.identifier.length,
      total_pages: Math.ceil(found.length / limit),
      found: found.length,
    };
    return { statusCode: 200, message: FETCHED, data: { date: args.date, pagination, results } };
  },

  get_user_activity_stats({ store, communityId, args }) {
    const user = requireUser(store, communityId, args.identifier_type, args.identifier);
    const activity = ofCommunity(store, "activityDays", communityId).filter((a) => a.userId === user._id);
    const daily_stats = window(args.days).map((date) => {
      const done = activity.find((a) => a.day === date);
      return { date, ...Object.fromEntries(COUNTS.map((k) => [k, (done?.[k] as number | undefined) ?? 0])) };
    });
    const totals = Object.fromEntries(
      COUNTS.map((k) => [k, daily_stats.reduce((sum, d) => sum + ((d as Record<string, unknown>)[k] as number), 0)]),
    );
    const range = { start_date: daily_stats[0]?.date, end_date: ACTIVITY_END };
    return { statusCode: 200, message: FETCHED, data: { user_id: String(user.id ?? user._id), range, totals, daily_stats } };
  },

  list_user_gamification_logs({ store, communityId, args }) {
    const user = requireUser(store, communityId, args.identifier_type, args.identifier);
    const logs = ofCommunity(store, "gamificationLogs", communityId).filter((l) => l.userId === user._id);
    const { data, meta } = newestPage(logs, "createdAt", args, "gamification logs");
    return { statusCode: 200, message: "Read gamification logs success.", data, meta };
  },

  list_user_streak_logs({ store, communityId, args }) {
    const user = requireUser(store, communityId, "email", args.email);
    const logs = ofCommunity(store, "streakLogs", communityId).filter(
      (l) => l.userId === user._id && (args.streakId === undefined || l.streakId === args.streakId),
    );
    const { data, meta } = newestPage(logs, "date", args, "streak logs");
    return { statusCode: 200, message: "Read streak logs success.", data, meta };
  },

  /** Upserts the user's row for the wheel: a later read or update sees the stored count. */
  update_user_spin_wheel({ store, communityId, args }) {
    const user = requireUser(store, communityId, "email", args.email);
    const wheels = ofCommunity(store, "spinWheels", communityId);
    const wheel = args.wheelId === undefined ? wheels[0] : wheels.find((w) => w._id === args.wheelId);
    if (!wheel) throw new SandboxError(404, "Spin wheel not found.");
    const rows = store.collection("spinWheelUsers");
    const at = rows.findIndex((r) => r.communityID === communityId && r.userId === user._id && r.wheelId === wheel._id);
    const now = store.now();
    const current: Rec = rows[at] ?? {
      _id: newObjectId(),
      communityID: communityId,
      wheelId: wheel._id,
      userId: user._id,
      createdAt: now,
    };
    const next: Rec = { ...current, email: user.email, availableSpins: args.availableSpins, updatedAt: now };
    if (at < 0) rows.push(next);
    else rows[at] = next;
    return { statusCode: 200, message: "Update spin wheel success.", data: next };
  },
});
