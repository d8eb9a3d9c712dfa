import { leaderboards } from "../tools/leaderboards.js";
import { crud, type SandboxResource, sandboxFor } from "./engine/bind.js";

const leaderboardsResource: SandboxResource = {
  name: "leaderboards",
  noun: "leaderboard",
  plural: "leaderboards",
  pagination: "page",
  searchFields: ["name", "slug"],
  unique: ["slug"],
};

/** Every focused update tool edits the same record through the one PUT route. */
const update = crud(leaderboardsResource, "update");

export const leaderboardsSandbox = sandboxFor(leaderboards, {
  list_leaderboards: crud(leaderboardsResource, "list"),
  get_leaderboard: crud(leaderboardsResource, "get"),
  create_leaderboard: crud(leaderboardsResource, "create"),
  update_leaderboard: update,
  update_leaderboard_ranking: update,
  update_leaderboard_columns: update,
  update_leaderboard_schedule: update,
  update_leaderboard_hours: update,
  update_leaderboard_ranked: update,
  update_leaderboard_viewers: update,
  update_leaderboard_widget: update,
  delete_leaderboard: crud(leaderboardsResource, "delete"),
});
