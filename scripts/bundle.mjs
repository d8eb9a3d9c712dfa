// Bundles the CLI into one file (dist/cli.js, over tsc's output): loading one module instead of
// several hundred is what brings a stdio server's start under a bare SDK server's. The HTTP
// transport stays a dynamic import, evaluated only in --http mode.
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli.ts"],
  outfile: "dist/cli.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  // Some dependencies (undici) are CommonJS and require Node built-ins; ESM has no `require`.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
