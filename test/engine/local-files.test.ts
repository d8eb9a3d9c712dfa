import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { beforeAll, describe, expect, it } from "vitest";
import { findTool } from "../../src/catalog/index.js";
import { readLocalFile } from "../../src/registry/local-files.js";
import type { ToolDef } from "../../src/registry/types.js";
import { scriptedApi, textOf } from "../support/helpers.js";
import { spawnServer } from "../support/stdio.js";

/**
 * Uploads from a local `path` (issue 15, items 1-4), through an MCP client and our server over a
 * recording API: only regular files inside the allowed folders are read, never past the cap, and
 * every such upload is confirmed with the file's size and SHA-256 bound.
 */

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex");
const csvOf = (rows: number) =>
  `email,xp_op,xp\n${Array.from({ length: rows }, (_, i) => `user${i}@example.com,add,${i}`).join("\n")}\n`;
const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");
const TOOLS = ["upload_message_images", "update_users_from_csv"].map((name) => findTool(name) as ToolDef);
const ONE_LINE = /^Invalid arguments for \w+: [^\n]+\. Nothing was sent\.$/;
const CLI = new URL("../../dist/cli.js", import.meta.url).pathname;
const hasProcPagemap = existsSync("/proc/self/pagemap");

describe("uploads from a local path", () => {
  const api = scriptedApi({ apiKey: "rk_files_0001", tools: TOOLS });
  let dir: string;
  let outside: string;
  beforeAll(() => {
    api.respond = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ meta: { status: "success", statusCode: 200 }, message: "ok", data: { ok: true } }));
    };
    dir = realpathSync(mkdtempSync(join(tmpdir(), "rai-files-")));
    outside = realpathSync(mkdtempSync(join(tmpdir(), "rai-outside-")));
    writeFileSync(join(dir, "chart.png"), PNG);
    writeFileSync(join(dir, "users.csv"), csvOf(1));
    writeFileSync(join(dir, ".env"), "email,xp_op,xp\nRETURNING_AI_API_KEY=rk_live,add,1\n");
    mkdirSync(join(dir, ".secrets"));
    writeFileSync(join(dir, ".secrets", "users.csv"), csvOf(1));
    writeFileSync(join(outside, "users.csv"), csvOf(1));
    symlinkSync(join(outside, "users.csv"), join(dir, "link-out.csv"));
    execFileSync("mkfifo", [join(dir, "pipe.csv")]);
  });

  const images = (path: string) => ({ images: [{ path }] });
  const csvFile = (path: string) => ({ file: { path } });

  it("refuses /etc, hidden files and folders, paths outside the folders and links out of them, in one line naming the setting", async () => {
    const mcp = await api.connect({ uploadDirs: [dir, "/"] });
    const cases: Array<[string, RegExp]> = [
      ["/etc/passwd", /"\/etc\/passwd" is in \/etc, which uploads read only when RETURNING_AI_UPLOAD_DIRS names it/],
      [
        join(dir, ".env"),
        /is hidden or in a hidden folder; uploads read one only when RETURNING_AI_UPLOAD_DIRS names that folder/,
      ],
      [join(dir, ".secrets", "users.csv"), /is hidden or in a hidden folder/],
    ];
    const narrow = await api.connect({ uploadDirs: [dir] });
    const narrowCases: Array<[string, RegExp]> = [
      [join(outside, "users.csv"), /is outside the folders uploads may read \(.+\); add its folder to RETURNING_AI_UPLOAD_DIRS/],
      [join(dir, "link-out.csv"), /\(a link to ".+users\.csv"\) is outside the folders uploads may read/],
      [join(dir, "..", "..", "etc", "shadow"), /is outside the folders uploads may read/],
    ];
    for (const [client, list] of [
      [mcp, cases],
      [narrow, narrowCases],
    ] as const) {
      for (const [path, expected] of list) {
        const result = await client.call("update_users_from_csv", { ...csvFile(path), dryRun: true });
        expect(result.isError, path).toBe(true);
        expect(textOf(result)).toMatch(ONE_LINE);
        expect(textOf(result)).toMatch(expected);
      }
    }
    expect(api.requests).toHaveLength(0);
  });

  it("reads a hidden or system folder when the setting names it", async () => {
    const mcp = await api.connect({ uploadDirs: [join(dir, ".secrets")] });
    const result = await mcp.call("update_users_from_csv", { ...csvFile(join(dir, ".secrets", "users.csv")), dryRun: true });
    expect(result.isError, textOf(result)).toBeFalsy();
    const dev = await api.connect({ uploadDirs: ["/dev"] });
    const zero = await dev.call("update_users_from_csv", { ...csvFile("/dev/zero"), dryRun: true });
    expect(textOf(zero)).toMatch(/"\/dev\/zero" is a device; only regular files are read/);
  });

  it("refuses a FIFO at once, without opening it, so that the thread pool and later calls are unaffected", async () => {
    const mcp = await api.connect({ uploadDirs: [dir] });
    // More than libuv's four threads: a blocking open of each would hold every one of them.
    const results = await Promise.all(
      Array.from({ length: 6 }, () => mcp.call("update_users_from_csv", { ...csvFile(join(dir, "pipe.csv")), dryRun: true })),
    );
    for (const result of results) expect(textOf(result)).toMatch(/"[^"]+pipe\.csv" is a FIFO; only regular files are read/);
    // The thread pool still serves file reads, and the next API call goes out.
    expect(await readFile(join(dir, "users.csv"), "utf8")).toBe(csvOf(1));
    const sent = await mcp.call("upload_message_images", { images: [{ base64: PNG.toString("base64") }] });
    expect(sent.isError, textOf(sent)).toBeFalsy();
    expect(api.requests).toHaveLength(1);
  });

  it.runIf(hasProcPagemap)(
    "reads /proc/self/pagemap (stat size 0) no further than the cap, even when the setting names /proc/self",
    async () => {
      const mcp = await api.connect({ uploadDirs: ["/proc/self"] });
      const before = process.memoryUsage().rss;
      const result = await mcp.call("upload_message_images", { ...images("/proc/self/pagemap"), dryRun: true });
      expect(textOf(result)).toMatch(/"\/proc\/self\/pagemap" holds more than 10485760 bytes, the limit/);
      // The cap is 10 MiB; without it the read ran past 4 GB.
      expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
      const maps = await mcp.call("update_users_from_csv", { ...csvFile("/proc/self/maps"), dryRun: true });
      expect(textOf(maps)).toMatch(/"\/proc\/self\/maps" is a pseudo-file \(it reports 0 bytes\); only regular files are read/);
      expect(api.requests).toHaveLength(0);
    },
  );

  it.runIf(hasProcPagemap)("stops reading at a low cap, and when the call is cancelled", async () => {
    const folders = { dirs: ["/proc/self"], source: "setting" } as const;
    await expect(readLocalFile("/proc/self/pagemap", folders, 4096)).rejects.toThrow(/holds more than 4096 bytes/);
    const before = process.memoryUsage().rss;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    // A 2 GiB cap: only the cancellation can stop this read early.
    await expect(readLocalFile("/proc/self/pagemap", folders, 2 ** 31, controller.signal)).rejects.toThrow(
      /reading "\/proc\/self\/pagemap" was cancelled/,
    );
    expect(process.memoryUsage().rss - before).toBeLessThan(1024 * 1024 * 1024);
  });

  it("refuses a file swapped between its preview and the confirmed call, and sends the confirmed one", async () => {
    const mcp = await api.connect({ uploadDirs: [dir] });
    const path = join(dir, "swap.csv");
    writeFileSync(path, csvOf(1));
    const asked = await mcp.call("update_users_from_csv", csvFile(path));
    const { confirmToken, preview } = asked.structuredContent as {
      confirmToken: string;
      preview: { files: { data: Array<{ size: number; sha256: string; rows: number }> } };
    };
    expect(preview.files.data[0]).toMatchObject({ size: csvOf(1).length, sha256: sha256(csvOf(1)), rows: 1 });
    writeFileSync(path, csvOf(500));
    const swapped = await mcp.call("update_users_from_csv", { ...csvFile(path), confirm: confirmToken });
    expect(swapped.isError).toBe(true);
    expect(textOf(swapped)).toMatch(
      new RegExp(`if one changed since the preview, the token no longer matches \\(now: "swap.csv" ${csvOf(500).length} bytes`),
    );
    expect(textOf(swapped)).toMatch(/Nothing was sent\.$/);
    expect(api.requests).toHaveLength(0);
    writeFileSync(path, csvOf(1));
    const sent = await mcp.call("update_users_from_csv", { ...csvFile(path), confirm: confirmToken });
    expect(sent.isError, textOf(sent)).toBeFalsy();
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.body).toContain(csvOf(1));
  });

  it("asks before upload_message_images sends a local image (a token, or the user through elicitation)", async () => {
    const mcp = await api.connect({ uploadDirs: [dir] });
    const asked = await mcp.call("upload_message_images", images(join(dir, "chart.png")));
    expect(asked.isError).toBeFalsy();
    expect(asked.structuredContent).toMatchObject({
      confirmationRequired: true,
      preview: { files: { images: [{ name: "chart.png", size: PNG.length, sha256: sha256(PNG) }] } },
    });
    expect(api.requests).toHaveLength(0);
    const token = (asked.structuredContent as { confirmToken: string }).confirmToken;
    const sent = await mcp.call("upload_message_images", { ...images(join(dir, "chart.png")), confirm: token });
    expect(sent.isError, textOf(sent)).toBeFalsy();
    expect(api.requests).toHaveLength(1);

    const prompts: string[] = [];
    const user = await api.connect({
      uploadDirs: [dir],
      elicit: (message) => {
        prompts.push(message);
        return { action: "decline" };
      },
    });
    const declined = await user.call("upload_message_images", images(join(dir, "chart.png")));
    expect(textOf(declined)).toMatch(/^Cancelled: the user did not confirm upload_message_images/);
    expect(prompts[0]).toContain(sha256(PNG));
    expect(api.requests).toHaveLength(1);
    // A base64 image is not read off the disk: it still goes out without a question.
    const inline = await mcp.call("upload_message_images", { images: [{ base64: PNG.toString("base64") }] });
    expect(inline.isError, textOf(inline)).toBeFalsy();
    expect(api.requests).toHaveLength(2);
  });

  it("takes its folders from RETURNING_AI_UPLOAD_DIRS in a server a client spawns over stdio", async () => {
    const server = await spawnServer(process.execPath, [CLI, "--sandbox"], { RETURNING_AI_UPLOAD_DIRS: dir });
    try {
      const call = async (path: string) =>
        (await server.client.callTool({ name: "upload_message_images", arguments: images(path) })) as CallToolResult;
      expect((await call(join(dir, "chart.png"))).structuredContent).toMatchObject({ confirmationRequired: true });
      const refused = await call(join(outside, "users.csv"));
      expect(textOf(refused)).toMatch(
        /is outside the folders uploads may read \(.+\); add its folder to RETURNING_AI_UPLOAD_DIRS/,
      );
    } finally {
      await server.close();
    }
  });

  it("reads no folder by default when started in / (as desktop clients start servers), and says which setting allows one", async () => {
    const server = await spawnServer(process.execPath, [CLI, "--sandbox"], {}, "/");
    try {
      const args = images(join(dir, "chart.png"));
      const refused = (await server.client.callTool({ name: "upload_message_images", arguments: args })) as CallToolResult;
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toMatch(
        /is outside the folders uploads may read \(none\); add its folder to RETURNING_AI_UPLOAD_DIRS/,
      );
    } finally {
      await server.close();
    }
  });

  it("reads inside the roots of a client that declares them, instead of the setting's folders", async () => {
    const mcp = await api.connect({ uploadDirs: [dir], roots: [pathToFileURL(outside).href] });
    const inRoots = await mcp.call("update_users_from_csv", { ...csvFile(join(outside, "users.csv")), dryRun: true });
    expect(inRoots.isError, textOf(inRoots)).toBeFalsy();
    const inSetting = await mcp.call("update_users_from_csv", { ...csvFile(join(dir, "users.csv")), dryRun: true });
    expect(textOf(inSetting)).toMatch(ONE_LINE);
    expect(textOf(inSetting)).toMatch(/is outside the folders uploads may read \(.+\); add its folder to the client's roots/);
    expect(readFileSync(join(dir, "users.csv"), "utf8")).toBe(csvOf(1));
  });
});
