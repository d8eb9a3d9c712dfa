import { SandboxError } from "../envelope.js";
import { listRecords } from "../listing.js";
import { memberByIdentifier } from "../members.js";
import type { Rec, SandboxStore } from "../store.js";

type Args = Record<string, unknown>;

/** A member named by `identifier_type` + identifier, or the API's 404. */
export function requireUser(store: SandboxStore, communityId: string, type: string, value: string): Rec {
  const user = memberByIdentifier(store, communityId, type, value);
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
