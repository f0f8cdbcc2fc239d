/**
 * What the commands that write papers from a template share (`letters`, `demand`, `promise`): the ledger
 * and its sheets, the template sheet, the register, and the new result workbook holding copies of the
 * register sheets, the papers and 本公司信息. No input is ever written.
 */
import * as path from "path";
import type { TemplateChoice } from "../../app/letters";
import type { Lang } from "../../app/lang";
import { BUILTIN_SHEETS, COMPANY_SHEET, REGISTER_SHEET, companyInfoRows } from "../../core/letters";
import type { ReadResult } from "../../core/read";
import type { ReadableWorkbook, WorkbookPort } from "../../port/workbook";
import { XlsxWorkbook } from "../../xlsx/workbook";
import type { Context, Values } from "../options";
import { optionalString, say, stringList } from "../options";
import { UsageError } from "../errors";
import { writeJson } from "../json-stream";
import { sheetsJson, sheetsText } from "./read";
import { chooseLedgerSheets, ensureWritableOut, namedSheet, openInputFile, openRegister, saveResult, writtenNotes, writtenText, type OpenedFile } from "../files";

export interface TemplateArg {
  file: string;
  sheet: string | undefined;
}

/** `FILE#SHEET` or `FILE`; the last `#` splits, so a file name may hold one. */
export function templateArg(text: string): TemplateArg {
  const i = text.lastIndexOf("#");
  if (i > 0 && /\.(xlsx|xlsm)$/i.test(text.slice(0, i))) return { file: text.slice(0, i), sheet: text.slice(i + 1) || undefined };
  return { file: text, sheet: undefined };
}

/** Sheets that are never the ledger: company details, the register, templates and papers sheets. */
export function isPapersSheet(name: string): boolean {
  return (
    name === COMPANY_SHEET ||
    name === REGISTER_SHEET ||
    Object.values(BUILTIN_SHEETS).some((b) => name.startsWith(b)) ||
    /^对账函 \d{4}-\d{2}-\d{2}$/.test(name) ||
    // Collection papers, their templates and the 还款计划 sheet.
    /^(提醒函|催款函|最后通知|还款承诺书|还款计划)/.test(name)
  );
}

export async function templateSheetOf(file: OpenedFile, wanted: string | undefined, lang: Lang, display: string): Promise<string> {
  const sheets = (await file.port.listSheets()).map((s) => s.name);
  if (wanted !== undefined) {
    // As everywhere else a sheet is named: whatever its case, then as the workbook writes it.
    const found = namedSheet(sheets, wanted, lang, display);
    if (found !== null) return found;
    throw new UsageError(say(lang, `${display} 中没有模板工作表“${wanted}”（有：${sheets.join("、")}）`, `no template sheet "${wanted}" in ${display} (sheets: ${sheets.join(", ")})`));
  }
  if (sheets.length === 1) return sheets[0];
  const builtin = sheets.find((s) => Object.values(BUILTIN_SHEETS).some((b) => s.startsWith(b)));
  if (builtin) return builtin;
  throw new UsageError(
    say(lang, `${display} 有多张工作表，请写成 --template ${display}#工作表名（有：${sheets.join("、")}）`, `${display} has several sheets: write --template ${display}#SHEET (sheets: ${sheets.join(", ")})`),
  );
}

export interface PaperFiles {
  ledger: OpenedFile;
  /** The ledger's sheets: one, or several months read as one ledger (the first is `sheets[0]`). */
  sheets: string[];
  /** The user's template sheet, or undefined for the built-in one. */
  template: TemplateChoice | undefined;
  templateFile: OpenedFile | null;
  /** The new workbook the papers and the register's new rows go to. */
  result: XlsxWorkbook;
  out: string | undefined;
  force: boolean;
}

/**
 * Opens the ledger (`ledgerFile`, sheets from `--sheet`/`--sheets`), the template (`template`), the register
 * (`--register`, else the ledger's workbook when it keeps one) and makes the result workbook holding copies
 * of the register's `registerSheets` that exist (the first is the register itself). `--out` is checked
 * before anything is read.
 */
export async function openPaperFiles(ctx: Context, values: Values, ledgerFile: string, template: TemplateArg | null, registerSheets: readonly string[]): Promise<PaperFiles> {
  const { lang } = ctx;
  const registerFile = optionalString(values, "register");
  const outPath = optionalString(values, "out");
  const force = values.force === true;
  const inputs = [ledgerFile, ...(template ? [template.file] : []), ...(registerFile ? [registerFile] : [])].map((f) => path.resolve(ctx.io.cwd, f));
  const out = outPath === undefined ? undefined : ensureWritableOut(outPath, ctx.io.cwd, inputs, lang, force);

  const ledger = await openInputFile(ledgerFile, ctx.io.cwd, lang);
  const sheets = await chooseLedgerSheets(ledger, stringList(values, "sheet"), optionalString(values, "sheets"), lang, ledgerFile, "--sheet", { notLedger: isPapersSheet });
  let choice: TemplateChoice | undefined;
  let templateFile: OpenedFile | null = null;
  if (template) {
    templateFile = path.resolve(ctx.io.cwd, template.file) === ledger.path ? ledger : await openInputFile(template.file, ctx.io.cwd, lang);
    if (templateFile.kind !== "xlsx") throw new UsageError(say(lang, `模板须是 .xlsx 工作簿中的工作表：${template.file}`, `a template is a sheet of an .xlsx workbook: ${template.file}`));
    choice = { port: templateFile.port, sheet: await templateSheetOf(templateFile, template.sheet, lang, template.file) };
  }

  // The register's sheets are copied in as the user's own: numbers continue from them.
  const register = await openRegister(registerFile, registerSheets.slice(0, 1), ctx.io.cwd, lang, ledger);
  const result = XlsxWorkbook.create();
  for (const wanted of register ? registerSheets : []) {
    const name = register!.sheetOf(wanted);
    if (name !== undefined) await result.copySheetFrom(register!.file.port as XlsxWorkbook, name, name, { usersSheet: true });
  }
  if (templateFile && choice && "sheet" in choice) result.useTemplateSheet(templateFile.port as XlsxWorkbook, choice.sheet);
  return { ledger, sheets, template: choice, templateFile, result, out, force };
}

/** The ledger as the use cases take it: one sheet, or several read as one. */
export function ledgerRef(files: PaperFiles): { port: ReadableWorkbook; sheet: string; sheets?: string[] } {
  return { port: files.ledger.port, sheet: files.sheets[0], ...(files.sheets.length > 1 ? { sheets: files.sheets } : {}) };
}

/**
 * With `--out`, 本公司信息 added and the result workbook saved whole; then the JSON (`json()`, with `out` and,
 * for several sheets, the months' fields) or the text (`text()`, the months read, where the result went).
 */
export async function printPapers(ctx: Context, values: Values, files: PaperFiles, ledger: ReadResult, json: () => Record<string, unknown>, text: () => string): Promise<void> {
  if (files.out !== undefined) {
    await addCompanySheet(files.result, files.ledger, files.templateFile);
    await saveResult(files.result, files.out, files.force);
    for (const note of writtenNotes(files.result, undefined, ctx.lang)) ctx.io.err(`duizhang: ${note}`);
  }
  if (values.json) {
    await writeJson(ctx.io, { ...json(), ...(files.out !== undefined ? { out: files.out } : {}), ...sheetsJson(ledger) });
    return;
  }
  ctx.io.out(text());
  const months = sheetsText(ledger, ctx.lang);
  if (months.length > 0) ctx.io.out(["", ...months].join("\n"));
  if (files.out !== undefined) ctx.io.out(writtenText(files.out, ctx.lang));
}

/** 本公司信息 in the result: copied from the ledger's or the template's workbook, else an empty one to fill. */
export async function addCompanySheet(result: XlsxWorkbook, ledger: OpenedFile, template: OpenedFile | null): Promise<void> {
  for (const file of [ledger, template]) {
    if (!file || file.kind !== "xlsx") continue;
    if ((await file.port.listSheets()).some((s) => s.name === COMPANY_SHEET)) {
      await result.copySheetFrom(file.port as XlsxWorkbook, COMPANY_SHEET, COMPANY_SHEET, { usersSheet: true });
      return;
    }
  }
  const rows = companyInfoRows();
  await (result as WorkbookPort).writeCells(
    COMPANY_SHEET,
    rows.flatMap((row, r) => row.map((value, c) => ({ row: r + 1, column: c + 1, cell: r === 0 ? { value, bold: true } : value }))),
  );
}
