#!/usr/bin/env node
// Compares api/returning-ai.openapi.json with the API catalog (../shared/api-reference beside the
// clone, or the folder given), where that catalog is at hand: each operation's route, route status
// and auth must be what the catalog entries it names show. Exit 1 on a difference; 0 with a note
// when there is no catalog to compare with. Not a test: a clone need not have the catalog.
//
//   npm run openapi:check-catalog [-- catalogDir]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? new URL("../../shared/api-reference/", import.meta.url).pathname;
if (!existsSync(dir)) {
  process.stderr.write(`no API catalog at ${dir}: nothing to compare\n`);
  process.exit(0);
}
const entries = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .flatMap((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));
const byId = new Map(entries.map((e) => [e.id, e]));
const doc = JSON.parse(readFileSync(new URL("../api/returning-ai.openapi.json", import.meta.url), "utf8"));

// Placeholder spelling differs between doc versions (apikeyId vs apiKeyId) while the wire path is the same.
const shape = (/** @type {string} */ path) => path.replace(/\{[^}]+\}/g, "{}").replace(/\/+$/, "");

/** The security scheme an entry's `auth` text names ("" for none). @param {any} entry */
function schemeOf(entry) {
  const text = (entry.auth ?? "").toLowerCase();
  if (text.startsWith("none")) return "";
  if (text.startsWith("apikey header")) return "secureAuthKey";
  // The incoming-webhook pages say "x-api-key header if enabled" without naming the webhook again.
  const incoming = entry.section.startsWith("Events > Incoming webhooks");
  if (text.includes("x-api-key") && (incoming || text.includes("webhook"))) return "webhookKey";
  if (text.startsWith("x-api-key: <community system")) return "systemKey";
  return "bearer";
}

const problems = [];
const seen = new Set();
for (const [path, item] of Object.entries(doc.paths)) {
  for (const [method, op] of Object.entries(item)) {
    const where = `${op.operationId} (${method.toUpperCase()} ${path})`;
    const route = `${method.toUpperCase()} ${shape(path)}`;
    const found = [];
    for (const { id, status } of op["x-catalog"] ?? []) {
      seen.add(id);
      const entry = byId.get(id);
      if (!entry) problems.push(`${where}: no catalog entry ${id}`);
      else if (entry.routeStatus !== status)
        problems.push(`${where}: ${id} is ${entry.routeStatus}, the document says ${status}`);
      else found.push(entry);
    }
    if (found.some((e) => e.routeStatus === "page")) problems.push(`${where}: names a page, which is not an endpoint`);
    const documented = found.filter((e) => e.routeStatus === "documented");
    const inferred = found.filter((e) => e.routeStatus === "inferred");
    if (documented.length) {
      if (op["x-route-status"] !== "documented")
        problems.push(`${where}: x-route-status ${op["x-route-status"]}, but it is documented`);
      const forms = documented.flatMap((e) => [e.path ?? "", ...e.pathVariants].map((p) => `${e.method} ${shape(p)}`));
      if (!forms.includes(route)) problems.push(`${where}: none of the documented ${[...new Set(forms)].join(" | ")}`);
    } else if (inferred.length) {
      const forms = inferred.map((e) => `${e.inferredMethod ?? e.method} ${shape(e.inferredPath ?? "")}`);
      if (!forms.includes(route)) problems.push(`${where}: not the catalog's inferred ${forms.join(" | ")}`);
    }
    const named = new Set((op.security ?? []).flatMap((/** @type {object} */ req) => Object.keys(req)));
    const schemes = new Set(found.filter((e) => e.routeStatus !== "unknown" || e.auth).map(schemeOf));
    if (schemes.size && ![...schemes].some((s) => (s === "" ? named.size === 0 : named.has(s))))
      problems.push(
        `${where}: security ${[...named].join("+") || "none"}, the catalog names ${[...schemes].join(" or ") || "none"}`,
      );
    if (found.length && found.every((e) => e.legacy) !== Boolean(op["x-legacy"]))
      problems.push(`${where}: x-legacy disagrees with the catalog`);
  }
}
for (const { id } of doc["x-catalog-pages"] ?? []) {
  seen.add(id);
  if (byId.get(id)?.routeStatus !== "page") problems.push(`x-catalog-pages: ${id} is not a page of the catalog`);
}
const missing = entries.filter((e) => !seen.has(e.id)).map((e) => e.id);
if (missing.length) process.stderr.write(`catalog entries the document does not name: ${missing.join(", ")}\n`);
if (problems.length) {
  process.stderr.write(`${problems.join("\n")}\n`);
  process.exit(1);
}
process.stderr.write(`the document agrees with the catalog (${seen.size} catalog ids)\n`);
