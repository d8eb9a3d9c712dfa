import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import { encode } from "gpt-tokenizer/encoding/o200k_base";
import { describe, expect, it } from "vitest";
import { selectTools } from "../../src/catalog/filters.js";
import { ALL_TOOLS } from "../../src/catalog/index.js";
import { fullSchema, listTool, skeleton } from "../../src/catalog/listing.js";
import { OBJECT_ID } from "../../src/registry/schemas.js";
import { structureProblems, topLevelProblems } from "../support/schema-rules.js";

type Json = Record<string, unknown>;

const tokens = (value: unknown): number => encode(JSON.stringify(value)).length;

/**
 * Strings whose pattern the listing drops must still say their shape: a format or a description,
 * on the string itself or on the array that holds it.
 */
function unexplainedPatterns(full: Json, listed: Json, path: string, out: string[] = [], explained = false): string[] {
  const said = explained || Boolean(listed.format || listed.description);
  if (typeof full.pattern === "string" && full.pattern !== OBJECT_ID.source && !said) out.push(path);
  const children = full.properties as Record<string, Json> | undefined;
  for (const [name, child] of Object.entries(children ?? {})) {
    unexplainedPatterns(child, (listed.properties as Record<string, Json>)[name] ?? {}, `${path}.${name}`, out);
  }
  if (full.items) unexplainedPatterns(full.items as Json, (listed.items as Json) ?? {}, `${path}[]`, out, said);
  for (const key of ["anyOf", "oneOf"]) {
    ((full[key] as Json[] | undefined) ?? []).forEach((branch, i) => {
      unexplainedPatterns(branch, ((listed[key] as Json[] | undefined) ?? [])[i] ?? {}, `${path}|${i}`, out, said);
    });
  }
  return out;
}

const MODERN = ALL_TOOLS.filter((t) => !t.legacy);
const DEFAULT_TOOLS = selectTools({});

describe("tools/list schemas", () => {
  it.each(ALL_TOOLS.map((t) => [t.name, t] as const))("%s has complete structure and no top-level union", (_name, tool) => {
    const schema = listTool(tool).inputSchema as Json;
    expect(topLevelProblems(schema)).toEqual([]);
    expect(structureProblems(schema, "(arguments)")).toEqual([]);
  });

  it.each(ALL_TOOLS.map((t) => [t.name, t] as const))("%s lists the same shape it accepts", (_name, tool) => {
    const listed = listTool(tool).inputSchema as Json;
    const full = fullSchema(tool) as Json;
    expect(skeleton(listed)).toEqual(skeleton(full));
    expect(unexplainedPatterns(full, listed, "(arguments)")).toEqual([]);
    // The example is a valid call (test/tools.test.ts); the listing must accept it as well.
    const verdict = new AjvJsonSchemaValidator().getValidator(listed)(tool.example);
    expect(verdict.errorMessage).toBeUndefined();
  });

  it("keeps a schema's structure and drops its documentation and value rules (the shape compared above)", () => {
    const node = {
      type: "object",
      description: "d",
      properties: {
        a: { type: "string", pattern: "^x$", maxLength: 3, enum: ["x"] },
        b: { type: "array", items: { type: "integer", minimum: 1 } },
      },
      required: ["a"],
      additionalProperties: false,
    };
    expect(skeleton(node)).toEqual({
      type: "object",
      properties: { a: { type: "string", enum: ["x"] }, b: { type: "array", items: { type: "integer" } } },
      required: ["a"],
    });
  });

  it("lists a brief setting as its bare structure and a line, and still checks it in full on call", () => {
    const tool = ALL_TOOLS.find((t) => t.name === "create_leaderboard") as (typeof ALL_TOOLS)[number];
    const widget = (listTool(tool).inputSchema.properties as Json).widget as Json;
    expect(widget.description).toBe("as update_leaderboard_widget takes");
    expect(Object.keys(widget.properties as Json)).toEqual(["enabled", "whitelistedDomains", "size", "button"]);
    expect(JSON.stringify(widget)).not.toContain("e.g. custom");
    expect(tool.input.safeParse({ ...tool.example, widget: { size: { type: "custom" } } }).success).toBe(true);
    expect(tool.input.safeParse({ ...tool.example, widget: { size: { type: 1 } } }).success).toBe(false);
  });

  it("finds what a strict client would refuse", () => {
    const bad = {
      type: "object",
      properties: {
        loose: { type: "array" },
        open: { type: "object" },
        either: { type: ["string", "null"] },
        linked: { $ref: "#/$defs/x" },
        record: { type: "object", properties: {}, additionalProperties: {} },
      },
    };
    expect(topLevelProblems({ anyOf: [bad] })).toEqual(["(arguments): not an object", "(arguments): top-level anyOf"]);
    expect(structureProblems(bad, "a")).toEqual([
      "a.loose: array without items",
      "a.open: object without properties",
      "a.either: type is a list",
      "a.either: no type",
      "a.linked: $ref/$defs",
      "a.linked: no type",
      "a.record: open additionalProperties",
    ]);
  });
});

describe("tools/list token budget (o200k)", () => {
  // The mean rose from 122 when every read tool gained `fields` and a few words on its default view
  // (issue 16): the results they shorten cost far more than the listing gains. It rose again to 137
  // when the two creates whose docs take every setting (a board's hours and widget, an analysis's
  // drawings) learnt to take them, so that launching one is one call: those settings are listed
  // as bare structure (`brief`), and those two tools may use 700.
  const WHOLE_CREATES: Record<string, number> = { create_leaderboard: 700, create_chart_analysis: 700 };
  it("keeps every non-legacy tool at or under 450 tokens (700 for the whole creates) and the mean at or under 137", () => {
    const sizes = MODERN.map((tool) => ({ name: tool.name, n: tokens(listTool(tool)) }));
    for (const { name, n } of sizes) expect(n, name).toBeLessThanOrEqual(WHOLE_CREATES[name] ?? 450);
    const mean = sizes.reduce((sum, s) => sum + s.n, 0) / sizes.length;
    expect(mean).toBeLessThanOrEqual(137);
  });

  it("offers at most 40 tools and 6,000 tokens without flags, all from default toolsets", () => {
    expect(DEFAULT_TOOLS.length).toBeGreaterThan(0);
    expect(DEFAULT_TOOLS.length).toBeLessThanOrEqual(40);
    expect(tokens({ tools: DEFAULT_TOOLS.map(listTool) })).toBeLessThanOrEqual(6000);
  });
});
