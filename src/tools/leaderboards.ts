import { z } from "zod";
import { DEMO } from "../demo.js";
import { clockTime, httpUrl, isoDateTime, listedAs, objectId, objectIdList, pageQuery, projection } from "../registry/schemas.js";
import type { ToolsetDef } from "../registry/types.js";

const leaderboardID = objectId;

/**
 * The new-style request names only: the API also takes legacy aliases (rankBy, displayedFields,
 * duration, enabled), which we leave out so that each setting has exactly one spelling.
 */
const settings = {
  name: z.string().min(1).max(100),
  slug: z
    .string()
    .regex(/^[a-z0-9-]+$/, "lowercase letters, digits and hyphens only")
    .max(100)
    .describe("unique in the community"),
  description: z.string().max(2000),
  image: httpUrl,
  rankingField: z.string().max(100).describe("metric to rank by, e.g. currencies"),
  displayedColumns: listedAs(
    z.array(z.strictObject({ column: z.string().max(100), visible: z.boolean(), order: z.number().int().min(0) })).max(50),
    "[{column, visible, order}], max 50",
  ),
  topRankOnly: z.boolean(),
  topRankLimit: z.number().int().min(1).max(1000),
  onlyPositiveRanks: z.boolean(),
  includeDummyUsers: z.boolean(),
  startDate: isoDateTime,
  endDate: isoDateTime,
  hasNoEndDate: z.boolean(),
  timeZone: z.number().min(-12).max(14).describe("UTC offset in hours"),
  startTime: clockTime,
  endTime: clockTime,
  allowedTimeFilters: z.array(z.enum(["all-time", "daily", "weekly", "monthly", "yearly"])).max(5),
  allowedUsersToRank: objectIdList,
  allowedRolesToRank: objectIdList,
  allowedTagsToRank: objectIdList,
  allowedUsersToView: objectIdList,
  allowedRolesToView: objectIdList,
  allowedTagsToView: objectIdList,
  isEnabled: z.boolean(),
  isPreviewEnabled: z.boolean(),
  displayOrder: z.number().int().min(0),
  widget: listedAs(
    z.strictObject({
      enabled: z.boolean().optional(),
      whitelistedDomains: z.array(z.string().max(253)).max(50).optional(),
      size: z
        .strictObject({
          type: z.string().max(50),
          value: z.strictObject({ width: z.number().int().min(1), height: z.number().int().min(1) }).optional(),
        })
        .optional(),
      button: z.strictObject({ enabled: z.boolean(), text: z.string().max(100).optional(), link: httpUrl.optional() }).optional(),
    }),
    "{enabled, whitelistedDomains[] max 50, size{type, value{width, height}}, button{enabled, text, link}}",
  ),
};

const optionalSettings = z.strictObject(settings).partial();

export const leaderboards: ToolsetDef = {
  name: "leaderboards",
  summary: "community leaderboards: ranking, schedule, visibility, widget",
  resources: [
    {
      name: "leaderboards",
      noun: "leaderboard",
      plural: "leaderboards",
      pagination: "page",
      searchFields: ["name", "slug"],
      unique: ["slug"],
    },
  ],
  tools: [
    {
      name: "list_leaderboards",
      title: "List leaderboards",
      description: "List the community's leaderboards, a page at a time.",
      method: "GET",
      path: "/leaderboards",
      catalogIds: ["leaderboards.list"],
      input: z.strictObject(pageQuery),
      example: { page: 1, limit: 10, sort: "displayOrder:asc" },
      risk: "read",
      sandbox: { resource: "leaderboards", op: "list" },
    },
    {
      name: "get_leaderboard",
      title: "Get leaderboard",
      description: "Get one leaderboard's full configuration.",
      method: "GET",
      path: "/leaderboards/{leaderboardID}",
      catalogIds: ["leaderboards.get"],
      input: z.strictObject({ leaderboardID, ...projection }),
      example: { leaderboardID: DEMO.leaderboardId },
      risk: "read",
      sandbox: { resource: "leaderboards", op: "get" },
    },
    {
      name: "create_leaderboard",
      title: "Create leaderboard",
      description: "Create a leaderboard.",
      method: "POST",
      path: "/v1/leaderboards",
      catalogIds: ["leaderboards.create"],
      // The API takes each of these or its legacy alias; we offer only the new names, so they are required.
      input: optionalSettings.required({
        name: true,
        slug: true,
        rankingField: true,
        displayedColumns: true,
        startDate: true,
        isEnabled: true,
      }),
      example: {
        name: "Monthly XP",
        slug: "monthly-xp",
        rankingField: "xps",
        displayedColumns: [{ column: "user", visible: true, order: 0 }],
        startDate: "2026-12-01T00:00:00.000Z",
        isEnabled: true,
      },
      risk: "write",
      sandbox: { resource: "leaderboards", op: "create" },
    },
    {
      name: "update_leaderboard",
      title: "Update leaderboard",
      description: "Change some settings of a leaderboard; send startDate to repair an old schedule.",
      method: "PATCH",
      path: "/leaderboards/{leaderboardID}",
      catalogIds: ["leaderboards.update"],
      input: optionalSettings.extend({ leaderboardID }),
      example: { leaderboardID: DEMO.leaderboardIds[2], startDate: "2026-05-01T00:00:00.000Z" },
      risk: "write",
      annotations: { idempotentHint: true },
      sandbox: { resource: "leaderboards", op: "update" },
    },
    {
      name: "delete_leaderboard",
      title: "Delete leaderboard",
      description: "Delete a leaderboard and its configuration.",
      method: "DELETE",
      path: "/leaderboards/{leaderboardID}",
      routeStatus: "inferred",
      catalogIds: ["leaderboards.delete"],
      input: z.strictObject({ leaderboardID }),
      example: { leaderboardID: DEMO.leaderboardIds[1] },
      risk: "destructive",
      sandbox: { resource: "leaderboards", op: "delete" },
    },
  ],
};
