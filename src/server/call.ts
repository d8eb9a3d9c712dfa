import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { type CallToolResult, ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import type { ConfirmDecision } from "../audit/log.js";
import {
  CREDENTIAL_SOURCES,
  type CredentialName,
  type Credentials,
  identityOf,
  missingCredential,
  secretsOf,
} from "../client/auth.js";
import type { ReturningAiClient } from "../client/http.js";
import type { FormBody } from "../client/types.js";
import { PathParamError } from "../client/types.js";
import { decodeJsonArguments } from "../registry/coerce.js";
import type { CsvSummary } from "../registry/csv.js";
import { previewCsvUpload } from "../registry/csv.js";
import { gateSchema, needsConfirmation } from "../registry/gate-args.js";
import { hostOf } from "../registry/hosts.js";
import { argumentShapeProblem } from "../registry/input-guard.js";
import { describeIssues } from "../registry/issues.js";
import { ArgumentError, type PlannedRequest, planRequest } from "../registry/request.js";
import type { ToolDef } from "../registry/types.js";
import { type FileArgument, loadUpload, type Upload, UploadError } from "../registry/uploads.js";
import { type Fleet, openWrite, type RequestFacts, STATE_DOWN, WriteCall } from "../state/guard.js";
import { isStateUnavailable } from "../state/store.js";
import { logToClient } from "./client-log.js";
import { CONFIRM_TTL_SECONDS, type ConfirmTokens, keyFingerprint, TOKEN_PROBLEMS } from "./confirm.js";
import { followJob } from "./jobs.js";
import { type Redactor, redactorFor } from "./redact.js";
import { errorResult, failureResult, type KeySource, objectResult, successResult } from "./results.js";
import type { ProgressChannel } from "./wait.js";

/** What one MCP session (or one stateless HTTP request) calls tools with. */
export interface CallContext {
  client: ReturningAiClient;
  /** Every credential this session or request may use; each tool draws the one its auth kind names. */
  credentials: Credentials;
  keySource: KeySource;
  maxOutputChars: number;
  tokens: ConfirmTokens;
  /** The shared state and the audit trail that every write goes through. */
  fleet: Fleet;
  /**
   * The session's transport. Over stdio the client is a local process: file arguments may name
   * local paths, and the user can be asked through elicitation. Stateless HTTP allows neither: a
   * remote client must never read the server's disk, and has no channel back for a question.
   */
  transport: "stdio" | "http";
}

type FileFacts = Pick<Upload, "name" | "type" | "size"> & Partial<CsvSummary>;

interface Preview {
  method: string;
  url: string;
  body?: unknown;
  /** Uploads by form field: name, type and size, never the bytes. */
  files?: Record<string, FileFacts[]>;
}

/** Redacted here, once, so that no preview, prompt or log line can show a secret the request carries. */
function previewOf(ctx: CallContext, tool: ToolDef, plan: PlannedRequest, uploads: FormBody["files"], redact: Redactor): Preview {
  const url = redact.text(ctx.client.urlFor({ ...plan, host: hostOf(tool) }));
  const files = Object.entries(uploads).map(([field, list]) => [
    field,
    list.map(({ name, type, size, csv }): FileFacts => ({ name, type, size, ...csv })),
  ]);
  return {
    method: plan.method,
    url,
    ...(plan.body && (Object.keys(plan.body).length || !files.length) ? { body: redact.value(plan.body) } : {}),
    ...(files.length ? { files: redact.value(Object.fromEntries(files)) as Preview["files"] } : {}),
  };
}

const previewLine = (p: Preview) =>
  `${p.method} ${p.url}${p.body ? ` ${JSON.stringify(p.body).slice(0, 600)}` : ""}${p.files ? ` files ${JSON.stringify(p.files)}` : ""}`;

/** Reads and checks every file argument of a planned call, by the form field the API reads it from. */
async function loadUploads(tool: ToolDef, plan: PlannedRequest, allowPaths: boolean): Promise<FormBody["files"]> {
  const out: FormBody["files"] = {};
  for (const [arg, value] of Object.entries(plan.files ?? {})) {
    const spec = tool.files?.[arg];
    if (!spec) continue;
    const items = (Array.isArray(value) ? value : [value]) as FileArgument[];
    const loaded = await Promise.all(
      items.map(async (item, i) => {
        const label = Array.isArray(value) ? `${arg}.${i}` : arg;
        const upload = await loadUpload(item, label, spec.accept, allowPaths);
        // A bulk upload's confirmation shows how many rows and which columns it carries.
        if (spec.accept !== "csv") return upload;
        const { rows, columns } = previewCsvUpload(label, upload, spec);
        return { ...upload, csv: { rows, columns } };
      }),
    );
    out[spec.field] = [...(out[spec.field] ?? []), ...loaded];
  }
  return out;
}

/** One clear line naming the setting (or, over HTTP, the header) that would supply a missing credential. */
function missingCredentialText(name: CredentialName, source: KeySource, tool: ToolDef): string {
  const { env, header, label } = CREDENTIAL_SOURCES[name];
  const where =
    source === "request" && header
      ? `send \`${header}\` with the MCP request`
      : `set ${env}${source === "sandbox" ? "" : ", or start with --sandbox"}`;
  return `No Returning.AI ${label} for ${tool.name}: ${where}. Nothing was sent.`;
}

function elicitationFailure(error: unknown): string {
  if (error instanceof McpError && error.code === ErrorCode.RequestTimeout) return "timed out";
  return `failed: ${String((error as Error)?.message ?? error).slice(0, 200)}`;
}

type Gate = { proceed: boolean; decision: ConfirmDecision; result?: CallToolResult };

const REFUSAL: Record<string, ConfirmDecision> = { expired: "expired", spent: "replay_refused" };

/** Asks the person through the client when it can (elicitation), otherwise hands out a token. */
async function confirmCall(
  server: Server,
  ctx: CallContext,
  tool: ToolDef,
  args: Record<string, unknown>,
  confirm: string | undefined,
  preview: Preview,
  redact: Redactor,
): Promise<Gate> {
  const subject = { tool: tool.name, args, keyFingerprint: keyFingerprint(identityOf(tool.auth, ctx.credentials)) };
  if (confirm !== undefined) {
    // Spent here, in the store's one atomic step: a replay or a parallel duplicate, on any replica of a shared store, is refused.
    const verdict = await ctx.tokens.redeem(confirm, subject).catch((error: unknown) => {
      if (isStateUnavailable(error)) return "down" as const;
      throw error;
    });
    if (verdict === "down") return { proceed: false, decision: "refused", result: errorResult(STATE_DOWN) };
    if (verdict === "ok") return { proceed: true, decision: "accepted" };
    const retry =
      verdict === "expired" || verdict === "spent"
        ? " Call again without confirm to get a new preview and token."
        : " Call again without confirm to get a preview and a token for exactly this call.";
    const result = errorResult(`${TOKEN_PROBLEMS[verdict]}${retry} Nothing was sent.`, redact);
    return { proceed: false, decision: REFUSAL[verdict] ?? "refused", result };
  }
  if (ctx.transport === "stdio" && server.getClientCapabilities()?.elicitation?.form) {
    const answer = await server
      .elicitInput(
        {
          mode: "form",
          message: `Confirm ${tool.title.toLowerCase()}${tool.legacy ? " (legacy route)" : ""}:\n${previewLine(preview)}`,
          requestedSchema: {
            type: "object",
            properties: { confirm: { type: "boolean", title: "Send this request", default: false } },
            required: ["confirm"],
          },
        },
        { timeout: CONFIRM_TTL_SECONDS * 1000 },
      )
      .catch((error: unknown) => ({ action: "failed" as const, reason: elicitationFailure(error) }));
    if (answer.action === "accept" && answer.content?.confirm === true) return { proceed: true, decision: "accepted" };
    // A prompt that failed or timed out is a "no": handing the model a token instead would let it confirm on its own.
    const why = "reason" in answer ? ` (the confirmation prompt ${answer.reason})` : "";
    const text = `Cancelled: the user did not confirm ${tool.name}${why}. Nothing was sent.`;
    const result = objectResult(text, { cancelled: true, action: answer.action }, redact);
    return { proceed: false, decision: "declined", result };
  }
  const confirmToken = ctx.tokens.mint(subject);
  const text =
    `Confirmation required; nothing was sent. Show the user this request: ${previewLine(preview)}. ` +
    `If they agree, call ${tool.name} again with the same arguments plus confirm: "${confirmToken}" ` +
    `(valid ${CONFIRM_TTL_SECONDS / 60} minutes).`;
  const structured = { confirmationRequired: true, preview, confirmToken, expiresInSeconds: CONFIRM_TTL_SECONDS };
  return { proceed: false, decision: "asked", result: objectResult(text, structured, redact) };
}

/**
 * One tool call, in the order that keeps bad or unconfirmed input off the network: validate,
 * plan the request, preview (dry run), confirm, then send.
 */
export async function callTool(
  server: Server,
  ctx: CallContext,
  tool: ToolDef,
  sentArgs: Record<string, unknown> | undefined,
  signal?: AbortSignal,
  /** Where progress notifications go, for a `wait: true` call. */
  channel?: ProgressChannel,
): Promise<CallToolResult> {
  const rawArgs = sentArgs && decodeJsonArguments(tool.input, sentArgs);
  const shapeProblem = argumentShapeProblem(rawArgs ?? {});
  const known = [...secretsOf(ctx.credentials), ...ctx.tokens.knownSecrets];
  const redact = redactorFor(tool, known, shapeProblem ? {} : rawArgs);
  if (shapeProblem) return errorResult(`Invalid arguments for ${tool.name}: ${shapeProblem}. Nothing was sent.`, redact);
  // confirm/dryRun belong to the registry, not to the API: split them off before the tool's schema.
  const gateFields = gateSchema(tool);
  const own: Record<string, unknown> = {};
  const gateArgs: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(rawArgs ?? {})) (name in gateFields.shape ? gateArgs : own)[name] = value;
  const gate = gateFields.safeParse(gateArgs);
  const parsed = tool.input.safeParse(own);
  if (!gate.success || !parsed.success) {
    const issues = [...(gate.error?.issues ?? []), ...(parsed.error?.issues ?? [])];
    return errorResult(`Invalid arguments for ${tool.name}: ${describeIssues(issues, rawArgs ?? {})}. Nothing was sent.`, redact);
  }
  const args = parsed.data as Record<string, unknown>;
  let plan: PlannedRequest;
  let uploads: FormBody["files"];
  let preview: Preview;
  try {
    plan = planRequest(tool, args);
    uploads = await loadUploads(tool, plan, ctx.transport === "stdio");
    preview = previewOf(ctx, tool, plan, uploads, redact);
  } catch (error) {
    if (error instanceof ArgumentError || error instanceof PathParamError || error instanceof UploadError) {
      return errorResult(`Invalid arguments for ${tool.name}: ${error.message}. Nothing was sent.`, redact);
    }
    throw error;
  }
  if (gate.data.dryRun) {
    return objectResult(`Dry run; nothing was sent. ${previewLine(preview)}`, { dryRun: true, request: preview }, redact);
  }
  const missing = missingCredential(tool.auth, ctx.credentials);
  if (missing) return errorResult(missingCredentialText(missing, ctx.keySource, tool));
  const gated = needsConfirmation(tool);
  const write = await openWrite(server, ctx, tool, args, redact, gated, channel as RequestFacts | undefined);
  if (write && !(write instanceof WriteCall)) return write;
  if (gated) {
    const verdict = await confirmCall(server, ctx, tool, args, gate.data.confirm as string | undefined, preview, redact);
    await write?.confirmation(verdict.decision).catch(() => {});
    if (!verdict.proceed) {
      await write?.abandon();
      return verdict.result as CallToolResult;
    }
  }
  const started = Date.now();
  const { files: _files, body, ...route } = plan;
  const form = tool.files ? { form: { fields: body ?? {}, files: uploads } } : body ? { body } : {};
  const upstream = { method: plan.method, template: tool.path, url: preview.url };
  const result = await ctx.fleet.telemetry.upstream(upstream, () =>
    ctx.client.request({ ...route, ...form, host: hostOf(tool), auth: tool.auth, credentials: ctx.credentials, signal }),
  );
  const outcome = result.ok ? result.status : (result.status ?? result.kind);
  logToClient(
    server,
    "debug",
    redact.text(`${tool.name}: ${plan.method} ${preview.url} -> ${outcome} in ${Date.now() - started} ms`),
  );
  const reveal = gate.data.revealKey ? tool.revealsSecret : undefined;
  // The audit trail and the idempotency record see every answer a write gets.
  const done = (answer: CallToolResult) => write?.finish(outcome, result.ok, answer, reveal !== undefined) ?? answer;
  if (!result.ok) return done(failureResult(result, tool, ctx.keySource, redact));
  if (!gate.data.wait) return done(successResult(result, ctx.maxOutputChars, redact, reveal));
  const job = await followJob(ctx, tool, args, result, channel, signal);
  return done(successResult({ data: result.data, meta: { ...result.meta, job } }, ctx.maxOutputChars, redact, reveal));
}
