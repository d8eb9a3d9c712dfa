import { z } from "zod";
import { DEMO, TINY_PNG } from "../../demo.js";
import { defineTools } from "../../registry/define.js";
import { fileInput, objectId } from "../../registry/schemas.js";

/**
 * Legacy user routes of the integration host's /apis/v1/users family, which takes the integration
 * API key as a Bearer token (but the bulk import, whose docs ask for none). Both upload a file, so
 * their bodies are multipart forms.
 */

/** A one-row CSV laid out like the user template, for the import example. */
const ONE_USER_CSV = Buffer.from("email,username,firstName,lastName\ndana.dealer@example.com,dana_dealer,Dana,Dealer\n").toString(
  "base64",
);

export const userTools = defineTools([
  {
    name: "legacy_import_users_csv",
    operation: "legacy-bulk.import-users-csv",
    title: "Bulk import users from CSV (legacy)",
    description: "Queue an import of new members from a CSV laid out like the dashboard's user template.",
    // The older page says no authorization is needed (communityId picks the community): no key is
    // sent, since a key sent where none is asked for goes to a route that does not guard it.
    input: z.strictObject({ communityId: objectId, data: fileInput }),
    files: { data: { field: "data", accept: "csv" } },
    example: { communityId: DEMO.communityId, data: { base64: ONE_USER_CSV, name: "users.csv" } },
    risk: "destructive",
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
  },
]);
