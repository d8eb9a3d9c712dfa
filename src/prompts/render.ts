import { ErrorCode, type GetPromptResult, McpError } from "@modelcontextprotocol/sdk/types.js";
import type { PromptArgs, PromptArgument, PromptContext, PromptDef, PromptStep } from "./types.js";

export const stepAvailable = (step: PromptStep, ctx: PromptContext): boolean => step.tools.every((t) => ctx.enabled.has(t));

/** The tools of a prompt's required steps that this server does not expose. */
export const missingTools = (prompt: PromptDef, ctx: PromptContext): string[] =>
  prompt.steps.filter((s) => !s.optional).flatMap((s) => s.tools.filter((t) => !ctx.enabled.has(t)));

/** Offered when its required tools are enabled and at least one step is left to do. */
export const isOffered = (prompt: PromptDef, ctx: PromptContext): boolean =>
  missingTools(prompt, ctx).length === 0 && prompt.steps.some((s) => stepAvailable(s, ctx));

const items = (arg: PromptArgument, value: string): string[] =>
  arg.list
    ? value
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean)
    : [value.trim()];

function invalid(prompt: PromptDef, arg: PromptArgument, why: string): never {
  throw new McpError(ErrorCode.InvalidParams, `Invalid argument '${arg.name}' of prompt ${prompt.name}: ${why}`);
}

/** Checks the arguments the way a tool checks its own: by name, with the reason. */
export function checkArgs(prompt: PromptDef, raw: Record<string, string> | undefined, ctx: PromptContext): PromptArgs {
  const args: Record<string, string | undefined> = {};
  const known = new Set(prompt.arguments.map((a) => a.name));
  const unknown = Object.keys(raw ?? {}).filter((name) => !known.has(name));
  if (unknown.length) {
    throw new McpError(
      ErrorCode.InvalidParams,
      `Unknown argument ${unknown.map((n) => `'${n}'`).join(", ")} of prompt ${prompt.name}; it takes ${[...known].join(", ")}`,
    );
  }
  for (const arg of prompt.arguments) {
    const value = raw?.[arg.name]?.trim() || undefined;
    if (value === undefined) {
      if (arg.required) invalid(prompt, arg, "required");
      continue;
    }
    if (value.length > 20_000) invalid(prompt, arg, "longer than 20000 characters");
    if (arg.closed && arg.values) {
      const allowed = arg.values(ctx);
      const bad = items(arg, value).filter((v) => !allowed.includes(v));
      if (bad.length) invalid(prompt, arg, `${bad.join(", ")} is not one of ${allowed.join(", ")}`);
    }
    if (arg.pattern && !items(arg, value).every((v) => arg.pattern?.regex.test(v)))
      invalid(prompt, arg, `must be ${arg.pattern.hint}`);
    args[arg.name] = arg.list ? items(arg, value).join(",") : value;
  }
  return args;
}

/** Said once for every prompt, so that each one stays about its job. */
const SAFETY =
  "Before any change, call the tool with dryRun: true and show me the request. Destructive calls answer with a " +
  "preview and a confirmToken: show me the preview and pass confirm only after I say yes. Stop and ask when " +
  "something is ambiguous (two matching records, a missing id) instead of guessing.";

export function renderPrompt(prompt: PromptDef, args: PromptArgs, ctx: PromptContext): GetPromptResult {
  const steps = prompt.steps.filter((s) => stepAvailable(s, ctx) && (s.when?.(args) ?? true));
  const lines = [
    prompt.intro(args, ctx),
    "",
    ...steps.map((s, i) => `${i + 1}. ${s.text(args, ctx)} (tools: ${s.tools.map((t) => `\`${t}\``).join(", ")})`),
    "",
    SAFETY,
  ];
  if (ctx.communityId) lines.push(`The community id is ${ctx.communityId}.`);
  return {
    description: prompt.description,
    messages: [{ role: "user", content: { type: "text", text: lines.join("\n") } }],
  };
}

const MAX_COMPLETIONS = 100;

/** Values for an argument that start with what the user typed; a list completes its last item. */
export function completeArgument(arg: PromptArgument, typed: string, ctx: PromptContext): string[] {
  const values = arg.values?.(ctx) ?? [];
  if (!arg.list) return values.filter((v) => v.startsWith(typed)).slice(0, MAX_COMPLETIONS);
  const cut = typed.lastIndexOf(",") + 1;
  const head = typed.slice(0, cut);
  const chosen = new Set(items(arg, head));
  const last = typed.slice(cut).trimStart();
  return values
    .filter((v) => v.startsWith(last) && !chosen.has(v))
    .map((v) => `${head}${v}`)
    .slice(0, MAX_COMPLETIONS);
}
