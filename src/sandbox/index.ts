/** A local, stateful stand-in for the Returning.AI API, served from the same tool tables as the MCP tools. */
export { startSandbox, SANDBOX_API_KEY, type Sandbox, type SandboxOptions } from "./server.js";
export { SANDBOX_COMMUNITY_ID, SEED } from "./seed.js";
export { buildRoutes, matchRoute, type RouteTable } from "./routes.js";
export { MAX_BODY_BYTES } from "./http.js";
