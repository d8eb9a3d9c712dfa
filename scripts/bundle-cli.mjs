// Bundles the CLI into one file (dist/cli.js, over tsc's output): loading one module instead of
// several hundred is what brings a stdio server's start under a bare SDK server's. The HTTP
// transport stays a dynamic import, evaluated only in --http mode.
import { rmSync } from "node:fs";
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
  // Some dependencies (undici) are CommonJS and require Node built-ins; ESM has no `require`.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
// tsc's map of the file this bundle replaced would point at the wrong code.
rmSync("dist/cli.js.map", { force: true });
