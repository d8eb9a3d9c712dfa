import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { ALL_TOOLS } from "../../src/catalog/index.js";
import { LEGACY_BASE_URL, parseConfig } from "../../src/config.js";

const FILE = new URL("../../api/returning-ai.openapi.json", import.meta.url);
const load = () => JSON.parse(readFileSync(FILE, "utf8"));
const CLI = new URL("../../dist/cli.js", import.meta.url).pathname;

type Op = Record<string, any>;
const operationsOf = (doc: { paths: Record<string, Record<string, Op>> }): Op[] =>
  Object.values(doc.paths).flatMap((item) => Object.values(item));

describe("api/returning-ai.openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const doc = load();
    expect(doc.openapi).toMatch(/^3\.1\./);
    await expect(SwaggerParser.validate(doc)).resolves.toBeTruthy();
    // What the validator leaves to us: operationIds are unique (tools name them).
    const ids = operationsOf(doc).map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("refuses a broken document (the validator is really looking)", async () => {
    const malformed = load();
    operationsOf(malformed)[0]!.responses = "none";
    await expect(SwaggerParser.validate(malformed)).rejects.toThrow(/responses/);
  });

  it("serves each operation from the host setting it names, that setting's default first", () => {
    const defaults: Record<string, string> = {
      api: "https://api.returning.ai",
      legacy: LEGACY_BASE_URL,
      webhook: "https://api.returning.ai",
      community: "https://{communityHost}",
    };
    const wrong = operationsOf(load())
      .filter((op) => op.servers?.[0]?.url !== defaults[op["x-host"]])
      .map((op) => `${op.operationId}: ${op["x-host"]} on ${op.servers?.[0]?.url}`);
    expect(wrong).toEqual([]);
    // The system-key legacy routes are on the legacy System API; the Bearer legacy routes are not.
    const hostOfTool = (name: string) => ALL_TOOLS.find((t) => t.name === name)?.host;
    expect(hostOfTool("legacy_create_badge")).toBe("legacy");
    expect(hostOfTool("legacy_send_message")).toBe("api");
    expect(hostOfTool("legacy_import_users_csv")).toBe("api");
    expect(parseConfig([], {}).legacyBaseUrl).toBe(LEGACY_BASE_URL);
  });

  it("records the docs' auth, none included, as security", () => {
    const byId = new Map(operationsOf(load()).map((op) => [op.operationId, op]));
    expect(byId.get("legacy-bulk.import-users-csv")?.security).toEqual([]);
    expect(ALL_TOOLS.find((t) => t.name === "legacy_import_users_csv")?.auth).toBe("none");
    expect(byId.get("auth.secure-auth")?.security).toEqual([{ secureAuthKey: [], secureAuthHost: [] }]);
    expect(byId.get("legacy-badges.create")?.security).toEqual([{ systemKey: [] }]);
  });

  it("regenerates src/registry/operations.generated.ts byte for byte (run npm run openapi:sync after an edit)", () => {
    const sync = spawnSync(process.execPath, [new URL("../../scripts/openapi-sync.mjs", import.meta.url).pathname, "--stdout"], {
      encoding: "utf8",
    });
    expect(sync.status).toBe(0);
    expect(sync.stdout).toBe(readFileSync(new URL("../../src/registry/operations.generated.ts", import.meta.url), "utf8"));
  });
});

describe("returning-ai-mcp openapi", () => {
  it("prints the document with the MCP tools that call each operation, their risk and confirmation", async () => {
    const { stdout, status } = spawnSync(process.execPath, [CLI, "openapi"], {
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "" },
      maxBuffer: 10_000_000,
      timeout: 20_000,
    });
    expect(status).toBe(0);
    const printed = JSON.parse(stdout);
    await expect(SwaggerParser.validate(structuredClone(printed))).resolves.toBeTruthy();
    const ops = operationsOf(printed);
    expect(ops).toHaveLength(operationsOf(load()).length);
    expect(ops.filter((op) => !op["x-mcp-tools"]?.length).map((op) => op.operationId)).toEqual([]);
    const listed = ops.flatMap((op) => op["x-mcp-tools"].map((t: { name: string }) => t.name));
    expect(listed.sort()).toEqual(ALL_TOOLS.map((t) => t.name).sort());
    const remove = ops.find((op) => op.operationId === "leaderboards.delete");
    expect(remove?.["x-mcp-tools"]).toEqual([{ name: "delete_leaderboard", risk: "destructive", confirm: true, legacy: false }]);
    const send = ops.find((op) => op.operationId === "messages.send");
    expect(send?.["x-mcp-tools"]).toEqual([
      { name: "send_message", risk: "write", confirm: false, legacy: false },
      { name: "legacy_send_message", risk: "write", confirm: true, legacy: true },
    ]);
  });

  it("shows every tool's method and effective URL in `tools`, following the host settings", () => {
    const env = {
      PATH: process.env.PATH ?? "",
      RETURNING_AI_LEGACY_BASE_URL: "https://legacy.example.com/api/v1",
      RETURNING_AI_WEBHOOK_BASE_URL: "https://hooks.example.com",
      RETURNING_AI_COMMUNITY_HOST: "club.example.com",
    };
    const { stdout, status } = spawnSync(process.execPath, [CLI, "tools", "--json"], { encoding: "utf8", env, timeout: 20_000 });
    expect(status).toBe(0);
    const rows = new Map((JSON.parse(stdout) as { name: string; url: string }[]).map((r) => [r.name, r.url]));
    expect(rows.get("legacy_create_badge")).toBe("https://legacy.example.com/api/v1/badges");
    expect(rows.get("legacy_send_message")).toBe("https://api.returning.ai/apis/v1/messages/send");
    expect(rows.get("send_message_by_webhook")).toMatch(/^https:\/\/hooks\.example\.com\//);
    expect(rows.get("create_secure_auth_login")).toBe("https://club.example.com/api/secureAuth");
    expect(rows.get("get_leaderboard")).toBe("https://api.returning.ai/leaderboards/{leaderboardID}");
    const text = spawnSync(process.execPath, [CLI, "tools"], { encoding: "utf8", env, timeout: 20_000 }).stdout;
    expect(text).toMatch(/legacy_create_badge\s+legacy\s+POST\s+https:\/\/legacy\.example\.com\/api\/v1\/badges/);
  });
});
