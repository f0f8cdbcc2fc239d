/**
 * The codes a workbook file and the workbook port say things with when a file cannot be read or written as
 * asked (see `../messages`): a damaged or oversized .xlsx file, a sheet too large for an .xlsx sheet, a
 * result that would go into a file that can only be read. Each names the file or sheet and what to do.
 */
import type { Message } from "../messages";

type None = Record<string, never>;

export interface FileMessages {
  // An .xlsx file that cannot be read; `why` is one of the `xlsx.damaged.*` or `xlsx.too_large.*` parts.
  "xlsx.damaged": { file: string; why: Message };
  "xlsx.damaged.directory": None;
  "xlsx.damaged.part": { part: string };
  "xlsx.damaged.method": { part: string; method: number };
  "xlsx.damaged.missing": { part: string };
  "xlsx.damaged.content": None;
  /**
   * A part locked by the zip format's own password (a zip tool's or another program's): Excel's password to
   * open makes an OLE file instead, told apart before any zip is opened.
   */
  "xlsx.encrypted": { file: string; part: string };
  /** Past the zip caps (a zip bomb, or a file far beyond any workbook): nothing was inflated beyond them. */
  "xlsx.too_large": { file: string; why: Message };
  /** `limit`: the cap on all parts together, as written (`1 GB`). */
  "xlsx.too_large.total": { limit: string };
  "xlsx.too_large.ratio": { part: string; ratio: number };
  "xlsx.too_large.declared": { part: string };
  "xlsx.open.not_found": { file: string };
  "xlsx.open.unreadable": { file: string };
  "xlsx.save.input": { file: string };
  /** Sizes as written, grouped (`1,048,576`). */
  "xlsx.sheet_too_large": { sheet: string; rows: string; columns: string; maxRows: string; maxColumns: string };
  /** A workbook with sheets whose names differ only in case, which a result cannot copy nor marks go into. */
  "xlsx.sheet_twins": { file: string; sheets: string[] };
  /** `sheet` as the user wrote it names each of `sheets` (their names differ only in case), in `file`. */
  "sheet.ambiguous": { file: string; sheet: string; sheets: string[] };
  // A use case asked to write into a workbook that can only be read: which sheet, what kind of file, what it tried.
  /**
   * A result workbook streamed to its file (a CSV or .xls ledger's `--out`) asked to read, change or delete
   * what it has written (`sheets`): it cannot, as each sheet is sealed once the next one starts.
   */
  "xlsx.streamed.write_only": { sheets: string[] };
  /** Marks asked for `sheet` of a streamed result workbook when it is not the sheet written last (still open). */
  "xlsx.streamed.marks_last": { sheet: string };
  /** A streamed result workbook asked to write single cells into `sheet`: it writes each sheet whole, once. */
  "xlsx.streamed.whole_sheets": { sheet: string };
  /** A streamed result workbook asked for a sheet from a template, a form, or at a position (`sheet`): not written this way. */
  "xlsx.streamed.layout": { sheet: string };
  /** A streamed result workbook asked to do `what` (a sheet's name, a setting's key, or save) after it was saved or given up. */
  "xlsx.streamed.finished": { what: string };
  /** A part of a result workbook being written (`part`, e.g. a sheet's XML) past the 4 GiB one zip part holds without ZIP64. */
  "xlsx.write.part_too_large": { part: string };
  /**
   * A text longer than an Excel cell holds (`limit` characters, as written), cut to it with "…" where it was
   * written: in the copy of `sheet` of the input `file`, at the same row and column (`column` a letter). `length`
   * as written (`40,000`).
   */
  "xlsx.text_cut": { file: string; sheet: string; row: number; column: string; length: string; limit: string };
  /** The same in a result sheet (a 摘要 carried into 差异明细), at its row and column; the full text is in the input row it was made from. */
  "xlsx.text_cut.result": { sheet: string; row: number; column: string; length: string; limit: string };
  /** More cut texts than are listed one by one. */
  "xlsx.text_cut.more": { count: number };
  "port.read_only": { sheet: string; kind: Message; action: Message };
  "port.kind.csv": None;
  "port.kind.xls": None;
  "port.kind.other": None;
  "port.action.results": None;
  "port.action.letters": None;
  "port.action.demand": None;
  "port.action.promise": None;
}
