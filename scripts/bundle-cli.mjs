// Bundles the CLI (dist/cli.js and the chunks of its dynamic imports, over the per-file build): loading a few modules instead of
// several hundred is what brings a stdio server's start near a bare SDK server's. The HTTP
// transport stays a dynamic import, evaluated only in --http mode; Redis and OpenTelemetry stay out.
// The bench's bare SDK servers are bundled with the very same options, so that the start ratio
// compares like with like.
import { readdirSync, rmSync } from "node:fs";
import { basename, dirname, relative } from "node:path";
import { build } from "esbuild";

// Every tool's tools/list entry, built here from tsc's output of the same sources, so that a
// starting server does not turn 132 zod schemas into JSON Schema (src/registry/prebuilt.ts).
// (Imported by URL: the type check of this script should not wander into dist/.)
const dist = (/** @type {string} */ path) => import(new URL(`../dist/${path}`, import.meta.url).href);
const { ALL_TOOLS } = await dist("catalog/index.js");
const { listTool } = await dist("catalog/listing.js");
const listings = Object.fromEntries(ALL_TOOLS.map((/** @type {{ name: string }} */ tool) => [tool.name, listTool(tool)]));
/** @type {import("esbuild").Plugin} */
const prebuilt = {
  name: "prebuilt-listings",
  setup(b) {
    b.onLoad({ filter: /[\\/]registry[\\/]prebuilt\.ts$/ }, () => ({
      contents: `export const PREBUILT_LISTINGS = ${JSON.stringify(listings)};`,
      loader: "js",
    }));
  },
};

/** @type {import("esbuild").Plugin} */
const lazyModules = {
  name: "lazy-modules",
  setup(b) {
    b.onResolve({ filter: /^\.\/(redis|otel)\.js$/ }, (args) => ({
      path: `./${relative("src", relative(process.cwd(), dirname(args.importer)))}/${basename(args.path)}`,
      external: true,
    }));
  },
};

/** @type {import("esbuild").BuildOptions} */
const options = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // No source map: the package ships without maps, and names stay readable in stack traces unminified.
  logLevel: "warning",
  // Loaded from node_modules only when a setting asks for them (RETURNING_AI_STATE_URL,
  // OTEL_EXPORTER_OTLP_ENDPOINT): a default start neither parses nor evaluates them.
  // Their own modules stay tsc's files beside the bundle, imported at run time: bundled, their
  // imports of those packages would be hoisted to the top and load on every start.
  external: ["ioredis", "@opentelemetry/*"],
  plugins: [lazyModules],
  // Some dependencies (undici) are CommonJS and require Node built-ins; ESM has no `require`.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
};

// Split at dynamic imports: what only one mode needs (the sandbox, the HTTP transport) is a chunk
// of its own, parsed and evaluated only when that mode starts. Chunks sit beside cli.js, one level
// below the package root, as src/package-file.ts expects of every module.
for (const file of readdirSync("dist")) if (/^chunk-.*\.js$/.test(file)) rmSync(`dist/${file}`);
await build({
  ...options,
  entryPoints: { cli: "src/cli.ts" },
  outdir: "dist",
  splitting: true,
  chunkNames: "[name]-[hash]",
  plugins: [lazyModules, prebuilt],
});
for (const bare of ["bare-stdio", "bare-http"]) {
  await build({ ...options, entryPoints: [`src/bench/${bare}.ts`], outfile: `dist/bench/${bare}.js` });
}
// tsc's maps of the files these bundles replaced would point at the wrong code.
for (const file of ["cli", "bench/bare-stdio", "bench/bare-http"]) rmSync(`dist/${file}.js.map`, { force: true });
