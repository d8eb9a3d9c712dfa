import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { type CallToolResult, ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { CREDENTIAL_SOURCES, type CredentialName, identityOf, missingCredential, secretsOf } from "../client/auth.js";
import type { FormBody } from "../client/types.js";
import { PathParamError } from "../client/types.js";
import { decodeJsonArguments } from "../registry/coerce.js";
import { previewCsvUpload } from "../registry/csv.js";
import { gateSchema, needsConfirmation } from "../registry/gate-args.js";
import { argumentShapeProblem } from "../registry/input-guard.js";
import { describeIssues } from "../registry/issues.js";
import { ArgumentError, type PlannedRequest, planRequest } from "../registry/request.js";
import type { ToolDef } from "../registry/types.js";
import {
  type CsvSummary,
  type FileArgument,
  type LocalReads,
  loadUpload,
  type Upload,
  UploadError,
} from "../registry/uploads.js";
import type { ConfirmDecision } from "../state/audit.js";
import { openWrite, type RequestFacts, STATE_DOWN, WriteCall } from "../state/guard.js";
import { isStateUnavailable } from "../state/store.js";
import { keyFingerprint } from "../util/digest.js";
import { errorResult } from "../util/tool-error.js";
import { logToClient } from "./client-log.js";
import { CONFIRM_TTL_SECONDS, TOKEN_PROBLEMS } from "./confirm.js";
import type { CallContext } from "./context.js";
import { followJob } from "./jobs.js";
import { listShape } from "./list-shape.js";
import { type LookupNote, resolveLookups, routeOf } from "./lookups.js";
import { type Redactor, redactorFor } from "./redact.js";
import { failureResult, type KeySource, objectResult, successResult } from "./results.js";
import { uploadFolders } from "./upload-folders.js";
import { wireArgs } from "./views.js";
import type { ProgressChannel } from "./wait.js";

type FileFacts = Pick<Upload, "name" | "type" | "size" | "sha256"> & Partial<CsvSummary>;

interface Preview {
  method: string;
  url: string;
  body?: unknown;
  /** Uploads by form field: name, type, size and SHA-256, never the bytes. */
  files?: Record<string, FileFacts[]>;
  /** Arguments looked up before sending (an email turned into the platform user id). */
  lookups?: Record<string, LookupNote>;
}

/** Redacted here, once, so that no preview, prompt or log line can show a secret the request carries. */
function previewOf(
  plan: PlannedRequest,
  url: string,
  uploads: FormBody["files"],
  lookups: Record<string, LookupNote>,
  redact: Redactor,
): Preview {
  const files = Object.entries(uploads).map(([field, list]) => [
    field,
    list.map(({ name, type, size, sha256, csv }): FileFacts => ({ name, type, size, sha256, ...csv })),
  ]);
  return {
    method: plan.method,
    url: redact.text(url),
    ...(plan.body && (Object.keys(plan.body).length || !files.length) ? { body: redact.value(plan.body) } : {}),
    ...(files.length ? { files: redact.value(Object.fromEntries(files)) as Preview["files"] } : {}),
    ...(Object.keys(lookups).length ? { lookups } : {}),
  };
}

const lookupText = (lookups: Record<string, LookupNote>) =>
  Object.entries(lookups)
    .map(([name, l]) => ` (${name} ${l.given} is ${l.sent}, by ${l.via})`)
    .join("");

const previewLine = (p: Preview) =>
  `${p.method} ${p.url}${p.body ? ` ${JSON.stringify(p.body).slice(0, 600)}` : ""}${p.files ? ` files ${JSON.stringify(p.files)}` : ""}${p.lookups ? lookupText(p.lookups) : ""}`;

/** Reads and checks every file argument of a planned call, by the form field the API reads it from. */
async function loadUploads(tool: ToolDef, plan: PlannedRequest, local?: LocalReads): Promise<FormBody["files"]> {
  const out: FormBody["files"] = {};
  for (const [arg, value] of Object.entries(plan.files ?? {})) {
    const spec = tool.files?.[arg];
    if (!spec) continue;
    const items = (Array.isArray(value) ? value : [value]) as FileArgument[];
    const loaded = await Promise.all(
      items.map(async (item, i) => {
        const label = Array.isArray(value) ? `${arg}.${i}` : arg;
        const upload = await loadUpload(item, label, spec.accept, local);
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

/** Local reads for a stdio call: the allowed folders are looked up once, and only if an argument names a path. */
function localReads(server: Server, ctx: CallContext, signal?: AbortSignal): LocalReads {
  let folders: ReturnType<LocalReads["folders"]> | undefined;
  return { folders: () => (folders ??= uploadFolders(server, ctx.uploadDirs, signal)), signal };
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

/** The subject's key for local files' facts; no tool argument can have this name. */
const LOCAL_FILES_KEY = "(local files)";

const changedFilesText = (files: readonly Upload[]): string =>
  `It also binds the content of the local files this call reads: if one changed since the preview, the token no longer matches (now: ${files
    .map((f) => `${JSON.stringify(f.name)} ${f.size} bytes, SHA-256 ${f.sha256.slice(0, 16)}`)
    .join("; ")
    .slice(0, 400)}).`;

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
  localFiles: readonly Upload[],
): Promise<Gate> {
  // A path names a file, not its content: the token binds each local file's size and SHA-256 too.
  const bound = localFiles.length ? { ...args, [LOCAL_FILES_KEY]: localFiles.map((f) => [f.size, f.sha256]) } : args;
  const subject = { tool: tool.name, args: bound, keyFingerprint: keyFingerprint(identityOf(tool.auth, ctx.credentials)) };
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
    const swapped = verdict === "mismatch" && localFiles.length ? ` ${changedFilesText(localFiles)}` : "";
    const result = errorResult(`${TOKEN_PROBLEMS[verdict]}${swapped}${retry} Nothing was sent.`, redact);
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
  /** The call's arguments: one name from the handler to the request, each step replacing the last. */
  args: Record<string, unknown> = {},
  signal?: AbortSignal,
  /** Where progress notifications go, for a `wait: true` call. */
  channel?: ProgressChannel,
): Promise<CallToolResult> {
  args = decodeJsonArguments(tool.input, args);
  const shapeProblem = argumentShapeProblem(args);
  const known = [...secretsOf(ctx.credentials), ...ctx.tokens.knownSecrets];
  const redact = redactorFor(tool, known, shapeProblem ? {} : args);
  if (shapeProblem) return errorResult(`Invalid arguments for ${tool.name}: ${shapeProblem}. Nothing was sent.`, redact);
  // confirm/dryRun belong to the registry, not to the API: split them off before the tool's schema.
  const gateFields = gateSchema(tool);
  const split: [Record<string, unknown>, Record<string, unknown>] = [{}, {}];
  for (const [name, value] of Object.entries(args)) split[name in gateFields.shape ? 0 : 1][name] = value;
  const gate = gateFields.safeParse(split[0]);
  const parsed = tool.input.safeParse(split[1]);
  if (!gate.success || !parsed.success) {
    const issues = [...(gate.error?.issues ?? []), ...(parsed.error?.issues ?? [])];
    return errorResult(`Invalid arguments for ${tool.name}: ${describeIssues(issues, args)}. Nothing was sent.`, redact);
  }
  // A looked-up id (an email where the API takes the platform id) is read before anything is planned.
  const resolved = await resolveLookups(ctx, tool, parsed.data as Record<string, unknown>, signal);
  if ("problem" in resolved)
    return errorResult(`Invalid arguments for ${tool.name}: ${resolved.problem}. Nothing was sent.`, redact);
  args = resolved.args;
  let plan: PlannedRequest;
  let route: ReturnType<typeof routeOf>;
  let uploads: FormBody["files"];
  let preview: Preview;
  try {
    plan = planRequest(tool, wireArgs(args));
    route = routeOf(ctx, tool, plan);
    uploads = await loadUploads(tool, plan, ctx.transport === "stdio" ? localReads(server, ctx, signal) : undefined);
    preview = previewOf(plan, route.url, uploads, resolved.lookups, redact);
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
  // Reading a local file and sending it off the machine is the user's call, whatever the tool's risk.
  const localFiles = Object.values(uploads).flatMap((list) => list.filter((u) => u.local));
  const gated = needsConfirmation(tool) || localFiles.length > 0;
  const write = await openWrite(server, ctx, tool, args, redact, gated, channel as RequestFacts | undefined);
  if (write && !(write instanceof WriteCall)) return write;
  if (gated) {
    const confirm = gate.data.confirm as string | undefined;
    const verdict = await confirmCall(server, ctx, tool, args, confirm, preview, redact, localFiles);
    await write?.confirmation(verdict.decision).catch(() => {});
    if (!verdict.proceed) {
      await write?.abandon();
      return verdict.result as CallToolResult;
    }
  }
  const started = Date.now();
  const { files: _files, body, ...wire } = plan;
  const form = tool.files ? { form: { fields: body ?? {}, files: uploads } } : body ? { body } : {};
  const upstream = { method: plan.method, template: tool.path, url: preview.url };
  const result = await ctx.fleet.telemetry.upstream(upstream, () =>
    ctx.client.request({ ...wire, ...form, ...route, auth: tool.auth, credentials: ctx.credentials, signal }),
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
  const payload = listShape(tool, result);
  // `fields` is the tool's own argument where the API reads it, else the registry's (gate-args.ts).
  const fields = args.fields ?? gate.data.fields;
  if (!gate.data.wait) return done(successResult(tool, payload, ctx.maxOutputChars, redact, reveal, fields));
  const job = await followJob(ctx, tool, args, result, redact, channel, signal);
  const waited = { data: payload.data, meta: { ...payload.meta, job } };
  return done(successResult(tool, waited, ctx.maxOutputChars, redact, reveal, fields));
}
