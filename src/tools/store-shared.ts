import { z } from "zod";
import { objectId, SANITY_CAP } from "../registry/schemas.js";

/** Shapes that the store's category, product and configuration tools state the same way. */

export const lang = z
  .string()
  .regex(/^[a-z]{2}(-[A-Za-z]{2})?$/, "a language code such as en or th")
  .optional()
  .describe("e.g. th");

export const userID = objectId.optional().describe("as this user sees it");

export const html = (max: number) => z.string().max(max).describe("HTML");

const names = z.array(z.string().max(SANITY_CAP)).max(SANITY_CAP);

/**
 * One access rule of a category or product, in the shape the store docs give as an example
 * (readable role, tag and user names). The example also shows `permission.combination[]`, whose
 * items the docs never describe, so it is left out rather than guessed.
 */
const accessRule = z
  .strictObject({
    type: z.string().max(50).describe("e.g. role"),
    permission: z.strictObject({ roleNames: names, tagNames: names, usernames: names, isSelectAll: z.boolean() }).partial(),
    purchaseLimit: z
      .strictObject({
        isEnabled: z.boolean(),
        quantity: z.number().int().min(0),
        intervalCount: z.number().int().min(0),
        intervalUnit: z.string().max(50),
      })
      .partial(),
    accessLevel: z.string().max(50).describe("e.g. full-access"),
    isEnabled: z.boolean(),
  })
  .partial();

export const accessRules = z.array(accessRule).max(100);
