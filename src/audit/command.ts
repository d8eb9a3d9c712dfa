import type { AuditEntry } from "../state/audit.js";
import { openFleet } from "../state/index.js";
import type { FleetConfig } from "../state/settings.js";

/** Entries `returning-ai-mcp audit` prints: the newest ones, oldest first. */
const SHOWN = 200;

const line = (e: AuditEntry): string =>
  [
    e.time,
    e.event.padEnd(12),
    e.tool.padEnd(36),
    String(e.decision ?? e.status ?? "").padEnd(14),
    `key:${e.credential}`,
    e.client ? `${e.client.name}/${e.client.version}` : "-",
    e.transport,
    e.durationMs !== undefined ? `${e.durationMs}ms` : "",
  ]
    .join("  ")
    .trimEnd();

/** `returning-ai-mcp audit [--json]`: the trail where this configuration writes it (file or Redis stream). */
export async function printAudit(config: FleetConfig, json: boolean, print: (text: string) => void): Promise<void> {
  if (!config.stateUrl && !config.auditFile) {
    print("The audit trail is off (RETURNING_AI_AUDIT_FILE=off) and no RETURNING_AI_STATE_URL is set.");
    return;
  }
  const fleet = await openFleet(config, false);
  try {
    const entries = await fleet.audit.recent(SHOWN);
    if (json) for (const e of entries) print(JSON.stringify(e));
    else {
      print(`Audit trail: ${fleet.audit.sink.where} (newest ${SHOWN} entries, oldest first)`);
      for (const e of entries) print(line(e));
    }
  } finally {
    await fleet.close();
  }
}
