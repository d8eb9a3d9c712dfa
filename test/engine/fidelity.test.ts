import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ALL_TOOLS } from "../../src/catalog/index.js";
import type { Credentials } from "../../src/client/auth.js";
import type { ToolDef } from "../../src/registry/types.js";
import { agreeingRecorder, connectInMemory, type RecordedRequest, recordingApi, textOf } from "../support/helpers.js";

/**
 * Each endpoint the docs show, called as the docs' own example calls it: the arguments come from
 * the request example the document carries (its path and query parameter examples, and the body
 * example of that docs page), the call goes through an MCP client to a recording HTTP server, and
 * what arrives must be the docs' request: method, path, query, body and credential headers.
 */

/**
 * Documented endpoints whose docs example the tools refuse or send otherwise today, until the
 * input fixes land (nullable fields, "" that clears, empty voucher lists, create's full body).
 * The integrator empties this list after merging them; each entry must then pass.
 */
const AWAITING_INPUT_FIXES: readonly string[] = [];

const CREDENTIALS: Required<Credentials> = {
  apiKey: "fidelity-api-key-0001",
  systemKey: "fidelity-system-key-0002",
  webhookKey: "fidelity-webhook-key-0003",
  communityHost: "community.fidelity.test",
};

/** The headers each security scheme of the document puts on the wire. */
const SCHEME_HEADERS: Record<string, Record<string, string>> = {
  bearer: { authorization: `Bearer ${CREDENTIALS.apiKey}` },
  systemKey: { "x-api-key": CREDENTIALS.systemKey },
  webhookKey: { "x-api-key": CREDENTIALS.webhookKey },
  secureAuthKey: { apikey: CREDENTIALS.systemKey },
  secureAuthHost: { hostname: CREDENTIALS.communityHost },
};
const AUTH_HEADERS = ["authorization", "x-api-key", "apikey", "hostname"];

type Json = Record<string, any>;
interface Parameter {
  name: string;
  in: "path" | "query" | "header";
  required?: boolean;
  example?: unknown;
}
interface Operation {
  operationId: string;
  method: string;
  path: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { examples?: Record<string, { value: Json }> }> };
  security: Record<string, string[]>[];
  "x-catalog": { id: string; status: string; legacy?: boolean }[];
}

const doc = JSON.parse(readFileSync(new URL("../../api/returning-ai.openapi.json", import.meta.url), "utf8")) as {
  paths: Record<string, Record<string, Operation>>;
};
const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({ ...op, path, method: method.toUpperCase() })),
);

/** Every documented endpoint of the catalog, with the operation that serves it. */
const DOCUMENTED = operations.flatMap((op) =>
  op["x-catalog"].filter((entry) => entry.status === "documented").map((entry) => ({ entry, op })),
);

/** A docs example value that names what goes there instead of showing one: `<channel-id-from-get-channel-list>`. */
const isPlaceholder = (v: unknown): boolean => typeof v === "string" && /^<[^<>]+>$/.test(v);

/**
 * The docs' request as the document holds it: path, query and body. Where the docs' body shows a
 * placeholder instead of a value, the tool's own example value stands in (on the wire and in
 * the expectation alike); a query parameter goes in when the docs require it or the tool does.
 */
function docsRequest(op: Operation, catalogId: string, tools: readonly ToolDef[]) {
  const params = op.parameters ?? [];
  const pathValues = Object.fromEntries(params.filter((p) => p.in === "path").map((p) => [p.name, p.example]));
  const requiredByTool = (name: string) =>
    tools.some((t) => name in t.input.shape && !t.input.shape[name]?.safeParse(undefined).success);
  const query = params.filter((p) => p.in === "query" && p.example !== undefined && (p.required || requiredByTool(p.name)));
  const [contentType, content] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
  const example = content?.examples?.[catalogId]?.value;
  const standIn = (name: string) => tools.map((t) => t.example[name]).find((v) => v !== undefined && !isPlaceholder(v));
  const body =
    example && Object.fromEntries(Object.entries(example).map(([k, v]) => [k, isPlaceholder(v) ? (standIn(k) ?? v) : v]));
  return {
    path: op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(pathValues[name]))),
    pathValues,
    query: query.map((p) => [p.name, String(p.example)] as [string, string]),
    contentType,
    body: body as Json | undefined,
  };
}

type Wanted = ReturnType<typeof docsRequest>;

/** The tool arguments that make (its part of) that request: the path's values under the tool's own names, the query, the body. */
function argsFor(tool: ToolDef, op: Operation, want: Wanted, body: Json | undefined = want.body): Json {
  const docNames = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  const toolNames = [...tool.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  const args: Json = Object.fromEntries(toolNames.map((name, i) => [name, want.pathValues[docNames[i] ?? ""]]));
  for (const [name, value] of want.query) args[name] = value;
  // A multipart page shows no example body: the form goes in as the tool's example has it.
  if (tool.files && !body) return { ...tool.example, ...args };
  return { ...args, ...body };
}

/**
 * A route split into focused tools (one per group of settings): the docs' body goes out across
 * them, each field through the first tool that takes it.
 */
function split(tools: readonly ToolDef[], body: Json): Array<[ToolDef, Json]> | undefined {
  const parts = new Map<ToolDef, Json>();
  for (const [field, value] of Object.entries(body)) {
    const tool = tools.find((t) => field in t.input.shape);
    if (!tool) return undefined;
    parts.set(tool, { ...parts.get(tool), [field]: value });
  }
  return [...parts];
}

describe("the docs' request examples on the wire", () => {
  const wire = agreeingRecorder(CREDENTIALS);

  it("covers the catalog's 54 documented endpoints", () => {
    expect(DOCUMENTED).toHaveLength(54);
  });

  it.each(DOCUMENTED.map(({ entry, op }) => [entry.id, entry, op] as const))("%s", async (id, entry, op) => {
    const candidates = ALL_TOOLS.filter((t) => t.operation === op.operationId);
    // The docs' page is a current or a legacy one; its tool is of the same kind when there is one.
    const tools = [
      ...candidates.filter((t) => t.legacy === Boolean(entry.legacy)),
      ...candidates.filter((t) => t.legacy !== Boolean(entry.legacy)),
    ];
    const want = docsRequest(op, id, tools);
    const refusals: string[] = [];
    let sent: RecordedRequest[] = [];
    for (const tool of tools) {
      wire.api.requests.length = 0;
      const result = await wire.mcp.call(tool.name, argsFor(tool, op, want));
      sent = [...wire.api.requests];
      if (sent.length) break;
      refusals.push(`${tool.name}: ${textOf(result)}`);
    }
    const parts = !sent.length && tools.length > 1 && want.body ? split(tools, want.body) : undefined;
    if (parts) {
      wire.api.requests.length = 0;
      for (const [tool, body] of parts) {
        const result = await wire.mcp.call(tool.name, argsFor(tool, op, want, body));
        if (!result.isError) continue;
        refusals.push(`${tool.name} (its part): ${textOf(result)}`);
        break;
      }
      sent = wire.api.requests.length === parts.length ? [...wire.api.requests] : [];
    }
    const matches = sent.length > 0 && docsMatch(sent, op, want);
    if (AWAITING_INPUT_FIXES.includes(id)) {
      // Still awaited: it must still differ, so that a fix shows up as a list entry to remove.
      expect(matches, `${id} passes now: remove it from AWAITING_INPUT_FIXES`).toBe(false);
      return;
    }
    expect(sent.length, refusals.join("\n")).toBeGreaterThan(0);
    expectDocsRequest(sent, op, want);
  });
});

function sentAuth(req: RecordedRequest): Record<string, unknown> {
  return Object.fromEntries(AUTH_HEADERS.filter((h) => req.headers[h] !== undefined).map((h) => [h, req.headers[h]]));
}

/** The credential headers the operation's security asks for: its first requirement (none for `[]`). */
const wantedAuth = (op: Operation): Record<string, string> =>
  Object.assign({}, ...Object.keys(op.security[0] ?? {}).map((scheme) => SCHEME_HEADERS[scheme]));

async function formFields(req: RecordedRequest): Promise<FormData> {
  const type = String(req.headers["content-type"]);
  return new Request("http://fidelity.invalid/", { method: "POST", headers: { "content-type": type }, body: req.raw }).formData();
}

/** One request, or the requests of a split route whose bodies together are the docs' body. */
function expectDocsRequest(sent: RecordedRequest[], op: Operation, want: Wanted): void {
  const merged: Json = {};
  for (const req of sent) {
    const url = new URL(req.url, "http://fidelity.invalid");
    expect(req.method).toBe(op.method);
    expect(url.pathname).toBe(want.path);
    expect([...url.searchParams.entries()].sort()).toEqual([...want.query].sort());
    expect(sentAuth(req)).toEqual(wantedAuth(op));
    if (want.contentType === "multipart/form-data") {
      expect(req.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    } else if (want.body !== undefined) {
      expect(req.headers["content-type"]).toBe("application/json");
      Object.assign(merged, JSON.parse(req.body));
    } else if (!want.contentType) {
      expect(req.body).toBe("");
    }
  }
  if (want.contentType !== "multipart/form-data" && want.body !== undefined) expect(merged).toEqual(want.body);
}

function docsMatch(sent: RecordedRequest[], op: Operation, want: Wanted): boolean {
  try {
    expectDocsRequest(sent, op, want);
    return true;
  } catch {
    return false;
  }
}

describe("multipart uploads of the docs", () => {
  it("send their file in the form field the docs name", async () => {
    const api = await recordingApi();
    const mcp = await connectInMemory({
      baseUrl: api.url,
      credentials: CREDENTIALS,
      tools: ALL_TOOLS,
      elicit: () => ({ action: "accept", content: { confirm: true } }),
    });
    try {
      const uploads = DOCUMENTED.filter(({ op }) => op.requestBody?.content["multipart/form-data"]);
      expect(uploads.length).toBeGreaterThan(0);
      for (const { entry, op } of uploads) {
        const tool = ALL_TOOLS.find((t) => t.operation === op.operationId && t.legacy === Boolean(entry.legacy));
        if (!tool?.files) throw new Error(`${entry.id}: no upload tool`);
        api.requests.length = 0;
        const result = await mcp.call(tool.name, tool.example);
        expect(api.requests, textOf(result)).toHaveLength(1);
        const form = await formFields(api.requests[0] as RecordedRequest);
        const schema: Json = (op.requestBody?.content["multipart/form-data"] as Json | undefined)?.schema ?? {};
        const binary = Object.entries(schema.properties ?? {})
          .filter(([, s]) => (s as Json).format === "binary")
          .map(([name]) => name);
        for (const spec of Object.values(tool.files))
          expect(
            binary.length === 0 || binary.includes(spec.field),
            `${entry.id}: ${spec.field} is not a file field of the docs`,
          ).toBe(true);
        for (const spec of Object.values(tool.files)) expect(form.getAll(spec.field).length).toBeGreaterThan(0);
      }
    } finally {
      await mcp.close();
      await api.close();
    }
  });
});
