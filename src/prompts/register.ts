import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CompleteRequestSchema,
  ErrorCode,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  McpError,
  type Prompt,
} from "@modelcontextprotocol/sdk/types.js";
import type { ToolDef } from "../registry/types.js";
import { PROMPTS } from "./index.js";
import { checkArgs, completeArgument, isOffered, missingTools, renderPrompt } from "./render.js";
import type { PromptContext } from "./types.js";

const byName = new Map(PROMPTS.map((p) => [p.name, p]));

const listed = (p: (typeof PROMPTS)[number]): Prompt => ({
  name: p.name,
  title: p.title,
  description: p.description,
  arguments: p.arguments.map(({ name, description, required }) => ({ name, description, required: Boolean(required) })),
});

/** Which prompts a set of tools supports, worked out once per tool list (HTTP builds a server per request). */
const offeredFor = new WeakMap<readonly ToolDef[], { enabled: ReadonlySet<string>; prompts: Prompt[] }>();

function offering(tools: readonly ToolDef[]) {
  let entry = offeredFor.get(tools);
  if (!entry) {
    const enabled = new Set(tools.map((t) => t.name));
    const ctx: PromptContext = { enabled, now: new Date() };
    entry = { enabled, prompts: PROMPTS.filter((p) => isOffered(p, ctx)).map(listed) };
    offeredFor.set(tools, entry);
  }
  return entry;
}

/** prompts/list, prompts/get and argument completion, over the prompts the server's tools support. */
export function registerPrompts(server: Server, tools: readonly ToolDef[], communityId?: string): void {
  const { enabled, prompts } = offering(tools);
  const context = (): PromptContext => ({ enabled, communityId, now: new Date() });
  const find = (name: string) => {
    const prompt = byName.get(name);
    if (!prompt) {
      throw new McpError(ErrorCode.InvalidParams, `Unknown prompt '${name}'. Call prompts/list for the prompts of this server.`);
    }
    const missing = missingTools(prompt, context());
    if (missing.length) {
      throw new McpError(
        ErrorCode.InvalidParams,
        `Prompt ${name} needs tools that this server does not enable: ${missing.join(", ")} (see --toolsets, --tools, --read-only).`,
      );
    }
    return prompt;
  };
  server.setRequestHandler(ListPromptsRequestSchema, () => ({ prompts }));
  server.setRequestHandler(GetPromptRequestSchema, (request) => {
    const prompt = find(request.params.name);
    const ctx = context();
    return renderPrompt(prompt, checkArgs(prompt, request.params.arguments, ctx), ctx);
  });
  server.setRequestHandler(CompleteRequestSchema, (request) => {
    const { ref, argument } = request.params;
    // Resources here are fixed guides without templates: nothing to complete.
    if (ref.type !== "ref/prompt") return { completion: { values: [] } };
    const arg = find(ref.name).arguments.find((a) => a.name === argument.name);
    const values = arg ? completeArgument(arg, argument.value, context()) : [];
    return { completion: { values, hasMore: false } };
  });
}
