import { z } from "zod";
import { DEMO } from "../demo.js";
import { defineToolset } from "../registry/define.js";
import { httpUrl, objectId, pageQuery, SANITY_CAP } from "../registry/schemas.js";
import { text } from "./users.js";

const communityID = objectId;
const communityId = objectId;

// Name, URL slug and domain must each be unique across communities (409).
const identity = {
  name: text,
  uri: z
    .string()
    .max(SANITY_CAP)
    .regex(/^[A-Za-z0-9-]+$/, "letters, digits and hyphens only")
    .describe("URL slug"),
  domain: z.hostname().describe("custom domain"),
};

// The #RRGGBB rule is checked once per palette rather than listed on every colour (tokens).
const HEX = /^#[0-9A-Fa-f]{6}$/;
const colour = z.string().max(SANITY_CAP);
const palette = z
  .strictObject({ primary: colour, secondary: colour, background: colour, text: colour })
  .partial()
  .superRefine((p, ctx) => {
    for (const [key, value] of Object.entries(p)) {
      if (value !== undefined && !HEX.test(value))
        ctx.addIssue({ code: "custom", path: [key], message: "must be a #RRGGBB colour" });
    }
  });

export const community = defineToolset({
  name: "community",
  summary: "community settings: name and URL, appearance, bot, members, channels, loyalty overview",
  tools: [
    {
      name: "list_channels",
      operation: "channels.list-integration",
      title: "List channels",
      description: "List the community's channels with their ids, topics and types.",
      input: z.strictObject({}),
      example: {},
      risk: "read",
      view: { says: "topic, type, forum topics, members" },
    },
    {
      name: "list_community_users",
      operation: "community_users.list",
      memberText: true,
      title: "List community users",
      description: "List the community's members, a page at a time.",
      input: z.strictObject({ communityId, page: pageQuery.page, limit: pageQuery.limit, search: pageQuery.search }),
      example: { communityId: DEMO.communityId, limit: 10 },
      risk: "read",
      view: {
        says: "ids, names, email, status, roles, XP, coins, last login",
        keep: ["_id", "id", "username", "displayName", "email", "status", "roles", "xp", "coins", "lastLogin"],
      },
    },
    {
      name: "get_community_user",
      operation: "community_users.get",
      memberText: true,
      title: "Get community user",
      description: "Get one member of the community by user id.",
      input: z.strictObject({ communityId, userId: objectId }),
      example: { communityId: DEMO.communityId, userId: DEMO.userId },
      risk: "read",
    },
    {
      name: "create_community",
      operation: "community.create",
      title: "Create community",
      description: "Create a new community with a unique name, URL slug and domain.",
      input: z.strictObject(identity).partial().required({ name: true }),
      example: { name: "Sandbox Options Desk", uri: "sandbox-options-desk" },
      risk: "write",
    },
    {
      name: "update_community_name_url",
      operation: "community_appearance.update_name_url",
      title: "Update community name and URL",
      description: "Change the community's name, URL slug or custom domain.",
      input: z.strictObject(identity).partial().extend({ communityID }),
      example: { communityID: DEMO.communityId, name: "Sandbox Traders" },
      risk: "write",
    },
    {
      name: "update_community_meta",
      operation: "community_appearance.update_meta",
      title: "Update community URL metadata",
      description: "Change the link preview, member-list visibility or guest mode; omitted fields stay.",
      input: z
        .strictObject({
          preview: z
            .strictObject({
              isEnabled: z.boolean(),
              title: z.string().max(SANITY_CAP),
              description: z.string().max(SANITY_CAP),
              image: httpUrl.nullable(),
            })
            .partial(),
          membersListVisible: z.boolean(),
          guestModeEnabled: z.boolean(),
        })
        .partial()
        .extend({ communityID }),
      example: { communityID: DEMO.communityId, preview: { title: "Sandbox Traders" }, guestModeEnabled: true },
      risk: "write",
    },
    {
      name: "update_community_theme_colors",
      operation: "community_appearance.update_theme_colors",
      title: "Update community theme colors",
      description: "Change the community's light and dark theme colours (#RRGGBB); omitted ones stay.",
      input: z.strictObject({ communityID, light: palette.optional(), dark: palette.optional() }),
      example: { communityID: DEMO.communityId, light: { primary: "#1F6FEB" } },
      risk: "write",
    },
    {
      name: "update_community_bot",
      operation: "community_appearance.update_bot",
      title: "Update community bot profile",
      description: "Change the community bot's display name or avatar URL (null clears it).",
      input: z.strictObject({ name: text, avatar: httpUrl.nullable() }).partial(),
      example: { name: "Sandbox Bot" },
      risk: "write",
    },
    {
      name: "get_loyalty_overview",
      operation: "analytics.loyalty-overview",
      title: "Get loyalty overview",
      description: "Get the community's loyalty figures: members, online members, XP, coins, streaks.",
      input: z.strictObject({}),
      example: {},
      risk: "read",
    },
  ],
});
