import * as path from "path";
import { formatFenGrouped } from "../../core/money";
import type { DealerResult, ReconcileOptions, ReconcileProblem, ReconcileReport } from "../../core/reconcile";
import { render } from "../../messages";
import { counted, plural } from "../../messages/render";
import { reconcileJsonToWrite } from "../../messages/json/reconcile";
import { fatalReadIssue } from "../../app/read";
import { freeSheetName } from "../../port/sheet-names";
import { describeReadIssue } from "../../messages/read";
import { runReconcile, sideReadOptions, writeReconcileResults, type ReconcileRequest, type ReconcileRun, type WrittenResults } from "../../app/reconcile";
import { readOnOwnSheets, relabelReport, rowLabel, sheetRowOf, sheetRowsPort, sheetRowsReader } from "../../app/sheet-rows";
import { KIND_TEXT } from "../../app/reports/reconcile-sheets";
import { pick, type Lang } from "../../app/lang";
import { XlsxWorkbook } from "../../xlsx/workbook";
import type { StreamedWorkbook } from "../../xlsx/streamed-workbook";
import type { ReadOptions } from "../../core/read";
import { PortError, type OutRow, type OutValue } from "../../port/workbook";
import type { Context, Values } from "../options";
import { optionalDate, optionalDays, optionalString, optionalYuan, requireString, say, stringList } from "../options";
import { EXIT_OK, UsageError } from "../errors";
import { assertFitsResultWorkbook, chooseLedgerSheets, chooseSheet, ensureWritableOut, noteCopy, openInputFile, saveResult, writtenNotes, writtenText, type OpenedFile } from "../files";
import { sheetsOf } from "../../core/read/sheets-of";
import { writeJson } from "../json-stream";
import { sheetsText } from "./read";
import { balanceTableRefusal, commandBalancesOnly } from "./balances";
import { renderTable } from "../table";
import { readSheetInWorker, worthReadingApart, type SheetReadInWorker } from "../read-worker";
import { csvCellOut } from "../ledger-copy";

/** How the command reads a statement: as the reader would by default (nothing to choose on the command line). */
const STATEMENT_READ: ReadOptions = {};

export async function commandReconcile(ctx: Context, values: Values): Promise<number> {
  if (optionalString(values, "balances") !== undefined) return commandBalancesOnly(ctx, values);
  // Two large CSV files: the statement is opened and read on a second thread while this one opens and
  // reads the ledger, started at once with the options the request gives its statement (checked when the
  // run asks for the read: other options are read here).
  const files = [requireString(ctx, values, "ledger"), requireString(ctx, values, "statement")];
  const statementRead = worthReadingApart(files, ctx.io.cwd) ? readSheetInWorker(path.resolve(ctx.io.cwd, files[1]), sideReadOptions("statement", STATEMENT_READ)) : null;
  try {
    return await reconcileFiles(ctx, values, statementRead);
  } finally {
    statementRead?.stop();
  }
}

/** The reconciliation of the two files, the statement opened and read by `statementRead` when it is given. */
async function reconcileFiles(ctx: Context, values: Values, statementRead: SheetReadInWorker | null): Promise<number> {
  const ledgerFile = requireString(ctx, values, "ledger");
  const statementFile = requireString(ctx, values, "statement");
  const asOf = optionalDate(ctx, values, "as-of");
  const tolerance = optionalYuan(ctx, values, "amount-tolerance");
  const feeTolerance = optionalYuan(ctx, values, "fee-tolerance");
  const window = optionalDays(ctx, values, "date-window");
  const dealer = optionalString(values, "dealer");
  const outPath = optionalString(values, "out");
  const out = outPath === undefined ? undefined : ensureWritableOut(outPath, ctx.io.cwd, [path.resolve(ctx.io.cwd, ledgerFile), path.resolve(ctx.io.cwd, statementFile)], ctx.lang, values.force === true);

  const ledger = await openInputFile(ledgerFile, ctx.io.cwd, ctx.lang);
  const openStatement = () => openInputFile(statementFile, ctx.io.cwd, ctx.lang);
  const statement = await (statementRead ? statementRead.opened(openStatement) : openStatement());
  const ledgerSheets = await chooseLedgerSheets(ledger, stringList(values, "ledger-sheet"), optionalString(values, "sheets"), ctx.lang, ledgerFile, "--ledger-sheet");
  const ledgerSheet = ledgerSheets[0];
  const statementSheet = await chooseSheet(statement, optionalString(values, "statement-sheet"), ctx.lang, statementFile);
  if (out !== undefined) {
    for (const sheet of ledgerSheets) await assertFitsResultWorkbook(ledger, sheet, ledgerFile, ctx.lang);
    await assertFitsResultWorkbook(statement, statementSheet, statementFile, ctx.lang);
  }
  if (ledger.path === statement.path && ledgerSheets.includes(statementSheet)) {
    throw new UsageError(say(ctx.lang, `台账和对账单是同一张工作表：${ledgerSheet}`, `the ledger and the statement are the same sheet: ${ledgerSheet}`));
  }

  // Month sheets all number their rows from the top, and the report knows ledger rows by number only: over
  // several sheets the one run reads the ledger through a port that numbers each sheet's rows apart, its
  // messages saying rows as `2026-08!5`; the workbook puts them back on their sheets, the JSON gives each
  // row's sheet, and what is said about the read itself has its rows back on their own sheets.
  const many = ledgerSheets.length > 1 ? ledgerSheets : null;
  const options: Omit<ReconcileOptions, "decisions"> = {
    asOf: asOf ?? null,
    dealer: dealer ?? null,
    ...(tolerance !== undefined ? { amountToleranceFen: tolerance } : {}),
    ...(feeTolerance !== undefined ? { feeToleranceFen: feeTolerance } : {}),
    ...(window !== undefined ? { dateWindowBefore: window, dateWindowAfter: window } : {}),
  };
  const request: ReconcileRequest = {
    ledger: { port: many ? sheetRowsReader(ledger.port, many) : ledger.port, sheet: ledgerSheet, read: { dealer, ...(ledgerSheets.length > 1 ? { sheets: ledgerSheets } : {}) } },
    statement: { port: statement.port, sheet: statementSheet, read: STATEMENT_READ },
    options,
    stopIfSwapped: values["sides-as-given"] !== true,
  };
  const run = await runReconcile(request, {}, statementRead?.read);
  if (fatalReadIssue(run.ledger) && ledgerSheets.length === 1) {
    const refusal = await balanceTableRefusal(ledger, ledgerSheet, ledgerFile, ctx.lang);
    if (refusal !== null) throw new UsageError(refusal);
  }
  const read = many ? readOnOwnSheets(many, run.ledger) : run.ledger;
  unreadableOrThrow({ ...run, ledger: read }, ctx.lang, ledgerFile, statementFile);
  problemsOrThrow(run.report, ctx.lang, { ledgerFile, statementFile, dealers: run.dealerChoice.ledgerDealers });

  const shown: ReconcileRun = many ? { ...run, report: relabelReport(many, run.report) } : run;
  let written: string | undefined;
  if (out !== undefined) {
    const result = await writeResultWorkbook(shown, ledger, ledgerSheets, statement, statementSheet, out, ctx.lang, values.force === true);
    written = result.out;
    // Links left out and texts cut, on stderr whether the output is text or JSON.
    for (const note of result.notes) ctx.io.err(`duizhang: ${note}`);
  }
  if (values.json) {
    await writeJson(ctx.io, reconcileJsonToWrite(shown.report, { includeMatches: values.matches === true, ...(many ? { ledgerPlace: (row: number) => sheetRowOf(many, row) } : {}) }));
  } else {
    ctx.io.out(reconcileText({ ...shown, ledger: read }, ctx.lang, many ?? undefined));
    if (written) ctx.io.out(writtenText(written, ctx.lang));
  }
  return EXIT_OK;
}

/** A sheet that could not be read as a ledger or statement is bad input, named with its file and sheet. */
export function unreadableOrThrow(run: ReconcileRun, lang: Lang, ledgerFile: string, statementFile: string): void {
  for (const [read, file, zhSide, enSide] of [
    [run.ledger, ledgerFile, "台账", "ledger"],
    [run.statement, statementFile, "对账单", "statement"],
  ] as const) {
    const fatal = fatalReadIssue(read);
    if (fatal) throw new UsageError(say(lang, `无法读取${zhSide}（${file}）：${describeReadIssue(fatal, lang)}`, `cannot read the ${enSide} (${file}): ${describeReadIssue(fatal, lang)}`));
  }
}

/**
 * Problems with the request itself (an unknown dealer, say) are bad input, not a result. Given the files,
 * the message names them and the option that fixes it.
 */
export function problemsOrThrow(report: ReconcileReport, lang: Lang, files?: { ledgerFile: string; statementFile: string; dealers: readonly string[] }): void {
  if (report.problems.length === 0) return;
  const text = (p: ReconcileProblem): string => {
    if (files && p.code === "sides_swapped") {
      return say(
        lang,
        `台账 ${files.ledgerFile} 看起来是经销商的对账单，对账单 ${files.statementFile} 看起来是我方台账：请对调 --ledger 和 --statement，或加 --sides-as-given 按所给方向继续`,
        `the ledger ${files.ledgerFile} looks like a dealer's statement and the statement ${files.statementFile} like our ledger: swap --ledger and --statement, or add --sides-as-given to go on as given`,
      );
    }
    if (files && p.code === "dealer_required") {
      const example = files.dealers[0] ?? "";
      return say(lang, `${render(p.text, "zh-CN")}（用 --dealer 指定${example ? `，如 --dealer ${example}` : ""}）`, `${render(p.text, "en-US")} (with --dealer${example ? `, e.g. --dealer ${example}` : ""})`);
    }
    return render(p.text, lang);
  };
  throw new UsageError(report.problems.map(text).join("; "));
}

function copyName(prefix: string, sheet: string, taken: Set<string>): string {
  const name = freeSheetName(`${prefix}${sheet}`, taken);
  taken.add(name);
  return name;
}

/**
 * A new workbook: copies of both sheets with differing rows marked, 差异明细 and 余额调节表 (not saved yet).
 * A ledger over several sheets (`ledgerSheet` a list, `run` made through `sheetRowsPort`) has each sheet
 * copied, and every row marked and linked on its own sheet's copy.
 */
export async function buildResultWorkbook(
  run: ReconcileRun,
  ledger: OpenedFile,
  ledgerSheet: string | readonly string[],
  statement: OpenedFile,
  statementSheet: string,
  lang: Lang,
  onWritten?: (written: WrittenResults) => void,
): Promise<XlsxWorkbook> {
  const wb = XlsxWorkbook.create();
  const taken = new Set<string>();
  const ledgerSheets = typeof ledgerSheet === "string" ? [ledgerSheet] : ledgerSheet;
  const ledgerCopies = ledgerSheets.map((sheet) => copyName(say(lang, "台账-", "Ledger-"), sheet, taken));
  const statementCopy = copyName(say(lang, "对账单-", "Statement-"), statementSheet, taken);
  for (const [i, sheet] of ledgerSheets.entries()) await copyInto(wb, ledger, sheet, ledgerCopies[i]);
  await copyInto(wb, statement, statementSheet, statementCopy);
  const written = await writeReconcileResults(run, { port: sheetRowsPort(wb, ledgerCopies), ledgerSheet: ledgerCopies[0], statementSheet: statementCopy, lang });
  onWritten?.(written);
  return wb;
}

/** The result workbook saved as `out`, and what to say about it on stderr (`writtenNotes`: links left out, texts cut). */
export async function writeResultWorkbook(
  run: ReconcileRun,
  ledger: OpenedFile,
  ledgerSheet: string | readonly string[],
  statement: OpenedFile,
  statementSheet: string,
  out: string,
  lang: Lang,
  force = false,
): Promise<{ out: string; notes: string[] }> {
  let linksDropped: WrittenResults["linksDropped"];
  const wb = await buildResultWorkbook(run, ledger, ledgerSheet, statement, statementSheet, lang, (w) => (linksDropped = w.linksDropped));
  await saveResult(wb, out, force);
  return { out, notes: writtenNotes(wb, linksDropped, lang) };
}

/** Copies a source sheet (with its formats, for .xlsx) into the result workbook under a new name. */
export async function copyInto(wb: XlsxWorkbook | StreamedWorkbook, from: OpenedFile, sheet: string, name: string): Promise<void> {
  noteCopy(wb, name, from, sheet);
  if (from.port instanceof XlsxWorkbook) {
    // Formats are copied within ExcelJS's workbook model; a streamed workbook takes values only.
    if (!(wb instanceof XlsxWorkbook)) throw new PortError("unsupported", `${sheet}: an .xlsx sheet is copied into an .xlsx workbook model`);
    await wb.copySheetFrom(from.port, sheet, name);
  } else {
    // A CSV file has values only: write them as they are, at the same rows, so row numbers still agree.
    const grid = await from.port.readSheet(sheet);
    const pad: OutRow[] = Array.from({ length: grid.top - 1 }, () => []);
    const lead: OutValue[] = Array.from({ length: grid.left - 1 }, () => null);
    // An .xls sheet's cells are typed: its texts stay text.
    const typed = from.kind === "xls";
    const rows = grid.values.map((r): OutRow => [...lead, ...r.map((v) => csvCellOut(v, typed))]);
    await wb.writeSheet({ name, rows: [...pad, ...rows] });
  }
}

/** `ledgerSheets`: the sheets of a ledger read over several, whose run numbers each sheet's rows apart. */
export function reconcileText(run: ReconcileRun, lang: Lang, ledgerSheets?: readonly string[]): string {
  const s = (zh: string, en: string) => (lang === "en-US" ? en : zh);
  const r = run.report;
  const lines: string[] = [];
  const ledgerRows = (rows: readonly number[]) => rows.map((n) => (ledgerSheets ? rowLabel(ledgerSheets, n) : String(n))).join(",") || "-";
  const read = sheetsOf(run.ledger);
  lines.push(`${s("台账", "Ledger")}: ${read.join("、")}  ${s("对账单", "Statement")}: ${run.statement.sheet}  ${s("截止日期", "Cut-off")}: ${r.asOf ?? r.cutoff ?? "-"}`);
  lines.push(...sheetsText(run.ledger, lang));
  const choice = run.dealerChoice;
  if (run.autoDealer && choice && choice.ledgerDealers.length > 1) {
    const as = choice.statementName && choice.match !== "same" ? s(`（对账单写作「${choice.statementName}」）`, ` (the statement writes "${choice.statementName}")`) : "";
    lines.push(s(`对账单属于经销商：${run.autoDealer}${as}，只核对这一家`, `The statement is ${run.autoDealer}'s${as}: only this dealer is reconciled`));
  }
  for (const d of r.dealers) {
    const rec = d.reconciliation;
    lines.push("");
    lines.push(`== ${d.dealer ?? s("（未指定经销商）", "(no dealer name)")} ==`);
    if (d.status !== "reconciled") {
      lines.push(statusText(d, lang));
      continue;
    }
    lines.push(s(`已匹配 ${d.matches.length} 组；差异 ${d.differences.length} 项；待确认 ${d.suggestions.length} 项`, `Matched ${d.matches.length}; differences ${d.differences.length}; to confirm ${d.suggestions.length}`));
    if (d.differences.length + d.suggestions.length > 0) {
      const rows = [
        ...d.differences.map((x) => [pick(KIND_TEXT[x.kind], lang), formatFenGrouped(x.amount), ledgerRows(x.ledgerRows), x.statementRows.join(",") || "-", render(x.reason.text, lang)]),
        ...d.suggestions.map((x) => [pick(KIND_TEXT.suggestion, lang), formatFenGrouped(x.amount), ledgerRows(x.ledgerRows), x.statementRows.join(",") || "-", render(x.note, lang)]),
      ];
      lines.push(renderTable([s("类型", "Kind"), s("差额", "Amount"), s("台账行", "Ledger rows"), s("对账单行", "Statement rows"), s("可能原因", "Likely reason")], rows, [1]));
    }
    lines.push(`${s("我方余额", "Our balance")} ${formatFenGrouped(rec.ledgerBalance)} → ${s("调节后", "adjusted")} ${formatFenGrouped(rec.adjustedLedgerBalance)}`);
    lines.push(`${s("对方余额", "Their balance")} ${formatFenGrouped(rec.statementBalance)} → ${s("调节后", "adjusted")} ${formatFenGrouped(rec.adjustedStatementBalance)}`);
    const unread = d.differences.filter((x) => x.kind === "unreadable").length;
    if (unread > 0) {
      lines.push(s(`有 ${unread} 个单元格无法读取，相关行未计入余额，不能确认一致：请按上表改正后重新对账。`, `${counted(unread, "cell", "cells")} cannot be read; ${plural(unread, "its row is", "their rows are")} in neither balance, so agreement cannot be confirmed: correct ${plural(unread, "it", "them")} as listed above and reconcile again.`));
    } else {
      lines.push(rec.balanced ? s("调节后余额一致。", "The adjusted balances agree.") : s(`调节后仍差 ${formatFenGrouped(rec.remainder)}`, `Still ${formatFenGrouped(rec.remainder)} apart after adjustment`));
    }
  }
  return lines.join("\n");
}

/** A dealer only one sheet has: its balance there, and that it was not reconciled. */
function statusText(d: DealerResult, lang: Lang): string {
  const rec = d.reconciliation;
  return d.status === "no_statement"
    ? say(lang, `对账单中没有这家经销商，未核对（我方余额 ${formatFenGrouped(rec.ledgerBalance)}，台账 ${d.ledger.entries} 行）。`, `Not on the statement: not reconciled (our balance ${formatFenGrouped(rec.ledgerBalance)}, ${counted(d.ledger.entries, "ledger row", "ledger rows")}).`)
    : say(lang, `我方台账中没有这家经销商，未核对（对方余额 ${formatFenGrouped(rec.statementBalance)}，对账单 ${d.statement.entries} 行）。`, `Not in our ledger: not reconciled (their balance ${formatFenGrouped(rec.statementBalance)}, ${counted(d.statement.entries, "statement row", "statement rows")}).`);
}
