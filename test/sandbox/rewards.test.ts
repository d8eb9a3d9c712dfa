import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/demo.js";
import { callConfirmed, dataOf, sandboxSession, textOf } from "../support/helpers.js";

interface Status {
  _id: string;
  name: string;
  category: string;
  color: string;
}

/** Redemption orders and statuses through an MCP client, our server and real HTTP to the sandbox. */
describe("rewards and redemption tools", () => {
  let session: Awaited<ReturnType<typeof sandboxSession>>;

  beforeAll(async () => {
    session = await sandboxSession();
  });
  afterAll(() => session.close());
  const [pending, shipping, delivered, cancelled] = DEMO.redemptionStatusIds;
  const [first, second] = DEMO.orderIds;

  it("gates every status change, since a status may cancel or refund", async () => {
    const { tools } = await session.mcp.client.listTools();
    const update = tools.find((t) => t.name === "update_redemption_order_status");
    expect(update?.annotations).toMatchObject({ destructiveHint: true, idempotentHint: true });
    expect(update?.annotations?.readOnlyHint ?? false).toBe(false);
    expect(tools.find((t) => t.name === "list_redemption_orders_by_email")?.annotations).toMatchObject({ readOnlyHint: true });
  });

  it("lists and reads the statuses orders can take", async () => {
    const statuses = dataOf<Status[]>(await session.mcp.call("list_redemption_statuses"));
    expect(statuses.map((s) => s.name)).toEqual(["Pending", "Shipping", "Delivered", "Cancelled"]);
    expect(dataOf<Status>(await session.mcp.call("get_redemption_status", { statusId: shipping }))).toMatchObject({
      name: "Shipping",
      category: "incomplete",
      color: "#3EA1FD",
    });
    const unknown = await session.mcp.call("get_redemption_status", { statusId: "0123456789abcdef01234567" });
    expect(textOf(unknown)).toMatch(/404 Not Found: Redemption status not found\..*route is inferred/);
  });

  it("creates a status that can then be applied, and refuses a duplicate name", async () => {
    const created = dataOf<Status>(
      await session.mcp.call("create_redemption_status", { name: "Ready for pickup", category: "incomplete", color: "#9B59B6" }),
    );
    expect(created._id).toMatch(/^[a-f0-9]{24}$/);
    expect(dataOf<Status[]>(await session.mcp.call("list_redemption_statuses")).map((s) => s.name)).toContain("Ready for pickup");
    const applied = dataOf<{ status: Status }>(
      await callConfirmed(session.mcp, "update_redemption_order_status", { transactionId: second, statusId: created._id }),
    );
    expect(applied.status).toEqual({ _id: created._id, name: "Ready for pickup", category: "incomplete", color: "#9B59B6" });
    const again = await session.mcp.call("create_redemption_status", { name: "Ready for pickup", category: "incomplete" });
    expect(textOf(again)).toMatch(/409 Conflict: A redemption status with name "Ready for pickup" already exists/);
    const colour = await session.mcp.call("create_redemption_status", { name: "Lost", category: "cancelled", color: "red" });
    expect(textOf(colour)).toMatch(/color: must be a hex colour such as #3EA1FD/);
  });

  it("lists the community's orders newest first, and one user's by email", async () => {
    const all = await session.mcp.call("list_redemption_orders", { limit: 10 });
    expect(dataOf<Array<{ transactionId: string }>>(all).map((o) => o.transactionId)).toEqual([second, first]);
    expect((all.structuredContent as { meta: Record<string, unknown> }).meta).toMatchObject({ page: 1, limit: 10, total: 2 });
    const ava = dataOf<Array<{ transactionId: string; email: string }>>(
      await session.mcp.call("list_redemption_orders_by_email", { email: DEMO.userEmail }),
    );
    expect(ava.map((o) => o.transactionId).sort()).toEqual([first, second].sort());
    expect(
      dataOf<unknown[]>(await session.mcp.call("list_redemption_orders_by_email", { email: "ben.builder@example.com" })),
    ).toEqual([]);
    const nobody = await session.mcp.call("list_redemption_orders_by_email", { email: "nobody@example.com" });
    expect(textOf(nobody)).toMatch(/404 Not Found: User not found\./);
  });

  it("moves an order through statuses after confirmation, recording each in its history", async () => {
    const asked = await session.mcp.call("update_redemption_order_status", { transactionId: first, statusId: delivered });
    expect(asked.structuredContent).toMatchObject({
      preview: {
        method: "PUT",
        url: `${session.sandbox.url}/apis/v1/redemption-transactions/status`,
        body: { transactionId: first, statusId: delivered },
      },
    });
    // Nothing changed before the confirmation.
    const before = dataOf<Array<{ statusId: string }>>(
      await session.mcp.call("get_redemption_order_status_history", { transactionId: first }),
    );
    expect(before.map((e) => e.statusId)).toEqual([pending]);

    const done = dataOf<{ transactionId: string; statusId: string; status: Status }>(
      await callConfirmed(session.mcp, "update_redemption_order_status", { transactionId: first, statusId: cancelled }),
    );
    expect(done).toMatchObject({
      transactionId: first,
      statusId: cancelled,
      status: { name: "Cancelled", category: "cancelled" },
    });
    const history = dataOf<Array<{ statusId: string; status: Status }>>(
      await session.mcp.call("get_redemption_order_status_history", { transactionId: first }),
    );
    expect(history.map((e) => e.status.name)).toEqual(["Pending", "Cancelled"]);
    const orders = dataOf<Array<{ transactionId: string; status: Status }>>(await session.mcp.call("list_redemption_orders"));
    expect(orders.find((o) => o.transactionId === first)?.status.name).toBe("Cancelled");
  });

  it("reports an unknown order or status, and a malformed reference before sending", async () => {
    const order = await callConfirmed(session.mcp, "update_redemption_order_status", {
      transactionId: "ORD000000000000",
      statusId: shipping,
    });
    expect(textOf(order)).toMatch(/404 Not Found: Redemption order not found\./);
    const status = await callConfirmed(session.mcp, "update_redemption_order_status", {
      transactionId: first,
      statusId: "0123456789abcdef01234567",
    });
    expect(textOf(status)).toMatch(/404 Not Found: Redemption status not found\./);
    const history = await session.mcp.call("get_redemption_order_status_history", { transactionId: "ORD000000000000" });
    expect(textOf(history)).toMatch(/404 Not Found: Redemption order not found\..*route is inferred/);
    const malformed = await session.mcp.call("get_redemption_order_status_history", { transactionId: "ORD/../../x" });
    expect(textOf(malformed)).toMatch(/transactionId: an order reference such as ORD202507013831.*Nothing was sent/);
  });
});
