import { fileURLToPath } from "node:url";
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { LocalFileError, type UploadFolders } from "../registry/local-files.js";

/** How long a client may take to list its roots before the upload is refused. */
const ROOTS_TIMEOUT_MS = 10_000;

const folderOf = (uri: string): string[] => {
  try {
    return uri.startsWith("file:") ? [fileURLToPath(uri)] : [];
  } catch {
    return []; // file://host/... names another machine's disk
  }
};

/**
 * The folders an upload may read: the client's MCP roots when it declares the capability and
 * lists any (file:// ones; the user chose them in the client), otherwise the configured folders.
 */
export async function uploadFolders(server: Server, configured: readonly string[], signal?: AbortSignal): Promise<UploadFolders> {
  if (!server.getClientCapabilities()?.roots) return { dirs: configured, source: "setting" };
  let roots: { uri: string }[];
  try {
    ({ roots } = await server.listRoots(undefined, { signal, timeout: ROOTS_TIMEOUT_MS }));
  } catch (error) {
    const why = String((error as Error)?.message ?? error)
      .replace(/\s+/g, " ")
      .slice(0, 200);
    throw new LocalFileError(`the client's roots, which decide the folders uploads may read, could not be listed (${why})`);
  }
  const dirs = roots.flatMap((root) => folderOf(root.uri));
  return dirs.length ? { dirs, source: "roots" } : { dirs: configured, source: "setting" };
}
