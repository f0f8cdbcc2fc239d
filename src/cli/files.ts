/**
 * Opening the user's files for the command line: .xlsx through the ExcelJS port, .csv as a one-sheet
 * workbook. Every problem becomes a one-line `UsageError`.
 */
import * as fs from "fs";
import * as path from "path";
import type { WorkbookPort } from "../port/workbook";
import { CsvWorkbook } from "../xlsx/csv-workbook";
import { XlsxWorkbook } from "../xlsx/workbook";
import { UsageError } from "./errors";
import type { Lang } from "../app/lang";

export interface OpenedFile {
  port: WorkbookPort;
  path: string;
  kind: "xlsx" | "csv";
  /** For a CSV file, its one sheet. */
  onlySheet?: string;
}

const msg = (lang: Lang, zh: string, en: string) => (lang === "en-US" ? en : zh);

export async function openInputFile(file: string, cwd: string, lang: Lang): Promise<OpenedFile> {
  const full = path.resolve(cwd, file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(full);
  } catch {
    throw new UsageError(msg(lang, `找不到文件：${file}`, `file not found: ${file}`));
  }
  if (stat.isDirectory()) throw new UsageError(msg(lang, `这是一个文件夹，不是文件：${file}`, `is a folder, not a file: ${file}`));
  const ext = path.extname(full).toLowerCase();
  if (ext === ".csv") {
    const bytes = fs.readFileSync(full);
    const wb = CsvWorkbook.fromBytes(bytes, path.basename(full, path.extname(full)));
    return { port: wb, path: full, kind: "csv", onlySheet: wb.sheetName };
  }
  if (ext === ".xls" || ext === ".et") {
    throw new UsageError(msg(lang, `${file} 是旧版 Excel 格式，请在 Excel 中另存为 .xlsx 后再试`, `${file} is an old Excel format: save it as .xlsx in Excel and try again`));
  }
  if (ext !== ".xlsx" && ext !== ".xlsm") {
    throw new UsageError(msg(lang, `不支持的文件类型：${file}（请使用 .xlsx 或 .csv）`, `unsupported file type: ${file} (use .xlsx or .csv)`));
  }
  try {
    const wb = await XlsxWorkbook.open(full);
    return { port: wb, path: full, kind: "xlsx" };
  } catch {
    throw new UsageError(msg(lang, `无法读取 ${file}：不是有效的 .xlsx 文件`, `cannot read ${file}: not a valid .xlsx file`));
  }
}

/** The sheet to read: the one named, the only one of a CSV file, or the first visible one. */
export async function chooseSheet(file: OpenedFile, wanted: string | undefined, lang: Lang, displayName: string): Promise<string> {
  const sheets = await file.port.listSheets();
  if (wanted !== undefined) {
    if (sheets.some((s) => s.name === wanted)) return wanted;
    const names = sheets.map((s) => s.name).join("、");
    throw new UsageError(msg(lang, `${displayName} 中没有工作表“${wanted}”（有：${names}）`, `no sheet "${wanted}" in ${displayName} (sheets: ${names})`));
  }
  const first = sheets.find((s) => s.visible && s.rowCount > 0) ?? sheets[0];
  if (!first) throw new UsageError(msg(lang, `${displayName} 中没有工作表`, `${displayName} has no sheets`));
  return first.name;
}

/** The same file on disk, however it is named (links, `..`, case on case-insensitive disks). */
function sameFile(a: string, b: string): boolean {
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

export function ensureWritableOut(out: string, cwd: string, inputs: string[], lang: Lang): string {
  const full = path.resolve(cwd, out);
  if (path.extname(full).toLowerCase() !== ".xlsx") throw new UsageError(msg(lang, `结果文件须以 .xlsx 结尾：${out}`, `the result file must end in .xlsx: ${out}`));
  if (inputs.some((i) => path.resolve(cwd, i) === full || (fs.existsSync(full) && sameFile(path.resolve(cwd, i), full)))) {
    throw new UsageError(msg(lang, `结果文件不能覆盖输入文件：${out}`, `the result file must not overwrite an input file: ${out}`));
  }
  const dir = path.dirname(full);
  if (!fs.existsSync(dir)) throw new UsageError(msg(lang, `结果文件所在的文件夹不存在：${dir}`, `the result file's folder does not exist: ${dir}`));
  return full;
}
