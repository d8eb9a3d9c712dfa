import { SandboxError } from "../envelope.js";
import { newestPage } from "../listing.js";
import { ofCommunity, requireUser } from "../members.js";
import { statusSnapshot } from "../seeds/rewards.js";
import { newObjectId, type Rec } from "../store.js";
import type { HandlerInput, Handlers } from "./types.js";

const ORDERS = "redemptionOrders";
const HISTORY = "redemptionStatusHistory";

function findOrder({ store, communityId, args }: HandlerInput): Rec {
  const order = ofCommunity(store, ORDERS, communityId).find((o) => o.transactionId === args.transactionId);
  if (!order) throw new SandboxError(404, "Redemption order not found.");
  return order;
}

const listed = (records: Rec[], args: Record<string, unknown>) => {
  const { data, meta } = newestPage(records, "createdAt", args, "redemption orders");
  return { statusCode: 200, message: "Read redemption orders success.", data, meta };
};

export const rewardsHandlers: Handlers = {
  "rewards.listOrders": ({ store, communityId, args }) => listed(ofCommunity(store, ORDERS, communityId), args),

  "rewards.listOrdersByEmail"({ store, communityId, args }) {
    const user = requireUser(store, communityId, "email", String(args.email));
    return listed(
      ofCommunity(store, ORDERS, communityId).filter((o) => o.userId === user._id),
      args,
    );
  },

  "rewards.statusHistory"(input) {
    const order = findOrder(input);
    const entries = ofCommunity(input.store, HISTORY, input.communityId)
      .filter((e) => e.transactionId === order.transactionId)
      .sort((a, b) => String(a.changedAt).localeCompare(String(b.changedAt)));
    return { statusCode: 200, message: "Read redemption order status history success.", data: entries };
  },

  /** Applies the status and records it in the order's history, answering in the documented shape. */
  "rewards.updateOrderStatus"(input) {
    const { store, communityId, args } = input;
    const order = findOrder(input);
    const status = ofCommunity(store, "redemptionStatuses", communityId).find((s) => s._id === args.statusId);
    if (!status) throw new SandboxError(404, "Redemption status not found.");
    const now = store.now();
    const snapshot = statusSnapshot(status);
    const orders = store.collection(ORDERS);
    orders[orders.indexOf(order)] = { ...order, statusId: status._id, status: snapshot, updatedAt: now };
    store.collection(HISTORY).push({
      _id: newObjectId(),
      communityID: communityId,
      transactionId: order.transactionId,
      statusId: status._id,
      status: snapshot,
      changedAt: now,
    });
    return {
      statusCode: 200,
      message: "Transaction status updated successfully",
      data: { transactionId: order.transactionId, statusId: status._id, status: snapshot },
    };
  },
};
