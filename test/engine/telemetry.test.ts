import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOARD } from "../support/helpers.js";

const CLI = new URL("../../dist/cli.js", import.meta.url).pathname;
const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const PARENT_ID = "00f067aa0ba902b7";

interface OtlpSpan {
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: { key: string; value: { stringValue?: string; intValue?: number | string } }[];
}

/** A local OTLP/HTTP receiver: the exporter's POSTs to /v1/traces, as JSON. */
async function otlpReceiver() {
  const spans: OtlpSpan[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.url === "/v1/traces") {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as {
          resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
        };
        for (const rs of body.resourceSpans) for (const ss of rs.scopeSpans) spans.push(...ss.spans);
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, spans, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const attrs = (span: OtlpSpan | undefined) =>
  Object.fromEntries((span?.attributes ?? []).map((a) => [a.key, a.value.stringValue ?? Number(a.value.intValue)]));

describe("OpenTelemetry traces", () => {
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
  beforeAll(async () => {
    receiver = await otlpReceiver();
  });
  afterAll(() => receiver.close());

  it("exports a tools/call span per call, under the client's traceparent, with the upstream request as its child", async () => {
    const env = {
      PATH: process.env.PATH ?? "",
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_BSP_SCHEDULE_DELAY: "50",
      RETURNING_AI_AUDIT_FILE: "off",
    };
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, "--sandbox"], env, stderr: "pipe" });
    const client = new Client({ name: "otel-test", version: "1.0.0" });
    await client.connect(transport);
    const args = { ...BOARD, name: "Traced secret-ish name", slug: "traced" };
    try {
      const made = (await client.callTool({
        name: "create_leaderboard",
        arguments: args,
        _meta: { traceparent: `00-${TRACE_ID}-${PARENT_ID}-01` },
      })) as CallToolResult;
      expect(made.isError).toBeFalsy();
      const bad = (await client.callTool({ name: "create_leaderboard", arguments: { name: 5 } })) as CallToolResult;
      expect(bad.isError).toBe(true);
    } finally {
      // Closing ends the server, which flushes its spans.
      await client.close();
    }
    for (let i = 0; i < 100 && receiver.spans.length < 3; i++) await new Promise((r) => setTimeout(r, 50));

    const [traced, failed] = receiver.spans.filter((s) => s.name === "tools/call create_leaderboard");
    const upstream = receiver.spans.find((s) => s.kind === 3);
    expect(traced).toMatchObject({ kind: 2, traceId: TRACE_ID, parentSpanId: PARENT_ID });
    expect(attrs(traced)).toMatchObject({
      "mcp.method.name": "tools/call",
      "gen_ai.tool.name": "create_leaderboard",
      "gen_ai.operation.name": "execute_tool",
      "network.transport": "pipe",
      "jsonrpc.request.id": expect.any(String),
    });
    expect(attrs(traced)).not.toHaveProperty("error.type");
    expect(upstream).toMatchObject({ name: "POST /v1/leaderboards", traceId: TRACE_ID, parentSpanId: traced?.spanId });
    expect(attrs(upstream)).toMatchObject({ "http.request.method": "POST", "http.response.status_code": expect.any(Number) });
    expect(attrs(failed)).toMatchObject({ "error.type": "tool_error" });
    // Arguments and results stay out of spans unless RETURNING_AI_TRACE_CONTENT opts in.
    expect(JSON.stringify(receiver.spans)).not.toContain("Traced secret-ish name");
  });
});
