import { capitalise, type ListMeta, SandboxError } from "./envelope.js";
import { listRecords, project } from "./listing.js";
import type { CrudOp, SandboxResource } from "./resource.js";
import { newObjectId, newSecret, type Rec, type SandboxStore } from "./store.js";

type Args = Record<string, unknown>;

export interface OpInput {
  resource: SandboxResource;
  store: SandboxStore;
  /** The community the API key stands for. */
  communityId: string;
  /** Value of the resource's scope placeholder, when it has one. */
  scope?: string;
  /** Value of the record placeholder (get/update/delete). */
  id?: string;
  /** All validated arguments, for the list/projection controls. */
  args: Args;
  /** The validated arguments that travel in the body: the record's new content. */
  body: Args;
}

export interface OpResult {
  statusCode: number;
  message: string;
  data: unknown;
  meta?: ListMeta;
}

/** Who owns a record: the scope placeholder when the resource has one, else the key's community. */
const owner = ({ resource, scope, communityId }: OpInput): [string, string] =>
  resource.scopeParam ? [resource.scopeParam, scope ?? ""] : ["communityID", communityId];

const inScope = (input: OpInput) => {
  const [field, value] = owner(input);
  return (r: Rec) => r[field] === value;
};

/** Fields the server owns: the API never takes them from input (communityID, per the store docs). */
function changesFrom(input: OpInput): Args {
  const { resource, body } = input;
  const own = new Set(["_id", "createdAt", "updatedAt", "communityID", resource.scopeParam, resource.secretField]);
  return Object.fromEntries(Object.entries(body).filter(([k, v]) => !own.has(k) && v !== undefined));
}

function find(input: OpInput): Rec {
  const { resource, store, id } = input;
  const record = store
    .collection(resource.name)
    .filter(inScope(input))
    .find((r) => r._id === id || (resource.altIds ?? []).some((f) => r[f] !== undefined && r[f] === id));
  if (!record) throw new SandboxError(404, `${capitalise(resource.noun)} not found.`);
  return record;
}

function checkUnique(input: OpInput, changes: Args, self?: Rec): void {
  const records = input.store.collection(input.resource.name).filter(inScope(input));
  for (const field of input.resource.unique ?? []) {
    const value = changes[field];
    if (value === undefined) continue;
    if (records.some((r) => r !== self && r[field] === value)) {
      const shown = JSON.stringify(value).slice(0, 120);
      throw new SandboxError(409, `A ${input.resource.noun} with ${field} ${shown} already exists.`);
    }
  }
}

/** A list field the resource counts (vouchers) grows its count (stocks) by its length instead of being stored. */
function countedInto(resource: SandboxResource, record: Rec, changes: Args): Args {
  const out = { ...changes };
  for (const [list, count] of Object.entries(resource.countInto ?? {})) {
    const items = out[list];
    if (!Array.isArray(items)) continue;
    delete out[list];
    out[count] = (typeof record[count] === "number" ? record[count] : 0) + items.length;
  }
  return out;
}

function requireChanges(changes: Args): void {
  if (Object.keys(changes).length === 0) throw new SandboxError(400, "(body): nothing to change: send at least one field.");
}

function replace(input: OpInput, old: Rec, next: Rec): void {
  const records = input.store.collection(input.resource.name);
  records[records.indexOf(old)] = next;
}

const message = (verb: string, resource: SandboxResource, plural = false) =>
  `${verb} ${plural ? resource.plural : resource.noun} success.`;

export const OPS: Record<CrudOp, (input: OpInput) => OpResult> = {
  list(input) {
    const records = input.store.collection(input.resource.name).filter(inScope(input));
    const { data, meta } = listRecords(records, input.resource, input.args);
    return { statusCode: 200, message: message("Read", input.resource, true), data, meta };
  },

  get(input) {
    return { statusCode: 200, message: message("Read", input.resource), data: project(find(input), input.args.fields) };
  },

  create(input) {
    const { resource, store } = input;
    const changes = changesFrom(input);
    checkUnique(input, changes);
    const [ownerField, ownerValue] = owner(input);
    const now = store.now();
    const record: Rec = {
      _id: newObjectId(),
      [ownerField]: ownerValue,
      ...changes,
      ...(resource.secretField ? { [resource.secretField]: newSecret() } : {}),
      createdAt: now,
      updatedAt: now,
    };
    store.collection(resource.name).push(record);
    return { statusCode: 201, message: message("Create", resource), data: record };
  },

  update(input) {
    const record = find(input);
    const changes = countedInto(input.resource, record, changesFrom(input));
    requireChanges(changes);
    checkUnique(input, changes, record);
    // Spread, not Object.assign: a key named __proto__ stays a plain field.
    const next: Rec = { ...record, ...changes, updatedAt: input.store.now() };
    replace(input, record, next);
    return { statusCode: 200, message: message("Update", input.resource), data: next };
  },

  delete(input) {
    const record = find(input);
    const records = input.store.collection(input.resource.name);
    records.splice(records.indexOf(record), 1);
    return { statusCode: 200, message: message("Delete", input.resource), data: record };
  },

  "read-singleton"(input) {
    const record = input.store.singleton(input.resource.name);
    if (!record) throw new SandboxError(404, `${capitalise(input.resource.noun)} not found.`);
    return { statusCode: 200, message: message("Read", input.resource), data: project(record, input.args.fields) };
  },

  "update-singleton"(input) {
    const { resource, store, communityId } = input;
    const changes = changesFrom(input);
    requireChanges(changes);
    const now = store.now();
    const current = store.singleton(resource.name) ?? { _id: newObjectId(), communityID: communityId, createdAt: now };
    const next: Rec = { ...current, ...changes, updatedAt: now };
    store.setSingleton(resource.name, next);
    return { statusCode: 200, message: message("Update", resource), data: next };
  },
};
