import type { HandlerInput } from "../engine/bind.js";
import { SandboxError } from "../engine/envelope.js";
import { findMember, ofCommunity } from "../engine/members.js";
import type { OpResult } from "../engine/ops.js";
import { newObjectId, type Rec } from "../engine/store.js";

/**
 * Badges and roles granted to members, kept as grant records, so that deleting a badge or role
 * simply hides its grants. Users are the shared "users" collection of src/sandbox/seeds/people.ts.
 */

/** A grant route's arguments: the badge or role by `id`, the member by `userId`. */
type GrantArgs = { id: string; userId: string };

/** The member a route names: by platform id on the System routes, by ObjectId on /apis/v1 (the schemas tell which). */
export const member = (input: HandlerInput<{ userId: string }>): Rec =>
  findMember(input.store, input.communityId, input.args.userId, true);

function record(input: HandlerInput<{ id: string }>, collection: string, noun: string): Rec {
  const found = ofCommunity(input.store, collection, input.communityId).find((r) => r._id === input.args.id);
  if (!found) throw new SandboxError(404, `${noun} not found.`);
  return found;
}

/** One kind of grant (a badge or a role held by a member), stored as { <key>, userId } records. */
interface Grant {
  grants: string;
  things: string;
  key: "badgeId" | "roleId";
  noun: "Badge" | "Role";
}

export const BADGE: Grant = { grants: "badgeAwards", things: "badges", key: "badgeId", noun: "Badge" };
export const ROLE: Grant = { grants: "userRoles", things: "roles", key: "roleId", noun: "Role" };

/** What a member holds now, as the records themselves; grants of deleted records are left out. */
export function held(input: HandlerInput<unknown>, kind: Grant, userId: string): Rec[] {
  const ids = new Set(
    ofCommunity(input.store, kind.grants, input.communityId)
      .filter((g) => g.userId === userId)
      .map((g) => g[kind.key]),
  );
  return ofCommunity(input.store, kind.things, input.communityId).filter((r) => ids.has(r._id));
}

export function grant(input: HandlerInput<GrantArgs>, kind: Grant, message: string): OpResult {
  const thing = record(input, kind.things, kind.noun);
  const user = member(input);
  if (held(input, kind, user._id).some((r) => r._id === thing._id)) {
    throw new SandboxError(409, `The user already has this ${kind.noun.toLowerCase()}.`);
  }
  const now = input.store.now();
  input.store.collection(kind.grants).push({
    _id: newObjectId(),
    communityID: input.communityId,
    [kind.key]: thing._id,
    userId: user._id,
    createdAt: now,
    updatedAt: now,
  });
  return { statusCode: 200, message, data: held(input, kind, user._id) };
}

export function revoke(input: HandlerInput<GrantArgs>, kind: Grant, message: string): OpResult {
  const thing = record(input, kind.things, kind.noun);
  const user = member(input);
  const grants = input.store.collection(kind.grants);
  const index = grants.findIndex(
    (g) => g.communityID === input.communityId && g.userId === user._id && g[kind.key] === thing._id,
  );
  if (index < 0) throw new SandboxError(404, `The user does not have this ${kind.noun.toLowerCase()}.`);
  grants.splice(index, 1);
  return { statusCode: 200, message, data: held(input, kind, user._id) };
}
