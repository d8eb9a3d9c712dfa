import { DEMO } from "../../demo.js";
import { SANDBOX_CREDENTIALS } from "../auth.js";
import { SandboxError } from "../envelope.js";
import { fieldValue } from "../listing.js";
import { ofCommunity } from "../members.js";
import { hashPassword, passwordMatches } from "../passwords.js";
import { newObjectId, newSecret, type Rec, type SandboxStore } from "../store.js";
import type { HandlerInput, Handlers } from "./types.js";

/**
 * Members and their sign-in: registration, verification, password and Secure Auth logins, Create
 * User, Manage User Account, lookups and filters. Users live in the shared `users` collection;
 * password digests and pending verifications in collections of their own, never on the record.
 */

type Args = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const sameText = (a: unknown, b: string) => typeof a === "string" && a.toLowerCase() === b.toLowerCase();

/** Everyone with an account in the key's community, deleted and pending ones included. */
export const accounts = (store: SandboxStore, communityId: string): Rec[] => ofCommunity(store, "users", communityId);

/** Who counts as a member in lists and figures: not deleted, and joined (Create User's joinServer). */
export const isMember = (u: Rec): boolean => u.status !== "deleted" && u.joinedServer !== false;

function findAccount(input: HandlerInput, match: (u: Rec) => boolean): Rec {
  const user = accounts(input.store, input.communityId).find(match);
  if (!user) throw new SandboxError(404, "User not found.");
  return user;
}

const byEmail = (input: HandlerInput, email: string) => findAccount(input, (u) => sameText(u.email, email));

function update(store: SandboxStore, user: Rec, changes: Rec | Args): Rec {
  Object.assign(user, changes, { updatedAt: store.now() });
  return user;
}

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
function addAccount(input: HandlerInput, account: NewAccount): Rec {
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

const signedIn = (store: SandboxStore, user: Rec) => update(store, user, { isOnline: true, lastLogin: store.now() });

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

function matches(u: Rec, filter: Args): boolean {
  return Object.entries(filter).every(([name, wanted]) => {
    const value = column(u, name);
    if (wanted === null || typeof wanted !== "object") return sameText(String(value), String(wanted));
    const { gte, lte } = wanted as { gte?: number | string; lte?: number | string };
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

function manage(input: HandlerInput) {
  const { action, user: who } = input.args as { action: "delete" | "restore"; user: string };
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

export const userHandlers: Handlers = {
  "auth.register"(input) {
    const a = input.args;
    const user = addAccount(input, {
      username: a.username as string,
      email: a.email as string,
      firstName: str(a.firstname),
      lastName: str(a.lastname),
      displayName: str(a.displayname),
      status: "unverified",
      password: a.password as string,
    });
    // No mailbox in a sandbox: the "sent" code is DEMO.verificationCode.
    input.store.collection("emailVerifications").push({ _id: user._id, email: user.email, code: DEMO.verificationCode });
    return { statusCode: 201, message: "Register user success. A verification code was sent to the email.", data: user };
  },

  "auth.verify-email"(input) {
    const { email, code } = input.args as { email: string; code: string };
    const user = byEmail(input, email);
    const pending = input.store.collection("emailVerifications");
    const entry = pending.find((v) => v._id === user._id);
    if (!entry) throw new SandboxError(409, "Email already verified.");
    if (entry.code !== code) throw new SandboxError(400, "code: invalid verification code.");
    pending.splice(pending.indexOf(entry), 1);
    return { statusCode: 200, message: "Verify email success.", data: update(input.store, user, { status: "active" }) };
  },

  "auth.login"(input) {
    const { email, password } = input.args as { email: string; password: string };
    const user = accounts(input.store, input.communityId).find((u) => sameText(u.email, email));
    const stored = input.store.collection("credentials").find((c) => c._id === user?._id)?.passwordHash;
    // One answer for an unknown email, a deleted account and a wrong password: nothing to probe.
    if (!user || user.status === "deleted" || !passwordMatches(user._id, password, stored)) {
      throw new SandboxError(400, "Invalid email or password.");
    }
    if (user.status === "unverified") throw new SandboxError(403, "Email not verified: verify it with the code sent first.");
    return { statusCode: 200, message: "Login success.", data: { token: newSecret(), user: signedIn(input.store, user) } };
  },

  "auth.secure-auth"(input) {
    const a = input.args as Record<string, string | undefined>;
    const username = a.userId as string;
    let user = accounts(input.store, input.communityId).find((u) => sameText(u.username, username));
    if (user && a.action === "register") throw new SandboxError(409, "A user with this username already exists.");
    if (!user) {
      if (!a.email) throw new SandboxError(400, "email: required to create a user that does not exist yet.");
      const level = Number(a.accessLevel);
      user = addAccount(input, {
        username,
        email: a.email,
        firstName: a.firstname,
        lastName: a.lastname,
        displayName: a.displayname,
        status: "active",
        extra: { accessLevel: Number.isInteger(level) ? level : a.accessLevel },
      });
    }
    if (user.status === "deleted") throw new SandboxError(403, "This user's account is deleted.");
    if (user.status === "banned") throw new SandboxError(403, "This user is banned.");
    signedIn(input.store, user);
    // The real link carries the API key; the sandbox's never does (it has no key to hide).
    const host = SANDBOX_CREDENTIALS.communityHost;
    const sessionId = newObjectId();
    const loginUrl = `https://${host}/v2/app/loginApi/${sessionId}/${encodeURIComponent(a.accessLevel ?? "")}?token=${newSecret()}&host=${host}`;
    return { statusCode: 200, message: "Secure auth success.", data: { error: false, loginUrl, sessionId } };
  },

  "users.create"(input) {
    const a = input.args;
    const custom = (a.customFields as Array<{ fieldIdorName: string; value: unknown }> | undefined) ?? [];
    const user = addAccount(input, {
      username: a.username as string,
      email: a.email as string,
      firstName: a.firstname as string,
      lastName: a.lastname as string,
      displayName: a.displayname as string,
      status: "active",
      password: str(a.password),
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

  "users.get-data"(input) {
    const key = input.args.idOrEmail as string;
    const user = findAccount(input, (u) => u._id === key || String(u.id) === key || sameText(u.email, key));
    return { statusCode: 200, message: "Get user data success.", data: userData(user) };
  },

  "users.filter"(input) {
    const { fields, filter, cursor, page } = input.args as { fields?: string[]; filter?: Args; cursor?: string; page?: number };
    const columns = fields?.length ? fields : DEFAULT_COLUMNS;
    const found = accounts(input.store, input.communityId).filter((u) => isMember(u) && matches(u, filter ?? {}));
    const offset = cursor !== undefined ? decodeCursor(cursor) : ((page ?? 1) - 1) * FILTER_PAGE;
    const rows = found
      .slice(offset, offset + FILTER_PAGE)
      .map((u) => Object.fromEntries(columns.map((c) => [c, column(u, c) ?? null])));
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

  "users.manage": manage,

  "users.mini-game-logs"(input) {
    const { email, page = 1, limit = 20 } = input.args as { email: string; page?: number; limit?: number };
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

  "users.mini-game-stats"(input) {
    const user = byEmail(input, input.args.email as string);
    return {
      statusCode: 200,
      message: "Read mini game and streak stats success.",
      data: { userId: user._id, email: user.email, streak: user.streak ?? null, miniGames: user.miniGames ?? [] },
    };
  },
};
