import type { z } from "zod";
import type { ToolDef, ToolSpec, ToolsetDef } from "../../registry/types.js";
import type { OpResult } from "./ops.js";
import type { CrudOp, SandboxResource } from "./resource.js";
import type { SandboxStore } from "./store.js";

export type { CrudOp, SandboxResource } from "./resource.js";

/** A file part of a multipart request, as the sandbox received it. */
export interface UploadedFile {
  name: string;
  type: string;
  size: number;
  bytes: Buffer;
}

export interface HandlerInput<A = Record<string, unknown>> {
  tool: ToolDef;
  store: SandboxStore;
  /** The community the credential stands for. */
  communityId: string;
  /** The tool's arguments rebuilt from path, query and body, validated (and typed) by its own schema. */
  args: A;
  /** Uploaded files by argument name; the file arguments in `args` are placeholders. */
  files: Record<string, UploadedFile[]>;
}

/**
 * An action route's behaviour (send, react, award ...): changes the store the way the docs
 * describe and answers like the API. Throw SandboxError for an API error.
 */
export type Handler<A = Record<string, unknown>> = (input: HandlerInput<A>) => OpResult;

/** A generic operation on a collection (or singleton) the area file declares. */
export interface Crud {
  readonly kind: "crud";
  readonly resource: SandboxResource;
  readonly op: CrudOp;
}

export const crud = (resource: SandboxResource, op: CrudOp): Crud => ({ kind: "crud", resource, op });

/** What the sandbox does for one tool: a generic operation, or a handler typed by the tool's own input. */
export type Behaviour<A = never> = Crud | Handler<A>;

type ToolOf<T extends ToolsetDef> = T["tools"][number];

/** One behaviour per tool of a list of tools, keyed by tool name, typed by each tool's input. */
export type BindingsOf<Tools extends readonly ToolSpec[]> = {
  [K in Tools[number] as K["name"]]: Behaviour<z.output<K["input"]>>;
};

/**
 * One behaviour per tool of the toolset, keyed by tool name: a tool left out, or a name the table
 * does not have, fails to compile. Each handler's `args` is the tool's validated input type.
 */
export type Bindings<T extends ToolsetDef> = BindingsOf<T["tools"]>;

/** The validated arguments of one tool of a toolset, for a handler written outside its binding (shared by twin tools). */
export type ArgsOf<T extends ToolsetDef, N extends ToolOf<T>["name"]> = z.output<Extract<ToolOf<T>, { name: N }>["input"]>;

/** A toolset written without defineToolset has names of type `string`, and nothing above could be checked. */
type LiteralNames<T extends ToolsetDef> = string extends ToolOf<T>["name"]
  ? { "tool names are not literal: write the table with defineToolset/defineTools": never }
  : unknown;

/** A toolset's sandbox: what each of its tools does, by tool name. */
export interface ToolsetSandbox {
  toolset: string;
  behaviours: ReadonlyMap<string, Behaviour>;
}

/** Binds the behaviours of an area's sandbox file to the toolset it imports from the tool tables. */
export function sandboxFor<T extends ToolsetDef>(toolset: T, tools: NoInfer<Bindings<T> & LiteralNames<T>>): ToolsetSandbox {
  return { toolset: toolset.name, behaviours: new Map(Object.entries(tools as Record<string, Behaviour>)) };
}

/**
 * The behaviours of one part of a toolset kept in a file of its own (the legacy tables), checked
 * like sandboxFor's against that part's tools; the toolset's file spreads the parts into sandboxFor.
 */
export const bindTools = <Tools extends readonly ToolSpec[]>(
  _tools: Tools,
  behaviours: NoInfer<BindingsOf<Tools>>,
): BindingsOf<Tools> => behaviours;
