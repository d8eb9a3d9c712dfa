import type { Unwrapped } from "../client/types.js";
import type { ToolDef, ViewSpec } from "../registry/types.js";

/**
 * What a read tool's result shows. By default, its table's view (ViewSpec): the fields a
 * community manager asks about and the ids the next call needs, without nulls, empties, `false`
 * flags or createdAt/updatedAt, and with a value that every item of a list repeats stated once in
 * `meta.common`. `fields: "a,b"` shows those fields (and the item's id); `fields: "*"` shows
 * exactly what the API sent. Write tools show what the API sent.
 */

export const ALL_FIELDS = "*";

type Rec = Record<string, unknown>;

/** A set of field paths as a tree: `true` takes the whole field, a subtree only part of it. */
type Tree = Map<string, Tree | true>;

const TIMESTAMPS = new Set(["createdAt", "updatedAt"]);

/** The ids a picked item keeps, so that it can still be named in the next call. */
const IDS = ["_id", "id"];

const isRec = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);

function treeOf(paths: readonly string[]): Tree {
  const root: Tree = new Map();
  for (const path of paths) {
    const parts = path.split(".");
    let node = root;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const child = node.get(part);
      if (last || child === true) {
        node.set(part, true);
        return;
      }
      const next: Tree = child ?? new Map();
      node.set(part, next);
      node = next;
    });
  }
  return root;
}

interface Rules {
  keep?: Tree;
  drop?: Tree;
  /** The default view's clean-up: nulls, empties, false flags and (unless kept) timestamps go. */
  lean: boolean;
  timestamps: boolean;
}

const isEmpty = (v: unknown): boolean =>
  v === null || v === undefined || v === false || v === "" || (Array.isArray(v) ? v.length === 0 : isRec(v) && !hasKey(v));

/** Whether a record has a field, without listing them all (this runs on every field of every item). */
function hasKey(v: Rec): boolean {
  for (const _ in v) return true;
  return false;
}

const below = (tree: Tree | undefined, key: string): Tree | undefined => {
  const sub = tree?.get(key);
  return sub === true ? undefined : sub;
};

function shape(value: unknown, rules: Rules): unknown {
  // A list keeps every element, false and null included: their places may carry meaning.
  if (Array.isArray(value)) return value.map((item) => shape(item, rules));
  if (!isRec(value)) return value;
  const out: Rec = {};
  // for...in, not Object.entries: this runs on every field of every item, and the pairs were most of its garbage.
  for (const key in value) {
    const field = value[key];
    if (rules.keep && !rules.keep.has(key)) continue;
    if (rules.drop?.get(key) === true) continue;
    if (rules.lean && !rules.timestamps && TIMESTAMPS.has(key)) continue;
    const keep = below(rules.keep, key);
    const drop = below(rules.drop, key);
    // The same rules object all the way down when nothing narrows: no copy per field of every item.
    const inner = keep === rules.keep && drop === rules.drop ? rules : { ...rules, keep, drop };
    const nested = typeof field === "object" && field !== null;
    const shown = nested && (inner.keep || inner.drop || rules.lean) ? shape(field, inner) : field;
    if (rules.lean && isEmpty(shown)) continue;
    out[key] = shown;
  }
  return out;
}

/**
 * Strings and numbers that every item holds with the same value, moved out of the items. Never a
 * flag: an absent flag reads as false.
 */
function common(items: unknown[]): Rec | undefined {
  const [first, ...rest] = items;
  if (!rest.length || !isRec(first) || !items.every(isRec)) return undefined;
  const shared: Rec = {};
  for (const [key, value] of Object.entries(first)) {
    if ((typeof value !== "string" && typeof value !== "number") || IDS.includes(key)) continue;
    if ((rest as Rec[]).every((item) => item[key] === value)) shared[key] = value;
  }
  if (!Object.keys(shared).length) return undefined;
  for (const item of items as Rec[]) for (const key of Object.keys(shared)) delete item[key];
  return shared;
}

const cache = new WeakMap<ViewSpec, Rules>();

function defaultRules(view: ViewSpec): Rules {
  let rules = cache.get(view);
  if (!rules) {
    rules = {
      ...(view.keep ? { keep: treeOf(view.keep) } : {}),
      ...(view.drop ? { drop: treeOf(view.drop) } : {}),
      lean: true,
      timestamps: view.timestamps === true,
    };
    cache.set(view, rules);
  }
  return rules;
}

const NO_VIEW: ViewSpec = { says: "" };

/**
 * The result a read call shows. `fields` is the call's argument: absent for the default view,
 * `*` for everything, or names. Where the API reads `fields` itself (the tool's own argument), the
 * API has already picked them, and its answer is shown as sent.
 */
export function applyView(tool: ToolDef, fields: unknown, payload: Unwrapped): Unwrapped {
  if (tool.risk !== "read" || fields === ALL_FIELDS) return payload;
  if (fields !== undefined && "fields" in tool.input.shape) return payload;
  const view = tool.view ?? NO_VIEW;
  const rules =
    typeof fields === "string"
      ? { keep: treeOf([...IDS, ...fields.split(",").map((f) => f.trim())]), lean: false, timestamps: true }
      : defaultRules(view);
  // Lists arrive as {data: items, meta} (src/server/list-shape.ts). A view's keep and drop name
  // an item's fields: a single record keeps them all.
  if (!Array.isArray(payload.data))
    return { ...payload, data: shape(payload.data, rules.lean ? { ...rules, keep: undefined, drop: undefined } : rules) };
  const data = shape(payload.data, rules) as unknown[];
  const shared = rules.lean ? common(data) : undefined;
  return { ...payload, data, ...(shared ? { meta: { ...payload.meta, common: shared } } : {}) };
}

/** The arguments that go on the wire: `fields: "*"` is ours alone, never the API's. */
export const wireArgs = (args: Rec): Rec => (args.fields === ALL_FIELDS ? { ...args, fields: undefined } : args);
