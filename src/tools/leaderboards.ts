import { z } from "zod";
import { DEMO } from "../demo.js";
import { defineToolset } from "../registry/define.js";
import { brief, clockTime, httpUrl, isoDateTime, objectId, objectIdList, pageQuery, projection } from "../registry/schemas.js";
import type { ToolSpec } from "../registry/types.js";

const leaderboardID = objectId;

/**
 * The new-style request names only: the API also takes legacy aliases (rankBy, displayedFields,
 * duration, enabled), which we leave out so that each setting has exactly one spelling. The
 * settings come in groups, one update tool each, so that no tool lists all thirty of them.
 */
const identity = {
  name: z.string().min(1).max(100),
  slug: z
    .string()
    .regex(/^[a-z0-9-]+$/, "lowercase letters, digits and hyphens only")
    .max(100)
    .describe("unique; a-z, 0-9, -"),
  description: z.string().max(2000),
  image: httpUrl,
  isEnabled: z.boolean(),
  isPreviewEnabled: z.boolean(),
  displayOrder: z.number().int().min(0),
};

const rankingField = z.string().max(100).describe("metric to rank by, e.g. currencies");
const displayedColumns = z
  .array(z.strictObject({ column: z.string().max(100), visible: z.boolean(), order: z.number().int().min(0) }))
  .max(50);

const ranking = {
  rankingField,
  topRankOnly: z.boolean(),
  topRankLimit: z.number().int().min(1).max(1000),
  onlyPositiveRanks: z.boolean(),
  includeDummyUsers: z.boolean(),
};

const dates = {
  startDate: isoDateTime,
  endDate: isoDateTime,
  hasNoEndDate: z.boolean(),
  allowedTimeFilters: z.array(z.enum(["all-time", "daily", "weekly", "monthly", "yearly"])).max(5),
};

const hours = {
  timeZone: z.number().min(-12).max(14).describe("UTC offset in hours"),
  startTime: clockTime,
  endTime: clockTime,
};

/** Who is ranked and who may look: user, role and tag ids. */
const ranked = { allowedUsersToRank: objectIdList, allowedRolesToRank: objectIdList, allowedTagsToRank: objectIdList };
const viewers = { allowedUsersToView: objectIdList, allowedRolesToView: objectIdList, allowedTagsToView: objectIdList };

const widget = {
  widget: z
    .strictObject({
      enabled: z.boolean(),
      whitelistedDomains: z.array(z.string().max(253)).max(50),
      size: z.strictObject({
        type: z.string().max(50).describe("e.g. custom"),
        value: z.strictObject({ width: z.number().int().min(1), height: z.number().int().min(1) }).optional(),
      }),
      button: z.strictObject({ enabled: z.boolean(), text: z.string().max(100).optional(), link: httpUrl.optional() }),
    })
    .partial(),
};

type Fields = Record<string, z.ZodType>;

/** One focused tool over the leaderboard PATCH route: the same route, a smaller schema. */
const update = <const N extends string>(
  spec: Pick<ToolSpec, "title" | "description" | "example"> & { name: N },
  fields: Fields,
): ToolSpec & { name: N } => ({
  ...spec,
  operation: "leaderboards.update",
  input: z.strictObject({ leaderboardID, ...z.strictObject(fields).partial().shape }),
  risk: "write",
  annotations: { idempotentHint: true },
});

export const leaderboards = defineToolset({
  name: "leaderboards",
  summary: "community leaderboards: ranking, schedule, visibility, widget",
  default: true,
  tools: [
    {
      name: "list_leaderboards",
      operation: "leaderboards.list",
      title: "List leaderboards",
      description: "List leaderboards, a page at a time.",
      input: z.strictObject(pageQuery),
      example: { page: 1, limit: 10, sort: "displayOrder:asc" },
      risk: "read",
      view: {
        says: "name, slug, ranking, on/off, dates",
        keep: ["_id", "name", "slug", "rankingField", "rankBy", "isEnabled", "enabled", "startDate", "endDate", "hasNoEndDate"],
      },
    },
    {
      name: "get_leaderboard",
      operation: "leaderboards.get",
      title: "Get leaderboard",
      description: "Get one leaderboard's full configuration.",
      input: z.strictObject({ leaderboardID, ...projection }),
      example: { leaderboardID: DEMO.leaderboardId },
      risk: "read",
    },
    {
      name: "create_leaderboard",
      operation: "leaderboards.create",
      title: "Create leaderboard",
      description: "Create a leaderboard with any of its settings.",
      // Everything the docs' create takes, reusing the update tools' schemas. The daily hours and
      // the widget are listed as one line each (brief): in full they would cost ~250 tokens more,
      // and update_leaderboard_hours / update_leaderboard_widget list them already; calls check
      // every rule. The API takes each required field or its legacy alias; we offer only the new
      // names, so they are required.
      input: z
        // The required ones first, as the listing shows them; extending keeps their places.
        .strictObject({
          name: identity.name,
          slug: identity.slug,
          rankingField,
          displayedColumns,
          startDate: dates.startDate,
          isEnabled: identity.isEnabled,
        })
        .extend({
          ...identity,
          ...ranking,
          ...dates,
          timeZone: hours.timeZone,
          startTime: brief(clockTime, "daily start"),
          endTime: brief(clockTime, "daily end"),
          ...ranked,
          ...viewers,
          widget: brief(widget.widget, "as update_leaderboard_widget takes"),
        })
        .partial()
        .required({ name: true, slug: true, rankingField: true, displayedColumns: true, startDate: true, isEnabled: true }),
      example: {
        name: "Monthly XP",
        slug: "monthly-xp",
        rankingField: "xps",
        displayedColumns: [{ column: "user", visible: true, order: 0 }],
        startDate: "2026-12-01T00:00:00.000Z",
        isEnabled: true,
      },
      risk: "write",
    },
    update(
      {
        name: "update_leaderboard",
        title: "Update leaderboard",
        description: "Change a leaderboard's name, slug, description, image, status or order.",
        example: { leaderboardID: DEMO.leaderboardIds[1], name: "Weekly XP Sprint", isPreviewEnabled: true },
      },
      identity,
    ),
    update(
      {
        name: "update_leaderboard_ranking",
        title: "Update leaderboard ranking",
        description: "Change what a leaderboard ranks by and which ranks it shows.",
        example: { leaderboardID: DEMO.leaderboardIds[1], topRankOnly: true, topRankLimit: 20 },
      },
      ranking,
    ),
    update(
      {
        name: "update_leaderboard_columns",
        title: "Update leaderboard columns",
        description: "Set the columns a leaderboard shows, in order.",
        example: {
          leaderboardID: DEMO.leaderboardId,
          displayedColumns: [
            { column: "user", visible: true, order: 0 },
            { column: "xps", visible: true, order: 1 },
          ],
        },
      },
      { displayedColumns },
    ),
    update(
      {
        name: "update_leaderboard_schedule",
        title: "Update leaderboard schedule",
        description: "Change a leaderboard's dates and time filters; startDate repairs an old schedule.",
        example: { leaderboardID: DEMO.leaderboardIds[2], startDate: "2026-05-01T00:00:00.000Z" },
      },
      dates,
    ),
    update(
      {
        name: "update_leaderboard_hours",
        title: "Update leaderboard hours",
        description: "Set the daily hours a leaderboard counts, and its UTC offset.",
        example: {
          leaderboardID: DEMO.leaderboardId,
          timeZone: 7,
          startTime: { hours: 9, minutes: 0, ampm: "AM" },
          endTime: { hours: 9, minutes: 0, ampm: "PM" },
        },
      },
      hours,
    ),
    update(
      {
        name: "update_leaderboard_ranked",
        title: "Update who a leaderboard ranks",
        description: "Rank only these users, roles or tags (ids) on a leaderboard.",
        example: { leaderboardID: DEMO.leaderboardId, allowedUsersToRank: [DEMO.userIds[0], DEMO.userIds[2]] },
      },
      ranked,
    ),
    update(
      {
        name: "update_leaderboard_viewers",
        title: "Update who sees a leaderboard",
        description: "Let only these users, roles or tags (ids) view a leaderboard.",
        example: { leaderboardID: DEMO.leaderboardId, allowedUsersToView: [DEMO.userIds[0], DEMO.userIds[1]] },
      },
      viewers,
    ),
    update(
      {
        name: "update_leaderboard_widget",
        title: "Update leaderboard widget",
        description: "Configure a leaderboard's embeddable widget: domains, size, button.",
        example: {
          leaderboardID: DEMO.leaderboardId,
          widget: {
            enabled: true,
            whitelistedDomains: ["example.com"],
            size: { type: "custom", value: { width: 420, height: 640 } },
          },
        },
      },
      widget,
    ),
    {
      name: "delete_leaderboard",
      operation: "leaderboards.delete",
      title: "Delete leaderboard",
      description: "Delete a leaderboard and its configuration.",
      input: z.strictObject({ leaderboardID }),
      example: { leaderboardID: DEMO.leaderboardIds[1] },
      risk: "destructive",
    },
  ],
});
