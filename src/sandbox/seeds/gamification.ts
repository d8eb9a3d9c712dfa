import { DEMO, DEMO_COMMUNITY_ID, demoId } from "../../demo.js";
import type { Rec } from "../engine/store.js";
import type { SeedData } from "./types.js";

/**
 * The demo community's gamification: its tier and XP settings (shaped like the oldest docs'
 * settings document), a week of activity for Ava and Ben, their XP/coin events, a streak's log and
 * the spin wheel. Record kinds use ids of kind 13 (see src/demo.ts).
 */

/** The last day with activity: the sandbox's "today" for look-back windows, so answers never drift with the clock. */
export const ACTIVITY_END = "2026-04-20";

const T0 = "2026-04-01T00:00:00.000Z";
const community = { communityID: DEMO_COMMUNITY_ID };
const [ava, ben] = DEMO.userIds;

const settings: Rec = {
  _id: demoId(13, 0x001),
  ...community,
  xpSetting: {
    enabled: true,
    message: { enabled: true, xp: 5, time: 60 },
    reply: { enabled: true, xp: 3, time: 60 },
    react: { enabled: true, xp: 1 },
    picture: { enabled: true, xp: 20 },
    aboutme: { enabled: true, xp: 10 },
    quote: { enabled: false, xp: 0 },
  },
  tiers: [
    { name: "Bronze", level: 1, xpRequired: 0 },
    { name: "Silver", level: 2, xpRequired: 500 },
    { name: "Gold", level: 3, xpRequired: 2000 },
  ],
  createdAt: T0,
  updatedAt: T0,
};

const DAYS = ["2026-04-14", "2026-04-15", "2026-04-16", "2026-04-17", "2026-04-18", "2026-04-19", ACTIVITY_END];

/** A steady, varied week: Ava is active daily, Ben every other day. */
const activityDays: Rec[] = DAYS.flatMap((day, i) => [
  { _id: demoId(13, 0x500 + i), ...community, userId: ava, day, messages: 3 + i, replies: i % 3, reaction: 2, socials: i % 2 },
  ...(i % 2 === 0
    ? [{ _id: demoId(13, 0x580 + i), ...community, userId: ben, day, messages: 1, replies: 1, reaction: 0, socials: 0 }]
    : []),
]).map((r) => ({ ...r, xp: 5 * (r.messages as number) + 3 * (r.replies as number) + (r.reaction as number), coins: r.messages }));

const log = (n: number, userId: string | undefined, action: string, xp: number, coins: number, createdAt: string): Rec => ({
  _id: demoId(13, 0x600 + n),
  ...community,
  userId,
  action,
  xp,
  coins,
  createdAt,
});

const gamificationLogs: Rec[] = [
  log(1, ava, "message", 5, 1, "2026-04-18T09:12:00.000Z"),
  log(2, ava, "reply", 3, 0, "2026-04-18T09:40:00.000Z"),
  log(3, ava, "daily-login", 10, 5, "2026-04-19T07:00:00.000Z"),
  log(4, ava, "streak-reward", 25, 10, "2026-04-20T07:00:00.000Z"),
  log(5, ben, "message", 5, 1, "2026-04-18T11:00:00.000Z"),
];

const streak = { streakId: DEMO.streakId, streakName: "Daily Activity Streak" };

/** Ava kept the streak, missed a day, then started again. */
const streakDays: Array<[date: string, status: "kept" | "missed", currentStreak: number]> = [
  ["2026-04-16", "kept", 4],
  ["2026-04-17", "missed", 0],
  ["2026-04-18", "kept", 1],
  ["2026-04-19", "kept", 2],
];

const streakLogs: Rec[] = streakDays.map(([date, status, currentStreak], i) => ({
  _id: demoId(13, 0x700 + i),
  ...community,
  ...streak,
  userId: ava,
  date,
  status,
  currentStreak,
  createdAt: `${date}T23:59:59.000Z`,
}));

const spinWheels: Rec[] = [
  { _id: DEMO.spinWheelId, ...community, name: "Daily Spin", spinsPerDay: 1, isEnabled: true, createdAt: T0, updatedAt: T0 },
];

const spinWheelUsers: Rec[] = [
  {
    _id: demoId(13, 0x801),
    ...community,
    wheelId: DEMO.spinWheelId,
    userId: ava,
    availableSpins: 2,
    createdAt: T0,
    updatedAt: T0,
  },
];

export const GAMIFICATION_SEED: SeedData = {
  collections: { activityDays, gamificationLogs, streakLogs, spinWheels, spinWheelUsers },
  singletons: { gamificationSettings: settings },
};
