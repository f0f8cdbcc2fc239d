/**
 * Opening the user's files for the command line and writing results: .xlsx through the ExcelJS port, .csv
 * as a one-sheet workbook. Every problem becomes a one-line `UsageError` that names the file and says what
 * to do: a file that cannot be found, read or followed, one whose name does not say what it is (an old
 * .xls or a web page named .xlsx, a workbook named .csv), a password-protected workbook.
 */
import * as fs from "fs";
import * as path from "path";
import { PortError, type ReadableWorkbook, type SheetInfo } from "../port/workbook";
import { sheetNamed } from "../port/addresses";
import { WholeFileError } from "../port/whole-file";
import { CsvWorkbook } from "../xlsx/csv-workbook";
import { MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, XlsxWorkbook } from "../xlsx/workbook";
import { XLS_LIMITS, XlsReadError, XlsWorkbook } from "../xlsx/xls";
import { UsageError } from "./errors";
import { isOle, isZip } from "./file-signatures";
import { say } from "./options";
import { render } from "../messages/render";
import { msg } from "../core/messages";
import type { Lang } from "../app/lang";
import { droppedLinksText, type DroppedLinks } from "../app/reports/links";
import { MAX_CELL_TEXT, type CutText } from "../port/cells";
import { columnLetters } from "../port/addresses";

export interface OpenedFile {
  port: ReadableWorkbook;
  path: string;
  /** `xls`: an old-format workbook, read-only like a CSV file (results still go to .xlsx). */
  kind: "xlsx" | "csv" | "xls";
  /** For a CSV file, its one sheet. */
  onlySheet?: string;
  /** For a CSV file, its size and modification time as it was read (another read of it can tell it is the same file). */
  read?: FileVersion;
}

/** A file's size and modification time: a second read with the same ones read the same bytes. */
export interface FileVersion {
  size: number;
  mtimeMs: number;
}

function errnoCode(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === "string" ? code : "";
}

/** One line on why `file` could not be opened or read, from the system's error code. */
export function readFailureText(e: unknown, file: string, lang: Lang): string {
  switch (errnoCode(e)) {
    case "ENOENT":
    case "ENOTDIR":
      return say(lang, `找不到文件：${file}`, `file not found: ${file}`);
    case "EACCES":
    case "EPERM":
      return say(lang, `没有权限读取 ${file}：请检查文件的权限，或把它复制到有权限的位置再试`, `permission denied reading ${file}: check the file's permissions, or copy it somewhere you can read it`);
    case "ELOOP":
      return say(lang, `${file} 是循环的符号链接（链接最终又指向自己）：请让它指向真正的文件`, `${file} is a symbolic link that loops back on itself: point it at the real file`);
    case "EISDIR":
      return say(lang, `这是一个文件夹，不是文件：${file}`, `is a folder, not a file: ${file}`);
    case "ENAMETOOLONG":
      return say(lang, `文件名或路径过长：${file}`, `file name or path too long: ${file}`);
    case "ERR_FS_FILE_TOO_LARGE":
      return say(lang, `${file} 过大（超过 2 GB），无法读取：请拆分后再试`, `${file} is too large to read (over 2 GB): split it and try again`);
    case "EIO":
      return say(lang, `读取 ${file} 时磁盘出错：请检查磁盘或把文件复制到别处再试`, `disk error reading ${file}: check the disk or copy the file elsewhere`);
    case "EMFILE":
    case "ENFILE":
      return say(lang, `打开的文件过多，无法读取 ${file}：请关闭一些程序后再试`, `too many open files to read ${file}: close some programs and try again`);
    default: {
      const code = errnoCode(e);
      const what = code || (e instanceof Error ? e.message.split("\n")[0] : String(e));
      return say(lang, `无法读取 ${file}（${what}）`, `cannot read ${file} (${what})`);
    }
  }
}

/** A result file of that name is there and `--force` was not given: checked before the work, and again at the rename. */
function existsText(file: string, lang: Lang): string {
  return say(lang, `结果文件已存在：${file}（加 --force 覆盖它，或换一个文件名）`, `the result file already exists: ${file} (add --force to replace it, or choose another name)`);
}

/** One line on why a result file was not written; nothing was left half-written, an older file is untouched. */
export function writeFailureText(e: WholeFileError, lang: Lang): string {
  const file = e.file;
  if (e.stage === "exists") return existsText(file, lang);
  const reasons: Record<string, [string, string]> = {
    ENOSPC: ["磁盘空间已满", "the disk is full"],
    EDQUOT: ["超出磁盘配额", "the disk quota is used up"],
    EACCES: ["没有写入该文件夹的权限", "no permission to write in that folder"],
    EPERM: ["没有写入该文件夹的权限", "no permission to write in that folder"],
    EROFS: ["该磁盘只读", "the disk is read-only"],
    EIO: ["磁盘出错", "a disk error"],
    ENAMETOOLONG: ["文件名或路径过长", "the file name or path is too long"],
    EISDIR: ["同名的是一个文件夹", "a folder has that name"],
  };
  const [zh, en] = reasons[e.code] ?? [e.code, e.code];
  return say(
    lang,
    `无法写入结果文件 ${file}：${zh}。没有留下不完整的文件，原有的同名文件（如有）未被改动`,
    `cannot write the result file ${file}: ${en}. No partial file was left; an existing file of that name (if any) is unchanged`,
  );
}

/** Whether an OLE compound file (the container of .xls and of encrypted .xlsx) has a stream of that name. */
function oleHasStream(bytes: Uint8Array, name: string): boolean {
  // Directory entries hold names in UTF-16LE; a search of the raw bytes is enough to tell the kinds apart.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(name, "utf16le"));
}

/** Whether the file starts as a web page or XML does (what some systems export as "Excel files"). */
function looksLikeMarkup(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 512)).toString("utf8").replace(/^\uFEFF/, "").trimStart().startsWith("<");
}

/** What a file that claims to be .xlsx but is not a zip really is, said as the fix. */
function notXlsxText(bytes: Uint8Array, file: string, lang: Lang): string {
  if (bytes.length === 0) return say(lang, `${file} 是空文件`, `${file} is empty`);
  if (isOle(bytes)) {
    if (oleHasStream(bytes, "EncryptedPackage") || oleHasStream(bytes, "EncryptionInfo")) {
      return say(
        lang,
        `${file} 设有打开密码（已加密），无法读取：请在 Excel 中打开，用“文件 → 信息 → 保护工作簿 → 用密码进行加密”清除密码，另存后再试`,
        `${file} is password-protected (encrypted) and cannot be read: open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password) and save a copy`,
      );
    }
    if (oleHasStream(bytes, "Workbook") || oleHasStream(bytes, "Book")) {
      return say(
        lang,
        `${file} 实际是旧版 Excel 97-2003 (.xls) 文件，只是扩展名为 .xlsx：请在 Excel 中打开并另存为“Excel 工作簿 (*.xlsx)”后再试`,
        `${file} is an old Excel 97-2003 (.xls) file with an .xlsx name: open it in Excel and save it as "Excel Workbook (*.xlsx)"`,
      );
    }
    return say(lang, `${file} 不是 Excel 工作簿（是其他旧版 Office 文件）`, `${file} is not an Excel workbook (it is another old Office file)`);
  }
  if (looksLikeMarkup(bytes)) {
    return say(
      lang,
      `${file} 实际是网页 (HTML) 或 XML 表格（有些系统导出的“Excel 文件”就是这样），只是扩展名为 .xlsx：请在 Excel 中打开并另存为“Excel 工作簿 (*.xlsx)”`,
      `${file} is a web page (HTML) or XML table with an .xlsx name (some systems export "Excel files" this way): open it in Excel and save it as "Excel Workbook (*.xlsx)"`,
    );
  }
  return say(lang, `无法读取 ${file}：不是有效的 .xlsx 文件（若是 CSV 文本，请把扩展名改为 .csv）`, `cannot read ${file}: not a valid .xlsx file (if it is CSV text, rename it to .csv)`);
}

/** The file's status, following links; a link that points nowhere is said as such. */
function statInput(full: string, file: string, lang: Lang): fs.Stats {
  try {
    return fs.statSync(full);
  } catch (e) {
    if (errnoCode(e) === "ENOENT") {
      let link = false;
      try {
        link = fs.lstatSync(full).isSymbolicLink();
      } catch {
        // Not there at all.
      }
      if (link) throw new UsageError(say(lang, `${file} 是失效的符号链接：它指向的文件不存在`, `${file} is a broken symbolic link: the file it points to does not exist`));
    }
    throw new UsageError(readFailureText(e, file, lang));
  }
}

function readInput(full: string, file: string, lang: Lang): Buffer {
  try {
    return fs.readFileSync(full);
  } catch (e) {
    throw new UsageError(readFailureText(e, file, lang));
  }
}

export async function openInputFile(file: string, cwd: string, lang: Lang): Promise<OpenedFile> {
  const full = path.resolve(cwd, file);
  const stat = statInput(full, file, lang);
  if (stat.isDirectory()) throw new UsageError(say(lang, `这是一个文件夹，不是文件：${file}`, `is a folder, not a file: ${file}`));
  // A pipe or a device would be read for ever (or block): only plain files.
  if (!stat.isFile()) throw new UsageError(say(lang, `${file} 不是普通文件`, `${file} is not a regular file`));
  const ext = path.extname(full).toLowerCase();
  if (ext === ".xls" || ext === ".et") return openXls(full, file, ext, stat, lang);
  if (ext !== ".csv" && ext !== ".xlsx" && ext !== ".xlsm") {
    throw new UsageError(say(lang, `不支持的文件类型：${file}（请使用 .xlsx 或 .csv）`, `unsupported file type: ${file} (use .xlsx or .csv)`));
  }
  const bytes = readInput(full, file, lang);
  if (ext === ".csv") {
    if (isZip(bytes)) throw new UsageError(say(lang, `${file} 实际是 .xlsx 工作簿，只是扩展名为 .csv：请把扩展名改为 .xlsx`, `${file} is an .xlsx workbook with a .csv name: rename it to .xlsx`));
    if (isOle(bytes)) throw new UsageError(say(lang, `${file} 实际是旧版 Excel (.xls) 文件：请在 Excel 中另存为 .xlsx 或 CSV`, `${file} is an old Excel (.xls) file: save it as .xlsx or CSV in Excel`));
    const wb = CsvWorkbook.fromBytes(bytes, path.basename(full, path.extname(full)));
    return { port: wb, path: full, kind: "csv", onlySheet: wb.sheetName, read: { size: stat.size, mtimeMs: stat.mtimeMs } };
  }
  if (!isZip(bytes)) throw new UsageError(notXlsxText(bytes, file, lang));
  try {
    const wb = await XlsxWorkbook.openBytes(bytes, full, file);
    return { port: wb, path: full, kind: "xlsx" };
  } catch (e) {
    // Past the zip caps (src/xlsx/zip.ts: nothing was inflated beyond them), or damaged: the port says which, and what to do.
    if (e instanceof PortError && e.said) throw new UsageError(render(e.said, lang));
    throw e;
  }
}

/**
 * An old-format workbook: the bytes say what it is before any parser sees them, the size is checked before
 * it is read, and the parse itself is bounded (time, memory, cells); every failure is one line.
 */
async function openXls(full: string, file: string, ext: string, stat: fs.Stats, lang: Lang): Promise<OpenedFile> {
  const mb = (n: number) => Math.round(n / (1024 * 1024));
  if (stat.size > XLS_LIMITS.maxBytes) {
    throw new UsageError(say(lang, `${file} 过大（${mb(stat.size)} MB，.xls 最多读取 ${mb(XLS_LIMITS.maxBytes)} MB）：请在 Excel 中另存为 .xlsx 后再试`, `${file} is too large (${mb(stat.size)} MB; .xls files are read up to ${mb(XLS_LIMITS.maxBytes)} MB): save it as .xlsx in Excel and try again`));
  }
  const bytes = readInput(full, file, lang);
  if (isZip(bytes)) {
    throw new UsageError(say(lang, `${file} 实际是 .xlsx 工作簿，只是扩展名为 ${ext}：请把扩展名改为 .xlsx`, `${file} is an .xlsx workbook with an ${ext} name: rename it to .xlsx`));
  }
  if (bytes.length === 0) throw new UsageError(say(lang, `${file} 是空文件`, `${file} is empty`));
  const resave = say(lang, "请在 Excel 中打开并另存为“Excel 工作簿 (*.xlsx)”后再试", `open it in Excel and save it as "Excel Workbook (*.xlsx)"`);
  if (!isOle(bytes)) {
    if (looksLikeMarkup(bytes)) {
      throw new UsageError(say(lang, `${file} 实际是网页 (HTML) 或 XML 表格（有些系统导出的“Excel 文件”就是这样），不是 ${ext} 工作簿：${resave}`, `${file} is a web page (HTML) or XML table, not an ${ext} workbook (some systems export "Excel files" this way): ${resave}`));
    }
    throw new UsageError(say(lang, `无法读取 ${file}：不是有效的旧版 Excel (.xls) 文件（文件可能已损坏或不完整；若是 CSV 文本，请把扩展名改为 .csv）`, `cannot read ${file}: not a valid old Excel (.xls) file (it may be damaged or incomplete; if it is CSV text, rename it to .csv)`));
  }
  if (oleHasStream(bytes, "EncryptedPackage") || oleHasStream(bytes, "EncryptionInfo")) throw new UsageError(notXlsxText(bytes, file, lang));
  try {
    const wb = await XlsWorkbook.openBytes(bytes, file);
    return { port: wb, path: full, kind: "xls" };
  } catch (e) {
    if (!(e instanceof XlsReadError)) throw e;
    const why: Record<XlsReadError["reason"], [string, string]> = {
      encrypted: ["设有打开密码（已加密），无法读取：请在 Excel 中清除密码（文件 → 信息 → 保护工作簿）并另存为 .xlsx 后再试", "is password-protected (encrypted) and cannot be read: remove the password in Excel (File → Info → Protect Workbook) and save it as .xlsx"],
      timeout: [`读取超过 ${XLS_LIMITS.timeoutMs / 1000} 秒仍未完成，已停止（文件可能已损坏）：${resave}`, `took more than ${XLS_LIMITS.timeoutMs / 1000} seconds to read and was stopped (it may be damaged): ${resave}`],
      too_large: [`内容过多，超出读取 .xls 的上限（文件可能已损坏）：${resave}`, `holds more than an .xls file is read up to (it may be damaged): ${resave}`],
      corrupt: ["不是有效的 .xls 工作簿（文件可能已损坏或不完整）：请在 Excel 或 WPS 中打开，确认无误后另存为 .xlsx 再试", "is not a valid .xls workbook (it may be damaged or incomplete): open it in Excel or WPS and, if it looks right, save it as .xlsx"],
    };
    const [zh, en] = why[e.reason];
    throw new UsageError(say(lang, `${file} ${zh}`, `${file} ${en}`));
  }
}

/**
 * Which sheets may be a ledger by default: `notLedger` leaves out sheets that are never one (the letters'
 * company details, register, templates and papers), and the message then asks for `--sheet`.
 */
export interface SheetChoice {
  notLedger?: (name: string) => boolean;
}

/**
 * The sheet of `names` (those of `displayName`) that `wanted` names, as the workbook writes it: spelled so, else
 * in another case, as in Excel (`sheetNamed`); null when none is. Two sheets whose names differ only in case
 * and neither spelled so are refused, naming both, rather than one of them read.
 */
export function namedSheet(names: readonly string[], wanted: string, lang: Lang, displayName: string): string | null {
  const found = sheetNamed(names, wanted);
  if (found === null) return null;
  if ("ambiguous" in found) throw new UsageError(render(msg("sheet.ambiguous", { file: displayName, sheet: wanted, sheets: found.ambiguous }), lang));
  return found.name;
}

/**
 * The sheet named (which must exist; as in Excel, whatever its case, and then as the workbook writes it:
 * `namedSheet`), else the only one of a CSV file or the first visible one with rows.
 */
function pickSheet(sheets: readonly SheetInfo[], wanted: string | undefined, lang: Lang, displayName: string, choice: SheetChoice = {}): string {
  if (wanted !== undefined) {
    const found = namedSheet(sheets.map((s) => s.name), wanted, lang, displayName);
    if (found !== null) return found;
    const names = sheets.map((s) => s.name);
    throw new UsageError(say(lang, `${displayName} 中没有工作表“${wanted}”（有：${names.join("、")}）`, `no sheet "${wanted}" in ${displayName} (sheets: ${names.join(", ")})`));
  }
  const usable = choice.notLedger ? sheets.filter((s) => !choice.notLedger!(s.name)) : sheets;
  const first = usable.find((s) => s.visible && s.rowCount > 0) ?? usable[0];
  if (first) return first.name;
  if (choice.notLedger) throw new UsageError(say(lang, `${displayName} 中没有台账工作表（用 --sheet 指定）`, `${displayName} has no ledger sheet (name it with --sheet)`));
  throw new UsageError(say(lang, `${displayName} 中没有工作表`, `${displayName} has no sheets`));
}

/** The sheet to read: the one named, the only one of a CSV file, or the first visible one. */
export async function chooseSheet(file: OpenedFile, wanted: string | undefined, lang: Lang, displayName: string, choice: SheetChoice = {}): Promise<string> {
  return pickSheet(await file.port.listSheets(), wanted, lang, displayName, choice);
}

/** `2026-*`, `?月` → a whole-name pattern: `*` any text, `?` one character, everything else as written, in any case (as Excel names sheets). */
export function sheetGlob(glob: string): RegExp {
  const body = [...glob].map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[\\^$.|+()[\]{}]/g, "\\$&"))).join("");
  return new RegExp(`^${body}$`, "iu");
}

/**
 * The sheets of a ledger: `--sheet A --sheet B` (in that order), `--sheets "2026-*"` (matching sheets in the
 * workbook's order), or the one default sheet. Several sheets are read as one ledger (one sheet per month).
 */
export async function chooseLedgerSheets(file: OpenedFile, named: string[], glob: string | undefined, lang: Lang, displayName: string, option = "--sheet", choice: SheetChoice = {}): Promise<string[]> {
  if (named.length > 0 && glob !== undefined) {
    throw new UsageError(say(lang, `${option} 与 --sheets 只能用其一`, `use either ${option} or --sheets, not both`));
  }
  const sheets = await file.port.listSheets();
  if (glob !== undefined) {
    const re = sheetGlob(glob);
    const found = sheets.filter((s) => re.test(s.name)).map((s) => s.name);
    if (found.length === 0) {
      const names = sheets.map((s) => s.name);
      throw new UsageError(say(lang, `${displayName} 中没有与“${glob}”相符的工作表（有：${names.join("、")}）`, `no sheet of ${displayName} matches "${glob}" (sheets: ${names.join(", ")})`));
    }
    return found;
  }
  if (named.length <= 1) return [pickSheet(sheets, named[0], lang, displayName, choice)];
  // Twice is the same sheet twice, however each was written (two sheets differing in case are two sheets).
  const chosen = named.map((n) => pickSheet(sheets, n, lang, displayName));
  const twice = named.find((_n, i) => chosen.indexOf(chosen[i]) !== i);
  if (twice !== undefined) throw new UsageError(say(lang, `工作表“${twice}”指定了两次`, `sheet "${twice}" is given twice`));
  return chosen;
}

/**
 * A sheet copied into an .xlsx result must fit an .xlsx sheet; a CSV file can be wider or longer. Said
 * before any work is done, with the way out (no `--out`, or a trimmed file).
 */
export async function assertFitsResultWorkbook(file: OpenedFile, sheet: string, displayName: string, lang: Lang): Promise<void> {
  const sheets = await file.port.listSheets();
  const name = namedSheet(sheets.map((s) => s.name), sheet, lang, displayName);
  const info = sheets.find((s) => s.name === name);
  if (!info) return;
  const rows = info.top - 1 + info.rowCount;
  const columns = info.left - 1 + info.columnCount;
  if (rows <= MAX_SHEET_ROWS && columns <= MAX_SHEET_COLUMNS) return;
  const n = (x: number) => x.toLocaleString("en-US");
  throw new UsageError(
    say(
      lang,
      `${displayName} 有 ${n(rows)} 行 × ${n(columns)} 列，超出 .xlsx 工作表的上限（${n(MAX_SHEET_ROWS)} 行 × ${n(MAX_SHEET_COLUMNS)} 列），无法复制到 --out 结果工作簿：去掉 --out 只看结果，或删去多余的列后再试`,
      `${displayName} has ${n(rows)} rows × ${n(columns)} columns, more than an .xlsx sheet holds (${n(MAX_SHEET_ROWS)} × ${n(MAX_SHEET_COLUMNS)}), so it cannot be copied into the --out workbook: leave out --out, or remove the extra columns`,
    ),
  );
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

function lstatOrNull(p: string): fs.Stats | null {
  try {
    return fs.lstatSync(p);
  } catch {
    return null;
  }
}

/**
 * Checks a result path before any work is done: an .xlsx name, never an input, a folder that exists and
 * can be written, and no file of that name unless `force` (`--force`) says to replace it. Returns the
 * absolute path; write it with `saveResult`.
 */
export function ensureWritableOut(out: string, cwd: string, inputs: string[], lang: Lang, force = false): string {
  const full = path.resolve(cwd, out);
  if (path.extname(full).toLowerCase() !== ".xlsx") throw new UsageError(say(lang, `结果文件须以 .xlsx 结尾：${out}`, `the result file must end in .xlsx: ${out}`));
  const existing = lstatOrNull(full);
  if (inputs.some((i) => path.resolve(cwd, i) === full || (existing !== null && sameFile(path.resolve(cwd, i), full)))) {
    throw new UsageError(say(lang, `结果文件不能覆盖输入文件：${out}`, `the result file must not overwrite an input file: ${out}`));
  }
  const dir = path.dirname(full);
  let dirStat: fs.Stats | null = null;
  try {
    dirStat = fs.statSync(dir);
  } catch {
    // Said below.
  }
  if (!dirStat) throw new UsageError(say(lang, `结果文件所在的文件夹不存在：${dir}`, `the result file's folder does not exist: ${dir}`));
  if (!dirStat.isDirectory()) throw new UsageError(say(lang, `结果文件的上一级不是文件夹：${dir}`, `the result file's parent is not a folder: ${dir}`));
  if (existing) {
    if (existing.isDirectory()) throw new UsageError(say(lang, `结果文件名是一个已有的文件夹：${out}`, `the result file name is an existing folder: ${out}`));
    if (!force) throw new UsageError(existsText(out, lang));
  }
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new UsageError(say(lang, `没有权限在 ${dir} 中写入结果文件`, `no permission to write the result file in ${dir}`));
  }
  return full;
}

/** Creates a folder for results (and its parents); a refusal is one line naming the folder. */
export function makeFolder(dir: string, lang: Lang): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = errnoCode(e);
    const why: [string, string] =
      code === "EACCES" || code === "EPERM" ? ["没有权限", "permission denied"] : code === "EROFS" ? ["磁盘只读", "read-only disk"] : code === "EEXIST" || code === "ENOTDIR" ? ["同名的文件已存在", "a file has that name"] : [code || String(e), code || String(e)];
    throw new UsageError(say(lang, `无法创建文件夹 ${dir}：${why[0]}`, `cannot create the folder ${dir}: ${why[1]}`));
  }
}

/** Saves a result workbook whole or not at all; an existing file is replaced only when `force`. */
export async function saveResult(wb: XlsxWorkbook, out: string, force = false): Promise<void> {
  await wb.save(out, { replace: force });
}

/** A register workbook opened for reading, and its sheets found whatever their case. */
export interface OpenedRegister {
  file: OpenedFile;
  /** The name a wanted sheet has in the workbook, or undefined when it has none. */
  sheetOf: (wanted: string) => string | undefined;
}

async function sheetFinder(file: OpenedFile, lang: Lang, displayName: string): Promise<OpenedRegister["sheetOf"]> {
  const names = file.kind === "xlsx" ? (await file.port.listSheets()).map((s) => s.name) : [];
  return (wanted) => namedSheet(names, wanted, lang, displayName) ?? undefined;
}

/**
 * The register the papers are numbered from and the aging reads (函证登记簿, 信用档案, 还款计划): `--register
 * FILE`, an .xlsx workbook holding at least one of `required`; without it, the ledger's own .xlsx workbook
 * when it holds one of them (`ledger`), else null. Read only: results go to the new workbook.
 */
export async function openRegister(registerFile: string | undefined, required: readonly string[], cwd: string, lang: Lang, ledger?: OpenedFile): Promise<OpenedRegister | null> {
  if (registerFile === undefined) {
    if (!ledger) return null;
    const sheetOf = await sheetFinder(ledger, lang, path.basename(ledger.path));
    return required.some((r) => sheetOf(r) !== undefined) ? { file: ledger, sheetOf } : null;
  }
  const zh = required.map((r) => `“${r}”`).join("或");
  const en = required.map((r) => `"${r}"`).join(" or ");
  const file = await openInputFile(registerFile, cwd, lang);
  if (file.kind !== "xlsx") throw new UsageError(say(lang, `登记簿须是含${zh}工作表的 .xlsx 工作簿：${registerFile}`, `the register must be an .xlsx workbook with a ${en} sheet: ${registerFile}`));
  const sheetOf = await sheetFinder(file, lang, registerFile);
  if (!required.some((r) => sheetOf(r) !== undefined)) {
    const names = (await file.port.listSheets()).map((s) => s.name);
    throw new UsageError(say(lang, `${registerFile} 中没有${zh}工作表（有：${names.join("、")}）`, `no ${en} sheet in ${registerFile} (sheets: ${names.join(", ")})`));
  }
  return { file, sheetOf };
}

/** Where a result sheet's rows and columns came from: the input's file name and sheet. */
export interface SheetOrigin {
  file: string;
  sheet: string;
}

/**
 * A result workbook as the command line writes it: the texts its writer cut to a cell's limit, and, kept on the
 * workbook itself (no record beside it), which of its sheets are copies of an input's sheet, rows and columns
 * where they were, by the copy's name (`noteCopy`), so `writtenNotes` names a cut text at the input's place.
 */
export interface ResultWorkbook {
  readonly textsCut: readonly CutText[];
  copiedFrom?: Map<string, SheetOrigin>;
}

/** Records on the result workbook `wb` that its sheet `copy` is `sheet` of the input `from`, for `writtenNotes`. */
export function noteCopy(wb: ResultWorkbook, copy: string, from: OpenedFile, sheet: string): void {
  (wb.copiedFrom ??= new Map()).set(copy, { file: path.basename(from.path), sheet });
}

/** Texts cut to a cell's limit named one by one after a result workbook is written; the rest are counted. */
export const CUT_TEXTS_LISTED = 10;

/**
 * What the command line says on stderr once a result workbook is written: links a result sheet left out for
 * Excel's limit, and texts cut to a cell's limit, named at the input's sheet and row where the sheet is a copy
 * of one (`noteCopy`). Empty when neither happened.
 */
export function writtenNotes(wb: ResultWorkbook, linksDropped: readonly DroppedLinks[] | undefined, lang: Lang): string[] {
  const notes: string[] = [];
  if (linksDropped && linksDropped.length > 0) notes.push(say(lang, "注：", "note: ") + droppedLinksText(linksDropped, lang));
  const copies = wb.copiedFrom;
  const n = (x: number) => x.toLocaleString("en-US");
  for (const cut of wb.textsCut.slice(0, CUT_TEXTS_LISTED)) {
    const from = copies?.get(cut.sheet);
    const at = { row: cut.row, column: columnLetters(cut.column), length: n(cut.length), limit: n(MAX_CELL_TEXT) };
    notes.push(render(from ? msg("xlsx.text_cut", { file: from.file, sheet: from.sheet, ...at }) : msg("xlsx.text_cut.result", { sheet: cut.sheet, ...at }), lang));
  }
  if (wb.textsCut.length > CUT_TEXTS_LISTED) notes.push(render(msg("xlsx.text_cut.more", { count: wb.textsCut.length - CUT_TEXTS_LISTED }), lang));
  return notes;
}

/** The line after a text result saying where the result workbook went. */
export function writtenText(out: string, lang: Lang): string {
  return say(lang, `\n结果已写入：${out}`, `\nResult written to: ${out}`);
}
