import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectTools } from "../../src/catalog/filters.js";
import { ALL_TOOLS } from "../../src/catalog/index.js";
import { parseConfig, SETTINGS } from "../../src/config.js";
import { ConfigError } from "../../src/errors.js";
import { gateSchema } from "../../src/registry/gate-args.js";
import { argumentShapeProblem } from "../../src/registry/input-guard.js";
import type { ToolDef } from "../../src/registry/types.js";
import { type Connected, connectInMemory, recordingApi, textOf } from "../support/helpers.js";

/**
 * Property-based fuzzing of every tool's arguments, through a real MCP client and server, with a
 * local API that records what reaches it. Whatever the arguments: the call never ends in a
 * protocol error, nothing is sent unless every value is valid, and a refusal names the field.
 */

const KEY = "rk_test_fuzz_0001";
/** Runs in all; a few per tool, so that the file stays a few seconds however many tools there are. */
const RUNS = Math.max(300, ALL_TOOLS.length * 4);

/** Awkward values: any JSON, text with lone surrogates or control characters, hostile URLs, deep nesting. */
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "javascript:alert(1)",
    "file:///etc/passwd",
    "../../admin",
    "a/b?c#d",
    "%2e%2e",
    "\ud800",
    "x".repeat(5_000),
    "keyword:",
    ":asc",
    -1,
    1e308,
    0.5,
    true,
    null,
    [],
    {},
  ),
  fc.integer({ min: 20, max: 200 }).map((depth) => {
    let v: unknown = 1;
    for (let i = 0; i < depth; i++) v = { n: v };
    return v;
  }),
);

const byName = (name: string): ToolDef => ALL_TOOLS.find((t) => t.name === name) as ToolDef;

/** One of the tool's own fields, or any name at all. */
function fieldOf(tool: ToolDef): fc.Arbitrary<string> {
  const any = fc.string({ minLength: 1, maxLength: 12 });
  const own = Object.keys(tool.input.shape);
  return own.length ? fc.oneof(fc.constantFrom(...own), any) : any;
}

/** Whether the server may send these arguments: the same checks, run here independently of the call. */
function valid(tool: ToolDef, args: Record<string, unknown>): boolean {
  if (argumentShapeProblem(args)) return false;
  const gate = gateSchema(tool);
  const own = Object.fromEntries(Object.entries(args).filter(([k]) => !(k in gate.shape)));
  const gated = Object.fromEntries(Object.entries(args).filter(([k]) => k in gate.shape));
  return gate.safeParse(gated).success && tool.input.safeParse(own).success;
}

describe("fuzzing every tool's arguments", () => {
  let api: Awaited<ReturnType<typeof recordingApi>>;
  let mcp: Connected;

  beforeAll(async () => {
    api = await recordingApi();
    mcp = await connectInMemory({ baseUrl: api.url, apiKey: KEY, tools: ALL_TOOLS });
  });
  afterAll(async () => {
    await mcp.close();
    await api.close();
  });

  /** Calls and checks the three properties; returns the result's text. */
  async function check(tool: ToolDef, args: Record<string, unknown>): Promise<string> {
    api.requests.length = 0;
    const result = await mcp.call(tool.name, args); // a protocol error rejects, failing the property
    const text = textOf(result);
    if (api.requests.length > 0) expect(valid(tool, args), `${tool.name} sent ${JSON.stringify(args).slice(0, 300)}`).toBe(true);
    if (result.isError && text.startsWith("Invalid arguments")) {
      expect(text).toMatch(new RegExp(`^Invalid arguments for ${tool.name}: .+: .+\\. Nothing was sent\\.$`, "s"));
    }
    return text;
  }

  it("one field of a valid call replaced by anything: refused naming that field, or valid", async () => {
    const mutation = fc.constantFrom(...ALL_TOOLS.map((t) => t.name)).chain((name) =>
      fc.record({
        name: fc.constant(name),
        field: fieldOf(byName(name)),
        value: nasty,
      }),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async ({ name, field, value }) => {
        const tool = byName(name);
        const gate = gateSchema(tool).shape;
        fc.pre(!(field in gate) && field !== "__proto__");
        const args = { ...tool.example, [field]: value };
        const result = await check(tool, args);
        if (!valid(tool, args)) {
          expect(result).toMatch(/^Invalid arguments for /);
          // The problem is where the value was put: the error names that field (quoted if it is odd).
          expect(result.includes(`${tool.name}: ${field}`) || result.includes(JSON.stringify(field)), result).toBe(true);
        }
      }),
      { numRuns: RUNS, seed: 20261127 },
    );
  }, 60_000);

  it("arbitrary argument objects never crash the server or reach the API unvalidated", async () => {
    const anyCall = fc.record({
      name: fc.constantFrom(...ALL_TOOLS.map((t) => t.name)),
      args: fc.dictionary(fc.string({ unit: "binary", maxLength: 10 }), nasty, { maxKeys: 4 }),
    });
    await fc.assert(
      fc.asyncProperty(anyCall, async ({ name, args }) => {
        await check(byName(name), args);
      }),
      { numRuns: RUNS, seed: 20261128 },
    );
  }, 60_000);
});

/**
 * Upload paths: weird, relative, `..`, links in and out, special files. Whatever the path: no
 * protocol error, nothing sent (no call here is confirmed), a refusal is one line, and a preview,
 * or any refusal that comes after reading, happens only for a file inside the allowed folder.
 */
describe("fuzzing upload paths", () => {
  let api: Awaited<ReturnType<typeof recordingApi>>;
  let mcp: Connected;
  let dir: string;
  let outside: string;

  beforeAll(async () => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), "rai-fuzz-")));
    outside = realpathSync(mkdtempSync(join(tmpdir(), "rai-fuzz-out-")));
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex");
    const csv = "email,xp_op,xp\na@example.com,add,1\n";
    mkdirSync(join(dir, "sub"));
    mkdirSync(join(dir, ".git"));
    for (const [name, content] of [
      ["ok.png", png],
      ["ok.csv", csv],
      ["sub/ok.png", png],
      [".hidden.png", png],
      [".git/x.csv", csv],
      ["empty.csv", ""],
      ["bad.txt", "a\0b"],
    ] as const) {
      writeFileSync(join(dir, name), content);
    }
    writeFileSync(join(outside, "out.png"), png);
    symlinkSync(join(dir, "ok.png"), join(dir, "link-in.png"));
    symlinkSync("/etc/passwd", join(dir, "link-out"));
    symlinkSync(outside, join(dir, "link-dir"));
    symlinkSync(join(dir, "loop2"), join(dir, "loop1"));
    symlinkSync(join(dir, "loop1"), join(dir, "loop2"));
    execFileSync("mkfifo", [join(dir, "pipe")]);
    api = await recordingApi();
    mcp = await connectInMemory({ baseUrl: api.url, apiKey: KEY, tools: ALL_TOOLS, uploadDirs: [dir] });
  });
  afterAll(async () => {
    await mcp.close();
    await api.close();
  });

  /** The rule, written again here: the real path is inside the folder and no name below it is hidden. */
  function allowed(path: string): boolean {
    let real: string;
    try {
      real = realpathSync(resolve(path));
    } catch {
      return false;
    }
    const rel = relative(dir, real);
    return !isAbsolute(rel) && rel !== ".." && !rel.startsWith(`..${sep}`) && !rel.split(sep).some((s) => s.startsWith("."));
  }

  /** Refusals that come before the file's bytes are read. */
  const BEFORE_READING =
    /is outside the folders uploads may read|is hidden or in a hidden folder|which uploads read only when|: cannot open |is (a FIFO|a device|a socket|a folder|not a regular file); only|has \d+ bytes; the limit|\.path: |give exactly one of path or base64/;

  const segment = fc.constantFrom(
    "..",
    ".",
    "",
    "ok.png",
    "ok.csv",
    "sub",
    ".hidden.png",
    ".git",
    "x.csv",
    "link-in.png",
    "link-out",
    "link-dir",
    "out.png",
    "loop1",
    "pipe",
    "empty.csv",
    "bad.txt",
    "a\0b",
    "%2e%2e",
    "~",
    "a\nb",
  );
  const relativePath = fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => s.join("/"));
  const path = fc.oneof(
    relativePath.map((r) => `${dir}/${r}`),
    relativePath,
    fc.constantFrom(
      "/etc/passwd",
      "/etc/shadow",
      "/proc/self/pagemap",
      "/proc/self/maps",
      "/dev/zero",
      "/dev/null",
      "/",
      "~/.ssh/id_rsa",
      "file:///etc/passwd",
      "C:\\Windows\\win.ini",
    ),
    fc.string({ unit: "binary", minLength: 1, maxLength: 30 }),
  );

  it("never crashes, never reads outside the allowed folder, and answers one line or a preview", async () => {
    const call = fc.record({ path, image: fc.boolean(), dryRun: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(call, async ({ path, image, dryRun }) => {
        const [name, args] = image
          ? ["upload_message_images", { images: [{ path }] }]
          : ["update_users_from_csv", { file: { path } }];
        const result = await mcp.call(name, { ...args, ...(dryRun ? { dryRun } : {}) });
        const text = textOf(result);
        expect(api.requests).toHaveLength(0);
        if (result.isError) {
          expect(text).toMatch(new RegExp(`^Invalid arguments for ${name}: [^\\n]+\\. Nothing was sent\\.$`));
          if (!BEFORE_READING.test(text)) expect(allowed(path), `${JSON.stringify(path)} was read: ${text}`).toBe(true);
        } else {
          const shown = result.structuredContent as { request?: { files?: unknown }; preview?: { files?: unknown } };
          expect((shown.request ?? shown.preview)?.files, text).toBeDefined();
          expect(allowed(path), `${JSON.stringify(path)} was previewed`).toBe(true);
        }
      }),
      { numRuns: 300, seed: 20261202 },
    );
  }, 60_000);
});

/** A key as a dashboard hands it out: what must never be echoed, wherever it is pasted. */
const secretLike = fc
  .string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 24, maxLength: 40 })
  .map((hex) => `rk_live_${hex}`);

/** Setting values: anything, near misses of valid ones, and keys pasted as they are or inside a URL. */
const settingValue = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom("", " ", "0", "1", "-1", "65536", "1e3", "true", "y", "::1", "[::1]", "localhost", "https://", "*", ","),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  secretLike,
  secretLike.map((key) => `https://admin:${key}@api.example.com/v1`),
  secretLike.map((key) => `${key}\n`),
);

/** Every setting but the routes file (whose reading has tests of its own): drawn values go through parseConfig. */
const FUZZED_SETTINGS = SETTINGS.filter((s) => s.env !== "RETURNING_AI_ROUTES");

describe("fuzzing settings values", () => {
  it("gives a valid config or a one-line ConfigError, and never echoes a key", () => {
    const draw = fc.record({
      env: fc.dictionary(fc.constantFrom(...FUZZED_SETTINGS.map((s) => s.env)), settingValue, { maxKeys: 4 }),
      flags: fc.array(fc.tuple(fc.constantFrom(...FUZZED_SETTINGS.map((s) => s.flag).filter(Boolean)), settingValue), {
        maxLength: 2,
      }),
    });
    fc.assert(
      fc.property(draw, ({ env, flags }) => {
        const argv = flags.map(([flag, value]) => `${flag}=${value}`);
        const keys = [...Object.values(env), ...flags.map(([, value]) => value)].flatMap(
          (value) => value.match(/rk_live_[0-9a-f]+/g) ?? [],
        );
        try {
          const config = parseConfig(argv, env);
          selectTools(config.filter);
        } catch (error) {
          if (!(error instanceof ConfigError)) throw error;
          expect(error.message).not.toContain("\n");
          for (const key of keys) expect(error.message).not.toContain(key);
        }
      }),
      { numRuns: 2_000, seed: 20261202 },
    );
  });
});

/** Upstream answers: any JSON, enveloped or not, broken JSON, deep nesting, binary, and echoes of the key. */
const upstreamBody = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.jsonValue({ maxDepth: 3 }).map((data) => JSON.stringify({ meta: { status: "success", statusCode: 200 }, data })),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v).slice(0, -1)),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.integer({ min: 50, max: 200_000 }).map((depth) => `${"[".repeat(depth)}${"]".repeat(depth)}`),
  fc.integer({ min: 50, max: 50_000 }).map((depth) => `{"data":${'{"a":'.repeat(depth)}1${"}".repeat(depth)}}`),
  fc.constantFrom(
    JSON.stringify({ data: { echoed: KEY, upper: KEY.toUpperCase(), b64: Buffer.from(KEY).toString("base64") } }),
    JSON.stringify({ meta: { status: "error", statusCode: 401 }, message: `bad key ${KEY}` }),
    '{"data":{"__proto__":{"polluted":true},"constructor":{"prototype":1}}}',
    "<html><body>Bad gateway</body></html>",
    "null",
    "",
  ),
);

describe("fuzzing upstream bodies", () => {
  let body = "";
  let status = 200;
  let api: Awaited<ReturnType<typeof recordingApi>>;
  let mcp: Connected;

  beforeAll(async () => {
    api = await recordingApi((_req, res) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(body);
    });
    mcp = await connectInMemory({ baseUrl: api.url, apiKey: KEY, tools: ALL_TOOLS, client: { maxAttempts: 1 } });
  });
  afterAll(async () => {
    await mcp.close();
    await api.close();
  });

  it("always answers a tool result, never a protocol error, and never shows the key", async () => {
    const reads = ALL_TOOLS.filter((t) => t.risk === "read" && !t.legacy).map((t) => t.name);
    const draw = fc.record({
      name: fc.constantFrom(...reads),
      status: fc.constantFrom(200, 201, 204, 400, 401, 404, 422, 500, 503),
      body: upstreamBody,
    });
    await fc.assert(
      fc.asyncProperty(draw, async (drawn) => {
        ({ status, body } = drawn);
        const result = await mcp.call(drawn.name, byName(drawn.name).example); // a protocol error rejects
        expect(Array.isArray(result.content)).toBe(true);
        expect(JSON.stringify(result)).not.toContain(KEY);
      }),
      { numRuns: 300, seed: 20261203 },
    );
  }, 120_000);
});
