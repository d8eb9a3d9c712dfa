import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_TOOLS } from "../../src/catalog/index.js";
import { DEMO } from "../../src/demo.js";
import { type Sandbox, startSandbox } from "../../src/sandbox/index.js";

/**
 * Several focused tools share one settings route (a leaderboard's PATCH, a product's PUT, the
 * store's PUT). The API takes any mix of their fields in one request, and so must the sandbox.
 */
describe("focused tools over one route", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  const patch = async (body: unknown) => {
    const res = await fetch(`${sandbox.url}/leaderboards/${DEMO.leaderboardId}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${sandbox.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { message: string; data: Record<string, unknown> } };
  };

  it("shares the leaderboard route among several tools", () => {
    const sharing = ALL_TOOLS.filter((t) => t.method === "PATCH" && t.path === "/leaderboards/{leaderboardID}");
    expect(sharing.map((t) => t.name).length).toBeGreaterThan(3);
  });

  it("accepts a request that mixes the fields of several focused tools", async () => {
    const mixed = await patch({
      name: "Top Traders II",
      topRankLimit: 5,
      timeZone: 8,
      allowedUsersToView: [DEMO.userIds[0]],
      widget: { enabled: false },
    });
    expect(mixed.status).toBe(200);
    expect(mixed.body.data).toMatchObject({
      name: "Top Traders II",
      topRankLimit: 5,
      timeZone: 8,
      allowedUsersToView: [DEMO.userIds[0]],
      widget: { enabled: false },
    });
  });

  it("refuses the mix when one part is invalid or a field belongs to no tool", async () => {
    const bad = await patch({ name: "Fine", timeZone: 99 });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/timeZone/);
    const stranger = await patch({ name: "Fine", rankBy: "xps" });
    expect(stranger.status).toBe(400);
    expect(stranger.body.message).toMatch(/rankBy: unknown field/);
  });
});
