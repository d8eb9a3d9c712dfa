import type { z } from "zod";
import type { OperationId } from "./operations.generated.js";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** How sure we are of the route: shown by the docs, or inferred from sibling routes. */
export type RouteStatus = "documented" | "inferred";

/** An operation's `x-route-status`: `unknown` when the docs give no route and we chose one. */
export type OperationStatus = RouteStatus | "unknown";

/** Where a tool's effective route came from: the table (documented or inferred) or the user's routes file. */
export type RouteSource = RouteStatus | "override";

/** What a call can do to the community; drives annotations, read-only mode and the confirmation gate. */
export type Risk = "read" | "write" | "destructive";

/**
 * The credential a route takes, as its catalog `auth` names it. Each is one setting; the client
 * turns it into headers (see src/client/auth.ts) and nothing else ever sees it.
 * - `bearer`: `Authorization: Bearer` with the community API key (RETURNING_AI_API_KEY).
 * - `system`: `x-api-key` with the community system key (RETURNING_AI_SYSTEM_KEY).
 * - `webhook`: `x-api-key` with the incoming-webhook key (RETURNING_AI_WEBHOOK_KEY), sent only
 *   when set, since the docs make it optional (the webhook's API-key toggle).
 * - `secure-auth`: `apiKey` (the system key) and `hostname` (RETURNING_AI_COMMUNITY_HOST) headers.
 * - `none`: no credential at all, where the docs say the route needs none.
 */
export type AuthKind = "bearer" | "system" | "webhook" | "secure-auth" | "none";

/**
 * The host setting a route is served by, as its operation's `x-host` names it: the API, the legacy
 * system API, incoming webhooks, or the community's own domain (src/registry/hosts.ts).
 */
export type HostKind = "api" | "legacy" | "webhook" | "community";

/**
 * The route facts of one operation of api/returning-ai.openapi.json, as `npm run openapi:sync`
 * copies them into src/registry/operations.generated.ts: the only place a tool's route comes from.
 */
export interface Operation {
  readonly method: HttpMethod;
  readonly path: string;
  readonly host: HostKind;
  readonly auth: AuthKind;
  readonly status: OperationStatus;
  /** For a route the docs do not show: why we believe it. */
  readonly inference?: string;
  /** Only the docs' Legacy section shows it. */
  readonly legacy?: boolean;
  /** The entries of the API catalog (the docs' pages) this route serves. */
  readonly catalog: readonly { readonly id: string; readonly legacy?: boolean }[];
}

/** An operation a test declares inline, for a route the document does not hold. */
export type InlineOperation = Operation & { readonly id: string };

export interface ToolAnnotations {
  title: string;
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

/** What an upload accepts; the limits live in src/registry/uploads.ts and the README. */
export type UploadKind = "image" | "csv";

/**
 * What a CSV upload's header row must hold, as the docs state it; checked (src/registry/csv.ts)
 * before anything is sent, and by the sandbox on receipt.
 */
export interface CsvColumns {
  /** Every column the docs list; any other header is refused. Absent when the docs leave columns open. */
  allowed?: readonly string[];
  /** Columns every file must have. */
  required?: readonly string[];
  /** Numeric columns may follow an operator column `<name>_op` whose cells are add, subtract or overwrite. */
  operators?: boolean;
}

/** A tool argument that is a file, sent as a part of a multipart/form-data body. */
export interface UploadSpec {
  /** Form field the API reads the file from (e.g. `images`). */
  field: string;
  accept: UploadKind;
  /** For a CSV: the header rules it must meet. */
  columns?: CsvColumns;
}

/**
 * A tool whose call starts or tracks an asynchronous job: with `wait: true` the call path polls
 * `statusTool` (src/server/wait.ts) until the job ends, reporting MCP progress on the way.
 */
export interface JobSpec {
  /** The tool that reads a job's status. */
  statusTool: string;
  /** The status tool's argument that takes the job id. */
  idArg: string;
  /** Field of this tool's result data that holds the new job's id; absent when the id is this tool's own `idArg`. */
  idField?: string;
}

/**
 * How a non-scalar query argument goes on the wire: arrays as repeated keys (`a=1&a=2`) unless
 * the docs say `comma` (`a=1,2`) or `json`; objects always as `json`.
 */
export type QueryStyle = "repeat" | "comma" | "json";

/**
 * What a read tool shows by default (applied in src/server/views.ts). Every default view also
 * leaves out nulls, empties, `false` flags and createdAt/updatedAt, and moves a value that every
 * item of a list repeats into `meta.common`. `fields` picks other fields; `fields: "*"` shows
 * exactly what the API sent.
 */
export interface ViewSpec {
  /** A few words on what the view holds; the registry appends them to the description. */
  says: string;
  /** A list item's fields to show (`a.b` reaches into a nested object or a list of them); absent: every field. */
  keep?: readonly string[];
  /** A list item's fields left out, such as a nested copy of an id the item already holds. */
  drop?: readonly string[];
  /** Keep createdAt/updatedAt, where when a record was made carries meaning (orders). */
  timestamps?: boolean;
}

/**
 * An argument whose wire form the caller may not have (the numeric platform user id) but can look
 * up from one it does have (the 24-hex id or the email): the engine (src/server/lookups.ts) calls
 * `tool` with the value as `arg` and sends `field` of its answer instead, and the preview shows it.
 */
export interface IdLookup {
  /** What the API takes, for errors: "platform user id (digits)". */
  label: string;
  /** A value already in the wire form is sent as it is. */
  native: RegExp;
  tool: string;
  arg: string;
  field: string;
  /** Where else the value can be read, for the error when the lookup cannot give it. */
  elsewhere: string;
}

export interface ToolDef {
  /** snake_case, verb first, written out literally; legacy tools start with `legacy_`. */
  name: string;
  title: string;
  toolset: string;
  /** One line, our own words; no response shapes. The registry appends route notes. */
  description: string;
  /** The operationId in api/returning-ai.openapi.json; every route fact below comes from it. */
  operation: string;
  /** The host setting that serves it (the operation's `x-host`). */
  host: HostKind;
  method: HttpMethod;
  /** Path template, params in braces: `/leaderboards/{leaderboardID}`. */
  path: string;
  /** `inferred` for an operation the docs do not show (its x-route-status inferred or unknown). */
  routeStatus: RouteStatus;
  /** For an inferred route: why we believe it (the operation's `x-inference`). */
  inference?: string;
  /** Where method and path came from; `override` when the user's routes file changed them. */
  routeSource: RouteSource;
  /** The API catalog's entries (docs pages) this tool covers: its operation's `x-catalog` of its kind (current or legacy). */
  catalogIds: string[];
  /** The tool's own arguments; `confirm` and `dryRun` are added by the registry. */
  input: z.ZodObject;
  risk: Risk;
  /** Its operation's `x-legacy`, or the toolset's word (a legacy tool on a route current tools share). */
  legacy: boolean;
  /** For a legacy tool: the current tool that does the same job, named in its description and preview. */
  replacedBy?: string;
  auth: AuthKind;
  /** Non-path arguments sent in the query string of a body-carrying method. */
  queryArgs?: string[];
  /** Non-scalar query arguments whose wire form is not the default (see QueryStyle). */
  queryStyle?: Record<string, QueryStyle>;
  /** Arguments that are files: with any, the body is multipart/form-data instead of JSON. */
  files?: Record<string, UploadSpec>;
  /**
   * For a tool that creates a secret (an API key): the result field that holds it. The registry
   * adds a `revealKey` argument; only a call that sets it gets the secret back, once, in that result.
   */
  revealsSecret?: string;
  /**
   * Fields of the records this tool answers with that hold a secret (an API key's `key`): masked in
   * every result, whatever the API sends. Defaults to the toolset's.
   */
  secretFields?: readonly string[];
  /** Arguments that make a valid call against the sandbox's demo community; tests and docs use them. */
  example: Record<string, unknown>;
  annotations?: Partial<ToolAnnotations>;
  /** For a route that starts or reads an asynchronous job (bulk updates). */
  job?: JobSpec;
  /**
   * Its results carry text that community members wrote (messages, names, bios, product and
   * reward text, field values): invisible characters are stripped from them and they are labelled
   * untrusted (src/server/untrusted.ts). Defaults to the toolset's `memberText`.
   */
  memberText?: boolean;
  /** For a read tool: what its result shows unless the call names `fields`. */
  view?: ViewSpec;
  /**
   * For a list route whose API answer nests its items (`data.users[]` beside paging fields): the
   * key of that array. The engine (src/server/list-shape.ts) answers `{data: items, meta}` with
   * the other fields in `meta`, like every other list.
   */
  list?: { items: string };
  /** Arguments that take a looked-up id (see IdLookup), by argument name. */
  lookups?: Record<string, IdLookup>;
}

/**
 * What a table declares about a toolset: its tools, written as data. Write it with defineToolset
 * (src/registry/define.ts), which keeps each tool's name and input type for the sandbox to bind to.
 */
export interface ToolsetDef {
  name: string;
  /** Short phrase for the server instructions and docs. */
  summary: string;
  /** In the default tool list (what a server offers without --toolsets). */
  default?: boolean;
  /** Whether its tools' results carry member-written text, unless a tool says otherwise (ToolDef.memberText). */
  memberText?: boolean;
  /** Fields of its records that hold a secret, unless a tool says otherwise (ToolDef.secretFields). */
  secretFields?: readonly string[];
  tools: readonly ToolSpec[];
}

/** The fields of a tool that its operation states; a table never writes them. */
type RouteFacts = "operation" | "host" | "method" | "path" | "routeStatus" | "inference" | "routeSource" | "catalogIds" | "auth";

/**
 * A tool as written in a toolset table: the operation it calls, by id, and what is the tool's own
 * (arguments, risk, view ...). The registry (defineTool) fills in the route from the operation.
 */
export type ToolSpec = Omit<ToolDef, "toolset" | "legacy" | RouteFacts> &
  Partial<Pick<ToolDef, "legacy">> & {
    operation: OperationId | InlineOperation;
    /**
     * A path parameter whose tool argument has another name (the operation's name → the argument),
     * where two doc pages spell one route's parameter differently.
     */
    pathArgs?: Record<string, string>;
  };
