import { community } from "../tools/community.js";
import { crud, type HandlerInput, type SandboxResource, sandboxFor } from "./engine/bind.js";
import { SandboxError } from "./engine/envelope.js";
import { fieldValue, listRecords } from "./engine/listing.js";
import { newObjectId, type Rec, type SandboxStore } from "./engine/store.js";
import { accounts, isMember, usersResource } from "./users.js";

/**
 * The community itself: name and URL, appearance (meta, theme colours), its member routes and
 * the loyalty overview. The bot profile is a plain singleton (see the community table).
 */

type Args = Record<string, unknown>;

/** The demo community's channels (seeds/people.ts); the legacy channel tools write to the same collection. */
export const channelResource: SandboxResource = { name: "channels", noun: "channel", plural: "channels" };

const communityBot: SandboxResource = { name: "communityBot", noun: "community bot", plural: "community bots", singleton: true };

const IDENTITY = ["name", "uri", "domain"] as const;

/** The key decides the community: another community's id is forbidden, an unknown one not found. */
function ownCommunity(input: Pick<HandlerInput<unknown>, "store" | "communityId">, id: string): Rec {
  const community = input.store.collection("communities").find((c) => c._id === id);
  if (!community) throw new SandboxError(404, "Community not found.");
  if (id !== input.communityId) throw new SandboxError(403, "This API key may not manage that community.");
  return community;
}

function checkIdentityFree(store: SandboxStore, changes: Args, self?: Rec): void {
  for (const field of IDENTITY) {
    const value = changes[field];
    if (value === undefined) continue;
    const taken = store
      .collection("communities")
      .some(
        (c) => c !== self && typeof c[field] === "string" && (c[field] as string).toLowerCase() === String(value).toLowerCase(),
      );
    if (taken) throw new SandboxError(409, `A community with ${field} ${JSON.stringify(value).slice(0, 120)} already exists.`);
  }
}

const identityOf = (args: Args): Args =>
  Object.fromEntries(IDENTITY.filter((f) => args[f] !== undefined).map((f) => [f, args[f]]));

/** Partial update one level deep: `preview: {title}` keeps the preview's other fields. */
function merge(target: Rec, changes: Args, now: string): Rec {
  const next: Rec = { ...target, updatedAt: now };
  for (const [key, value] of Object.entries(changes)) {
    const old = target[key];
    const nested = value && typeof value === "object" && old && typeof old === "object";
    next[key] = nested ? { ...(old as Args), ...(value as Args) } : value;
  }
  return next;
}

/** The fields a settings update changes, once the community is known to be the key's own. */
function changesFor<A extends { communityID: string }>(input: HandlerInput<A>): { community: Rec; changes: Args } {
  const { communityID, ...rest } = input.args;
  const community = ownCommunity(input, communityID);
  const changes = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  if (Object.keys(changes).length === 0) throw new SandboxError(400, "(body): nothing to change: send at least one field.");
  return { community, changes };
}

export const communitySandbox = sandboxFor(community, {
  list_channels: crud(channelResource, "list"),
  update_community_bot: crud(communityBot, "update-singleton"),

  create_community(input) {
    const changes = identityOf(input.args);
    if (changes.uri === undefined) {
      changes.uri = input.args.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "");
    }
    checkIdentityFree(input.store, changes);
    const now = input.store.now();
    const record: Rec = { _id: newObjectId(), ...changes, createdAt: now, updatedAt: now };
    input.store.collection("communities").push(record);
    return { statusCode: 201, message: "Create community success.", data: record };
  },

  update_community_name_url(input) {
    const { community, changes } = changesFor(input);
    checkIdentityFree(input.store, changes, community);
    Object.assign(community, changes, { updatedAt: input.store.now() });
    return { statusCode: 200, message: "Update community success.", data: community };
  },

  update_community_meta(input) {
    const { changes } = changesFor(input);
    const all = input.store.collection("communityMeta");
    const now = input.store.now();
    const current = all.find((m) => m.communityID === input.communityId);
    const base: Rec = current ?? { _id: newObjectId(), communityID: input.communityId, createdAt: now };
    const next = merge(base, changes, now);
    if (current) all[all.indexOf(current)] = next;
    else all.push(next);
    return { statusCode: 200, message: "Update community meta success.", data: next };
  },

  update_community_theme_colors(input) {
    const { changes } = changesFor(input);
    const now = input.store.now();
    const base = input.store.singleton("communityTheme") ?? {
      _id: newObjectId(),
      communityID: input.communityId,
      createdAt: now,
    };
    const next = merge(base, changes, now);
    input.store.setSingleton("communityTheme", next);
    return { statusCode: 200, message: "Update community theme colors success.", data: next };
  },

  list_community_users(input) {
    ownCommunity(input, input.args.communityId);
    const members = accounts(input.store, input.communityId).filter(isMember);
    const { data, meta } = listRecords(members, usersResource, input.args);
    return { statusCode: 200, message: "Read community users success.", data, meta };
  },

  get_community_user(input) {
    ownCommunity(input, input.args.communityId);
    const user = accounts(input.store, input.communityId).find((u) => u._id === input.args.userId && isMember(u));
    if (!user) throw new SandboxError(404, "User not found in this community.");
    return { statusCode: 200, message: "Read community user success.", data: user };
  },

  get_loyalty_overview(input) {
    const members = accounts(input.store, input.communityId).filter(isMember);
    const sum = (field: string) => members.reduce((n, u) => n + (Number(fieldValue(u, field)) || 0), 0);
    const streaks = members.map((u) => Number(fieldValue(u, "streak.current")) || 0);
    return {
      statusCode: 200,
      message: "Read loyalty overview success.",
      data: {
        totalMembers: members.length,
        onlineMembers: members.filter((u) => u.isOnline === true).length,
        totalXp: sum("xp"),
        totalCoins: sum("coins"),
        averageXp: members.length ? Math.round(sum("xp") / members.length) : 0,
        membersOnStreak: streaks.filter((s) => s > 0).length,
        longestCurrentStreak: Math.max(0, ...streaks),
        totalMessages: sum("totalMessages"),
      },
    };
  },
});
