import { NO_TELEMETRY, type Telemetry } from "./types.js";

export { NO_TELEMETRY, type Telemetry, type ToolCallFacts, type UpstreamFacts } from "./types.js";

/** The two tracing settings (src/state/settings.ts reads them with the fleet's others). */
export interface TracingSettings {
  otlpEndpoint?: string;
  traceContent: boolean;
}

/** Loads OpenTelemetry only when the standard endpoint variable asks for it. */
export async function startTelemetry(config: TracingSettings): Promise<Telemetry> {
  if (!config.otlpEndpoint) return NO_TELEMETRY;
  const { startOtel } = await import("./otel.js");
  return startOtel(config.traceContent);
}
