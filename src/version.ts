import { readFileSync } from "node:fs";

/** Read once from package.json so that --version, the MCP handshake and the User-Agent agree. */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;
