import type { ToolsetDef } from "../registry/types.js";
import { auth } from "./auth.js";
import { community } from "./community.js";
import { apiKeys } from "./community-api-keys.js";
import { leaderboards } from "./leaderboards.js";
import { legacy } from "./legacy.js";
import { store } from "./store.js";
import { userApiKeys } from "./user-api-keys.js";
import { userFields } from "./user-fields.js";
import { users } from "./users.js";

/** Every toolset, in the order docs and tools/list show them; each is declared in its area's table file. */
export const TOOLSETS: readonly ToolsetDef[] = [
  leaderboards,
  store,
  apiKeys,
  users,
  auth,
  community,
  userFields,
  userApiKeys,
  legacy,
];
