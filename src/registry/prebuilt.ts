import type { ListedTool } from "./listing.js";

/**
 * Every registry tool as tools/list shows it, by name. Empty here, so that tsc's output (the tests,
 * the bench) builds each listing on first use; the bundle (scripts/bundle-cli.mjs) replaces this
 * module with the listings built from the same registry, because turning 132 zod schemas into
 * JSON Schema was the largest part of a server's start. test/engine/startup.test.ts holds the two equal.
 */
export const PREBUILT_LISTINGS: Readonly<Record<string, ListedTool>> = {};
