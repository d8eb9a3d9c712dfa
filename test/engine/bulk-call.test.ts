import { createHash } from "node:crypto";
import type { CallToolResult, ProgressNotification } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findTool } from "../../src/catalog/index.js";
import { DEMO } from "../../src/demo.js";
import { type Connected, connectInMemory, dataOf, recordingApi, sandboxSession, textOf } from "../support/helpers.js";

/** A bulk upload's confirmation shows its rows and columns; `wait: true` follows its job with progress. */

const csv = (lines: string[]) => ({ name: "users.csv", base64: Buffer.from(`${lines.join("\n")}\n`).toString("base64") });
const FILE = csv(["email,xp_op,xp", `${DEMO.userEmail},add,50`, "ben.builder@example.com,overwrite,1200"]);

describe("bulk uploads through the call path", () => {
  let mcp: Connected;
  let close: () => Promise<void>;
  beforeAll(async () => ({ mcp, close } = await sandboxSession()));
  afterAll(() => close());

  it("shows the row count and the columns in the confirmation preview, never the content", async () => {
    const asked = await mcp.call("update_users_from_csv", { file: FILE });
    const { preview } = asked.structuredContent as { preview: { files: Record<string, unknown[]> } };
    expect(preview.files).toEqual({
      data: [
        {
          name: "users.csv",
          type: "text/csv",
          size: Buffer.from(FILE.base64, "base64").length,
          sha256: createHash("sha256").update(Buffer.from(FILE.base64, "base64")).digest("hex"),
          rows: 2,
          columns: ["email", "xp_op", "xp"],
        },
      ],
    });
    expect(textOf(asked)).toContain('"rows":2');
    expect(JSON.stringify(asked)).not.toContain(DEMO.userEmail);
  });

  it("refuses a CSV that breaks the header rules before anything is sent", async () => {
    const api = await recordingApi();
    const local = await connectInMemory({ baseUrl: api.url, apiKey: "k-0001", tools: [findTool("update_users_from_csv")!] });
    try {
      const bad = await local.call("update_users_from_csv", { file: csv(["email,xp,xp_op", `${DEMO.userEmail},50,add`]) });
      expect(bad.isError).toBe(true);
      expect(textOf(bad)).toMatch(/^Invalid arguments for update_users_from_csv: file: .*xp_op.*Nothing was sent\.$/);
      expect(api.requests).toHaveLength(0);
    } finally {
      await local.close();
      await api.close();
    }
  });

  it("waits for the job with wait: true and reports progress to a client that asked", async () => {
    const asked = await mcp.call("update_users_from_csv", { file: FILE, wait: true });
    const token = (asked.structuredContent as { confirmToken: string }).confirmToken;
    const progress: ProgressNotification["params"][] = [];
    const result = (await mcp.client.callTool(
      { name: "update_users_from_csv", arguments: { file: FILE, wait: true, confirm: token } },
      undefined,
      { onprogress: (p) => void progress.push(p as ProgressNotification["params"]) },
    )) as CallToolResult;
    expect(result.isError, textOf(result)).toBeFalsy();
    const meta = (result.structuredContent as { meta: { job: { outcome: string; polls: number; status: { status: string } } } })
      .meta;
    expect(meta.job.outcome).toBe("done");
    expect(meta.job.status.status).toBe("completed");
    expect(meta.job.polls).toBeGreaterThan(1);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)?.message).toMatch(/completed/);
    expect(dataOf(result)).toBeDefined();
  });
});
