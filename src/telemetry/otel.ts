import { context, propagation, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { VERSION } from "../version.js";
import type { Telemetry } from "./types.js";

/** Longest argument or result text put into a span when content is opted in. */
const MAX_CONTENT = 4_000;

/**
 * Spans per the OpenTelemetry semantic conventions for MCP: one SERVER span per tools/call, named
 * `tools/call <tool>`, child of the trace context the client put in `params._meta`, and one CLIENT
 * span for the upstream HTTP request under it. The exporter reads the standard OTEL_* variables
 * (endpoint, headers, batch delays) itself.
 */
export function startOtel(withContent: boolean): Telemetry {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      "service.name": process.env.OTEL_SERVICE_NAME || "returning-ai-mcp",
      "service.version": VERSION,
    }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // Sets the AsyncLocalStorage context manager and the W3C propagator, so the upstream span finds its parent.
  provider.register();
  const tracer = trace.getTracer("returning-ai-mcp", VERSION);
  const fail = (span: Span, type: string) => {
    span.setAttribute("error.type", type);
    span.setStatus({ code: SpanStatusCode.ERROR });
  };
  return {
    toolCall(facts, run) {
      const parent = propagation.extract(ROOT_CONTEXT, facts.meta ?? {});
      const attributes = {
        "mcp.method.name": "tools/call",
        "gen_ai.tool.name": facts.tool,
        "gen_ai.operation.name": "execute_tool",
        "network.transport": facts.transport === "stdio" ? "pipe" : "tcp",
        ...(facts.requestId !== undefined ? { "jsonrpc.request.id": String(facts.requestId) } : {}),
      };
      return tracer.startActiveSpan(`tools/call ${facts.tool}`, { kind: SpanKind.SERVER, attributes }, parent, async (span) => {
        try {
          if (withContent && facts.args) {
            span.setAttribute("gen_ai.tool.call.arguments", JSON.stringify(facts.args()).slice(0, MAX_CONTENT));
          }
          const result = await run();
          if (result.isError) fail(span, "tool_error");
          if (withContent) span.setAttribute("gen_ai.tool.call.result", JSON.stringify(result.content).slice(0, MAX_CONTENT));
          return result;
        } catch (error) {
          fail(span, (error as Error)?.constructor?.name ?? "Error");
          throw error;
        } finally {
          span.end();
        }
      });
    },
    upstream(facts, run) {
      const url = URL.canParse(facts.url) ? new URL(facts.url) : undefined;
      const attributes = {
        "http.request.method": facts.method,
        "url.template": facts.template,
        ...(url
          ? { "server.address": url.hostname, "server.port": Number(url.port || (url.protocol === "https:" ? 443 : 80)) }
          : {}),
      };
      const name = `${facts.method} ${facts.template}`;
      return tracer.startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, context.active(), async (span) => {
        try {
          const result = await run();
          if (result.status !== undefined) span.setAttribute("http.response.status_code", result.status);
          if (!result.ok) fail(span, result.status !== undefined ? String(result.status) : (result.kind ?? "error"));
          return result;
        } finally {
          span.end();
        }
      });
    },
    close: () => provider.shutdown(),
  };
}
