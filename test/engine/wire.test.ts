import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ALL_TOOLS } from "../../src/catalog/index.js";
import type { Credentials } from "../../src/client/auth.js";
import type { ToolDef } from "../../src/registry/types.js";
import { agreeingRecorder, type RecordedRequest, textOf } from "../support/helpers.js";

/**
 * Every tool of every table, called with its example through an MCP client, to a recording HTTP
 * server: the exact request it sends is held in a committed snapshot (__snapshots__/wire.json, one
 * entry per tool, sorted by name), read and reviewed as data. A change to a route, a parameter's
 * place or a body shows there as a diff; `npm run snapshot:update` rewrites it after a deliberate
 * change. Beside the snapshot, each call is held to the rules that hold for every tool.
 */

const CREDENTIALS: Required<Credentials> = {
  apiKey: "wire-api-key-0001",
  systemKey: "wire-system-key-0002",
  webhookKey: "wire-webhook-key-0003",
  communityHost: "community.wire.test",
};

/** Which credential each kind of auth sends, and in which header: the README's table. */
const EXPECTED_AUTH: Record<ToolDef["auth"], Record<string, string>> = {
  bearer: { authorization: "Bearer <apiKey>" },
  system: { "x-api-key": "<systemKey>" },
  webhook: { "x-api-key": "<webhookKey>" },
  "secure-auth": { apikey: "<systemKey>", hostname: "<communityHost>" },
  none: {},
};

const AUTH_HEADERS = new Set(Object.values(EXPECTED_AUTH).flatMap((h) => Object.keys(h)));

/** Headers every request carries whatever the tool, or that only say which version sent it: left out of the snapshot. */
const COMMON_HEADERS = new Set([
  "host",
  "connection",
  "content-length",
  "accept",
  "accept-encoding",
  "accept-language",
  "sec-fetch-mode",
  "user-agent",
]);

/** A credential's value replaced by its name: the snapshot shows which key went where, never a key. */
function masked(value: string): string {
  let out = value;
  for (const [name, secret] of Object.entries(CREDENTIALS)) out = out.split(secret).join(`<${name}>`);
  return out;
}

type Part = { name: string; value: string } | { name: string; filename: string; type: string; bytes: number; sha256: string };

async function partsOf(req: RecordedRequest): Promise<Part[]> {
  const type = String(req.headers["content-type"]);
  const form = await new Request("http://wire.invalid/", {
    method: "POST",
    headers: { "content-type": type },
    body: req.raw,
  }).formData();
  const parts: Part[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") parts.push({ name, value });
    else {
      const bytes = Buffer.from(await value.arrayBuffer());
      const sha256 = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
      parts.push({ name, filename: value.name, type: value.type, bytes: bytes.length, sha256 });
    }
  }
  return parts;
}

/** What the snapshot holds of one request: all that the API could see, secrets masked. */
async function onTheWire(req: RecordedRequest) {
  const url = new URL(req.url, "http://wire.invalid");
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers).sort(([a], [b]) => a.localeCompare(b))) {
    if (COMMON_HEADERS.has(name) || value === undefined) continue;
    headers[name] = masked(Array.isArray(value) ? value.join(", ") : value).replace(/boundary=.*/, "boundary=<boundary>");
  }
  const type = String(req.headers["content-type"] ?? "");
  const body =
    req.raw.length === 0
      ? undefined
      : type.startsWith("multipart/form-data")
        ? { multipart: await partsOf(req) }
        : type.startsWith("application/json")
          ? JSON.parse(masked(req.body))
          : masked(req.body);
  return {
    method: req.method,
    path: url.pathname,
    ...(url.search ? { query: [...url.searchParams.entries()] } : {}),
    headers,
    ...(body !== undefined ? { body } : {}),
  };
}

describe("every tool on the wire", () => {
  const wire = agreeingRecorder(CREDENTIALS);
  const sent: Record<string, Awaited<ReturnType<typeof onTheWire>>> = {};

  it.each(ALL_TOOLS.map((t) => [t.name, t] as const))(
    "%s sends one request, by its table's method and auth",
    async (_name, tool) => {
      wire.api.requests.length = 0;
      const result = await wire.mcp.call(tool.name, tool.example);
      expect(result.isError, textOf(result)).toBeFalsy();
      expect(wire.api.requests).toHaveLength(1);
      const req = await onTheWire(wire.api.requests[0] as RecordedRequest);
      sent[tool.name] = req;

      expect(req.method).toBe(tool.method);
      const auth = Object.fromEntries(Object.entries(req.headers).filter(([h]) => AUTH_HEADERS.has(h)));
      expect(auth).toEqual(EXPECTED_AUTH[tool.auth]);
      // Nothing but the auth header ever carries a credential, and no key reaches the body.
      expect(JSON.stringify({ ...req, headers: undefined })).not.toMatch(/<(apiKey|systemKey|webhookKey)>/);
      if (!["POST", "PUT", "PATCH"].includes(tool.method)) {
        expect(req.body).toBeUndefined();
        expect(req.headers["content-type"]).toBeUndefined();
      } else if (tool.files) expect(req.headers["content-type"]).toBe("multipart/form-data; boundary=<boundary>");
      else expect(req.headers["content-type"]).toBe("application/json");
    },
  );

  it("sends exactly the committed request of every tool (__snapshots__/wire.json)", async () => {
    expect(Object.keys(sent)).toHaveLength(ALL_TOOLS.length);
    const sorted = Object.fromEntries(Object.entries(sent).sort(([a], [b]) => a.localeCompare(b)));
    await expect(`${JSON.stringify(sorted, null, 2)}\n`).toMatchFileSnapshot("./__snapshots__/wire.json");
  });
});
