import { SandboxError } from "./envelope.js";
import type { Rec, SandboxStore } from "./store.js";

/**
 * Lookups that action handlers share: the members and channels of the demo community (seeded in
 * seeds/people.ts), found the way the API's request fields name them.
 */

/** A member by username or email (`sender`, `idOrEmail`), or by id when `byId` allows it. */
export function findMember(store: SandboxStore, communityId: string, name: string, byId = false): Rec {
  const wanted = name.trim().toLowerCase();
  const member = store
    .collection("users")
    .filter((u) => u.communityID === communityId)
    .find(
      (u) =>
        String(u.username).toLowerCase() === wanted ||
        String(u.email).toLowerCase() === wanted ||
        (byId && (u._id === name || String(u.id) === name)),
    );
  if (!member)
    throw new SandboxError(404, `No member ${byId ? "with that id, username or email" : "with that username or email"}.`);
  return member;
}

/** How the integration routes' `identifier_type` names a member, and the field each one reads. */
const IDENTIFIER_FIELDS: Readonly<Record<string, string>> = { email: "email", id: "_id", username: "username" };

/** A member by exactly the field `identifier_type` names (emails compare without case), or undefined. */
export function memberByIdentifier(store: SandboxStore, communityId: string, type: string, value: string): Rec | undefined {
  const field = IDENTIFIER_FIELDS[type];
  if (!field) throw new SandboxError(400, `identifier_type: the sandbox knows ${Object.keys(IDENTIFIER_FIELDS).join(", ")}`);
  const norm = (v: unknown) => (field === "email" && typeof v === "string" ? v.toLowerCase() : v);
  return store.collection("users").find((u) => u.communityID === communityId && norm(u[field]) === norm(value));
}

export function findChannel(store: SandboxStore, communityId: string, channelId: string): Rec {
  const channel = store.collection("channels").find((c) => c._id === channelId && c.communityID === communityId);
  if (!channel) throw new SandboxError(404, "Channel not found.");
  return channel;
}

/** The newest routes put the community in the path; a key only acts on its own community. */
export function checkCommunity(pathCommunityId: unknown, communityId: string): void {
  if (pathCommunityId !== communityId) throw new SandboxError(403, "This API key may not act on that community.");
}

/** Every record of a collection that belongs to a community (records carry `communityID`). */
export const ofCommunity = (store: SandboxStore, name: string, communityId: string): Rec[] =>
  store.collection(name).filter((r) => r.communityID === communityId);

/** A member named by `identifier_type` + identifier, or the API's 404. */
export function requireUser(store: SandboxStore, communityId: string, type: string, value: string): Rec {
  const user = memberByIdentifier(store, communityId, type, value);
  if (!user) throw new SandboxError(404, "User not found.");
  return user;
}

/** A member by ObjectId (in a community when one is given), or the 404 the API gives for an unknown one. */
export function findUser(store: SandboxStore, userId: unknown, communityId?: unknown): Rec {
  const user = store
    .collection("users")
    .find((u) => u._id === userId && (communityId === undefined || u.communityID === communityId));
  if (!user) throw new SandboxError(404, "User not found.");
  return user;
}
