import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_TOOLS } from "../src/catalog.js";
import type { Credentials } from "../src/client/auth.js";
import type { ToolDef } from "../src/registry/types.js";
import { type Connected, connectInMemory, type RecordedRequest, recordingApi, textOf } from "./helpers.js";

/**
 * Every tool of every table, with its example arguments, through an MCP client to a recording
 * upstream: the request on the wire must be exactly what the table says. The expectations are
 * computed here, independently of the planner and the client they check.
 */

const CREDENTIALS: Required<Credentials> = {
  apiKey: "wire-api-key-0001",
  systemKey: "wire-system-key-0002",
  webhookKey: "wire-webhook-key-0003",
  communityHost: "community.wire.test",
};

const EXPECTED_AUTH: Record<ToolDef["auth"], Record<string, string>> = {
  bearer: { authorization: `Bearer ${CREDENTIALS.apiKey}` },
  system: { "x-api-key": CREDENTIALS.systemKey },
  webhook: { "x-api-key": CREDENTIALS.webhookKey },
  "secure-auth": { apikey: CREDENTIALS.systemKey, hostname: CREDENTIALS.communityHost },
  none: {},
};
const AUTH_HEADERS = ["authorization", "x-api-key", "apikey", "hostname"];

type Args = Record<string, unknown>;
const isScalar = (v: unknown) => ["string", "number", "boolean"].includes(typeof v);

/** Where each argument should travel, by the HTTP rules the README states. */
function expected(tool: ToolDef) {
  const args = tool.input.parse(tool.example) as Args;
  const pathNames = [...tool.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  const path = tool.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(args[name])));
  const hasBody = ["POST", "PUT", "PATCH"].includes(tool.method);
  const query: Array<[string, string]> = [];
  const body: Args = {};
  const files: Args = {};
  for (const [name, value] of Object.entries(args)) {
    if (value === undefined || pathNames.includes(name)) continue;
    if (tool.files?.[name]) files[name] = value;
    else if (!hasBody || tool.queryArgs?.includes(name)) {
      const style = tool.queryStyle?.[name] ?? "repeat";
      if (isScalar(value)) query.push([name, String(value)]);
      else if (Array.isArray(value) && value.every(isScalar) && style === "repeat")
        for (const v of value) query.push([name, String(v)]);
      else if (Array.isArray(value) && value.every(isScalar) && style === "comma") query.push([name, value.join(",")]);
      else query.push([name, JSON.stringify(value)]);
    } else body[name] = value;
  }
  return { path, query, body, files, hasBody };
}

async function formOf(req: RecordedRequest): Promise<FormData> {
  const type = String(req.headers["content-type"]);
  return new Request("http://wire.invalid/", { method: "POST", headers: { "content-type": type }, body: req.raw }).formData();
}

describe("every tool on the wire", () => {
  let api: Awaited<ReturnType<typeof recordingApi>>;
  let mcp: Connected;

  beforeAll(async () => {
    api = await recordingApi();
    // The client confirms every gated call through elicitation, so each call sends exactly one request.
    mcp = await connectInMemory({
      baseUrl: api.url,
      credentials: CREDENTIALS,
      tools: ALL_TOOLS,
      elicit: () => ({ action: "accept", content: { confirm: true } }),
    });
  });
  afterAll(async () => {
    await mcp.close();
    await api.close();
  });

  it.each(ALL_TOOLS.map((t) => [t.name, t] as const))("%s sends exactly its table's request", async (_name, tool) => {
    api.requests.length = 0;
    const result = await mcp.call(tool.name, tool.example);
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(api.requests).toHaveLength(1);
    const req = api.requests[0] as RecordedRequest;
    const want = expected(tool);
    const url = new URL(req.url, "http://wire.invalid");

    expect(req.method).toBe(tool.method);
    expect(url.pathname).toBe(want.path);
    expect([...url.searchParams.entries()].sort()).toEqual(want.query.sort());

    const sent = Object.fromEntries(AUTH_HEADERS.filter((h) => req.headers[h] !== undefined).map((h) => [h, req.headers[h]]));
    expect(sent).toEqual(EXPECTED_AUTH[tool.auth]);

    const type = req.headers["content-type"];
    if (!want.hasBody) {
      expect(type).toBeUndefined();
      expect(req.body).toBe("");
    } else if (tool.files) {
      expect(type).toMatch(/^multipart\/form-data; boundary=/);
      const form = await formOf(req);
      const fields = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));
      const textOfValue = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));
      expect(fields).toEqual(Object.fromEntries(Object.entries(want.body).map(([k, v]) => [k, textOfValue(v)])));
      for (const [arg, value] of Object.entries(want.files)) {
        const spec = tool.files[arg];
        const given = (Array.isArray(value) ? value : [value]) as Array<{ base64: string }>;
        const parts = form.getAll(spec?.field ?? "").filter((p): p is File => typeof p !== "string");
        expect(parts.map((p) => p.size)).toEqual(given.map((g) => Buffer.from(g.base64, "base64").length));
      }
    } else {
      expect(type).toBe("application/json");
      expect(JSON.parse(req.body)).toEqual(want.body);
    }
  });
});
