import { SandboxError } from "../envelope.js";
import { listRecords } from "../listing.js";
import type { Rec, SandboxStore } from "../store.js";

type Args = Record<string, unknown>;

/** How the integration routes name a member (`identifier_type`), and the user field each names. */
const USER_KEYS: Readonly<Record<string, string>> = { email: "email", id: "_id", username: "username" };

/** A member of the community (seeded in seeds/people.ts); emails compare without case. */
export function findUser(store: SandboxStore, communityId: string, type: string, value: string): Rec | undefined {
  const key = USER_KEYS[type];
  if (!key) throw new SandboxError(400, `identifier_type: the sandbox knows ${Object.keys(USER_KEYS).join(", ")}`);
  const norm = (v: unknown) => (key === "email" && typeof v === "string" ? v.toLowerCase() : v);
  return store.collection("users").find((u) => u.communityID === communityId && norm(u[key]) === norm(value));
}

export function requireUser(store: SandboxStore, communityId: string, type: string, value: string): Rec {
  const user = findUser(store, communityId, type, value);
  if (!user) throw new SandboxError(404, "User not found.");
  return user;
}

export const ofCommunity = (store: SandboxStore, name: string, communityId: string): Rec[] =>
  store.collection(name).filter((r) => r.communityID === communityId);

/** One page (page/limit, as the /apis/v1 lists take them) of records, newest first by `field`. */
export function newestPage(records: Rec[], field: string, args: Args, plural: string) {
  const sorted = [...records].sort((a, b) => String(b[field]).localeCompare(String(a[field])));
  return listRecords(sorted, { name: plural, noun: plural, plural, pagination: "page" }, { page: args.page, limit: args.limit });
}
