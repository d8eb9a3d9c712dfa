import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";

const TEST = new URL("../", import.meta.url);
const GROUPS = ["engine", "sandbox", "release"];

/** vitest.config.ts picks a test file's group by its folder: a file anywhere else would never run. */
describe("test groups", () => {
  it("has every test file inside a group's folder", () => {
    const files = readdirSync(TEST, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".test.ts"));
    expect(files.length).toBeGreaterThan(40);
    expect(files.filter((f) => !GROUPS.includes(f.split(/[\\/]/)[0] ?? ""))).toEqual([]);
  });
});
