import { describe, expect, it } from "vitest";
import { findTool } from "../../src/catalog/index.js";
import { CsvError, inspectCsv, parseCsv, previewCsvUpload, readCsv } from "../../src/registry/csv.js";
import { UploadError } from "../../src/registry/uploads.js";

const bytes = (text: string) => Buffer.from(text, "utf8");
const fails =
  (text: string, rules = {}) =>
  () =>
    inspectCsv(bytes(text), rules);

describe("CSV inspection for bulk uploads", () => {
  it("reads RFC 4180 cells: quoted commas, doubled quotes, line breaks, CRLF, BOM", () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n"two\nlines",3')).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"'],
      ["two\nlines", "3"],
    ]);
    const table = readCsv(bytes('\uFEFF email , xp\nava@example.com,5\n\n  ,  \nben@example.com,"7"\n'));
    expect(table.columns).toEqual(["email", "xp"]);
    expect(table.rows).toEqual([
      ["ava@example.com", "5"],
      ["ben@example.com", "7"],
    ]);
  });

  it("summarises header and row count, whatever the rows hold", () => {
    const summary = inspectCsv(bytes('email,bio\nava@example.com,"likes, commas"\nben@example.com,"two\nlines"\n'));
    expect(summary).toEqual({ columns: ["email", "bio"], rows: 2 });
  });

  it("refuses what no header rule allows, naming the column or row", () => {
    expect(fails("email,email\na,b")).toThrow('column "email" appears twice in the header row');
    expect(fails("email,,xp\na,b,c")).toThrow("column 2 of the header row has no name");
    expect(fails("email,xp\n")).toThrow("the file has a header row but no data rows");
    expect(fails("")).toThrow("the file has no header row");
    expect(fails("email,xp\nava@example.com,1,2")).toThrow("row 2 has 3 cells but the header has 2");
    expect(fails('email\n"ava@example.com')).toThrow("a quoted cell opened on line 2 is never closed");
    expect(() => inspectCsv(Buffer.from([0x65, 0xff, 0x0a]))).toThrow(CsvError);
  });

  it("keeps to the documented columns when the docs list them", () => {
    const rules = { allowed: ["Product ID", "Name", "Price"], required: ["Product ID"] };
    expect(inspectCsv(bytes("Product ID,Price\nabc,5\n"), rules)).toEqual({ columns: ["Product ID", "Price"], rows: 1 });
    expect(fails("Product ID,Colour\nabc,red", rules)).toThrow(
      'unknown column "Colour"; the documented columns are "Product ID", "Name", "Price"',
    );
    expect(fails("Name,Price\nMug,5", rules)).toThrow('missing column "Product ID"');
  });

  it("checks operator columns: right before their field, lowercase add|subtract|overwrite", () => {
    const rules = { operators: true };
    expect(inspectCsv(bytes("email,xp_op,xp\na@x.com,add,5\nb@x.com,,\n"), rules).rows).toBe(2);
    expect(fails("email,xp_op,coins\na@x.com,add,5", rules)).toThrow(
      'operator column "xp_op" must come right before the "xp" column',
    );
    expect(fails("email,xp_op,xp\na@x.com,Add,5", rules)).toThrow(
      'row 2, column "xp_op": "Add" is not one of add, subtract, overwrite (lowercase)',
    );
    // Without the rule, an _op column is just a column.
    expect(inspectCsv(bytes("email,xp_op\na@x.com,Add\n")).rows).toBe(1);
  });

  it("gives the call path a preview of an upload, or an UploadError naming the argument", () => {
    const tool = findTool("update_users_from_csv");
    const spec = tool?.files?.file;
    if (!spec) throw new Error("update_users_from_csv lost its file spec");
    const upload = (text: string) => ({ name: "users.csv", type: "text/csv", size: text.length, bytes: bytes(text) });
    const text = "email,xp_op,xp\na@x.com,add,1\n";
    expect(previewCsvUpload("file", upload(text), spec)).toEqual({
      name: "users.csv",
      size: text.length,
      columns: ["email", "xp_op", "xp"],
      rows: 1,
    });
    const bad = () => previewCsvUpload("file", upload("email,xp_op,xp\na@x.com,plus,1\n"), spec);
    expect(bad).toThrow(UploadError);
    expect(bad).toThrow(/^file: row 2, column "xp_op"/);
  });
});
