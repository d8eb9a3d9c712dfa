import { type ListMeta, SandboxError } from "./envelope.js";
import type { SandboxResource } from "./resource.js";
import type { Rec } from "./store.js";

type Args = Record<string, unknown>;

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

// Path segments that would reach a prototype instead of data.
const UNSAFE = new Set(["__proto__", "prototype", "constructor"]);

/** Reads `a.b.c`, own properties only, so `fields=__proto__` or `sort=constructor` find nothing. */
export function fieldValue(record: unknown, path: string): unknown {
  let value = record;
  for (const key of path.split(".")) {
    if (UNSAFE.has(key) || value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Writes `a.b.c`, making the objects on the way; callers have checked the path for unsafe keys. */
export function setField(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    const child = (next !== null && typeof next === "object" ? next : {}) as Record<string, unknown>;
    node[key] = child;
    node = child;
  }
  node[keys.at(-1) as string] = value;
}

/** `fields=a,b.c`: the named fields only, `_id` always kept so the result can still be addressed. */
export function project(record: Rec, fields: unknown): Rec {
  if (typeof fields !== "string" || fields.trim() === "") return record;
  const out: Rec = { _id: record._id };
  for (const path of fields.split(",").map((f) => f.trim())) {
    if (!path || path.split(".").some((k) => UNSAFE.has(k))) continue;
    const value = fieldValue(record, path);
    if (value !== undefined) setField(out, path, structuredClone(value));
  }
  return out;
}

/** `field:value`, compared as text so `isArchived:false` and `price:100` match typed values. */
function filterBy(records: Rec[], filter: unknown): Rec[] {
  if (typeof filter !== "string" || filter === "") return records;
  const at = filter.indexOf(":");
  if (at <= 0) throw new SandboxError(400, "filter: must be field:value");
  const [field, wanted] = [filter.slice(0, at), filter.slice(at + 1)];
  return records.filter((r) => {
    const value = fieldValue(r, field);
    return Array.isArray(value) ? value.some((v) => String(v) === wanted) : value !== undefined && String(value) === wanted;
  });
}

/** `keyword:<v>` (the documented form) or a bare value; case-insensitive substring. */
function searchBy(records: Rec[], resource: SandboxResource, search: unknown): Rec[] {
  if (typeof search !== "string") return records;
  const term = search
    .replace(/^keyword:/i, "")
    .trim()
    .toLowerCase();
  if (!term) return records;
  const matches = (value: unknown) => typeof value === "string" && value.toLowerCase().includes(term);
  return records.filter((r) =>
    resource.searchFields ? resource.searchFields.some((f) => matches(fieldValue(r, f))) : Object.values(r).some(matches),
  );
}

function compare(a: unknown, b: unknown): number {
  // Records lacking the field go last whatever the direction, as a database would put nulls.
  if (a === undefined || a === null) return b === undefined || b === null ? 0 : 1;
  if (b === undefined || b === null) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}

function sortBy(records: Rec[], sort: unknown): Rec[] {
  if (typeof sort !== "string" || sort === "") return records;
  const [field = "", direction = "asc"] = sort.split(":");
  const sign = direction.toLowerCase() === "desc" ? -1 : 1;
  return [...records].sort((x, y) => {
    const [a, b] = [fieldValue(x, field), fieldValue(y, field)];
    const missing = a === undefined || a === null || b === undefined || b === null;
    return missing ? compare(a, b) : sign * compare(a, b);
  });
}

/** Filter, search, sort, then one page; `total` counts the matches before paging, as the docs say. */
export function listRecords(records: Rec[], resource: SandboxResource, args: Args): { data: Rec[]; meta: ListMeta } {
  const matched = sortBy(searchBy(filterBy(records, args.filter), resource, args.search), args.sort);
  const total = matched.length;
  const limit = Math.min(typeof args.limit === "number" ? args.limit : DEFAULT_LIMIT, MAX_LIMIT);
  let skip = 0;
  let meta: ListMeta = { total };
  if (resource.pagination === "page") {
    const page = typeof args.page === "number" ? args.page : 1;
    skip = (page - 1) * limit;
    meta = { page, limit, total };
  } else if (resource.pagination === "skip") {
    skip = typeof args.skip === "number" ? args.skip : 0;
    meta = { skip, limit, total };
  }
  const window = resource.pagination ? matched.slice(skip, skip + limit) : matched;
  return { data: window.map((r) => project(r, args.fields)), meta };
}

/** One page (page/limit, as the /apis/v1 lists take them) of records, newest first by `field`. */
export function newestPage(records: Rec[], field: string, args: Args, plural: string) {
  const sorted = [...records].sort((a, b) => String(b[field]).localeCompare(String(a[field])));
  return listRecords(sorted, { name: plural, noun: plural, plural, pagination: "page" }, { page: args.page, limit: args.limit });
}
