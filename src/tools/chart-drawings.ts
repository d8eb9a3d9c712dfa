import { z } from "zod";
import { isoDateTime, SANITY_CAP } from "../registry/schemas.js";

/**
 * The chart-analysis body shapes of the docs' Schemas pages (Coordinate, DrawingStyle, the
 * drawings, Levels, Expiry, AnalysisMetadata). Only what the Create Analysis example shows is
 * known, so every field is optional unless the API cannot do without it, and open-ended values
 * (line styles, arrow heads, expiry kinds) are checked for form, not against a guessed list.
 */

/**
 * Checked on call but not listed: these rules guide little and a pattern costs many tokens in
 * every drawing kind of the listing.
 */
const matching = (pattern: RegExp, message: string) =>
  z
    .string()
    .max(SANITY_CAP)
    .refine((v) => pattern.test(v), message);

/** Caller-chosen id of a drawing or level; text refers to it as [[id:label]]. */
const clientObjectId = matching(/^[^\s:[\]]+$/, "no spaces, colons or brackets: it sits inside [[id:label]]");

const coordinate = z.strictObject({ time: isoDateTime, price: z.number() });

const hexColour = matching(/^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$/, "must be a hex colour such as #FF0000");

/** Upper-case names such as SOLID or ARROW: the docs show some values but not the whole list. */
const upperName = matching(/^[A-Z][A-Z_]*$/, "must be an upper-case name such as SOLID");

/** The docs' DrawingStyle, split by what each kind uses in the examples: lines stroke, rectangles fill. */
const lineWidth = z.number().refine((n) => n > 0, "must be above 0");
const lineStyle = z.strictObject({ color: hexColour, lineWidth, lineStyle: upperName }).partial();
const areaStyle = z.strictObject({ fillColor: hexColour, borderColor: hexColour, lineWidth }).partial();

/**
 * The drawing kinds the docs show an example of. The two line kinds share one variant (same
 * style, one listing instead of two): a HORIZONTAL_LINE has one point and no arrow heads, a LINE
 * runs between two points. ParallelDrawing and FibonacciRetracementDrawing have schema pages
 * whose content (type name, points, levels) was never published, so they are left out rather
 * than guessed; add them here once their shape is known.
 */
const line = z
  .strictObject({
    type: z.enum(["HORIZONTAL_LINE", "LINE"]),
    clientObjectId,
    points: z.array(coordinate).min(1).max(2).describe("1 for HORIZONTAL_LINE, 2 for LINE"),
    startHead: upperName.optional().describe("LINE only, e.g. NONE, ARROW"),
    endHead: upperName.optional(),
    style: lineStyle.optional(),
  })
  .superRefine((d, ctx) => {
    const horizontal = d.type === "HORIZONTAL_LINE";
    if (d.points.length !== (horizontal ? 1 : 2)) {
      ctx.addIssue({ code: "custom", path: ["points"], message: `a ${d.type} takes ${horizontal ? "one point" : "two points"}` });
    }
    if (horizontal && (d.startHead || d.endHead)) {
      ctx.addIssue({ code: "custom", path: ["startHead"], message: "arrow heads are for a LINE only" });
    }
  });

const rectangle = z.strictObject({
  type: z.literal("RECTANGLE"),
  clientObjectId,
  points: z.array(coordinate).length(2).describe("opposite corners"),
  style: areaStyle.optional(),
});

export const drawing = z.discriminatedUnion("type", [line, rectangle]);

export type Drawing = z.infer<typeof drawing>;

export const drawings = z.array(drawing).min(1).max(SANITY_CAP);

const level = z.strictObject({ price: z.number(), clientObjectId: clientObjectId.optional(), time: isoDateTime.optional() });

export const levels = z.strictObject({
  resistance: level.optional(),
  pivot: level.optional(),
  support: level.optional(),
});

// No documented lengths: only our runaway guards, left out of the listing.
const text = z
  .string()
  .trim()
  .min(1)
  .max(10 * SANITY_CAP);
const label = z.string().trim().min(1).max(SANITY_CAP);

/** The free-text part of the metadata: what Update Analysis documents as changeable. */
export const metadataText = z.strictObject({
  title: label,
  preferenceText: text.describe("main scenario; may embed [[id:label]]"),
  alternativeText: text,
  comments: text,
});

/** direction and entryPlacement together make the analysis type (e.g. BULLISH + ABOVE_CURRENT is a bullish breakout). */
export const metadata = metadataText.partial().extend({
  direction: z.enum(["BULLISH", "BEARISH"]),
  entryPlacement: z.enum(["ABOVE_CURRENT", "BELOW_CURRENT"]),
  expiry: z.strictObject({ type: upperName.describe("e.g. HOURS"), hours: z.number().int().min(1).optional() }).optional(),
  symbol: label.optional().describe("e.g. GBP/USD"),
  timeframe: label.optional().describe("e.g. H1"),
});
