import { users } from "../tools/users.js";
import { type ArgsOf, crud, type HandlerInput, type SandboxResource, sandboxFor } from "./engine/bind.js";
import { SandboxError } from "./engine/envelope.js";
import { fieldValue } from "./engine/listing.js";
import { ofCommunity } from "./engine/members.js";
import { hashPassword } from "./engine/passwords.js";
import { newObjectId, type Rec, type SandboxStore } from "./engine/store.js";

/**
 * Members and their sign-in: registration, verification, password and Secure Auth logins, Create
 * User, Manage User Account, lookups and filters. Users live in the shared `users` collection;
 * password digests and pending verifications in collections of their own, never on the record.
 */

type Args = Record<string, unknown>;

export const sameText = (a: unknown, b: string) => typeof a === "string" && a.toLowerCase() === b.toLowerCase();

/** The community's members; read by the user, community and gamification handlers. */
export const usersResource: SandboxResource = {
  name: "users",
  noun: "user",
  plural: "users",
  pagination: "page",
  searchFields: ["username", "displayName", "firstName", "lastName", "email"],
};

/** Everyone with an account in the key's community, deleted and pending ones included. */
export const accounts = (store: SandboxStore, communityId: string): Rec[] => ofCommunity(store, "users", communityId);

/** Who counts as a member in lists and figures: not deleted, and joined (Create User's joinServer). */
export const isMember = (u: Rec): boolean => u.status !== "deleted" && u.joinedServer !== false;

export function findAccount(input: HandlerInput, match: (u: Rec) => boolean): Rec {
  const user = accounts(input.store, input.communityId).find(match);
  if (!user) throw new SandboxError(404, "User not found.");
  return user;
}

export const byEmail = (input: HandlerInput, email: string) => findAccount(input, (u) => sameText(u.email, email));

export function update(store: SandboxStore, user: Rec, changes: Rec | Args): Rec {
  Object.assign(user, changes, { updatedAt: store.now() });
  return user;
}

/** The names a sign-up gives, as the API spells them in a request (firstname) and on a record (firstName). */
export const accountNames = (a: {
  username: string;
  email: string;
  firstname?: string;
  lastname?: string;
  displayname?: string;
}) => ({
  username: a.username,
  email: a.email,
  firstName: a.firstname,
  lastName: a.lastname,
  displayName: a.displayname,
});

interface NewAccount {
  username: string;
  email: string;
  firstName?: string;
  lastName?: string;
  displayName?: string;
  status: "active" | "unverified";
  password?: string;
  extra?: Args;
}

/** One way in for every route that creates an account; username and email are unique (409). */
export function addAccount(input: HandlerInput, account: NewAccount): Rec {
  const { store, communityId } = input;
  const all = accounts(store, communityId);
  if (all.some((u) => sameText(u.username, account.username))) {
    throw new SandboxError(409, "A user with this username already exists.");
  }
  if (all.some((u) => sameText(u.email, account.email))) throw new SandboxError(409, "A user with this email already exists.");
  const now = store.now();
  const _id = newObjectId();
  const numericIds = store.collection("users").map((u) => (typeof u.id === "number" ? u.id : 0));
  const user: Rec = {
    _id,
    id: Math.max(100000000, ...numericIds) + 1,
    communityID: communityId,
    username: account.username,
    displayName: account.displayName ?? account.username,
    firstName: account.firstName ?? "",
    lastName: account.lastName ?? "",
    email: account.email,
    avatar: null,
    isOnline: false,
    lastLogin: null,
    status: account.status,
    joinDate: now.slice(0, 10),
    accessLevel: 1,
    roles: ["@all"],
    highestRole: "@all",
    language: "English",
    customFields: {},
    xp: 0,
    coins: 0,
    xpEarnedToday: 0,
    coinsEarnedToday: 0,
    totalMessages: 0,
    totalReactions: 0,
    replySent: 0,
    visitCount: 0,
    timeSpent: 0,
    streak: { current: 0, longest: 0, lastActivityAt: null },
    miniGames: [],
    ...account.extra,
    createdAt: now,
    updatedAt: now,
  };
  store.collection("users").push(user);
  if (account.password !== undefined) {
    store.collection("credentials").push({ _id, passwordHash: hashPassword(_id, account.password) });
  }
  return user;
}

export const signedIn = (store: SandboxStore, user: Rec) => update(store, user, { isOnline: true, lastLogin: store.now() });

/** Get User Data's shape: the default fields plus custom ones, `loginStreak` from the streak. */
function userData(u: Rec): Rec {
  const pick = (...names: string[]) => Object.fromEntries(names.map((n) => [n, u[n]]));
  return {
    _id: u._id,
    // The docs' example answers a platform id ("123"), the number Get User shows as `id`.
    userId: String(u.id),
    ...pick("username", "xp", "coins", "roles", "highestRole", "firstName", "lastName", "xpEarnedToday"),
    ...pick("coinsEarnedToday", "language", "totalMessages", "totalReactions", "visitCount", "replySent", "timeSpent"),
    loginStreak: fieldValue(u, "streak.current") ?? 0,
    customFields: u.customFields ?? {},
  };
}

// Get Users with Filters: a fixed page of 200; the cursor is the next offset, opaque to callers.
const FILTER_PAGE = 200;
const DEFAULT_COLUMNS = ["user_id", "username", "email", "first_name", "last_name", "join_date", "xp", "coins"];

/** A database column name (first_name, join_date, a custom field) read from our camelCase record. */
function column(u: Rec, name: string): unknown {
  if (name === "user_id") return u._id;
  const camel = name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
  const own = fieldValue(u, camel);
  return own !== undefined ? own : fieldValue(u.customFields, name);
}

type Filter = NonNullable<ArgsOf<typeof users, "filter_users">["filter"]>;

function matches(u: Rec, filter: Filter): boolean {
  return Object.entries(filter).every(([name, wanted]) => {
    const value = column(u, name);
    if (wanted === null || typeof wanted !== "object") return sameText(String(value), String(wanted));
    const { gte, lte } = wanted;
    if (value === undefined || value === null) return false;
    const v = typeof gte === "number" || typeof lte === "number" ? Number(value) : String(value);
    return (gte === undefined || v >= gte) && (lte === undefined || v <= lte);
  });
}

const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString("base64url");

function decodeCursor(cursor: string): number {
  const m = /^offset:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!m) throw new SandboxError(400, "cursor: not a next_cursor this API gave out.");
  return Number(m[1]);
}

function manage(input: HandlerInput<{ action: "delete" | "restore"; user: string }>) {
  const { action, user: who } = input.args;
  const user = findAccount(input, (u) => sameText(u.username, who) || u._id === who);
  if (action === "delete") {
    if (user.status === "deleted") throw new SandboxError(409, "User is already deleted.");
    update(input.store, user, { status: "deleted", statusBeforeDelete: user.status, isOnline: false });
  } else {
    if (user.status !== "deleted") throw new SandboxError(409, "User is not deleted.");
    // Back to what it was: restoring a banned member's account does not lift the ban.
    update(input.store, user, { status: user.statusBeforeDelete ?? "active" });
    delete user.statusBeforeDelete;
  }
  // The docs' response echoes the request.
  return { statusCode: 200, message: `User ${action} success.`, data: { action, user: who } };
}

export const usersSandbox = sandboxFor(users, {
  get_user: crud(usersResource, "get"),

  create_user(input) {
    const a = input.args;
    const custom = a.customFields ?? [];
    const user = addAccount(input, {
      ...accountNames(a),
      status: "active",
      password: a.password,
      extra: {
        accessLevel: a.accessLevel,
        joinedServer: a.joinServer,
        customFields: Object.fromEntries(custom.map((f) => [f.fieldIdorName, f.value])),
        ...(a.referral !== undefined ? { referral: a.referral } : {}),
        ...(a.externalId !== undefined ? { externalId: a.externalId } : {}),
      },
    });
    return { statusCode: 201, message: "Create user success.", data: user };
  },

  get_user_data(input) {
    const key = input.args.idOrEmail;
    const user = findAccount(input, (u) => u._id === key || String(u.id) === key || sameText(u.email, key));
    return { statusCode: 200, message: "Get user data success.", data: userData(user) };
  },

  filter_users(input) {
    const { fields, filter, cursor, page } = input.args;
    // `*` is every column: the defaults and the member's own custom fields.
    const columnsOf = (u: Rec): readonly string[] => {
      if (fields !== "*") return fields?.length ? fields : DEFAULT_COLUMNS;
      const custom = typeof u.customFields === "object" && u.customFields !== null ? Object.keys(u.customFields) : [];
      return [...DEFAULT_COLUMNS, ...custom];
    };
    const found = accounts(input.store, input.communityId).filter((u) => isMember(u) && matches(u, filter ?? {}));
    const offset = cursor !== undefined ? decodeCursor(cursor) : ((page ?? 1) - 1) * FILTER_PAGE;
    const rows = found
      .slice(offset, offset + FILTER_PAGE)
      .map((u) => Object.fromEntries(columnsOf(u).map((c) => [c, column(u, c) ?? null])));
    const more = offset + FILTER_PAGE < found.length;
    return {
      statusCode: 200,
      message: "Get users success.",
      data: {
        users: rows,
        total: found.length,
        current_page: Math.floor(offset / FILTER_PAGE) + 1,
        total_pages: Math.max(1, Math.ceil(found.length / FILTER_PAGE)),
        ...(more ? { next_cursor: encodeCursor(offset + FILTER_PAGE) } : {}),
      },
    };
  },

  delete_user: manage,
  restore_user: manage,

  list_user_mini_game_logs(input) {
    const { email, page = 1, limit = 20 } = input.args;
    const user = byEmail(input, email);
    const logs = input.store
      .collection("miniGameLogs")
      .filter((l) => l.userID === user._id)
      .sort((x, y) => String(y.playedAt).localeCompare(String(x.playedAt)));
    return {
      statusCode: 200,
      message: "Read mini game logs success.",
      data: logs.slice((page - 1) * limit, page * limit),
      meta: { page, limit, total: logs.length },
    };
  },

  get_user_mini_game_stats(input) {
    const user = byEmail(input, input.args.email);
    return {
      statusCode: 200,
      message: "Read mini game and streak stats success.",
      data: { userId: user._id, email: user.email, streak: user.streak ?? null, miniGames: user.miniGames ?? [] },
    };
  },
});
