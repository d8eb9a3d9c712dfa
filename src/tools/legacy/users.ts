import { z } from "zod";
import { DEMO, TINY_PNG } from "../../demo.js";
import { fileInput, objectId } from "../../registry/schemas.js";
import type { ToolSpec } from "../../registry/types.js";

/**
 * Legacy user routes of the integration host's /apis/v1/users family, which takes the integration
 * API key as a Bearer token. Both upload a file, so their bodies are multipart forms.
 */

/** A one-row CSV laid out like the user template, for the import example. */
const ONE_USER_CSV = Buffer.from("email,username,firstName,lastName\ndana.dealer@example.com,dana_dealer,Dana,Dealer\n").toString(
  "base64",
);

export const userTools: ToolSpec[] = [
  {
    name: "legacy_import_users_csv",
    operation: "legacy-bulk.import-users-csv",
    title: "Bulk import users from CSV (legacy)",
    description: "Queue an import of new members from a CSV laid out like the dashboard's user template.",
    // The older page says no credential is needed (communityId picks the community); the key is sent
    // anyway, as to its sibling bulk-update, since an API that ignores it loses nothing.
    input: z.strictObject({ communityId: objectId, data: fileInput }),
    files: { data: { field: "data", accept: "csv" } },
    example: { communityId: DEMO.communityId, data: { base64: ONE_USER_CSV, name: "users.csv" } },
    risk: "destructive",
    sandbox: { handler: "legacy_import_users_csv" },
  },
  {
    name: "legacy_upload_user_avatar",
    operation: "legacy-users.upload-avatar",
    title: "Upload user avatar (legacy)",
    description: "Set a member's avatar from an image file.",
    input: z.strictObject({ userId: objectId, avatar: fileInput }),
    files: { avatar: { field: "avatar", accept: "image" } },
    example: { userId: DEMO.userIds[1], avatar: { base64: TINY_PNG, name: "avatar.png" } },
    risk: "write",
    sandbox: { handler: "legacy_upload_user_avatar" },
  },
];
