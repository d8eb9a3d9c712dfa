/**
 * A file of the installed package (package.json, docs/ ...). Resolved from this module, which sits
 * one level below the package root both as tsc writes it (dist/package-file.js) and inside the
 * bundled dist/cli.js, so that every reader finds the same file in either layout.
 */
export const packageFile = (path: string): URL => new URL(`../${path}`, import.meta.url);
