import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { Reach } from "../catalog/filters.js";
import type { ListedTool } from "../catalog/listing.js";
import type { Credentials } from "../client/auth.js";
import { describeIssues } from "../registry/issues.js";
import type { LiveResource } from "../resources/register.js";
import type { AuditEntry, AuditLog } from "../state/audit.js";
import { keyFingerprint } from "../util/digest.js";
import { errorResult } from "../util/tool-error.js";

/**
 * How the assistant reads the audit trail: one read-only tool and one resource. Both show only
 * the entries made with the caller's own credentials, so that managers sharing one server (over
 * HTTP, each with their key) see their own changes, not one another's.
 */

export const AUDIT_TOOL_NAME = "list_recent_changes";
export const AUDIT_RESOURCE_URI = "returning-ai://audit/recent";
const MAX_ENTRIES = 500;
/** Read from the trail per call: enough for a busy day, bounded for a shared stream. */
const SCAN = 5_000;

const input = z
  .object({
    since: z.iso
      .datetime({ offset: true })
      .or(z.iso.date())
      .optional()
      .describe("ISO date or date-time; default: the start of today (UTC)."),
    tool: z.string().max(100).optional().describe("Only this tool's entries."),
    limit: z.number().int().min(1).max(MAX_ENTRIES).default(100).describe("Newest entries to return."),
  })
  .strict();

/** The reader is listed beside the registry's tools; --discover keeps its three (the trail is a resource there). */
export const auditListed = (reach: Pick<Reach, "listed">): boolean => reach.listed.length > 0;

export const AUDIT_TOOL: ListedTool = {
  name: AUDIT_TOOL_NAME,
  description:
    'What was changed through this server, from its audit trail: each write attempt, confirmation decision (asked, accepted, declined, expired, replay_refused) and API outcome, oldest first, arguments redacted. Use it for "what did we change today?". Shows only entries made with your own credentials.',
  inputSchema: z.toJSONSchema(input, { io: "input" }) as ListedTool["inputSchema"],
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
};

const startOfToday = (): Date => new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);

/** The caller's own entries: the fingerprints of the credentials this session or request holds. */
async function ownEntries(audit: AuditLog, credentials: Credentials, since: Date): Promise<AuditEntry[]> {
  const mine = new Set(
    [credentials.apiKey, credentials.systemKey, credentials.webhookKey].filter(Boolean).map((k) => keyFingerprint(k)),
  );
  return (await audit.recent(SCAN, since)).filter((e) => mine.has(e.credential));
}

export async function callAuditTool(audit: AuditLog, credentials: Credentials, args: unknown): Promise<CallToolResult> {
  const parsed = input.safeParse(args ?? {});
  if (!parsed.success) {
    return errorResult(
      `Invalid arguments for ${AUDIT_TOOL_NAME}: ${describeIssues(parsed.error.issues, (args ?? {}) as Record<string, unknown>)}.`,
    );
  }
  const { since, tool, limit } = parsed.data;
  const from = since ? new Date(since) : startOfToday();
  const entries = (await ownEntries(audit, credentials, from)).filter((e) => !tool || e.tool === tool).slice(-limit);
  const structured = { since: from.toISOString(), count: entries.length, entries };
  return { content: [{ type: "text", text: JSON.stringify(structured) }], structuredContent: structured };
}

/** The same, as a resource a client can attach: today's entries made with the caller's credentials. */
export const auditResource = (audit: AuditLog, credentials: Credentials): LiveResource => ({
  uri: AUDIT_RESOURCE_URI,
  name: "audit",
  title: "Audit trail: today's changes",
  description: "Today's write attempts, confirmation decisions and outcomes made with your credentials (JSON), oldest first.",
  mimeType: "application/json",
  read: async () => {
    const entries = (await ownEntries(audit, credentials, startOfToday())).slice(-MAX_ENTRIES);
    return JSON.stringify({ count: entries.length, entries });
  },
});
