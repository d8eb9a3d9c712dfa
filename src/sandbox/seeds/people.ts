import { DEMO, DEMO_COMMUNITY_ID } from "../../demo.js";
import type { Rec } from "../store.js";
import type { SeedData } from "./types.js";

/**
 * Members and channels of the demo community: shared by users, messaging, gamification and user
 * field tools, so they live in one place. Shapes follow the Get User and channel list examples.
 */

const T0 = "2026-04-01T00:00:00.000Z";

const user = (i: number, username: string, first: string, last: string, extra: Record<string, unknown> = {}): Rec => ({
  _id: DEMO.userIds[i] as string,
  id: 100000001 + i,
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

const users: Rec[] = [
  user(0, "ava_trader", "Ava", "Trader", { isOnline: true }),
  user(1, "ben_builder", "Ben", "Builder"),
  user(2, "cai_collector", "Cai", "Collector", { status: "banned" }),
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
