import { DEMO, DEMO_COMMUNITY_ID, demoId } from "../../demo.js";
import { allOf, CHANNEL_PERMISSIONS, SERVER_PERMISSIONS } from "../../tools/legacy/roles.js";
import type { Rec } from "../engine/store.js";
import type { SeedData } from "./types.js";

/**
 * Records of the legacy System API routes: servers, badges (one already awarded) and roles (one
 * already held). Shapes follow the Legacy section's request bodies and examples.
 */

const T0 = "2026-04-01T00:00:00.000Z";

const owned = (record: Rec): Rec => ({ ...record, communityID: DEMO_COMMUNITY_ID, createdAt: T0, updatedAt: T0 });

const servers: Rec[] = [
  owned({ _id: DEMO.serverIds[0], name: "Sandbox Traders", description: "The demo community" }),
  owned({ _id: DEMO.serverIds[1], name: "Sandbox Academy", description: "Lessons for new traders" }),
];

const badge = (_id: string, title: string, quantity: number, extra: Record<string, unknown> = {}): Rec =>
  owned({
    _id,
    title,
    action: "custom",
    quantity,
    description: "",
    attachRequired: false,
    award: false,
    awardCurrency: false,
    ...extra,
  });

const badges: Rec[] = [
  badge(DEMO.badgeIds[0], "Early Bird", 1, { description: "Joined in the first month" }),
  badge(DEMO.badgeIds[1], "Streak Master", 7, { award: true, awardXpQuantity: 100 }),
  badge(DEMO.badgeIds[2], "Chart Wizard", 3, { attachRequired: true, awardCurrency: true, awardCurrencyQuantity: 50 }),
];

const roles: Rec[] = [
  owned({
    _id: DEMO.roleIds[0],
    title: "Manager",
    class: "red",
    order: 1,
    billable: true,
    server_permissions: allOf(SERVER_PERMISSIONS, true),
    channel_permissions: allOf(CHANNEL_PERMISSIONS, true),
  }),
  owned({
    _id: DEMO.roleIds[1],
    title: "Member",
    class: "blue",
    order: 5,
    billable: false,
    server_permissions: { ...allOf(SERVER_PERMISSIONS, false), allow_dm: true },
    channel_permissions: { ...allOf(CHANNEL_PERMISSIONS, false), post_messages: true },
  }),
];

/** Who holds what: user ids are the users' ObjectIds, so the grants survive a username change. */
const badgeAwards: Rec[] = [owned({ _id: demoId(0xe, 0x1001), badgeId: DEMO.badgeIds[0], userId: DEMO.userIds[0] })];
const userRoles: Rec[] = [owned({ _id: demoId(0xe, 0x2001), roleId: DEMO.roleIds[0], userId: DEMO.userIds[0] })];

export const LEGACY_SEED: SeedData = { collections: { servers, badges, roles, badgeAwards, userRoles }, singletons: {} };
