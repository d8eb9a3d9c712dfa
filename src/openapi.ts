import { readFileSync } from "node:fs";
import { packageFile } from "./package-file.js";
import { needsConfirmation } from "./registry/gate-args.js";
import type { ToolDef } from "./registry/types.js";

/** The API description the tools are derived from; shipped with the package. */
export const OPENAPI_FILE = packageFile("api/returning-ai.openapi.json");

type Doc = { paths: Record<string, Record<string, { operationId: string } & Record<string, unknown>>> };

/**
 * The document as `returning-ai-mcp openapi` prints it: each operation also says which MCP tools
 * call it (`x-mcp-tools`: name, risk, whether a call needs confirmation, legacy), so that scripts,
 * API clients and other agents can use what the server knows.
 */
export function openapiWithTools(tools: readonly ToolDef[], doc: Doc = JSON.parse(readFileSync(OPENAPI_FILE, "utf8"))): Doc {
  for (const item of Object.values(doc.paths))
    for (const op of Object.values(item)) {
      op["x-mcp-tools"] = tools
        .filter((t) => t.operation === op.operationId)
        .map((t) => ({ name: t.name, risk: t.risk, confirm: needsConfirmation(t), legacy: t.legacy }));
    }
  return doc;
}
