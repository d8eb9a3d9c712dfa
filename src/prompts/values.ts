import { z } from "zod";
import { findTool } from "../catalog/index.js";
import { OBJECT_ID } from "../registry/schemas.js";
import type { PromptContext } from "./types.js";

/** Values and shapes that several prompts' arguments share. */

/**
 * The values a tool's schema allows for one of its fields (an enum, or an array of one), so that a
 * prompt completes exactly what the tool will accept; empty when the tool or field is not there.
 */
export function enumValues(toolName: string, field: string): readonly string[] {
  let schema: unknown = findTool(toolName)?.input.shape[field];
  // Through optional/required/nullable/default wrappers (each keeps an innerType) and arrays, to the enum.
  for (let depth = 0; depth < 8 && schema instanceof z.ZodType; depth++) {
    if (schema instanceof z.ZodEnum) return schema.options.map(String);
    const def = schema._zod.def as { innerType?: unknown; element?: unknown };
    schema = def.innerType ?? def.element;
  }
  return [];
}

const monthOf = (date: Date, offset: number): string => {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1));
  return d.toISOString().slice(0, 7);
};

/** This month and the next two, as YYYY-MM. */
export const upcomingMonths = (ctx: PromptContext): string[] => [0, 1, 2].map((n) => monthOf(ctx.now, n));

export const nextMonth = (ctx: PromptContext): string => monthOf(ctx.now, 1);

export const today = (ctx: PromptContext): string => ctx.now.toISOString().slice(0, 10);

/** The community this server was configured for, if any. */
export const configuredCommunity = (ctx: PromptContext): string[] => (ctx.communityId ? [ctx.communityId] : []);

export const MONTH = { regex: /^\d{4}-(0[1-9]|1[0-2])$/, hint: "a month as YYYY-MM, e.g. 2026-07" };
export const DAY = { regex: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, hint: "a day as YYYY-MM-DD" };
export const WHOLE_NUMBER = { regex: /^\d{1,6}$/, hint: "a whole number" };
export const COMMUNITY_ID = { regex: OBJECT_ID, hint: "a 24-hex community id" };
