/** A local, stateful stand-in for the Returning.AI API, served from the same tool tables as the MCP tools. */

import { SANDBOX_BEHAVIOURS } from "./areas.js";
import { type Sandbox, type SandboxOptions, serveSandbox } from "./engine/server.js";

export { MAX_BODY_BYTES } from "./engine/http.js";
export { buildRoutes, matchRoute, type RouteTable } from "./engine/routes.js";
export { SANDBOX_API_KEY, type Sandbox, type SandboxOptions } from "./engine/server.js";
export { SANDBOX_COMMUNITY_ID, SEED } from "./seed.js";

/** Starts a fresh, seeded sandbox API. Throws at once if the tool tables cannot be served. */
export const startSandbox = (opts: SandboxOptions = {}): Promise<Sandbox> => serveSandbox(SANDBOX_BEHAVIOURS, opts);
