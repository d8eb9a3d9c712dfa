/**
 * A prompt is a job a community manager does often, written as data: its arguments and its steps,
 * each step naming the tools it calls. The names are checked against the registry by a test, and a
 * server offers a prompt only when the tools it needs are enabled (read-only mode, toolset filters).
 */

/** What a prompt is rendered and completed against: the server that offers it. */
export interface PromptContext {
  /** Names of the tools this server exposes. */
  enabled: ReadonlySet<string>;
  communityId?: string;
  /** Today, for date defaults; tests pass a fixed day. */
  now: Date;
}

export type PromptArgs = Readonly<Record<string, string | undefined>>;

export interface PromptArgument {
  name: string;
  description: string;
  required?: boolean;
  /** Values a client may offer while the user types (completion/complete). */
  values?: (ctx: PromptContext) => readonly string[];
  /** Only `values` are accepted (each item of the list, when `list`). */
  closed?: boolean;
  /** A comma-separated list of values. */
  list?: boolean;
  /** Shape a free value must have, and how to say it in an error. */
  pattern?: { regex: RegExp; hint: string };
}

export interface PromptStep {
  /** The tools this step calls, by name: the one place prompts name tools. */
  tools: readonly string[];
  /**
   * An optional step is left out when one of its tools is not enabled; a prompt is offered only
   * when all tools of its other steps are.
   */
  optional?: boolean;
  /** Left out for these arguments (e.g. a restock step when the job is a reprice). */
  when?: (args: PromptArgs) => boolean;
  text: (args: PromptArgs, ctx: PromptContext) => string;
}

export interface PromptDef {
  name: string;
  title: string;
  /** One line for the client's prompt picker. */
  description: string;
  arguments: readonly PromptArgument[];
  /** What the job is, in the user's voice, with the arguments filled in. */
  intro: (args: PromptArgs, ctx: PromptContext) => string;
  steps: readonly PromptStep[];
}
