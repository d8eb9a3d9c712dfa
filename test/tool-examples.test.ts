import { describe, expect, it } from "vitest";
import { ALL_TOOLS } from "../src/registry/index.js";
import { startSandbox } from "../src/sandbox/index.js";
import { connectInMemory, textOf } from "./helpers.js";

/**
 * Each tool's example arguments are a valid call against the demo community: the sandbox accepts
 * them and answers with success. Each runs on a fresh sandbox, so that a delete cannot spoil a get.
 */
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
    } finally {
      await mcp.close();
      await sandbox.close();
    }
  });
});
