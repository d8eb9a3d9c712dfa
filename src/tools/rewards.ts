import { z } from "zod";
import { DEMO } from "../demo.js";
import { defineToolset } from "../registry/define.js";
import { objectId, pageLimit } from "../registry/schemas.js";
import type { ViewSpec } from "../registry/types.js";

/** An order's reference as the docs show it (ORD202507013831). */
const transactionId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "an order reference such as ORD202507013831")
  .describe("order reference, e.g. ORD202507013831");
const statusId = objectId;

/** An order as both order lists show it: the ids that update its status, what was bought, and when. */
const ORDER_VIEW: ViewSpec = {
  says: "ids, buyer, product, price, status, date",
  keep: ["_id", "transactionId", "userId", "email", "product", "price", "quantity", "statusId", "status.name", "createdAt"],
  timestamps: true,
};

export const rewards = defineToolset({
  name: "rewards",
  memberText: true,
  summary: "redemption orders, their statuses and status history",
  default: true,
  tools: [
    {
      name: "list_redemption_orders",
      operation: "redemptions.list_orders_by_community",
      title: "List redemption orders",
      description: "List the community's redemption orders, newest first, a page at a time.",
      input: z.strictObject(pageLimit),
      example: { page: 1, limit: 10 },
      risk: "read",
      view: ORDER_VIEW,
    },
    {
      name: "list_redemption_orders_by_email",
      operation: "redemptions.list_orders_by_email",
      title: "List redemption orders by email",
      description: "List one user's redemption orders, found by email.",
      input: z.strictObject({ email: z.email(), ...pageLimit }),
      example: { email: DEMO.userEmail },
      risk: "read",
      view: ORDER_VIEW,
    },
    {
      name: "get_redemption_order_status_history",
      operation: "redemptions.get_order_status_history",
      title: "Get redemption order status history",
      description: "List the statuses an order went through, oldest first.",
      input: z.strictObject({ transactionId }),
      example: { transactionId: DEMO.orderIds[1] },
      risk: "read",
    },
    {
      // Statuses are the community's own (create_redemption_status), so no argument tells whether
      // the one applied cancels or refunds the order: every change is confirmed.
      name: "update_redemption_order_status",
      operation: "redemptions.update_order_status",
      title: "Update redemption order status",
      description: "Move a redemption order to another status, e.g. shipped, delivered or cancelled.",
      input: z.strictObject({ transactionId, statusId }),
      example: { transactionId: DEMO.orderIds[0], statusId: DEMO.redemptionStatusIds[1] },
      risk: "destructive",
    },
    {
      name: "list_redemption_statuses",
      operation: "redemptions.list_statuses",
      memberText: false,
      title: "List redemption statuses",
      description: "List the statuses redemption orders can take.",
      input: z.strictObject({}),
      example: {},
      risk: "read",
      view: { says: "name, category, color" },
    },
    {
      name: "get_redemption_status",
      operation: "redemptions.get_status",
      memberText: false,
      title: "Get redemption status",
      description: "Get one redemption status.",
      input: z.strictObject({ statusId }),
      example: { statusId: DEMO.redemptionStatusId },
      risk: "read",
    },
    {
      name: "create_redemption_status",
      operation: "redemptions.create_order_status",
      memberText: false,
      title: "Create redemption status",
      description: "Create a status that redemption orders can be moved to.",
      input: z.strictObject({
        name: z.string().trim().min(1).max(100),
        category: z.string().trim().min(1).max(50).describe("e.g. incomplete"),
        color: z
          .string()
          .regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, "must be a hex colour such as #3EA1FD")
          .optional()
          .describe("hex, e.g. #3EA1FD"),
      }),
      example: { name: "Ready for pickup", category: "incomplete", color: "#9B59B6" },
      risk: "write",
    },
  ],
});
