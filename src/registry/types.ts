import type { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** How sure we are of the route: shown by the docs, or inferred from sibling routes. */
export type RouteStatus = "documented" | "inferred";

/** What a call can do to the community; drives annotations, read-only mode and the confirmation gate. */
export type Risk = "read" | "write" | "destructive";

/** How the request authenticates; every route of the first slice takes a Bearer key. */
export type AuthStyle = "bearer";

export type ToolsetName = "leaderboards" | "store" | "api_keys" | "legacy";

export interface ToolAnnotations {
  title: string;
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

/**
 * What the sandbox does for this route. `resource` names a collection (or singleton)
 * described in the toolset's `resources`; `op` is the generic operation it runs on it.
 */
export interface SandboxBehaviour {
  resource: string;
  op: "list" | "get" | "create" | "update" | "delete" | "read-singleton" | "update-singleton";
}

/** A collection the sandbox keeps in memory, with the rules the real API documents for it. */
export interface SandboxResource {
  name: string;
  /** Singular noun for messages: "Read leaderboard success." */
  noun: string;
  /** Plural noun for list messages. */
  plural: string;
  /** `page` (page/limit) or `skip` (skip/limit), as the list route documents. */
  pagination?: "page" | "skip";
  /** Fields that `search=keyword:<v>` matches. */
  searchFields?: string[];
  /** Fields whose value must be unique within the scope: a duplicate is a 409. */
  unique?: string[];
  /** Fields besides `_id` that find a record (e.g. a human-readable order id). */
  altIds?: string[];
  /** Path param that scopes the collection (e.g. communityId); records carry it. */
  scopeParam?: string;
  /** Field that holds a generated secret on create (e.g. an API key's `key`). */
  secretField?: string;
  singleton?: boolean;
}

export interface ToolDef {
  /** snake_case, verb first; legacy tools start with `legacy_`. */
  name: string;
  title: string;
  toolset: ToolsetName;
  /** One line, our own words; no response shapes. */
  description: string;
  method: HttpMethod;
  /** Path template, params in braces: `/leaderboards/{leaderboardID}`. */
  path: string;
  routeStatus: RouteStatus;
  /** Ids of the entries of `shared/api-reference` this tool covers. */
  catalogIds: string[];
  /** The tool's own arguments; `confirm` and `dryRun` are added by the registry. */
  input: z.ZodObject;
  risk: Risk;
  legacy: boolean;
  auth: AuthStyle;
  /** Non-path arguments sent in the query string of a body-carrying method. */
  queryArgs?: string[];
  annotations?: Partial<ToolAnnotations>;
  sandbox: SandboxBehaviour;
}

/** What a toolset module declares: its tools, written as data, and the sandbox collections behind them. */
export interface ToolsetDef {
  name: ToolsetName;
  /** Short phrase for the server instructions and docs. */
  summary: string;
  resources: SandboxResource[];
  tools: ToolSpec[];
}

/** A tool as written in a toolset table; the registry fills in the defaults. */
export type ToolSpec = Omit<ToolDef, "toolset" | "legacy" | "auth" | "routeStatus"> &
  Partial<Pick<ToolDef, "legacy" | "auth" | "routeStatus">>;
