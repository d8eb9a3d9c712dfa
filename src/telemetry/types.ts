import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

/** What a tool call's span is named and attributed with (OpenTelemetry semantic conventions for MCP). */
export interface ToolCallFacts {
  tool: string;
  requestId?: string | number;
  /** The request's `_meta`: trace context (`traceparent`, `tracestate`) comes from here. */
  meta?: Record<string, unknown>;
  transport: "stdio" | "http";
  /** Redacted arguments, recorded only when RETURNING_AI_TRACE_CONTENT opts in. */
  args?: () => unknown;
}

export interface UpstreamFacts {
  method: string;
  /** The route's path template (`/leaderboards/{id}`): arguments stay out of spans. */
  template: string;
  url: string;
}

/**
 * Tracing, as call sites see it. Without OTEL_EXPORTER_OTLP_ENDPOINT it is NO_TELEMETRY, whose
 * methods only call through: nothing is loaded, nothing is measured.
 */
export interface Telemetry {
  toolCall(facts: ToolCallFacts, run: () => Promise<CallToolResult>): Promise<CallToolResult>;
  upstream<T extends { ok: boolean; status?: number; kind?: string }>(facts: UpstreamFacts, run: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const NO_TELEMETRY: Telemetry = {
  toolCall: (_facts, run) => run(),
  upstream: (_facts, run) => run(),
  close: async () => {},
};
