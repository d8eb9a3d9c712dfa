import { createHash } from "node:crypto";
import { basename } from "node:path";
import { LocalFileError, readLocalFile, type UploadFolders } from "./local-files.js";
import type { UploadKind } from "./types.js";

/** What each kind of upload accepts; the README's upload limits are these numbers. */
export const UPLOAD_LIMITS: Readonly<Record<UploadKind, { maxBytes: number; types: readonly string[] }>> = {
  image: { maxBytes: 10 * 1024 * 1024, types: ["image/png", "image/jpeg", "image/gif", "image/webp"] },
  csv: { maxBytes: 20 * 1024 * 1024, types: ["text/csv"] },
};

/** What a confirmation preview shows of a CSV upload (csv.ts checks the file and fills it in). */
export interface CsvSummary {
  columns: string[];
  rows: number;
}

/** A file ready to send: its bytes stay here; previews show only name, type and size. */
export interface Upload {
  name: string;
  type: string;
  size: number;
  bytes: Buffer;
  /** Hex SHA-256 of the bytes: a confirmation binds it, so a file swapped after its preview is refused. */
  sha256: string;
  /** Read from a local path (not sent as base64): such an upload always asks for confirmation. */
  local: boolean;
  /** For a CSV: its header and row count, checked against the tool's column rules. */
  csv?: CsvSummary;
}

/** Raised before anything is sent when a file is missing, too big or of the wrong type. */
export class UploadError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = "UploadError";
  }
}

const MAGIC: ReadonlyArray<[string, (b: Buffer) => boolean]> = [
  ["image/png", (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ["image/jpeg", (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ["image/gif", (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString("latin1"))],
  ["image/webp", (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP"],
];

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The file's real type from its bytes (never from its name), or an error saying why it does not fit. */
export function detectType(bytes: Buffer, accept: UploadKind): string | Error {
  if (accept === "image") {
    const found = MAGIC.find(([, test]) => test(bytes))?.[0];
    return found ?? new Error(`not an image of an accepted type (${UPLOAD_LIMITS.image.types.join(", ")})`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return new Error("not a CSV file: it is not UTF-8 text");
  }
  if (text.includes("\0")) return new Error("not a CSV file: it contains NUL bytes");
  const header = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/, 1)[0]
    ?.trim();
  if (!header) return new Error("not a CSV file: the first line (the header row) is empty");
  return "text/csv";
}

const STRICT_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const DEFAULT_NAMES: Record<string, string> = {
  "image/png": "image.png",
  "image/jpeg": "image.jpg",
  "image/gif": "image.gif",
  "image/webp": "image.webp",
  "text/csv": "upload.csv",
};

export interface FileArgument {
  path?: string;
  base64?: string;
  name?: string;
}

/** How a call may read local paths: absent over HTTP, where a remote client must never read the server's disk. */
export interface LocalReads {
  /** The allowed folders, looked up once per call and only when a path is given (roots cost a round trip). */
  folders(): Promise<UploadFolders>;
  signal?: AbortSignal;
}

/** Reads and checks one file argument; `local` is absent when paths are refused. */
export async function loadUpload(arg: FileArgument, field: string, accept: UploadKind, local?: LocalReads): Promise<Upload> {
  const { maxBytes, types } = UPLOAD_LIMITS[accept];
  let bytes: Buffer;
  if (arg.path !== undefined) {
    if (!local) throw new UploadError(field, "local paths are only read over stdio; send the file as base64");
    try {
      bytes = await readLocalFile(arg.path, await local.folders(), maxBytes, local.signal);
    } catch (error) {
      if (error instanceof LocalFileError) throw new UploadError(field, error.message);
      throw error;
    }
  } else {
    const text = (arg.base64 ?? "").replace(/\s+/g, "").replace(/^data:[^,]*;base64,/, "");
    if (!STRICT_BASE64.test(text) || text.length % 4 === 1) throw new UploadError(field, "base64 is not valid base64 text");
    if (Math.floor((text.length * 3) / 4) > maxBytes + 2)
      throw new UploadError(field, `the file is larger than ${maxBytes} bytes`);
    bytes = Buffer.from(text, "base64");
  }
  if (bytes.length === 0) throw new UploadError(field, "the file is empty");
  if (bytes.length > maxBytes) throw new UploadError(field, `the file has ${bytes.length} bytes; the limit is ${maxBytes}`);
  const type = detectType(bytes, accept);
  if (type instanceof Error) throw new UploadError(field, type.message);
  if (!types.includes(type)) throw new UploadError(field, `type ${type} is not accepted`);
  const name = arg.name ?? (arg.path ? basename(arg.path) : (DEFAULT_NAMES[type] ?? "upload"));
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { name, type, size: bytes.length, bytes, sha256, local: arg.path !== undefined };
}
