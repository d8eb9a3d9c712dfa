// Bundles the CLI into one file (dist/cli.js, over tsc's output): loading one module instead of
// several hundred is what brings a stdio server's start under a bare SDK server's. The HTTP
// transport stays a dynamic import, evaluated only in --http mode; Redis and OpenTelemetry stay out.
import { rmSync } from "node:fs";
import { basename, dirname, relative } from "node:path";
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli.ts"],
  outfile: "dist/cli.js",
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
  plugins: [
    {
      name: "lazy-modules",
      setup(b) {
        b.onResolve({ filter: /^\.\/(redis|otel)\.js$/ }, (args) => ({
          path: `./${relative("src", relative(process.cwd(), dirname(args.importer)))}/${basename(args.path)}`,
          external: true,
        }));
      },
    },
  ],
  // Some dependencies (undici) are CommonJS and require Node built-ins; ESM has no `require`.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
// tsc's map of the file this bundle replaced would point at the wrong code.
rmSync("dist/cli.js.map", { force: true });
