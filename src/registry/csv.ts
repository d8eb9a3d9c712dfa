import type { CsvColumns, UploadSpec } from "./types.js";
import { type CsvSummary, type Upload, UploadError } from "./uploads.js";

/**
 * CSV uploads, read once and checked against the header rules of the tool's table before anything
 * is sent, so that a bulk update's confirmation can show how many rows and which columns it
 * carries, and a file the API would reject never leaves. The sandbox applies the same checks.
 */

/** The values an operator column (`<field>_op`) takes; the docs say lowercase, case sensitive. */
export const CSV_OPERATORS = ["add", "subtract", "overwrite"] as const;

const OPERATOR_SUFFIX = "_op";

/** A CSV that cannot be read or breaks its header rules; the message names the row or column. */
export class CsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CsvError";
  }
}

export interface CsvTable {
  /** Header names, trimmed. */
  columns: string[];
  /** Data rows (blank lines left out); a short row stands for blank trailing cells. */
  rows: string[][];
}

/** RFC 4180 records: quoted cells may hold commas, doubled quotes and line breaks; CRLF, LF or CR end a record. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  let quoteLine = 0;
  let line = 1;
  const endRecord = () => {
    record.push(cell);
    records.push(record);
    record = [];
    cell = "";
    line++;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        cell += c;
      }
    } else if (c === '"' && cell === "") {
      quoted = true;
      quoteLine = line;
    } else if (c === ",") {
      record.push(cell);
      cell = "";
    } else if (c === "\r") {
      if (text[i + 1] === "\n") i++;
      endRecord();
    } else if (c === "\n") endRecord();
    else cell += c;
  }
  if (quoted) throw new CsvError(`a quoted cell opened on line ${quoteLine} is never closed`);
  if (cell !== "" || record.length > 0) endRecord();
  return records;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

const isBlank = (record: string[]) => record.every((cell) => cell.trim() === "");

/** Decodes (UTF-8, optional BOM) and splits a CSV into its header and data rows. */
export function readCsv(bytes: Uint8Array): CsvTable {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new CsvError("the file is not UTF-8 text");
  }
  const records = parseCsv(text.replace(/^\uFEFF/, "")).filter((r) => !isBlank(r));
  const [header, ...rows] = records;
  if (!header) throw new CsvError("the file has no header row");
  return { columns: header.map((name) => name.trim()), rows };
}

const quote = (names: readonly string[]) => names.map((n) => `"${n}"`).join(", ");

function checkHeader(columns: string[], rules: CsvColumns): void {
  const seen = new Set<string>();
  columns.forEach((name, i) => {
    if (!name) throw new CsvError(`column ${i + 1} of the header row has no name`);
    if (seen.has(name)) throw new CsvError(`column "${name}" appears twice in the header row`);
    seen.add(name);
  });
  if (rules.allowed) {
    const allowed = new Set(rules.allowed);
    const unknown = columns.filter((name) => !allowed.has(name));
    if (unknown.length) {
      throw new CsvError(
        `unknown column${unknown.length > 1 ? "s" : ""} ${quote(unknown)}; the documented columns are ${quote(rules.allowed)}`,
      );
    }
  }
  const missing = (rules.required ?? []).filter((name) => !seen.has(name));
  if (missing.length) throw new CsvError(`missing column${missing.length > 1 ? "s" : ""} ${quote(missing)}`);
  if (!rules.operators) return;
  columns.forEach((name, i) => {
    if (!name.endsWith(OPERATOR_SUFFIX) || name === OPERATOR_SUFFIX) return;
    const field = name.slice(0, -OPERATOR_SUFFIX.length);
    if (columns[i + 1] !== field) throw new CsvError(`operator column "${name}" must come right before the "${field}" column`);
  });
}

/** Row numbers as a spreadsheet shows them: the header is row 1. */
function checkRows(table: CsvTable, rules: CsvColumns): void {
  const width = table.columns.length;
  const operatorColumns = rules.operators
    ? table.columns.flatMap((name, i) => (name.endsWith(OPERATOR_SUFFIX) && name !== OPERATOR_SUFFIX ? [i] : []))
    : [];
  table.rows.forEach((row, index) => {
    const rowNumber = index + 2;
    // A cell past the header is data in no column: usually an unquoted comma inside a value.
    if (row.slice(width).some((cell) => cell.trim() !== "")) {
      throw new CsvError(
        `row ${rowNumber} has ${row.length} cells but the header has ${width}; quote values that contain commas`,
      );
    }
    for (const i of operatorColumns) {
      const value = (row[i] ?? "").trim();
      if (value && !(CSV_OPERATORS as readonly string[]).includes(value)) {
        throw new CsvError(
          `row ${rowNumber}, column "${table.columns[i]}": "${value.slice(0, 40)}" is not one of ${CSV_OPERATORS.join(", ")} (lowercase)`,
        );
      }
    }
  });
  if (table.rows.length === 0) throw new CsvError("the file has a header row but no data rows");
}

/** Checks a read table against the tool's rules; returns what a preview shows. */
export function checkCsv(table: CsvTable, rules: CsvColumns = {}): CsvSummary {
  checkHeader(table.columns, rules);
  checkRows(table, rules);
  return { columns: table.columns, rows: table.rows.length };
}

/** Reads and checks a CSV's bytes in one go. */
export const inspectCsv = (bytes: Uint8Array, rules: CsvColumns = {}): CsvSummary => checkCsv(readCsv(bytes), rules);

/** A CSV upload as its confirmation preview shows it (never its content). */
export interface CsvUploadPreview extends CsvSummary {
  name: string;
  size: number;
}

/**
 * For the call path: a loaded upload of a CSV argument, checked against its table's rules. Throws
 * UploadError naming the argument, so that the call fails before anything is sent.
 */
export function previewCsvUpload(
  arg: string,
  upload: Pick<Upload, "name" | "size" | "bytes">,
  spec: UploadSpec,
): CsvUploadPreview {
  try {
    return { name: upload.name, size: upload.size, ...inspectCsv(upload.bytes, spec.columns) };
  } catch (error) {
    if (error instanceof CsvError) throw new UploadError(arg, error.message);
    throw error;
  }
}
