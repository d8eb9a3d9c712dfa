import { readFileSync } from "node:fs";
import { packageFile } from "./package-file.js";

/** Read once from package.json so that --version, the MCP handshake and the User-Agent agree. */
export const VERSION: string = (JSON.parse(readFileSync(packageFile("package.json"), "utf8")) as { version: string }).version;
