// Builds dist/: every source file transpiled one for one by esbuild (types stripped, no checking),
// then the CLI bundled over them (scripts/bundle-cli.mjs). Type checking is its own step
// (`npm run typecheck`: one tsc pass over the sources and the tests together), so the build takes
// about a second instead of a second full tsc pass over src. tsconfig's `isolatedModules` makes tsc
// refuse what a file-by-file transpiler cannot get right (a type re-exported as a value).
import { readdirSync } from "node:fs";
import { build } from "esbuild";

const entryPoints = readdirSync("src", { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))
  .map((file) => `src/${file}`);

await build({
  entryPoints,
  outdir: "dist",
  outbase: "src",
  bundle: false,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
});

await import("./bundle-cli.mjs");
