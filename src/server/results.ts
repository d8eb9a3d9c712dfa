import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { CREDENTIAL_SOURCES, type CredentialName } from "../client/auth.js";
import type { ApiFailure, Unwrapped } from "../client/types.js";
import type { ToolDef } from "../registry/types.js";
import { errorResult } from "../util/tool-error.js";
import { prefixOnce } from "./plain-errors.js";
import type { Redactor } from "./redact.js";
import { screenMemberText } from "./untrusted.js";
import { applyView } from "./views.js";

/** Where the API key of a call came from, so that a 401 names the right thing to check. */
export type KeySource = "env" | "request" | "sandbox";

/** A result that is not an error and carries a structured object (previews, cancellations). */
export function objectResult(text: string, structured: Record<string, unknown>, redact: Redactor): CallToolResult {
  return {
    content: [{ type: "text", text: redact.text(text) }],
    structuredContent: redact.value(structured) as Record<string, unknown>,
  };
}

const NARROW_HINT = "narrow the query: a smaller limit, the next page (page/skip), or fewer fields";

/**
 * Cuts an oversized answer so that it still parses: a list keeps as many whole items as fit and
 * says how many it left out; anything else is cut as text with a marker.
 */
function fit(payload: Unwrapped, maxChars: number, json?: string): { text: string; structured?: Record<string, unknown> } {
  const whole = json ?? JSON.stringify(payload);
  if (whole.length <= maxChars) return { text: whole, structured: payload as unknown as Record<string, unknown> };
  if (Array.isArray(payload.data)) {
    const items = payload.data;
    const shaped = (n: number) => ({
      data: items.slice(0, n),
      meta: { ...payload.meta, truncated: { returned: n, of: items.length, hint: NARROW_HINT } },
    });
    let low = 0;
    let high = items.length - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (JSON.stringify(shaped(mid)).length <= maxChars) low = mid;
      else high = mid - 1;
    }
    const cut = shaped(low);
    const text = JSON.stringify(cut);
    if (text.length <= maxChars) return { text, structured: cut };
  }
  const marker = `…[truncated: ${whole.length} chars in all; ${NARROW_HINT}]`;
  return { text: whole.slice(0, Math.max(0, maxChars - marker.length)) + marker };
}

/**
 * `reveal`: the field of a just-created record whose secret the caller asked for (revealKey). It
 * stays in this one result, unmasked; every other copy of it (an echo in a message) is still cut.
 */
export function successResult(
  tool: ToolDef,
  payload: Unwrapped,
  maxChars: number,
  redact: Redactor,
  reveal?: string,
  /** A read call's `fields`, for its view (src/server/views.ts). */
  fields?: unknown,
): CallToolResult {
  const whole: Unwrapped = payload.meta ? { data: payload.data, meta: payload.meta } : { data: payload.data };
  // Most answers have no field anywhere that could hold a secret (names judged once a process):
  // then only the text shown can carry a known secret, so the view comes first, and only what it
  // shows is cleaned of member text's invisibles and searched. A revealed secret always takes the walk.
  if (!reveal && redact.namesHarmless(whole)) {
    const shown = screenMemberText(tool, applyView(tool, fields, whole));
    if (!redact.shows(shown.json)) return resultOf(fit(shown.payload, maxChars, shown.json), shown.label);
  }
  // Member text is cleaned before the redaction, so that a secret split by an invisible character is whole again when cut.
  const { payload: screened, label } = screenMemberText(tool, whole);
  redact.add(redact.harvest(screened));
  const clean = redact.value(screened) as Unwrapped;
  const secret = reveal && isRecord(payload.data) ? payload.data[reveal] : undefined;
  if (reveal && typeof secret === "string" && isRecord(clean.data)) clean.data[reveal] = secret;
  // The view comes after redaction, which tells a secret field by its siblings (an API key's `key` by its `permissions`).
  const extra = reveal ? [{ type: "text" as const, text: revealNote(reveal, typeof secret === "string") }] : [];
  return resultOf(fit(applyView(tool, fields, clean), maxChars), label, extra);
}

function resultOf(
  { text, structured }: { text: string; structured?: Record<string, unknown> },
  label: { _meta?: Record<string, unknown> },
  extra: CallToolResult["content"] = [],
): CallToolResult {
  return { content: [{ type: "text", text }, ...extra], ...(structured ? { structuredContent: structured } : {}), ...label };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const revealNote = (field: string, found: boolean): string =>
  found
    ? `data.${field} is the new secret, shown this once: give it to the user now, tell them to store it safely, and do not repeat it later in the conversation. No other result shows it.`
    : `The API returned no data.${field}; the secret, if any, is in the Returning.AI dashboard.`;

/** The credential a route's 401 is about, and where the caller supplied it. */
function credentialHint(tool: ToolDef, keySource: KeySource): string {
  const name = CREDENTIAL_OF[tool.auth];
  if (!name) return "The docs say this route needs no credential, so none was sent; the API asks for one after all.";
  const { env, header, label } = CREDENTIAL_SOURCES[name];
  if (keySource === "sandbox") return "The sandbox refused the credential; restart with --sandbox.";
  return keySource === "request" && header ? `Check the ${label} sent in the ${header.split(":")[0]} header.` : `Check ${env}.`;
}

const CREDENTIAL_OF: Record<ToolDef["auth"], CredentialName | undefined> = {
  bearer: "apiKey",
  system: "systemKey",
  webhook: "webhookKey",
  "secure-auth": "systemKey",
  none: undefined,
};

/** What a 404 or 405 may mean when we are not sure of the route. */
function routeDoubt(tool: ToolDef): string {
  if (tool.routeSource === "override") return " The route comes from your RETURNING_AI_ROUTES file; check it.";
  return tool.routeStatus === "inferred"
    ? " This route is inferred from the docs and may not exist; a RETURNING_AI_ROUTES override can fix it."
    : "";
}

/** Several legacy routes 404'd in the docs' own smoke tests: the route itself may be gone. */
function retiredDoubt(tool: ToolDef): string {
  if (tool.routeSource === "override") return routeDoubt(tool);
  const inferred = tool.routeStatus === "inferred" ? " (and is inferred from the docs)" : "";
  const instead = tool.replacedBy ? `${tool.replacedBy} or ` : "";
  return ` This legacy route may be retired${inferred}; try ${instead}a RETURNING_AI_ROUTES override.`;
}

function hintFor(failure: ApiFailure, tool: ToolDef, keySource: KeySource): string {
  const unverified = routeDoubt(tool);
  switch (failure.status) {
    case 400:
      return "Check the arguments against the tool's schema.";
    case 401:
      return credentialHint(tool, keySource);
    case 403:
      return "The key may not act on this community or resource; check its permissions.";
    case 404:
      return `Check the ids (list the items to find them).${tool.legacy ? retiredDoubt(tool) : unverified}`;
    case 405:
      return `The API does not take this method here.${unverified}`;
    case 409:
      return "It conflicts with an existing record (e.g. a duplicate slug or name).";
    case 429:
      return `Rate limited; try again${failure.retryAfterSeconds ? ` in ${failure.retryAfterSeconds} s` : " later"}.`;
    default:
      return failure.status && failure.status >= 500 ? "Returning.AI had a problem; try again later." : "";
  }
}

export function failureResult(failure: ApiFailure, tool: ToolDef, keySource: KeySource, redact: Redactor): CallToolResult {
  if (failure.kind === "timeout") {
    // A write that timed out may have been applied before the answer was cut off.
    const maybe = tool.risk === "read" ? "" : " The change may still have been applied: check before trying again.";
    return errorResult(`${failure.message}.${maybe} Try again, or raise RETURNING_AI_TIMEOUT_MS.`, redact);
  }
  if (failure.kind === "too_large") return errorResult(`${failure.message}.`, redact);
  if (failure.kind === "network") {
    const what = prefixOnce("Could not reach Returning.AI:", failure.message);
    return errorResult(`${what}. Check RETURNING_AI_BASE_URL and the network.`, redact);
  }
  if (failure.kind === "invalid_response") {
    return errorResult(`Returning.AI sent a response that cannot be used: ${failure.message}`, redact);
  }
  const status = [failure.status, failure.statusText].filter(Boolean).join(" ");
  const retries = failure.attempts > 1 ? ` (after ${failure.attempts} attempts)` : "";
  const hint = hintFor(failure, tool, keySource);
  const message = failure.message.replace(/[.\s]+$/, "");
  return errorResult(`Returning.AI API ${status}${retries}: ${message}.${hint ? ` ${hint}` : ""}`, redact);
}
