import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "../../src/demo.js";
import { type Connected, callConfirmed, dataOf, sandboxSession, textOf } from "../support/helpers.js";

interface Analysis {
  _id: string;
  channelId: string;
  type: string;
  metadata: Record<string, unknown>;
  levels: Record<string, { price: number }>;
  drawings: Array<{ type: string; clientObjectId: string }>;
}

const scope = { communityId: DEMO.communityId, channelId: DEMO.channelIds.public };
const NEW = {
  ...scope,
  sender: DEMO.userEmail,
  metadata: { direction: "BEARISH", entryPlacement: "ABOVE_CURRENT", title: "USD/JPY fade", symbol: "USD/JPY", timeframe: "H4" },
  levels: { resistance: { price: 151.2 }, pivot: { price: 150.4 }, support: { price: 149.8, clientObjectId: "floor" } },
};
const line = (clientObjectId: string) => ({
  type: "LINE",
  clientObjectId,
  points: [
    { time: "2026-04-21T00:00:00Z", price: 150.1 },
    { time: "2026-04-22T00:00:00Z", price: 149.9 },
  ],
  startHead: "NONE",
  endHead: "ARROW",
  style: { color: "#0000FF", lineWidth: 2, lineStyle: "DASHED" },
});

describe("chart analysis tools against the sandbox", () => {
  let mcp: Connected;
  let close: () => Promise<void>;

  beforeAll(async () => ({ mcp, close } = await sandboxSession()));
  afterAll(() => close());

  it("creates an analysis, derives its type, appends drawings, updates it and lists it", async () => {
    const created = dataOf<Analysis>(await mcp.call("create_chart_analysis", NEW));
    expect(created).toMatchObject({ channelId: scope.channelId, type: "bearish_bounce", drawings: [] });

    const rectangle = {
      type: "RECTANGLE",
      clientObjectId: "supply",
      points: [
        { time: "2026-04-21T00:00:00Z", price: 151 },
        { time: "2026-04-22T00:00:00Z", price: 151.4 },
      ],
      style: { fillColor: "#FF000033", borderColor: "#FF0000" },
    };
    await mcp.call("append_chart_analysis_drawings", { analysisId: created._id, drawings: [rectangle] });
    const appended = dataOf<Analysis>(
      await mcp.call("append_chart_analysis_drawings", { analysisId: created._id, drawings: [line("entry")] }),
    );
    expect(appended.drawings.map((d) => d.clientObjectId)).toEqual(["supply", "entry"]);

    const updated = await mcp.call("update_chart_analysis", {
      analysisId: created._id,
      sender: DEMO.userEmail,
      metadata: { title: "USD/JPY fade, revised", expiry: { type: "HOURS", hours: 12 } },
      levels: { pivot: { price: 150.6 } },
    });
    expect(dataOf(updated)).toEqual({ analysisId: created._id, updatedFields: ["title", "expiry", "levels"] });

    const got = dataOf<Analysis>(await mcp.call("get_chart_analysis", { analysisId: created._id }));
    expect(got.metadata).toMatchObject({ title: "USD/JPY fade, revised", symbol: "USD/JPY", expiry: { hours: 12 } });
    expect(got.levels).toMatchObject({ pivot: { price: 150.6 }, support: { price: 149.8 } });
    expect(got.drawings).toHaveLength(2);

    const listed = await mcp.call("list_chart_analyses", { ...scope, search: "keyword:usd/jpy" });
    expect(dataOf<Analysis[]>(listed).map((a) => a._id)).toEqual([created._id]);
    expect((listed.structuredContent as { meta: Record<string, unknown> }).meta).toMatchObject({ page: 1, total: 1 });
  });

  it("answers a retried create with the analysis it first made", async () => {
    const args = { ...NEW, idempotencyKey: "retry-me-001" };
    const first = dataOf<Analysis>(await mcp.call("create_chart_analysis", args));
    const second = dataOf<Analysis>(await mcp.call("create_chart_analysis", args));
    expect(second._id).toBe(first._id);
  });

  it("refuses bad drawings, levels out of order, duplicate ids and other communities", async () => {
    const oneEnded = await mcp.call("append_chart_analysis_drawings", {
      analysisId: DEMO.analysisId,
      drawings: [{ ...line("x"), points: [{ time: "2026-04-21T00:00:00Z", price: 1 }] }],
    });
    expect(textOf(oneEnded)).toContain("drawings.0.points: a LINE takes two points");
    const circle = await mcp.call("append_chart_analysis_drawings", {
      analysisId: DEMO.analysisId,
      drawings: [{ ...line("c"), type: "CIRCLE" }],
    });
    expect(textOf(circle)).toMatch(/drawings\.0\.type: .*HORIZONTAL_LINE/);

    const duplicate = await mcp.call("append_chart_analysis_drawings", {
      analysisId: DEMO.analysisId,
      drawings: [line("demand")],
    });
    expect(textOf(duplicate)).toMatch(/409 Conflict: A drawing with clientObjectId "demand" already exists/);

    const inverted = await mcp.call("update_chart_analysis", { analysisId: DEMO.analysisId, levels: { support: { price: 2 } } });
    expect(textOf(inverted)).toMatch(/400 Bad Request: levels: support must be below pivot/);

    const elsewhere = await mcp.call("create_chart_analysis", { ...NEW, communityId: "0123456789abcdef01234567" });
    expect(textOf(elsewhere)).toMatch(/403 Forbidden: This API key may not act on that community/);
  });

  it("deletes an analysis after confirmation", async () => {
    expect((await callConfirmed(mcp, "delete_chart_analysis", { analysisId: DEMO.analysisIds[2] })).isError).toBeFalsy();
    const gone = await mcp.call("get_chart_analysis", { analysisId: DEMO.analysisIds[2] });
    expect(textOf(gone)).toMatch(/404 Not Found: Analysis not found/);
  });

  it("creates an analysis with its drawings in one call, refusing two that share a clientObjectId", async () => {
    const created = dataOf<Analysis>(
      await mcp.call("create_chart_analysis", { ...NEW, idempotencyKey: "with-drawings", drawings: [line("a"), line("b")] }),
    );
    expect(created.drawings.map((d) => d.clientObjectId)).toEqual(["a", "b"]);
    const twice = await mcp.call("create_chart_analysis", { ...NEW, idempotencyKey: "twice", drawings: [line("a"), line("a")] });
    expect(twice.isError).toBe(true);
    expect(textOf(twice)).toMatch(/clientObjectId "a" already exists/);
  });
});
