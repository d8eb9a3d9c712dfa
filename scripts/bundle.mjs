// @ts-check
/**
 * Builds the Claude Desktop bundle (.mcpb): the packed npm package (what `npm pack` ships, built by
 * its prepack script), its production dependencies, and manifest.json, zipped by the official mcpb CLI.
 *
 *   npm run bundle                                  -> bundle/returning-ai-mcp-<version>.tgz and .mcpb
 *   node scripts/bundle.mjs --tarball x.tgz --out d  -> reuse a packed tarball, write the .mcpb into d
 *
 * Dependencies come from the npm cache when they can (offline), so a second build needs no network.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const ROOT = resolve(import.meta.dirname, "..");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const MCPB = join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "mcpb.cmd" : "mcpb");

/** @param {string} command @param {string[]} args @param {string} cwd */
const run = (command, args, cwd) =>
  execFileSync(command, args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    shell: process.platform === "win32",
  });

/** Packs the package as npm would publish it (prepack builds dist) and returns the tarball's path. @param {string} dest */
function pack(dest) {
  const [info] = JSON.parse(run(NPM, ["pack", "--json", "--pack-destination", dest], ROOT));
  return join(dest, info.filename);
}

/** Installs the production dependencies that package-lock.json pins, from the cache if it has them. @param {string} dir */
function installDependencies(dir) {
  copyFileSync(join(ROOT, "package-lock.json"), join(dir, "package-lock.json"));
  const base = ["ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund"];
  try {
    run(NPM, [...base, "--offline"], dir);
  } catch {
    run(NPM, [...base, "--prefer-offline"], dir);
  }
  rmSync(join(dir, "package-lock.json"));
}

/**
 * @param {{ tarball?: string, out: string }} options
 * @returns {string} the .mcpb file written
 */
export function buildBundle({ tarball, out }) {
  const work = mkdtempSync(join(tmpdir(), "returning-ai-mcpb-"));
  try {
    mkdirSync(out, { recursive: true });
    // The npm package is a deliverable too (for the other clients): packed next to the bundle.
    const packed = tarball ? resolve(tarball) : pack(out);
    run("tar", ["-xzf", packed, "-C", work], ROOT);
    const dir = join(work, "package");
    copyFileSync(join(ROOT, "manifest.json"), join(dir, "manifest.json"));
    installDependencies(dir);
    const { version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const file = join(out, `returning-ai-mcp-${version}.mcpb`);
    run(MCPB, ["pack", dir, file], ROOT);
    return file;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { tarball: { type: "string" }, out: { type: "string" } } });
  const file = buildBundle({ tarball: values.tarball, out: resolve(values.out ?? join(ROOT, "bundle")) });
  process.stderr.write(`Built ${file}\n`);
}
