import { readFileSync } from "node:fs";
import { packageFile } from "../package-file.js";
import type { Guide } from "./types.js";

/**
 * A page of docs/, which people read on GitHub and in the package and assistants read as a resource:
 * one text for both. Read once, on first use (dist/resources/ and src/resources/ both sit two levels down).
 */
export function docsPage(file: string): () => string {
  let text: string | undefined;
  return () => {
    text ??= readFileSync(packageFile(`docs/${file}`), "utf8");
    return text;
  };
}

/** A guide whose text is a page of docs/. */
export const docsGuide = (file: string, guide: Omit<Guide, "page" | "text">): Guide => ({
  ...guide,
  page: `docs/${file}`,
  text: docsPage(file),
});
