import { pathParamNames } from "../../registry/request.js";
import type { AuthKind, HttpMethod, ToolDef } from "../../registry/types.js";
import type { Behaviour, CrudOp } from "./bind.js";
import { SandboxError } from "./envelope.js";

/** A tool served by a route, with the names it gives the path's placeholders, in order. */
export interface RouteTool {
  tool: ToolDef;
  params: string[];
  /** The placeholder naming the record (get/update/delete), as this tool spells it. */
  idParam?: string;
}

export interface RouteEntry {
  behaviour: Behaviour;
  /** The credential the route checks; tools sharing a wire route must agree on it. */
  auth: AuthKind;
  /** Usually one; two when tool families share a wire route (community vs legacy API keys). */
  tools: RouteTool[];
}

interface Template {
  /** Literal segments as text, placeholders as null. */
  segments: (string | null)[];
  literals: number;
  methods: Map<HttpMethod, RouteEntry>;
}

export type RouteTable = Template[];

export type RouteMatch =
  | { kind: "found"; entry: RouteEntry; values: string[] }
  | { kind: "wrong-method"; allow: HttpMethod[] }
  | { kind: "none" };

const PLACEHOLDER = /^\{[A-Za-z0-9_]+\}$/;

const ID_OPS = new Set<CrudOp>(["get", "update", "delete"]);
const SINGLETON_OPS = new Set<CrudOp>(["read-singleton", "update-singleton"]);

function parseTemplate(tool: ToolDef): (string | null)[] {
  return tool.path.split("/").map((segment) => {
    if (PLACEHOLDER.test(segment)) return null;
    if (segment.includes("{") || segment.includes("}")) {
      throw new Error(`sandbox: ${tool.name}: placeholders must fill a whole path segment (${tool.path})`);
    }
    return segment;
  });
}

const behaviourName = (b: Behaviour) =>
  typeof b === "function" ? `handler ${b.name || "(anonymous)"}` : `${b.resource.name}/${b.op}`;

/** One handler function, or the same operation on the same collection. */
const sameBehaviour = (a: Behaviour, b: Behaviour) =>
  a === b || (typeof a !== "function" && typeof b !== "function" && a.resource === b.resource && a.op === b.op);

/** Everything the generic op will rely on, checked once so a bad table fails at startup, not mid-request. */
function describeTool(tool: ToolDef, behaviour: Behaviour | undefined): { routeTool: RouteTool; behaviour: Behaviour } {
  const params = pathParamNames(tool.path);
  if (!behaviour) throw new Error(`sandbox: ${tool.name}: no behaviour in its area's sandbox file (src/sandbox/)`);
  if (typeof behaviour === "function") return { routeTool: { tool, params }, behaviour };
  const { op, resource } = behaviour;
  if (SINGLETON_OPS.has(op) !== Boolean(resource.singleton)) {
    throw new Error(`sandbox: ${tool.name}: op ${op} does not fit resource ${resource.name}`);
  }
  if (resource.scopeParam && !params.includes(resource.scopeParam)) {
    throw new Error(`sandbox: ${tool.name}: path lacks {${resource.scopeParam}}, which scopes ${resource.name}`);
  }
  const idParam = params.filter((p) => p !== resource.scopeParam).at(-1);
  if (ID_OPS.has(op) && !idParam) throw new Error(`sandbox: ${tool.name}: op ${op} needs a record id in the path`);
  return { routeTool: { tool, params, ...(ID_OPS.has(op) ? { idParam } : {}) }, behaviour };
}

/**
 * One route per (method, path shape), derived from the tool tables. Placeholder names are left
 * out of the shape because two families may spell them differently for the same wire route.
 */
export function buildRoutes(tools: readonly ToolDef[], behaviours: ReadonlyMap<string, Behaviour>): RouteTable {
  const templates = new Map<string, Template>();
  for (const tool of tools) {
    const { routeTool, behaviour } = describeTool(tool, behaviours.get(tool.name));
    const segments = parseTemplate(tool);
    const key = segments.map((s) => s ?? "{}").join("/");
    let template = templates.get(key);
    if (!template) {
      template = { segments, literals: segments.filter((s) => s !== null).length, methods: new Map() };
      templates.set(key, template);
    }
    const entry = template.methods.get(tool.method);
    if (!entry) {
      template.methods.set(tool.method, { behaviour, auth: tool.auth, tools: [routeTool] });
      continue;
    }
    const first = entry.tools[0]?.tool.name;
    if (!sameBehaviour(entry.behaviour, behaviour) || entry.auth !== tool.auth) {
      throw new Error(
        `sandbox: ${tool.method} ${tool.path} is served by ${first} as ${behaviourName(entry.behaviour)} (${entry.auth}) ` +
          `but ${tool.name} says ${behaviourName(behaviour)} (${tool.auth})`,
      );
    }
    entry.tools.push(routeTool);
  }
  // Most literal segments first, so a fixed path would win over a placeholder if both matched.
  return [...templates.values()].sort((a, b) => b.literals - a.literals);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new SandboxError(400, "Malformed percent-encoding in the request path.");
  }
}

/** Segment by segment; a placeholder takes exactly one non-empty segment, after splitting then decoding. */
export function matchRoute(table: RouteTable, method: string, pathname: string): RouteMatch {
  const trimmed = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  const segments = trimmed.split("/").map(decodeSegment);
  const allow = new Set<HttpMethod>();
  for (const template of table) {
    if (template.segments.length !== segments.length) continue;
    const values: string[] = [];
    const fits = template.segments.every((literal, i) => {
      const actual = segments[i] as string;
      if (literal !== null) return literal === actual;
      values.push(actual);
      return actual.length > 0;
    });
    if (!fits) continue;
    const entry = template.methods.get(method as HttpMethod);
    if (entry) return { kind: "found", entry, values };
    for (const m of template.methods.keys()) allow.add(m);
  }
  return allow.size > 0 ? { kind: "wrong-method", allow: [...allow].sort() } : { kind: "none" };
}
