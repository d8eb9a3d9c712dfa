import { DEMO, DEMO_COMMUNITY_ID, demoId } from "../../demo.js";
import type { Rec } from "../engine/store.js";
import type { SeedData } from "./types.js";

/**
 * Redemption statuses and orders of the demo community. The orders are the store's two demo
 * purchases (same order references and products), seen from the redemption side. Statuses take
 * the documented shape {_id, name, category, color}; only "incomplete" is a documented category.
 */

const T0 = "2026-04-01T00:00:00.000Z";
const community = { communityID: DEMO_COMMUNITY_ID };

const [pending, shipping, delivered, cancelled] = DEMO.redemptionStatusIds;

const statusRec = (_id: string, name: string, category: string, color: string): Rec => ({
  _id,
  ...community,
  name,
  category,
  color,
  createdAt: T0,
  updatedAt: T0,
});

const redemptionStatuses: Rec[] = [
  statusRec(pending, "Pending", "incomplete", "#F5A623"),
  statusRec(shipping, "Shipping", "incomplete", "#3EA1FD"),
  statusRec(delivered, "Delivered", "complete", "#2ECC71"),
  statusRec(cancelled, "Cancelled", "cancelled", "#E74C3C"),
];

/** The status as orders and history entries embed it. */
export const statusSnapshot = ({ _id, name, category, color }: Rec) => ({ _id, name, category, color });

const byId = (id: string) => redemptionStatuses.find((s) => s._id === id) as Rec;

const order = (n: number, product: { _id: string; name: string }, price: number, statusId: string, createdAt: string): Rec => ({
  _id: demoId(13, 0x900 + n),
  ...community,
  transactionId: DEMO.orderIds[n],
  userId: DEMO.userId,
  email: DEMO.userEmail,
  product,
  price,
  quantity: 1,
  statusId,
  status: statusSnapshot(byId(statusId)),
  createdAt,
  updatedAt: createdAt,
});

const redemptionOrders: Rec[] = [
  order(0, { _id: DEMO.productIds[1], name: "Gold Voucher" }, 250, pending, "2026-04-16T12:05:56.000Z"),
  order(1, { _id: DEMO.productIds[2], name: "Community T-Shirt" }, 500, shipping, "2026-04-20T09:31:33.000Z"),
];

const entry = (n: number, transactionId: string, statusId: string, changedAt: string): Rec => ({
  _id: demoId(13, 0xa00 + n),
  ...community,
  transactionId,
  statusId,
  status: statusSnapshot(byId(statusId)),
  changedAt,
});

const [first, second] = DEMO.orderIds;

const redemptionStatusHistory: Rec[] = [
  entry(1, first, pending, "2026-04-16T12:05:56.000Z"),
  entry(2, second, pending, "2026-04-20T09:31:33.000Z"),
  entry(3, second, shipping, "2026-04-21T08:00:00.000Z"),
];

export const REWARDS_SEED: SeedData = {
  collections: { redemptionStatuses, redemptionOrders, redemptionStatusHistory },
  singletons: {},
};
