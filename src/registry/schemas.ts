import { z } from "zod";

/** Shapes shared across toolsets, defined once so that every tool states them the same way. */

export const OBJECT_ID = /^[a-f0-9]{24}$/i;

/**
 * Limits at or above this are our own guards against runaway input, not API facts: enforced on
 * call, left out of tools/list.
 */
export const SANITY_CAP = 1000;

export const objectId = z.string().regex(OBJECT_ID, "must be a 24-hex ObjectId");

export const objectIdList = z.array(objectId).max(SANITY_CAP);

export const isoDateTime = z.iso.datetime({ offset: true });

/**
 * A field whose docs clear it with `""` (no image, no expiry): the empty text is taken and goes on
 * the wire as it is, beside the field's usual form. Listed as a string with a short description,
 * not as a union: a union costs twice the tokens on every listing. (A field the docs type
 * `string|null` takes zod's `.nullable()` instead; `null` is sent as it is, since the request
 * planner drops only `undefined`.)
 */
export const clearable = (schema: z.ZodType<string>, listed: string) =>
  z
    .string()
    .refine((value) => value === "" || schema.safeParse(value).success, `must be ${listed}`)
    .describe(listed);

/**
 * A text argument in a documented mini-format: checked on call (a 1 MB `sort` never reaches the
 * API), listed only as its short description, since a pattern in tools/list costs tokens on every listing.
 */
const formatted = (format: RegExp, message: string, listed: string) =>
  z
    .string()
    .max(SANITY_CAP)
    .refine((value) => format.test(value), message)
    .describe(listed);

const FIELD = "[A-Za-z0-9_.]+";

/** A day as the integration routes write it: 22/12/2025 (tools/list shows the description, not the pattern). */
export const dayMonthYear = z
  .string()
  .regex(/^(0[1-9]|[12]\d|3[01])\/(0[1-9]|1[0-2])\/\d{4}$/, "must be DD/MM/YYYY")
  .describe("DD/MM/YYYY");

// The API's default (20) is left unsaid: a model that wants a size gives one, and the words cost
// tokens on every list tool's listing.
const limit = z.number().int().min(1).max(100).optional();
const sort = formatted(new RegExp(`^${FIELD}:(asc|desc)$`), "must be field:asc or field:desc", "field:asc|desc").optional();
/** Which fields a read tool returns (src/server/views.ts); `*` is every field the API sent, and never goes on the wire. */
const fields = formatted(
  new RegExp(`^(\\*|${FIELD}(,${FIELD})*)$`),
  "must be comma-separated field names, e.g. name,displayOrder, or * for every field",
  "a,b or *",
).optional();
const search = formatted(/^keyword:[^\x00-\x1f]+$/, "must be keyword:<text>", "keyword:<text>").optional();
// The store routes also take a searchable field in place of `keyword` (docs: "keyword:<value> or an allowed searchable field").
const fieldSearch = formatted(
  new RegExp(`^${FIELD}:[^\\x00-\\x1f]+$`),
  "must be keyword:<text> or field:<text>",
  "keyword:<text>",
).optional();
const filter = formatted(
  new RegExp(`^${FIELD}:[^\\x00-\\x1f]+$`),
  "must be field:value, e.g. isArchived:false",
  "field:value",
).optional();

const listQuery = { limit, sort, fields, search };

const page = z.number().int().min(1).optional();

/** Page-numbered lists (page from 1). */
export const pageQuery = { page, ...listQuery };

/** Page-numbered lists that take only page and limit (the /apis/v1 integration routes). */
export const pageLimit = { page, limit };

/** Offset lists (skip/limit), as the store routes take them. */
export const skipQuery = {
  skip: z.number().int().min(0).optional(),
  ...listQuery,
  search: fieldSearch,
  filter,
};

export const projection = { fields };

/** A link the API stores and shows to members: http(s) only, never `javascript:`, `data:` or `file:`. */
export const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

/** Daily clock time as the leaderboard schedule stores it. */
export const clockTime = z.strictObject({
  hours: z.number().int().min(1).max(12),
  minutes: z.number().int().min(0).max(59),
  ampm: z.enum(["AM", "PM"]),
});

/** Largest base64 text an upload argument takes: a little over the biggest upload limit. */
const MAX_BASE64_CHARS = 28_000_000;

/**
 * A file to upload: a local path (stdio only, never over HTTP) or its bytes as base64. The type and
 * size are checked against the tool's UploadSpec before anything is sent (src/registry/uploads.ts).
 */
export const fileInput = z
  .strictObject({
    path: z.string().min(1).max(4096).optional().describe("local file (stdio only)"),
    base64: z.string().min(1).max(MAX_BASE64_CHARS).optional(),
    name: z.string().min(1).max(255).optional().describe("file name, e.g. users.csv"),
  })
  .refine((f) => (f.path === undefined) !== (f.base64 === undefined), { message: "give exactly one of path or base64" });

/**
 * A schema that tools/list shows as its bare structure and `text` (no descriptions, formats or
 * ranges) while calls still check every rule of it and describe_tool shows them all: for a nested
 * setting that another tool lists in full (a leaderboard's widget), so that a create can take it
 * without paying for its documentation twice.
 */
export const brief = <T extends z.ZodType>(schema: T, text: string): T => schema.meta({ [BRIEF]: text });

export const BRIEF = "x-brief";
