import type { ToolSpec, ToolsetDef } from "./types.js";

/**
 * A toolset table as written, with its literal types kept: each tool's `name` stays the string it
 * is and its `input` the schema it is, so that code bound to the table by tool name (the sandbox's
 * area files) is checked against it when it compiles, not when a server starts.
 */
export const defineToolset = <const T extends ToolsetDef>(toolset: T): T => toolset;

/** A part of a toolset's tools kept in a file of its own; literal like defineToolset's. */
export const defineTools = <const T extends readonly ToolSpec[]>(tools: T): T => tools;
