import { log } from "../log.js";
import { startTelemetry } from "../telemetry/index.js";
import { AuditLog, type AuditSink, FileSink, MemorySink, StoreSink } from "./audit.js";
import type { Fleet } from "./guard.js";
import type { FleetConfig } from "./settings.js";
import { EmbeddedStore, type StateStore } from "./store.js";

/**
 * The store and audit trail of this process. Redis is loaded only when a URL names it, so a
 * default start pays nothing for it; with Redis the trail is its capped stream, otherwise the
 * file (a sandbox keeps it in memory unless a file is named: its changes are not real).
 * OpenTelemetry, likewise, is loaded only when its endpoint is set.
 */
export async function openFleet(config: FleetConfig, sandbox: boolean): Promise<Fleet & { close(): Promise<void> }> {
  let store: StateStore = new EmbeddedStore();
  let sink: AuditSink;
  if (config.stateUrl) {
    const { RedisStore } = await import("./redis.js");
    const redis = new RedisStore(config.stateUrl);
    // Down at start is like down later: reads serve, writes are refused until Redis answers.
    await redis
      .ready()
      .catch(() => log.warn("RETURNING_AI_STATE_URL: Redis does not answer yet; writes are refused until it does"));
    store = redis;
    sink = new StoreSink(redis);
  } else if (config.auditFile && (!sandbox || config.auditFileNamed)) {
    sink = new FileSink(config.auditFile, config.auditMaxBytes);
  } else {
    sink = new MemorySink();
  }
  const telemetry = await startTelemetry(config);
  const audit = new AuditLog(sink);
  return {
    store,
    audit,
    telemetry,
    close: async () => {
      await telemetry.close();
      // Entries still queued are stored before the store closes; lost only if it cannot take them.
      await audit.flush().catch(() => log.warn("audit: the last entries could not be stored: the Redis stream is unreachable"));
      await store.close();
    },
  };
}
