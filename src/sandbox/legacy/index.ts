import { type CsvTable, readCsv } from "../../registry/csv.js";
import { legacy } from "../../tools/legacy/index.js";
import { channelResource } from "../community.js";
import { apiKeyResource } from "../community-api-keys.js";
import { crud, type HandlerInput, type SandboxResource, sandboxFor } from "../engine/bind.js";
import { SandboxError } from "../engine/envelope.js";
import { findMember, ofCommunity } from "../engine/members.js";
import type { OpResult } from "../engine/ops.js";
import { newObjectId, type Rec, type SandboxStore } from "../engine/store.js";
import { reactToMessage, replyToMessage, sendMessage } from "../messaging.js";

/**
 * The legacy System API's action routes: badges and roles granted to members (kept as grant
 * records, so that deleting a badge or role simply hides its grants), avatar uploads and the CSV
 * member import. Users are the shared "users" collection of src/sandbox/seeds/people.ts. The legacy
 * channel, integration API key and messaging tools share their wire routes (or collections) with
 * the current tools, so they take those tools' collections and handlers.
 */

const servers: SandboxResource = { name: "servers", noun: "server", plural: "servers" };
const badges: SandboxResource = { name: "badges", noun: "badge", plural: "badges" };
const roles: SandboxResource = { name: "roles", noun: "role", plural: "roles" };

/** A grant route's arguments: the badge or role by `id`, the member by `userId`. */
type GrantArgs = { id: string; userId: string };

/** The member a route names: by platform id on the System routes, by ObjectId on /apis/v1 (the schemas tell which). */
const member = (input: HandlerInput<{ userId: string }>): Rec =>
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

const BADGE: Grant = { grants: "badgeAwards", things: "badges", key: "badgeId", noun: "Badge" };
const ROLE: Grant = { grants: "userRoles", things: "roles", key: "roleId", noun: "Role" };

/** What a member holds now, as the records themselves; grants of deleted records are left out. */
function held(input: HandlerInput<unknown>, kind: Grant, userId: string): Rec[] {
  const ids = new Set(
    ofCommunity(input.store, kind.grants, input.communityId)
      .filter((g) => g.userId === userId)
      .map((g) => g[kind.key]),
  );
  return ofCommunity(input.store, kind.things, input.communityId).filter((r) => ids.has(r._id));
}

function grant(input: HandlerInput<GrantArgs>, kind: Grant, message: string): OpResult {
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

function revoke(input: HandlerInput<GrantArgs>, kind: Grant, message: string): OpResult {
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

function replaceUser(store: SandboxStore, old: Rec, next: Rec): void {
  const users = store.collection("users");
  users[users.indexOf(old)] = next;
}

// Columns of the dashboard's user template that the sandbox keeps; the rest are ignored.
const COLUMNS = ["email", "username", "firstName", "lastName", "displayName"] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The real import is queued and reports in the community's API log; the sandbox imports at once
 * and also says which rows became members and which it skipped, so that a trial run can be checked.
 */
function importUsers(input: HandlerInput<{ communityId: string }>): OpResult {
  if (input.args.communityId !== input.communityId) throw new SandboxError(404, "Community not found.");
  const file = input.files.data?.[0];
  if (!file) throw new SandboxError(400, "data: a CSV file is required");
  let table: CsvTable;
  try {
    table = readCsv(file.bytes);
  } catch (error) {
    throw new SandboxError(400, `data: malformed CSV: ${(error as Error).message}`);
  }
  const { rows } = table;
  const header = table.columns.map((h) => h.toLowerCase());
  const column = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c.toLowerCase())]));
  if (column.email === -1) throw new SandboxError(400, "data: the CSV needs an email column");

  const users = input.store.collection("users");
  const members = () => ofCommunity(input.store, "users", input.communityId);
  const taken = (field: string, value: string) =>
    members().some((u) => String(u[field] ?? "").toLowerCase() === value.toLowerCase());
  let nextId = Math.max(0, ...users.map((u) => Number(u.id) || 0)) + 1;
  const imported: Rec[] = [];
  const skipped: Array<{ row: number; reason: string }> = [];
  for (const [i, cells] of rows.entries()) {
    const row = i + 2; // as a spreadsheet numbers it, after the header
    const cell = (c: (typeof COLUMNS)[number]) => (column[c] === -1 ? "" : (cells[column[c] as number] ?? "").trim());
    const email = cell("email");
    const username = cell("username") || email.split("@")[0]?.replace(/[^A-Za-z0-9_.]/g, "_") || "";
    const reason = !EMAIL.test(email)
      ? "email missing or invalid"
      : taken("email", email)
        ? "a member with this email exists"
        : taken("username", username)
          ? "a member with this username exists"
          : undefined;
    if (reason) {
      skipped.push({ row, reason });
      continue;
    }
    const now = input.store.now();
    const fields = Object.fromEntries(COLUMNS.map((c) => [c, cell(c)]).filter(([, v]) => v !== ""));
    const user: Rec = {
      _id: newObjectId(),
      id: nextId++,
      communityID: input.communityId,
      ...fields,
      email,
      username,
      status: "active",
      createdAt: now,
      updatedAt: now,
    };
    users.push(user);
    imported.push(user);
  }
  const message = "Bulk import user process is queued";
  return {
    statusCode: 200,
    message,
    data: {
      message: `${message}. You can check in Api Log ( community settings )`,
      imported: imported.map(({ _id, id, username, email }) => ({ _id, id, username, email })),
      skipped,
    },
  };
}

function uploadAvatar(input: HandlerInput<{ userId: string }>): OpResult {
  const user = member(input);
  const file = input.files.avatar?.[0];
  if (!file) throw new SandboxError(400, "avatar: an image file is required");
  const now = input.store.now();
  const extension = file.type.split("/")[1] ?? "png";
  // Stands in for the CDN URL the real API stores; a new upload gets a new URL, as a cache-busting CDN would.
  const next: Rec = {
    ...user,
    avatar: `https://cdn.example.com/avatars/${user._id}-${Date.parse(now)}.${extension}`,
    updatedAt: now,
  };
  replaceUser(input.store, user, next);
  return { statusCode: 200, message: "User avatar uploaded successfully", data: next };
}

export const legacySandbox = sandboxFor(legacy, {
  legacy_list_servers: crud(servers, "list"),
  legacy_create_server: crud(servers, "create"),
  legacy_update_server_metadata: crud(servers, "update"),
  legacy_list_badges: crud(badges, "list"),
  legacy_create_badge: crud(badges, "create"),
  legacy_update_badge: crud(badges, "update"),
  legacy_delete_badge: crud(badges, "delete"),
  legacy_list_server_roles: crud(roles, "list"),
  legacy_create_role: crud(roles, "create"),
  legacy_update_role: crud(roles, "update"),
  legacy_delete_role: crud(roles, "delete"),
  legacy_create_channel: crud(channelResource, "create"),
  legacy_update_channel: crud(channelResource, "update"),
  legacy_delete_channel: crud(channelResource, "delete"),
  legacy_list_integration_api_keys: crud(apiKeyResource, "list"),
  legacy_create_integration_api_key: crud(apiKeyResource, "create"),
  legacy_update_integration_api_key: crud(apiKeyResource, "update"),
  legacy_delete_integration_api_key: crud(apiKeyResource, "delete"),
  legacy_send_message: sendMessage,
  legacy_reply_to_message: replyToMessage,
  legacy_react_to_message: reactToMessage,
  legacy_award_badge_to_user: (input) => grant(input, BADGE, "Badge has been rewarded successfully"),
  legacy_remove_badge_from_user: (input) => revoke(input, BADGE, "Badge has been removed successfully"),
  legacy_add_role_to_user: (input) => grant(input, ROLE, "Role has been added successfully"),
  legacy_remove_role_from_user: (input) => revoke(input, ROLE, "Role has been removed successfully"),
  legacy_list_user_roles: (input) => ({
    statusCode: 200,
    message: "User roles fetched successfully",
    data: held(input, ROLE, member(input)._id),
  }),
  legacy_upload_user_avatar: uploadAvatar,
  legacy_import_users_csv: importUsers,
});
