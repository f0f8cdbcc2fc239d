/**
 * `duizhang letters`: confirmation letters (对账函) for a ledger's dealers at a cut-off, from a built-in
 * template or a user's template sheet, numbered from the register. With `--out`, one new workbook holds the
 * letters sheet, the register (the given one plus the new rows) and 本公司信息; no input is ever written.
 */
import * as path from "path";
import { runLetters, type LettersProblem, type LettersRun, type TemplateChoice } from "../../app/letters";
import type { Lang } from "../../app/lang";
import { formatFenGrouped } from "../../core/money";
import { BUILTIN_SHEETS, COMPANY_SHEET, REGISTER_SHEET, companyInfoRows, lettersSheetName, type BuiltinKind } from "../../core/letters";
import { XlsxWorkbook } from "../../xlsx/workbook";
import type { WorkbookPort } from "../../port/workbook";
import type { Context, Values } from "../options";
import { optionalDate, optionalString, requireString, say } from "../options";
import { EXIT_OK, UsageError } from "../errors";
import { ensureWritableOut, openInputFile, saveResult, type OpenedFile } from "../files";
import { writeJson } from "../json-stream";
import { renderTable } from "../table";
import { todayIso } from "./aging";

/** Names a user may give `--template` for a built-in one. */
const BUILTIN_NAMES: Record<string, BuiltinKind> = {
  positive: "positive",
  negative: "negative",
  movements: "movements",
  积极式: "positive",
  消极式: "negative",
  含明细: "movements",
  [BUILTIN_SHEETS.positive]: "positive",
  [BUILTIN_SHEETS.negative]: "negative",
  [BUILTIN_SHEETS.movements]: "movements",
};

interface TemplateArg {
  file: string;
  sheet: string | undefined;
}

/** `FILE#SHEET` or `FILE`; the last `#` splits, so a file name may hold one. */
export function templateArg(text: string): TemplateArg {
  const i = text.lastIndexOf("#");
  if (i > 0 && /\.(xlsx|xlsm)$/i.test(text.slice(0, i))) return { file: text.slice(0, i), sheet: text.slice(i + 1) || undefined };
  return { file: text, sheet: undefined };
}

/** Sheets that are never the ledger: company details, the register, templates and letters sheets. */
function isLettersSheet(name: string): boolean {
  return (
    name === COMPANY_SHEET ||
    name === REGISTER_SHEET ||
    Object.values(BUILTIN_SHEETS).some((b) => name.startsWith(b)) ||
    /^对账函 \d{4}-\d{2}-\d{2}$/.test(name) ||
    // Collection papers, their templates and the 还款计划 sheet.
    /^(提醒函|催款函|最后通知|还款承诺书|还款计划)/.test(name)
  );
}

export async function ledgerSheetOf(file: OpenedFile, wanted: string | undefined, lang: Lang, display: string): Promise<string> {
  const sheets = await file.port.listSheets();
  if (wanted !== undefined) {
    if (sheets.some((s) => s.name === wanted)) return wanted;
    const names = sheets.map((s) => s.name).join("、");
    throw new UsageError(say(lang, `${display} 中没有工作表“${wanted}”（有：${names}）`, `no sheet "${wanted}" in ${display} (sheets: ${names})`));
  }
  const first = sheets.find((s) => s.visible && s.rowCount > 0 && !isLettersSheet(s.name)) ?? sheets.find((s) => !isLettersSheet(s.name));
  if (!first) throw new UsageError(say(lang, `${display} 中没有台账工作表（用 --sheet 指定）`, `${display} has no ledger sheet (name it with --sheet)`));
  return first.name;
}

export async function templateSheetOf(file: OpenedFile, wanted: string | undefined, lang: Lang, display: string): Promise<string> {
  const sheets = (await file.port.listSheets()).map((s) => s.name);
  if (wanted !== undefined) {
    if (sheets.includes(wanted)) return wanted;
    throw new UsageError(say(lang, `${display} 中没有模板工作表“${wanted}”（有：${sheets.join("、")}）`, `no template sheet "${wanted}" in ${display} (sheets: ${sheets.join(", ")})`));
  }
  if (sheets.length === 1) return sheets[0];
  const builtin = sheets.find((s) => Object.values(BUILTIN_SHEETS).some((b) => s.startsWith(b)));
  if (builtin) return builtin;
  throw new UsageError(
    say(lang, `${display} 有多张工作表，请写成 --template ${display}#工作表名（有：${sheets.join("、")}）`, `${display} has several sheets: write --template ${display}#SHEET (sheets: ${sheets.join(", ")})`),
  );
}

function problemText(p: LettersProblem, lang: Lang, files: { ledger: string; template: string; register: string }): string {
  switch (p.code) {
    case "ledger_unreadable":
      return say(lang, `无法读取台账（${files.ledger}）：${p.message}`, `cannot read the ledger (${files.ledger}): ${p.message}`);
    case "template":
      return say(lang, `模板（${files.template}）有问题，未生成任何对账函：\n${p.messages.join("\n")}`, `the template (${files.template}) has problems; no letter was made:\n${p.messages.join("\n")}`);
    case "register":
      return say(lang, `登记簿（${files.register}）有问题，未生成任何对账函：\n${p.messages.join("\n")}`, `the register (${files.register}) has problems; no letter was made:\n${p.messages.join("\n")}`);
    case "template_not_found":
      return p.message;
  }
}

export async function commandLetters(ctx: Context, values: Values): Promise<number> {
  const { lang } = ctx;
  // --balances names a balance table (科目余额表 / 往来余额表): letters need only each dealer's balance.
  const ledgerFile = optionalString(values, "balances") ?? requireString(ctx, values, "ledger");
  const asOf = optionalDate(ctx, values, "as-of") ?? todayIso();
  const sendDate = todayIso();
  const rawDealers = values.dealer as unknown;
  const dealers = (Array.isArray(rawDealers) ? (rawDealers as string[]) : typeof rawDealers === "string" ? [rawDealers] : []).map((d) => d.trim()).filter((d) => d !== "");
  const templateText = optionalString(values, "template");
  const registerFile = optionalString(values, "register");
  const outPath = optionalString(values, "out");
  const force = values.force === true;

  const builtinKind = templateText === undefined ? "positive" : BUILTIN_NAMES[templateText];
  const tArg = templateText !== undefined && builtinKind === undefined ? templateArg(templateText) : null;
  if (tArg && !/\.(xlsx|xlsm|xls|csv|et)$/i.test(tArg.file)) {
    throw new UsageError(
      say(
        lang,
        `--template 须为工作簿中的模板（FILE.xlsx 或 FILE.xlsx#工作表）或内置模板：积极式、消极式、含明细（收到：${templateText}）`,
        `--template takes a template sheet (FILE.xlsx or FILE.xlsx#SHEET) or a built-in one: 积极式 (positive), 消极式 (negative), 含明细 (movements); got: ${templateText}`,
      ),
    );
  }
  const inputs = [ledgerFile, ...(tArg ? [tArg.file] : []), ...(registerFile ? [registerFile] : [])].map((f) => path.resolve(ctx.io.cwd, f));
  const out = outPath === undefined ? undefined : ensureWritableOut(outPath, ctx.io.cwd, inputs, lang, force);

  const ledger = await openInputFile(ledgerFile, ctx.io.cwd, lang);
  const ledgerSheet = await ledgerSheetOf(ledger, optionalString(values, "sheet"), lang, ledgerFile);
  let template: TemplateChoice;
  let templateFile: OpenedFile | null = null;
  if (tArg) {
    templateFile = path.resolve(ctx.io.cwd, tArg.file) === ledger.path ? ledger : await openInputFile(tArg.file, ctx.io.cwd, lang);
    if (templateFile.kind !== "xlsx") throw new UsageError(say(lang, `模板须是 .xlsx 工作簿中的工作表：${tArg.file}`, `a template is a sheet of an .xlsx workbook: ${tArg.file}`));
    template = { port: templateFile.port, sheet: await templateSheetOf(templateFile, tArg.sheet, lang, tArg.file) };
  } else template = { builtin: builtinKind! };

  let registerIn: OpenedFile | null = null;
  if (registerFile) {
    registerIn = await openInputFile(registerFile, ctx.io.cwd, lang);
    if (registerIn.kind !== "xlsx") throw new UsageError(say(lang, `登记簿须是 .xlsx 工作簿：${registerFile}`, `the register must be an .xlsx workbook: ${registerFile}`));
    const names = (await registerIn.port.listSheets()).map((s) => s.name);
    if (!names.includes(REGISTER_SHEET)) {
      throw new UsageError(say(lang, `${registerFile} 中没有“${REGISTER_SHEET}”工作表（有：${names.join("、")}）`, `no "${REGISTER_SHEET}" sheet in ${registerFile} (sheets: ${names.join(", ")})`));
    }
  } else if (ledger.kind === "xlsx" && (await ledger.port.listSheets()).some((s) => s.name === REGISTER_SHEET)) {
    // The ledger's workbook keeps its register: numbers continue from it.
    registerIn = ledger;
  }

  // The result workbook: the register and company details copied in as the user's sheets, letters added.
  const result = XlsxWorkbook.create();
  if (registerIn) await result.copySheetFrom(registerIn.port as XlsxWorkbook, REGISTER_SHEET, REGISTER_SHEET, { usersSheet: true });
  if (templateFile && "sheet" in template) result.useTemplateSheet(templateFile.port as XlsxWorkbook, template.sheet);

  const run = await runLetters({
    ledger: { port: ledger.port, sheet: ledgerSheet },
    asOf,
    sendDate,
    dealers: dealers.length > 0 ? { names: dealers } : { all: true },
    template,
    register: result,
    target: result,
    lang,
  });
  if (!run.ok) throw new UsageError(problemText(run.problem, lang, { ledger: ledgerFile, template: templateText ?? "", register: registerFile ?? ledgerFile }));
  const r = run.run;

  if (out !== undefined) {
    await addCompanySheet(result, ledger, templateFile);
    await saveResult(result, out, force);
  }

  if (values.json) {
    await writeJson(ctx.io, {
      asOf: r.asOf,
      letters: r.letters.map((l) => ({ ...l })),
      skipped: r.skipped.map((s) => ({ dealer: s.dealer, reason: s.reason, code: s.code })),
      warnings: r.warnings,
      sheet: r.letters.length > 0 ? r.sheet : null,
      ...(out !== undefined ? { out } : {}),
    });
  } else {
    ctx.io.out(lettersText(r, lang));
    if (out !== undefined) ctx.io.out(say(lang, `\n结果已写入：${out}`, `\nResult written to: ${out}`));
  }
  return EXIT_OK;
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

export function lettersText(r: LettersRun, lang: Lang): string {
  const s = (zh: string, en: string) => say(lang, zh, en);
  const lines: string[] = [];
  lines.push(`${s("截至日期", "Cut-off")}: ${r.asOf}  ${s("对账函", "Letters")}: ${r.letters.length}  ${s("未生成", "Skipped")}: ${r.skipped.length}`);
  if (r.letters.length > 0) {
    lines.push(s(`工作表：${lettersSheetName(r.asOf)}（每封一页）`, `Sheet: ${lettersSheetName(r.asOf)} (one letter a page)`));
    lines.push(
      renderTable(
        [s("编号", "Number"), s("客户", "Dealer"), s("方向", "Direction"), s("余额", "Balance"), s("大写", "In words"), s("行", "Rows")],
        r.letters.map((l) => [
          l.number + (l.reused ? s("（沿用）", " (reused)") : ""),
          l.dealer,
          l.direction === "receivable" ? s("贵公司欠本公司", "owes us") : s("本公司欠贵公司", "we owe"),
          formatFenGrouped(Math.abs(l.balanceFen)),
          l.amountInWords,
          `${l.firstRow}-${l.lastRow}`,
        ]),
        [3],
      ),
    );
  }
  if (r.skipped.length > 0) {
    lines.push("");
    lines.push(s("未生成对账函：", "No letter for:"));
    for (const k of r.skipped) lines.push(`  ${k.dealer}：${k.reason}`);
  }
  if (r.warnings.length > 0) {
    lines.push("");
    lines.push(s("提示：", "Warnings:"));
    for (const w of r.warnings) lines.push(`  ${w}`);
  }
  return lines.join("\n");
}
