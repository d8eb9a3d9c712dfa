import { defineConfig } from "vitest/config";

// A test file's folder decides its group:
// - engine: our rules (registry, call path, gate, redaction, views, client, wire) against real local servers;
// - sandbox: what the simulator does;
// - release: the shipped artefact (package, install, bundle, bench smoke, the CLI as spawned), `npm run test:release`.
// `npm test` runs engine and sandbox; CI runs all three. test/engine/groups.test.ts refuses a test file outside them.
//
// Engine and sandbox files share their workers' module graph (isolate: false): importing the server
// once per worker instead of once per file is most of what `npm test` saves. They may do so because
// no test changes process-wide state (environment, globals, cwd); a child process gets its own.
//
// Most of a test file's time is spent waiting (on a spawned CLI, a deadline, a socket), not computing:
// three workers keep two cores busy where vitest's default (cores - 1) would run one file at a time.
// Several tests spawn the CLI: the timeouts only end a hang, they measure nothing.
const shared = { testTimeout: 60_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    maxWorkers: 3,
    projects: [
      { test: { ...shared, name: "engine", include: ["test/engine/**/*.test.ts"], isolate: false } },
      { test: { ...shared, name: "sandbox", include: ["test/sandbox/**/*.test.ts"], isolate: false } },
      { test: { ...shared, name: "release", include: ["test/release/**/*.test.ts"] } },
    ],
  },
});
