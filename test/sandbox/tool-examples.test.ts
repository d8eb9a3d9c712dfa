import { describe, expect, it } from "vitest";
import { ALL_TOOLS } from "../../src/catalog/index.js";
import { startSandbox } from "../../src/sandbox/index.js";
import { connectInMemory, dataOf, textOf } from "../support/helpers.js";

/**
 * Each tool's example arguments are a valid call against the demo community: the sandbox accepts
 * them and answers with success. Each runs on a fresh sandbox, so that a delete cannot spoil a get.
 */
const LIST_TOOL = /^(legacy_)?(list|filter)_/;

describe("every tool's example against the sandbox", () => {
  it.each(ALL_TOOLS.map((t) => [t.name, t] as const))("%s", async (_name, tool) => {
    const sandbox = await startSandbox();
    const mcp = await connectInMemory({
      baseUrl: sandbox.url,
      credentials: sandbox.credentials,
      keySource: "sandbox",
      tools: [tool],
      elicit: () => ({ action: "accept", content: { confirm: true } }),
    });
    try {
      const result = await mcp.call(tool.name, tool.example);
      expect(result.isError, textOf(result)).toBeFalsy();
      expect(result.structuredContent).toHaveProperty("data");
      // Every list answers { data: Item[], meta }, whatever nesting the API uses.
      if (LIST_TOOL.test(tool.name) || tool.list) expect(Array.isArray(dataOf(result)), textOf(result)).toBe(true);
    } finally {
      await mcp.close();
      await sandbox.close();
    }
  });
});
