import { describe, expect, it } from "vitest";
import { crud, type SandboxResource, sandboxFor } from "../../src/sandbox/engine/bind.js";
import { rewards } from "../../src/tools/rewards.js";

/**
 * The binding of sandbox behaviours to a toolset is checked by the compiler (tsc -p
 * tsconfig.test.json): see mistakesThatDoNotCompile below. The test shows that a complete binding
 * is taken as it is written.
 */

const statuses: SandboxResource = { name: "redemptionStatuses", noun: "redemption status", plural: "redemption statuses" };
const orders = () => ({ statusCode: 200, message: "ok", data: [] });

const complete = {
  list_redemption_orders: orders,
  list_redemption_orders_by_email: orders,
  get_redemption_order_status_history: orders,
  update_redemption_order_status: orders,
  list_redemption_statuses: crud(statuses, "list"),
  get_redemption_status: crud(statuses, "get"),
  create_redemption_status: crud(statuses, "create"),
} as const;

describe("sandbox bindings", () => {
  it("take one behaviour per tool, by tool name", () => {
    const bound = sandboxFor(rewards, { ...complete });
    expect([...bound.behaviours.keys()].sort()).toEqual(rewards.tools.map((t) => t.name).sort());
  });
});

/**
 * Never run: the compiler refuses a missing tool, an unknown tool and a wrongly typed argument, and
 * each `@ts-expect-error` fails the type check (part of npm test) if its mistake ever compiles.
 */
export function mistakesThatDoNotCompile(): void {
  const { create_redemption_status: _left, ...missing } = complete;
  // @ts-expect-error create_redemption_status has no behaviour
  sandboxFor(rewards, missing);
  // @ts-expect-error no tool of the rewards table is named redeem_everything
  sandboxFor(rewards, { ...complete, redeem_everything: orders });
  sandboxFor(rewards, {
    ...complete,
    list_redemption_orders_by_email: ({ args }) => {
      // @ts-expect-error the tool's input has no `userId`: args are typed from its schema
      args.userId;
      return orders();
    },
  });
}
