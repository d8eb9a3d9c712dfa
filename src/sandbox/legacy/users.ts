import { type CsvTable, readCsv } from "../../registry/csv.js";
import { userTools } from "../../tools/legacy/users.js";
import { bindTools, type HandlerInput } from "../engine/bind.js";
import { SandboxError } from "../engine/envelope.js";
import { ofCommunity } from "../engine/members.js";
import type { OpResult } from "../engine/ops.js";
import { newObjectId, type Rec, type SandboxStore } from "../engine/store.js";
import { member } from "./grants.js";

/** The legacy member routes: the CSV member import and avatar uploads. */

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

export const userBehaviours = bindTools(userTools, {
  legacy_import_users_csv: importUsers,
  legacy_upload_user_avatar: uploadAvatar,
});
