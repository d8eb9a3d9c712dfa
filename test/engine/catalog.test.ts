import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ALL_TOOLS } from "../../src/catalog/index.js";
import { OPERATIONS } from "../../src/registry/operations.js";

/**
 * One place per fact: api/returning-ai.openapi.json states each route; the tools name its
 * operations. This holds them together in every clone (`npm run openapi:check-catalog` compares
 * the document with the API catalog, where that catalog is at hand).
 */

interface DocOperation {
  operationId: string;
  "x-catalog": { id: string; status: string; legacy?: boolean }[];
  "x-route-status": string;
  "x-inference"?: string;
}

const doc = JSON.parse(readFileSync(new URL("../../api/returning-ai.openapi.json", import.meta.url), "utf8")) as {
  paths: Record<string, Record<string, DocOperation>>;
};
const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({ path, method: method.toUpperCase(), ...op })),
);
const byId = new Map(operations.map((op) => [op.operationId, op]));

// Placeholder spelling may differ (a legacy page's apikeyId for the API's apiKeyId); the wire path is the same.
const shape = (path: string) => path.replace(/\{[^}]+\}/g, "{}");

describe("the tools against the API document", () => {
  it("names an existing operation in every tool, and calls every operation from some tool", () => {
    expect(ALL_TOOLS.filter((t) => !byId.has(t.operation)).map((t) => `${t.name}: ${t.operation}`)).toEqual([]);
    const called = new Set(ALL_TOOLS.map((t) => t.operation));
    expect(operations.filter((op) => !called.has(op.operationId)).map((op) => op.operationId)).toEqual([]);
  });

  it("takes each tool's method, path, route status and inference from its operation", () => {
    const problems = ALL_TOOLS.flatMap((tool) => {
      const op = byId.get(tool.operation);
      if (!op) return [];
      const wrong: string[] = [];
      if (`${tool.method} ${shape(tool.path)}` !== `${op.method} ${shape(op.path)}`)
        wrong.push(`route ${tool.method} ${tool.path}, the document says ${op.method} ${op.path}`);
      const status = op["x-route-status"] === "documented" ? "documented" : "inferred";
      if (tool.routeStatus !== status) wrong.push(`routeStatus ${tool.routeStatus}, the document says ${op["x-route-status"]}`);
      if (tool.inference !== op["x-inference"]) wrong.push("inference differs from x-inference");
      return wrong.map((w) => `${tool.name}: ${w}`);
    });
    expect(problems).toEqual([]);
  });

  it("has every path parameter of a tool's route among its arguments", () => {
    const missing = ALL_TOOLS.flatMap((tool) =>
      [...tool.path.matchAll(/\{([^}]+)\}/g)]
        .map((m) => m[1] ?? "")
        .filter((param) => !(param in tool.input.shape))
        .map((param) => `${tool.name}: {${param}}`),
    );
    expect(missing).toEqual([]);
  });

  it("gives an x-inference to every route the docs do not show", () => {
    const unexplained = operations.filter((op) => op["x-route-status"] !== "documented" && !op["x-inference"]);
    expect(unexplained.map((op) => op.operationId)).toEqual([]);
  });

  it("maps the catalog ids a tool covers to its operation, each id to one operation, and reports the coverage", () => {
    const owners = new Map<string, string[]>();
    for (const op of operations)
      for (const entry of op["x-catalog"]) owners.set(entry.id, [...(owners.get(entry.id) ?? []), op.operationId]);
    expect([...owners].filter(([, ops]) => ops.length > 1)).toEqual([]);
    const strays = ALL_TOOLS.flatMap((tool) =>
      tool.catalogIds.filter((id) => owners.get(id)?.[0] !== tool.operation).map((id) => `${tool.name}: ${id}`),
    );
    expect(strays).toEqual([]);
    const covered = new Set(ALL_TOOLS.flatMap((t) => t.catalogIds));
    expect([...owners.keys()].filter((id) => !covered.has(id))).toEqual([]);
    const rows = (["documented", "inferred", "unknown"] as const).map(
      (status) => `${status} ${operations.flatMap((op) => op["x-catalog"]).filter((e) => e.status === status).length}`,
    );
    process.stderr.write(`API document: ${operations.length} operations over ${owners.size} catalog ids (${rows.join(", ")})\n`);
    // The catalog's 54 documented endpoints are all in the document (the fidelity test calls each).
    expect(operations.flatMap((op) => op["x-catalog"]).filter((e) => e.status === "documented")).toHaveLength(54);
  });

  it("copies the document's route facts into the generated module, and nothing else", () => {
    expect(Object.keys(OPERATIONS).sort()).toEqual(operations.map((op) => op.operationId).sort());
  });
});
