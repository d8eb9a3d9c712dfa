import { rewards } from "../tools/rewards.js";
import { crud, type HandlerInput, type SandboxResource, sandboxFor } from "./engine/bind.js";
import { SandboxError } from "./engine/envelope.js";
import { newestPage } from "./engine/listing.js";
import { ofCommunity, requireUser } from "./engine/members.js";
import { newObjectId, type Rec } from "./engine/store.js";
import { statusSnapshot } from "./seeds/rewards.js";

const ORDERS = "redemptionOrders";
const HISTORY = "redemptionStatusHistory";

const statuses: SandboxResource = {
  name: "redemptionStatuses",
  noun: "redemption status",
  plural: "redemption statuses",
  unique: ["name"],
};

function findOrder({ store, communityId, args }: HandlerInput<{ transactionId: string }>): Rec {
  const order = ofCommunity(store, ORDERS, communityId).find((o) => o.transactionId === args.transactionId);
  if (!order) throw new SandboxError(404, "Redemption order not found.");
  return order;
}

const listed = (records: Rec[], args: Record<string, unknown>) => {
  const { data, meta } = newestPage(records, "createdAt", args, "redemption orders");
  return { statusCode: 200, message: "Read redemption orders success.", data, meta };
};

export const rewardsSandbox = sandboxFor(rewards, {
  list_redemption_statuses: crud(statuses, "list"),
  get_redemption_status: crud(statuses, "get"),
  create_redemption_status: crud(statuses, "create"),

  list_redemption_orders: ({ store, communityId, args }) => listed(ofCommunity(store, ORDERS, communityId), args),

  list_redemption_orders_by_email({ store, communityId, args }) {
    const user = requireUser(store, communityId, "email", args.email);
    return listed(
      ofCommunity(store, ORDERS, communityId).filter((o) => o.userId === user._id),
      args,
    );
  },

  get_redemption_order_status_history(input) {
    const order = findOrder(input);
    const entries = ofCommunity(input.store, HISTORY, input.communityId)
      .filter((e) => e.transactionId === order.transactionId)
      .sort((a, b) => String(a.changedAt).localeCompare(String(b.changedAt)));
    return { statusCode: 200, message: "Read redemption order status history success.", data: entries };
  },

  /** Applies the status and records it in the order's history, answering in the documented shape. */
  update_redemption_order_status(input) {
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
});
