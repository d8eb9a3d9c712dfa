import { findTool } from "../catalog/index.js";
import { missingCredential } from "../client/auth.js";
import type { ApiResult } from "../client/types.js";
import { hostOf } from "../registry/hosts.js";
import { type PlannedRequest, planRequest } from "../registry/request.js";
import type { HostKind, IdLookup, ToolDef } from "../registry/types.js";
import type { CallContext } from "./context.js";

/**
 * Where a planned call goes: the one place that picks a tool's host and computes its URL, which
 * the preview shows and the request is sent to. Throws PathParamError for an unsafe path value.
 */
export function routeOf(ctx: CallContext, tool: ToolDef, plan: PlannedRequest): { host: HostKind; url: string } {
  const host = hostOf(tool);
  return { host, url: ctx.client.urlFor({ ...plan, host }) };
}

/** One call the engine makes on its own (a job's status, an id lookup), with the session's credentials. */
export function requestAs(
  ctx: CallContext,
  tool: ToolDef,
  args: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<ApiResult> {
  const { files: _files, ...plan } = planRequest(tool, args);
  return ctx.client.request({ ...plan, ...routeOf(ctx, tool, plan), auth: tool.auth, credentials: ctx.credentials, signal });
}

/** What a preview shows of a lookup: the value given, the tool asked and the value sent. */
export interface LookupNote {
  given: string;
  via: string;
  sent: string;
}

export type Resolved = { args: Record<string, unknown>; lookups: Record<string, LookupNote> } | { problem: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

async function resolveOne(ctx: CallContext, name: string, value: string, lookup: IdLookup, signal?: AbortSignal) {
  const how = `give the ${lookup.label}: ${lookup.tool}'s \`${lookup.field}\` or ${lookup.elsewhere}`;
  const via = findTool(lookup.tool);
  if (!via) return { problem: `${name}: ${how}` };
  const missing = missingCredential(via.auth, ctx.credentials);
  if (missing) return { problem: `${name}: looking up "${value}" needs ${lookup.tool}, which has no credential here; ${how}` };
  const answer = await requestAs(ctx, via, { [lookup.arg]: value }, signal);
  if (!answer.ok) return { problem: `${name}: ${lookup.tool} found no user "${value}" (${answer.message}); ${how}` };
  const found = isRecord(answer.data) ? answer.data[lookup.field] : undefined;
  const sent = typeof found === "number" ? String(found) : found;
  if (typeof sent !== "string" || !lookup.native.test(sent)) {
    return { problem: `${name}: ${lookup.tool} gave no ${lookup.label} for "${value}"; ${how}` };
  }
  return { note: { given: value, via: lookup.tool, sent } };
}

/**
 * Turns each looked-up argument (a 24-hex id or an email where the API takes the platform id) into
 * the value the API takes, before the request is planned; a value already in that form is kept.
 */
export async function resolveLookups(
  ctx: CallContext,
  tool: ToolDef,
  args: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<Resolved> {
  const out = { ...args };
  const lookups: Record<string, LookupNote> = {};
  for (const [name, lookup] of Object.entries(tool.lookups ?? {})) {
    const value = args[name];
    if (typeof value !== "string" || lookup.native.test(value)) continue;
    const found = await resolveOne(ctx, name, value, lookup, signal);
    if ("problem" in found) return { problem: found.problem as string };
    lookups[name] = found.note;
    out[name] = found.note.sent;
  }
  return { args: out, lookups };
}
