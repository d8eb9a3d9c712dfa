import type { Unwrapped } from "../client/types.js";
import type { ToolDef } from "../registry/types.js";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Every list answers `{data: Item[], meta}`: where the API nests the array beside its paging
 * fields (the table's `list.items`), the array becomes `data` and the rest joins `meta`. Runs on
 * the API's answer before anything else reads it (wait, views, size fitting), so that they all see
 * one shape. An answer that is not shaped as declared passes through untouched.
 */
export function listShape(tool: ToolDef, payload: Unwrapped): Unwrapped {
  const key = tool.list?.items;
  if (!key || !isRecord(payload.data) || !Array.isArray(payload.data[key])) return payload;
  const { [key]: items, ...paging } = payload.data;
  const meta = { ...payload.meta, ...paging };
  return Object.keys(meta).length ? { data: items, meta } : { data: items };
}
