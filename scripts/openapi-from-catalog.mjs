#!/usr/bin/env node
// @ts-nocheck -- a one-time bootstrap over untyped catalog JSON; the document it wrote is what is checked.
// Bootstrap, run once: writes api/returning-ai.openapi.json from the API catalog (../shared/api-reference)
// and the routes the tool tables chose where the catalog has none. After that the document is the
// source of truth: edit it, then `npm run openapi:sync`. Needs a build of the tables that still
// stated routes themselves (`npm run build` first).
//
//   node scripts/openapi-from-catalog.mjs [catalogDir] [out]
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

const catalogDir = process.argv[2] ?? new URL("../../shared/api-reference/", import.meta.url).pathname;
const out = process.argv[3] ?? new URL("../api/returning-ai.openapi.json", import.meta.url).pathname;
const { ALL_TOOLS } = await import(new URL("../dist/catalog/index.js", import.meta.url).href).catch(
  () => import(new URL("../dist/catalog/index.js", import.meta.url).href),
);

const entries = readdirSync(catalogDir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(join(catalogDir, f), "utf8")));
const byId = new Map(entries.map((e) => [e.id, e]));

/** The default URL of each host setting; an operation's first server is its setting's default. */
const HOSTS = {
  api: { url: "https://api.returning.ai", description: "API (RETURNING_AI_BASE_URL)" },
  legacy: { url: "https://rai-api.returning.ai/api/v1", description: "Legacy system API (RETURNING_AI_LEGACY_BASE_URL)" },
  webhook: { url: "https://api.returning.ai", description: "Incoming webhooks (RETURNING_AI_WEBHOOK_BASE_URL)" },
  community: {
    url: "https://{communityHost}",
    description: "The community's own domain (RETURNING_AI_COMMUNITY_HOST)",
    variables: { communityHost: { default: "community.example.com" } },
  },
};

const SECURITY = {
  bearer: [{ bearer: [] }],
  system: [{ systemKey: [] }],
  // The webhook's API-key toggle decides: the key is sent when set.
  webhook: [{ webhookKey: [] }, {}],
  "secure-auth": [{ secureAuthKey: [], secureAuthHost: [] }],
  none: [],
};

/** Auth the docs give where it differs from the table's: the older bulk-import page says no authorization. */
const authOf = (tool, ids) => (ids.includes("legacy-bulk.import-users-csv") ? "none" : tool.auth);

const hostOf = (auth, legacy) =>
  auth === "secure-auth" ? "community" : auth === "webhook" ? "webhook" : legacy && auth === "system" ? "legacy" : "api";

const shape = (path) => path.replace(/\{[^}]+\}/g, "{}");
const params = (path) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);

function jsonType(type) {
  const t = String(type ?? "").toLowerCase();
  if (t.startsWith("array")) return { type: "array" };
  if (t.startsWith("int")) return { type: "integer" };
  if (t.startsWith("number") || t === "float") return { type: "number" };
  if (t.startsWith("bool")) return { type: "boolean" };
  if (t.startsWith("object")) return { type: "object" };
  if (t.includes("file") || t.includes("binary")) return { type: "string", format: "binary" };
  if (t.includes("|null") || t.includes("null")) return { type: ["string", "null"] };
  return { type: "string" };
}

/** The tool's arguments as JSON Schema, for routes the catalog gives no fields for. */
function toolSchema(tool, names) {
  const schema = z.toJSONSchema(tool.input, { io: "input", unrepresentable: "any" });
  const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([k]) => names.includes(k)));
  const required = (schema.required ?? []).filter((k) => names.includes(k));
  return { type: "object", properties, ...(required.length ? { required } : {}) };
}

const argNames = (tool) => Object.keys(tool.input.shape);

// One operation per wire route; a current tool and its legacy twin on the same route share it.
const routes = new Map();
for (const tool of ALL_TOOLS) {
  const key = `${tool.method} ${shape(tool.path)}`;
  const route = routes.get(key) ?? { tools: [], ids: [] };
  route.tools.push(tool);
  for (const id of tool.catalogIds) if (!route.ids.includes(id)) route.ids.push(id);
  routes.set(key, route);
}

const paths = {};
const tags = new Set();
// Templated paths that differ only in a parameter's name are one path (OpenAPI forbids both):
// the first spelling wins and a tool with another argument name maps it (ToolSpec.pathArgs).
const spelling = new Map();
for (const { tools, ids } of routes.values()) {
  const main = tools.find((t) => !t.legacy) ?? tools[0];
  const found = ids.map((id) => byId.get(id)).filter(Boolean);
  const documented = found.filter((e) => e.routeStatus === "documented");
  const primary = documented.find((e) => e.id === main.catalogIds[0]) ?? documented[0] ?? found[0];
  const operationId = main.catalogIds[0] ?? "store_products.bulk-update-csv";
  const status = documented.length ? "documented" : found.some((e) => e.routeStatus === "inferred") ? "inferred" : "unknown";
  const auth = authOf(main, ids);
  const legacy = tools.every((t) => t.legacy);
  const host = hostOf(auth, legacy);
  const tag = primary?.section.split(" > ")[0] ?? "Bulk Operations";
  tags.add(tag);
  const docsHosts = [...new Set(found.map((e) => e.baseUrl).filter(Boolean))]
    .filter((url) => url !== HOSTS[host].url && !url.includes("yourdomain"))
    .map((url) => ({ url, description: "shown by the docs" }));

  if (!spelling.has(shape(main.path))) spelling.set(shape(main.path), main.path);
  const path = spelling.get(shape(main.path));
  const pathParams = params(main.path);
  const docParams = params(path);
  const bodyMethod = !["GET", "DELETE"].includes(main.method);
  const queryNames = bodyMethod ? (main.queryArgs ?? []) : argNames(main).filter((a) => !pathParams.includes(a));
  const fileArgs = Object.keys(main.files ?? {});
  const catalogParam = (name, list) => (list ?? []).find((p) => p.name.toLowerCase() === name.toLowerCase());
  const parameters = [
    ...pathParams.map((arg, i) => {
      const name = docParams[i];
      const p = catalogParam(arg, primary?.pathParams);
      return {
        name,
        in: "path",
        required: true,
        ...(p?.desc ? { description: p.desc } : {}),
        schema: { type: "string" },
        ...(main.example[arg] !== undefined ? { example: main.example[arg] } : {}),
      };
    }),
  ];
  const queryFromCatalog = documented.length ? (primary?.queryParams ?? []) : [];
  const queryList = [
    ...queryFromCatalog.map((p) => p.name),
    ...queryNames.filter((n) => !queryFromCatalog.some((p) => p.name === n)),
  ];
  for (const name of queryList) {
    const p = catalogParam(name, primary?.queryParams);
    const fromTool = toolSchema(main, [name]).properties[name];
    parameters.push({
      name,
      in: "query",
      required: Boolean(p?.required),
      ...(p?.desc ? { description: p.desc } : {}),
      schema: p ? jsonType(p.type) : (fromTool ?? {}),
      ...(main.example[name] !== undefined ? { example: main.example[name] } : {}),
    });
  }

  let requestBody;
  if (bodyMethod) {
    const bodyNames = argNames(main).filter((a) => !pathParams.includes(a) && !queryNames.includes(a));
    const multipart = fileArgs.length > 0;
    const contentType = multipart ? "multipart/form-data" : "application/json";
    const catalogBody = primary?.body?.fields?.length ? primary.body : undefined;
    let schema;
    if (catalogBody) {
      const required = catalogBody.fields.filter((f) => f.required === true).map((f) => f.name);
      schema = {
        type: "object",
        properties: Object.fromEntries(
          catalogBody.fields.map((f) => [f.name, { ...jsonType(f.type), ...(f.desc ? { description: f.desc } : {}) }]),
        ),
        ...(required.length ? { required } : {}),
      };
    } else {
      schema = toolSchema(main, bodyNames);
      if (multipart) {
        for (const [arg, spec] of Object.entries(main.files)) {
          delete schema.properties[arg];
          schema.properties[spec.field] = { type: "string", format: "binary", description: `${spec.accept} file` };
        }
      }
    }
    const examples = Object.fromEntries(
      documented
        .filter((e) => e.body?.example && typeof e.body.example === "object")
        .map((e) => [e.id, { summary: `${e.title}: the docs' example`, value: e.body.example }]),
    );
    if (bodyNames.length || catalogBody || Object.keys(examples).length)
      requestBody = {
        required: true,
        content: { [contentType]: { schema, ...(Object.keys(examples).length ? { examples } : {}) } },
      };
  }

  const response = primary?.response;
  const responseExample = documented.find((e) => e.response?.example != null)?.response.example;
  const operation = {
    operationId,
    summary: main.title,
    // The tool's own line, less the notes the registry appends (view, route status, legacy).
    description: main.description
      .replace(/ Legacy route[^.]*\.$/, "")
      .replace(/ \(route unverified\)$/, "")
      .replace(/ Shows [^.]*\.$/, "")
      .trim(),
    tags: [tag],
    servers: [HOSTS[host], ...docsHosts],
    security: SECURITY[auth],
    ...(parameters.length ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: {
      [String(response?.status ?? 200)]: {
        description: "Success",
        ...(responseExample !== undefined ? { content: { "application/json": { example: responseExample } } } : {}),
      },
    },
    "x-host": host,
    "x-route-status": status,
    ...(status !== "documented" ? { "x-inference": main.inference ?? primary?.inferenceReason ?? "chosen by us" } : {}),
    ...(legacy ? { "x-legacy": true } : {}),
    "x-catalog": ids.map((id) => ({
      id,
      status: byId.get(id)?.routeStatus ?? "unknown",
      ...(byId.get(id)?.legacy ? { legacy: true } : {}),
    })),
  };
  paths[path] ??= {};
  paths[path][main.method.toLowerCase()] = operation;
}

const doc = {
  openapi: "3.1.0",
  info: {
    title: "Returning.AI API (as returning-ai-mcp knows it)",
    version: "1",
    summary: "Every route the returning-ai-mcp tools call, with what the public docs show of it.",
    description:
      "Routes marked `x-route-status: inferred` or `unknown` are not shown by the docs; `x-inference` says why we chose them. `x-host` names the host setting that serves an operation; its first server is that setting's default.",
    license: { name: "MIT", identifier: "MIT" },
  },
  servers: [HOSTS.api],
  tags: [...tags].map((name) => ({ name })),
  paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
  // The catalog's pages that are not endpoints (guides, webhook payloads, schemas): the guides and
  // the chart-drawing schemas state their facts, and name them by these ids.
  "x-catalog-pages": entries.filter((e) => e.routeStatus === "page").map(({ id, section, title }) => ({ id, section, title })),
  components: {
    securitySchemes: {
      bearer: { type: "http", scheme: "bearer", description: "Community API key (RETURNING_AI_API_KEY)." },
      systemKey: {
        type: "apiKey",
        in: "header",
        name: "x-api-key",
        description: "Community system key (RETURNING_AI_SYSTEM_KEY).",
      },
      webhookKey: {
        type: "apiKey",
        in: "header",
        name: "x-api-key",
        description: "Incoming-webhook key (RETURNING_AI_WEBHOOK_KEY), when the webhook's API-key toggle is on.",
      },
      secureAuthKey: {
        type: "apiKey",
        in: "header",
        name: "apiKey",
        description: "Secure Auth: the community system key (RETURNING_AI_SYSTEM_KEY).",
      },
      secureAuthHost: {
        type: "apiKey",
        in: "header",
        name: "hostname",
        description: "Secure Auth: the community's domain (RETURNING_AI_COMMUNITY_HOST).",
      },
    },
  },
};

writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
const count = Object.values(paths).reduce((n, p) => n + Object.keys(p).length, 0);
process.stderr.write(`wrote ${out}: ${count} operations\n`);
