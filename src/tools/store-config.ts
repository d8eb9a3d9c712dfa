import { z } from "zod";
import { defineTools } from "../registry/define.js";
import { httpUrl, projection, SANITY_CAP } from "../registry/schemas.js";
import type { ToolSpec } from "../registry/types.js";
import { html, lang } from "./store-shared.js";

/**
 * The store's one configuration record. Its update route takes the title and three nested
 * settings (cover, currency, widget); each is its own tool over the same route, so that a tool
 * lists only what it changes. The docs name the nested keys without typing all of them: `light`
 * and `dark` are sent as text (the read example shows the cover as an image URL), and the widget
 * appearance's `palette`, whose shape is never shown, is left out rather than guessed.
 */

const text = z.string().max(SANITY_CAP);
const themed = { isEnabled: z.boolean(), light: z.string().max(2048), dark: z.string().max(2048) };
const list = z.array(text).max(SANITY_CAP);

const widget = z
  .strictObject({
    isEnabled: z.boolean(),
    allowedDomains: z.array(z.string().max(253)).max(SANITY_CAP),
    accessMode: text.describe("e.g. development, live"),
    testUsers: list,
    testRoles: list,
    size: z.strictObject({ mode: text, width: z.number().int().min(1), height: z.number().int().min(1) }).partial(),
    appearance: z
      .strictObject({
        light: z.strictObject({ name: text }),
        dark: z.strictObject({ name: text }),
        useCommunityTheme: z.boolean(),
      })
      .partial(),
    callToAction: z.strictObject({ isEnabled: z.boolean(), text, link: httpUrl }).partial(),
    userIdentifierFields: list,
  })
  .partial();

/** One focused tool over PUT /stores. */
const update = <const N extends string>(
  spec: Pick<ToolSpec, "title" | "description" | "example"> & { name: N },
  fields: Record<string, z.ZodType>,
): ToolSpec & { name: N } => ({
  ...spec,
  operation: "store_config.update",
  input: z.strictObject(fields).partial(),
  risk: "write",
});

export const configTools = defineTools([
  {
    name: "get_store_config",
    operation: "store_config.get",
    title: "Get store configuration",
    description: "Get the store's configuration: title, cover, currency, widget.",
    input: z.strictObject({ ...projection, lang }),
    example: {},
    risk: "read",
  },
  update(
    {
      name: "update_store_config",
      title: "Update store configuration",
      description: "Turn the store on or off, or change its title (max 32, needed to enable it) or description.",
      example: { title: "Rewards Store", isEnabled: true },
    },
    { isEnabled: z.boolean(), title: z.string().trim().min(1).max(32), description: html(20000) },
  ),
  update(
    {
      name: "update_store_cover",
      title: "Update store cover",
      description: "Show or hide the store's cover and set its light and dark images.",
      example: {
        cover: {
          isEnabled: true,
          light: "https://cdn.example.com/store/new-light.png",
          dark: "https://cdn.example.com/store/new-dark.png",
        },
      },
    },
    { cover: z.strictObject(themed).partial() },
  ),
  update(
    {
      name: "update_store_currency",
      title: "Update store currency",
      description: "Change how the store shows its currency: name, light and dark look.",
      example: { currency: { isEnabled: true, name: "Gems" } },
    },
    { currency: z.strictObject({ ...themed, name: z.string().trim().min(1).max(100) }).partial() },
  ),
  update(
    {
      name: "update_store_widget",
      title: "Update store widget",
      description: "Configure the embeddable store widget.",
      example: { widget: { isEnabled: true, allowedDomains: ["example.com", "shop.example.com"], accessMode: "live" } },
    },
    { widget },
  ),
]);
