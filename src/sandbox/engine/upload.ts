import { CsvError, type CsvTable, checkCsv, readCsv } from "../../registry/csv.js";
import type { HandlerInput } from "./bind.js";
import { SandboxError } from "./envelope.js";

/** The uploaded CSV of argument `arg`, read and checked against its table's rules; a 400 names the form field. */
export function readUpload(input: HandlerInput<unknown>, arg = "file"): CsvTable {
  const spec = input.tool.files?.[arg];
  const part = input.files[arg]?.[0];
  if (!spec || !part) throw new SandboxError(400, `${spec?.field ?? arg}: a CSV file is required`);
  try {
    const table = readCsv(part.bytes);
    checkCsv(table, spec.columns);
    return table;
  } catch (error) {
    if (error instanceof CsvError) throw new SandboxError(400, `${spec.field}: ${error.message}`);
    throw error;
  }
}
