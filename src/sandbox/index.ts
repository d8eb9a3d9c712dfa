/** A local, stateful stand-in for the Returning.AI API, served from the same tool tables as the MCP tools. */

export { MAX_BODY_BYTES } from "./http.js";
export { buildRoutes, matchRoute, type RouteTable } from "./routes.js";
export { SANDBOX_COMMUNITY_ID, SEED } from "./seed.js";
export { SANDBOX_API_KEY, type Sandbox, type SandboxOptions, startSandbox } from "./server.js";
