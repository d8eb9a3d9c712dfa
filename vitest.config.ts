import { defineConfig } from "vitest/config";

// Several tests spawn the CLI or npm: on a loaded two-core machine a start alone can take seconds,
// so the default 5 s would fail them on load rather than on behaviour. Hangs still end, at 60 s.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
