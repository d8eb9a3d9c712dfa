import { readFileSync } from "node:fs";
import type { TextResourceContents } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GUIDES } from "../../src/resources/index.js";
import { type Connected, connectInMemory } from "../support/helpers.js";

/** The catalog's non-endpoint pages, as the in-repo API document lists them (so this runs in every clone). */
const PAGES = (
  JSON.parse(readFileSync(new URL("../../api/returning-ai.openapi.json", import.meta.url), "utf8")) as {
    "x-catalog-pages": Array<{ id: string; section: string }>;
  }
)["x-catalog-pages"];
/** Chart drawing schemas are pages too, but their facts live in the chart-analysis tools' schemas, not in a guide. */
const CHART_SECTION = "Chart Analysis";

describe("guides as MCP resources", () => {
  let server: Connected;
  beforeAll(async () => {
    server = await connectInMemory({ baseUrl: "http://127.0.0.1:9" });
  });
  afterAll(() => server.close());

  /** The guides; the audit trail is a live resource of its own (test/audit.test.ts). */
  const guides = async () => (await server.client.listResources()).resources.filter((r) => r.uri.includes("/guides/"));

  it("lists every guide with a uri, name, title, description and type", async () => {
    const resources = await guides();
    expect(resources.map((r) => r.uri)).toEqual([
      "returning-ai://guides/credentials",
      "returning-ai://guides/errors",
      "returning-ai://guides/webhooks",
      "returning-ai://guides/widgets",
    ]);
    for (const r of resources) {
      expect(r.name && r.title && r.description).toBeTruthy();
      expect(r.mimeType).toBe("text/markdown");
    }
    expect((await server.client.listResourceTemplates()).resourceTemplates).toEqual([]);
    // The assistant learns of them from the server's instructions, even in a client that never lists resources.
    for (const r of resources) expect(server.client.getInstructions()).toContain(r.uri);
  });

  it("reads each guide as markdown of the listed size", async () => {
    const resources = await guides();
    for (const r of resources) {
      const { contents } = await server.client.readResource({ uri: r.uri });
      const [content] = contents as TextResourceContents[];
      expect(contents).toHaveLength(1);
      expect(content?.uri).toBe(r.uri);
      expect(content?.text.startsWith("# ")).toBe(true);
      expect(Buffer.byteLength(content?.text ?? "")).toBe(r.size);
    }
    const read = async (uri: string) => ((await server.client.readResource({ uri })).contents[0] as TextResourceContents).text;
    expect(await read("returning-ai://guides/webhooks")).toContain("Purchased Store Item");
    expect(await read("returning-ai://guides/credentials")).toContain(
      "| `RETURNING_AI_API_KEY` | community API key, sent as `Authorization: Bearer` (most tools) | community settings > API keys",
    );
  });

  it("answers an unknown uri with the resource-not-found error", async () => {
    await expect(server.client.readResource({ uri: "returning-ai://guides/nope" })).rejects.toMatchObject({
      code: -32002,
      message: expect.stringContaining("Unknown resource 'returning-ai://guides/nope'"),
    });
  });

  it("covers every guide page of the catalog, and only pages", () => {
    const pages = new Map(PAGES.map((e) => [e.id, e]));
    expect(pages.size).toBeGreaterThan(0);
    const covered = new Set(GUIDES.flatMap((g) => g.catalogIds));
    for (const id of covered) expect(pages.has(id), `${id} is not a page`).toBe(true);
    const guidePages = PAGES.filter((e) => !e.section.startsWith(CHART_SECTION)).map((e) => e.id);
    expect(guidePages.filter((id) => !covered.has(id))).toEqual([]);
  });
});
