import { z } from "zod";
import { DEMO } from "../demo.js";
import { defineToolset } from "../registry/define.js";
import { brief, objectId, pageQuery, SANITY_CAP } from "../registry/schemas.js";
import { drawings, levels, metadata, metadataText } from "./chart-drawings.js";
import { sender } from "./messaging.js";

const analysisId = objectId;

/** Where the newest docs put analyses: under the community and the channel they are posted in. */
const channelScope = { communityId: objectId, channelId: objectId };

export const chartAnalysis = defineToolset({
  name: "chart_analysis",
  memberText: true,
  summary: "trading chart analyses posted in channels: metadata, price levels, drawings",
  tools: [
    {
      name: "list_chart_analyses",
      operation: "analysis.list",
      title: "List chart analyses",
      description: "List the chart analyses posted in a channel, a page at a time.",
      input: z.strictObject({ ...channelScope, ...pageQuery }),
      example: { communityId: DEMO.communityId, channelId: DEMO.channelIds.text, limit: 10 },
      risk: "read",
    },
    {
      name: "get_chart_analysis",
      operation: "analysis.get",
      title: "Get chart analysis",
      description: "Get one chart analysis with its metadata, levels and drawings.",
      input: z.strictObject({ analysisId }),
      example: { analysisId: DEMO.analysisId },
      risk: "read",
    },
    {
      name: "create_chart_analysis",
      operation: "analysis.create",
      title: "Create chart analysis",
      description: "Post a chart analysis in a channel as a member, with its drawings or without.",
      input: z.strictObject({
        ...channelScope,
        sender,
        metadata,
        levels: levels.optional(),
        // Listed as one line: append_chart_analysis_drawings lists the drawing shapes in full.
        drawings: brief(drawings, "as append_chart_analysis_drawings takes").optional(),
        idempotencyKey: z.string().trim().min(1).max(SANITY_CAP).optional().describe("makes a retry safe"),
      }),
      example: {
        communityId: DEMO.communityId,
        channelId: DEMO.channelIds.text,
        sender: DEMO.userEmail,
        metadata: { direction: "BULLISH", entryPlacement: "ABOVE_CURRENT", title: "EUR/USD breakout", symbol: "EUR/USD" },
        levels: { resistance: { price: 1.1 }, support: { price: 1.08 } },
      },
      risk: "write",
    },
    {
      name: "update_chart_analysis",
      operation: "analysis.update",
      title: "Update chart analysis",
      description: "Change an analysis's text, expiry or price levels.",
      input: z.strictObject({
        analysisId,
        sender: sender.optional(),
        metadata: metadataText.partial().extend({ expiry: metadata.shape.expiry }).optional(),
        levels: levels.optional(),
      }),
      example: { analysisId: DEMO.analysisIds[1], metadata: { title: "GBP/USD bounce, revised" }, sender: DEMO.userEmail },
      risk: "write",
    },
    {
      name: "append_chart_analysis_drawings",
      operation: "analysis.append-drawings",
      title: "Append chart analysis drawings",
      description: "Add drawings to an analysis, keeping the ones it has.",
      input: z.strictObject({ analysisId, drawings }),
      example: {
        analysisId: DEMO.analysisId,
        drawings: [
          {
            type: "HORIZONTAL_LINE",
            clientObjectId: "target_2",
            points: [{ time: "2026-01-09T10:00:00Z", price: 1.36 }],
            style: { color: "#FF0000", lineWidth: 2, lineStyle: "DASHED" },
          },
        ],
      },
      risk: "write",
    },
    {
      name: "delete_chart_analysis",
      operation: "analysis.delete",
      title: "Delete chart analysis",
      description: "Delete a chart analysis.",
      input: z.strictObject({ analysisId }),
      example: { analysisId: DEMO.analysisIds[2] },
      risk: "destructive",
    },
  ],
});
