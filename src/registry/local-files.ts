import { constants, type Stats } from "node:fs";
import { open, readlink, realpath, stat } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";

/**
 * Reading a local file for an upload (stdio only). A path comes from the model, so it is read
 * only inside the allowed folders (the client's MCP roots, else RETURNING_AI_UPLOAD_DIRS), never
 * from a hidden file or a system tree unless a folder names it, and only if it is a regular file:
 * a FIFO or device is refused before it is opened (opening a FIFO blocks a thread-pool thread for
 * ever), and the byte cap holds while reading, since a pseudo-file's stat size means nothing.
 */

export const UPLOAD_DIRS_SETTING = "RETURNING_AI_UPLOAD_DIRS";

/** Trees that hold credentials or endless pseudo-files: read only when an allowed folder lies inside one. */
export const SYSTEM_TREES = ["/proc", "/sys", "/dev", "/etc", "/private/etc"] as const;

/** Bytes per read: a multiple of 8, since /proc/self/pagemap refuses reads of other sizes. */
const CHUNK = 1 << 20;

/** The folders a call may read from, and who chose them (for the error that says how to widen them). */
export interface UploadFolders {
  dirs: readonly string[];
  source: "roots" | "setting";
}

/** A path that may not or cannot be read; the message is one line and says what would allow it. */
export class LocalFileError extends Error {
  override name = "LocalFileError";
}

/** The path as the error shows it: quoted, escaped (no line breaks) and cut. */
export const quotePath = (path: string): string => JSON.stringify(path.length > 200 ? `${path.slice(0, 197)}...` : path);

const within = (parent: string, child: string): boolean => {
  const rel = relative(parent, child);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
};

const isHiddenBelow = (folder: string, path: string): boolean =>
  relative(folder, path)
    .split(sep)
    .some((segment) => segment.startsWith("."));

function widen(folders: UploadFolders): { allow: string; names: string } {
  return folders.source === "roots"
    ? { allow: "add its folder to the client's roots", names: "one of the client's roots is" }
    : { allow: `add its folder to ${UPLOAD_DIRS_SETTING}`, names: `${UPLOAD_DIRS_SETTING} names` };
}

/** Why `path` (absolute, normalised) may not be read from `dirs`, or undefined when it may. */
function folderProblem(shown: string, path: string, dirs: readonly string[], folders: UploadFolders): string | undefined {
  const how = widen(folders);
  const inside = dirs.filter((dir) => within(dir, path));
  if (!inside.length) {
    const listed = folders.dirs.join(", ").slice(0, 300) || "none";
    return `${shown} is outside the folders uploads may read (${listed}); ${how.allow}`;
  }
  const visible = inside.filter((dir) => !isHiddenBelow(dir, path));
  if (!visible.length) return `${shown} is hidden or in a hidden folder; uploads read one only when ${how.names} that folder`;
  const tree = SYSTEM_TREES.find((t) => within(t, path));
  if (tree && !visible.some((dir) => within(tree, dir))) {
    return `${shown} is in ${tree}, which uploads read only when ${how.names} it or a folder inside it`;
  }
  return undefined;
}

const realOrNone = (dir: string): Promise<string[]> =>
  realpath(dir).then(
    (r) => [r],
    () => [],
  );

const kindOf = (s: Stats): string =>
  s.isFIFO()
    ? "a FIFO"
    : s.isCharacterDevice() || s.isBlockDevice()
      ? "a device"
      : s.isSocket()
        ? "a socket"
        : s.isDirectory()
          ? "a folder"
          : "not a regular file";

const errno = (error: unknown): string => (error as NodeJS.ErrnoException)?.code ?? "error";

/**
 * Checks `path` against the folder rules (before and after resolving symlinks, so that a refused
 * path is not even looked up), then reads it: at most `maxBytes`, cancellable between chunks.
 */
export async function readLocalFile(
  path: string,
  folders: UploadFolders,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<Buffer> {
  const shown = quotePath(path);
  const absolute = resolve(path);
  const realDirs = (await Promise.all(folders.dirs.map(realOrNone))).flat();
  const early = folderProblem(shown, absolute, [...folders.dirs.map((d) => resolve(d)), ...realDirs], folders);
  if (early) throw new LocalFileError(early);
  let real: string;
  try {
    real = await realpath(absolute);
  } catch (error) {
    throw new LocalFileError(`cannot open ${shown}: ${errno(error)}`);
  }
  const late = folderProblem(real === absolute ? shown : `${shown} (a link to ${quotePath(real)})`, real, realDirs, folders);
  if (late) throw new LocalFileError(late);
  // stat, not open: opening a FIFO or a device can block or have effects of its own.
  const before = await stat(real).catch((error: unknown) => {
    throw new LocalFileError(`cannot open ${shown}: ${errno(error)}`);
  });
  if (!before.isFile()) throw new LocalFileError(`${shown} is ${kindOf(before)}; only regular files are read`);
  if (before.size > maxBytes) throw new LocalFileError(`${shown} has ${before.size} bytes; the limit is ${maxBytes}`);
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);
  const handle = await open(real, flags).catch((error: unknown) => {
    throw new LocalFileError(`cannot open ${shown}: ${errno(error)}`);
  });
  try {
    const opened = await handle.stat();
    // Where Linux says the handle points: a folder swapped for a link after the checks shows here.
    const at = await readlink(`/proc/self/fd/${handle.fd}`).catch(() => real);
    if (!opened.isFile() || opened.ino !== before.ino || opened.dev !== before.dev || at !== real) {
      throw new LocalFileError(`${shown} changed while it was being opened; try again`);
    }
    // Small files read in one small chunk; a file that says 0 bytes (a pseudo-file) in full ones.
    const size = opened.size > 0 ? Math.min(CHUNK, Math.ceil((opened.size + 1) / 8) * 8) : CHUNK;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      if (signal?.aborted) throw new LocalFileError(`reading ${shown} was cancelled`);
      const chunk = Buffer.allocUnsafe(size);
      const { bytesRead } = await handle.read(chunk, 0, size, null).catch((error: unknown) => {
        throw new LocalFileError(`cannot read ${shown}: ${errno(error)}`);
      });
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw new LocalFileError(`${shown} holds more than ${maxBytes} bytes, the limit`);
    }
    // A /proc or /sys pseudo-file says 0 bytes and then yields content: not a file to upload.
    if (opened.size === 0 && total > 0) {
      throw new LocalFileError(`${shown} is a pseudo-file (it reports 0 bytes); only regular files are read`);
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}
