import { ConfigError } from "../errors.js";
import { readSettingFile } from "../util/settings.js";
import { pathParamNames } from "./request.js";
import type { HttpMethod, ToolDef } from "./types.js";

/**
 * Route overrides: a user fixes a wrong or unverified route without a release, with a JSON file
 * `{ "<tool name>": { "method": "GET", "path": "/v1/..." } }` named by RETURNING_AI_ROUTES.
 * Everything in it is checked at startup, so a typo stops the server with one line.
 */
export interface RouteOverride {
  method: HttpMethod;
  path: string;
}

const METHODS: readonly HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const SEGMENT = /^(?:\{[A-Za-z0-9_]+\}|[A-Za-z0-9._~!$&'()*+,;=:@-]+)$/;

function checkOne(file: string, name: string, raw: unknown, tool: ToolDef | undefined): RouteOverride {
  const where = `${file}: ${name}`;
  if (!tool) throw new ConfigError(`${where}: unknown tool (run 'returning-ai-mcp tools' for the names)`);
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new ConfigError(`${where}: must be { "method", "path" }`);
  const { method, path, ...rest } = raw as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length) throw new ConfigError(`${where}: unknown key ${extra.join(", ")} (only method and path)`);
  if (typeof method !== "string" || !METHODS.includes(method.toUpperCase() as HttpMethod)) {
    throw new ConfigError(`${where}: method must be one of ${METHODS.join(", ")}, got ${JSON.stringify(method)}`);
  }
  if (typeof path !== "string" || !path.startsWith("/") || path.length > 500) {
    throw new ConfigError(`${where}: path must start with '/', got ${JSON.stringify(path)}`);
  }
  const segments = path.slice(1).split("/");
  if (segments.some((s) => !SEGMENT.test(s) || s === "." || s === "..")) {
    throw new ConfigError(`${where}: path segments must be plain text or one {param}, got '${path}'`);
  }
  const known = Object.keys(tool.input.shape);
  const unknown = pathParamNames(path).filter((p) => !known.includes(p) || tool.files?.[p]);
  if (unknown.length) {
    throw new ConfigError(`${where}: path param {${unknown[0]}} is not an argument of ${name} (it takes ${known.join(", ")})`);
  }
  return { method: method.toUpperCase() as HttpMethod, path };
}

/** A routes file holds a few lines per tool; anything near this size is the wrong file. */
export const MAX_ROUTES_FILE_BYTES = 1_048_576;

/** Reads and checks a routes file against the registry; throws ConfigError with one line. */
export function loadRouteOverrides(file: string, registry: readonly ToolDef[]): Map<string, RouteOverride> {
  const text = readSettingFile("RETURNING_AI_ROUTES", file, MAX_ROUTES_FILE_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // The parser's message quotes the text, which in the wrong file could be a secret.
    throw new ConfigError(`RETURNING_AI_ROUTES: cannot read ${file} as JSON (not valid JSON)`);
  }
  if (!json || typeof json !== "object" || Array.isArray(json)) {
    throw new ConfigError(`RETURNING_AI_ROUTES: ${file} must hold an object of tool names`);
  }
  const byName = new Map(registry.map((t) => [t.name, t]));
  return new Map(Object.entries(json).map(([name, raw]) => [name, checkOne(file, name, raw, byName.get(name))]));
}

/** The tools with their effective routes; an overridden tool says so in routeSource. */
export function applyRouteOverrides(tools: readonly ToolDef[], overrides: ReadonlyMap<string, RouteOverride>): ToolDef[] {
  return tools.map((tool) => {
    const route = overrides.get(tool.name);
    return route ? { ...tool, method: route.method, path: route.path, routeSource: "override" } : tool;
  });
}
