import { DEMO, DEMO_COMMUNITY_ID } from "../../demo.js";
import type { Rec } from "../engine/store.js";
import type { SeedData } from "./types.js";

/**
 * Members and channels of the demo community: shared by users, messaging, gamification and user
 * field tools, so they live in one place. Shapes follow the Get User, Get User Data and channel
 * list examples; `streak` and `miniGames` hold what the mini-game and streak stats route reports.
 */

const T0 = "2026-04-01T00:00:00.000Z";

/** `id` is the numeric id the Get User example shows beside the ObjectId. */
const user = (_id: string, id: number, username: string, first: string, last: string, extra: Record<string, unknown>): Rec => ({
  _id,
  id,
  communityID: DEMO_COMMUNITY_ID,
  username,
  displayName: `${first} ${last}`,
  firstName: first,
  lastName: last,
  email: `${username.replace("_", ".")}@example.com`,
  avatar: `https://cdn.example.com/avatars/${username}.png`,
  isOnline: false,
  lastLogin: "2026-04-20T09:31:33.000Z",
  status: "active",
  createdAt: T0,
  updatedAt: T0,
  ...extra,
});

/** Get User Data's activity figures; `loginStreak` there is `streak.current` here. */
const activity = (xp: number, coins: number, messages: number, streak: number, longest: number, spins: number) => ({
  xp,
  coins,
  xpEarnedToday: 0,
  coinsEarnedToday: 0,
  totalMessages: messages,
  totalReactions: Math.floor(messages / 2),
  replySent: Math.floor(messages / 3),
  visitCount: messages + 10,
  timeSpent: messages * 60,
  streak: { current: streak, longest, lastActivityAt: streak > 0 ? "2026-04-20T09:31:33.000Z" : null },
  miniGames: [
    { type: "spin-wheel", played: spins, remainingPlays: spins > 0 ? 1 : 3 },
    { type: "scratch-card", played: 0, remainingPlays: 1 },
  ],
});

const member = (joinDate: string, roles: string[], extra: Record<string, unknown>) => ({
  joinDate,
  accessLevel: 1,
  roles,
  highestRole: roles.at(-1),
  language: "English",
  customFields: {},
  ...extra,
});

const users: Rec[] = [
  user(DEMO.userIds[0], 100000001, "ava_trader", "Ava", "Trader", {
    isOnline: true,
    ...member("2026-01-15", ["@all", "Trader"], { customFields: { customerid: "CUST-1001" } }),
    ...activity(5400, 1250, 320, 12, 30, 14),
  }),
  user(DEMO.userIds[1], 100000002, "ben_builder", "Ben", "Builder", {
    ...member("2026-02-03", ["@all"], {}),
    ...activity(900, 300, 45, 0, 4, 0),
  }),
  user(DEMO.userIds[2], 100000003, "cai_collector", "Cai", "Collector", {
    status: "banned",
    ...member("2025-11-20", ["@all"], {}),
    ...activity(120, 10, 3, 0, 1, 0),
  }),
  // Registered with a password but has not verified the email yet (see verify_user_email).
  user(DEMO.pendingUserId, 100000101, "dee_pending", "Dee", "Pending", {
    status: "unverified",
    ...member("2026-04-18", ["@all"], {}),
    ...activity(0, 0, 0, 0, 0, 0),
  }),
  // Deleted through Manage User Account (see restore_user).
  user(DEMO.deletedUserId, 100000102, DEMO.deletedUsername, "Dan", "Departed", {
    status: "deleted",
    ...member("2025-09-01", ["@all"], {}),
    ...activity(60, 5, 1, 0, 1, 0),
  }),
];

const channel = (_id: string, topic: string, channelType: string, extra: Record<string, unknown> = {}): Rec => ({
  _id,
  communityID: DEMO_COMMUNITY_ID,
  topic,
  channelType,
  createdAt: T0,
  updatedAt: T0,
  ...extra,
});

const { text, forum, iframe, public: open, privateDm } = DEMO.channelIds;

const channels: Rec[] = [
  channel(text, "general", "text"),
  channel(forum, "ideas", "forum", { forumTopics: [{ _id: DEMO.forumTopicId, title: "Feature requests" }] }),
  channel(iframe, "live-chart", "iframe"),
  channel(open, "announcements", "public"),
  channel(privateDm, "ava-and-ben", "private-dm", { members: [DEMO.userIds[0], DEMO.userIds[1]] }),
];

export const PEOPLE_SEED: SeedData = { collections: { users, channels }, singletons: {} };
