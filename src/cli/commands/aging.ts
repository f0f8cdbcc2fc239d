/**
 * `duizhang aging`: age a ledger file as of a date; print the summary (or the JSON contract), and on
 * request write a new workbook with the ledger's overdue rows marked, 账龄分析 and 催款计划.
 */
import { REGISTER_SHEET as CREDIT_REGISTER_SHEET } from "../../core/credit";
import * as path from "path";
import {
  actionsDue,
  bucketsFromText,
  reviewKindText,
  STAGE_TEXT,
  STAGES,
  type AgingBasis,
  type AgingReport,
  type BucketSpec,
  type ReconciliationBasis,
} from "../../core/aging";
import { ymdToIso } from "../../core/dates";
import { formatFenGrouped } from "../../core/money";
import { REGISTER_SHEET } from "../../core/letters";
import type { IsoDate } from "../../core/model";
import { dealerKey } from "../../core/read";
import { sheetsOf } from "../../core/read/sheets-of";
import { describeReadIssue } from "../../messages/read";
import { reconciliationOf, runAging, writeAgingResults, type AgingRun, type WrittenAging } from "../../app/aging";
import { runReconcile } from "../../app/reconcile";
import { pick, type Lang } from "../../app/lang";
import { bucketLabel, dealersByBalance, shownBucketKeys, TERM_SOURCE_TEXT } from "../../app/reports/aging-sheets";
import { XlsxWorkbook } from "../../xlsx/workbook";
import { StreamedWorkbook } from "../../xlsx/streamed-workbook";
import { fatalReadIssue } from "../../app/read";
import { freeSheetName } from "../../port/sheet-names";
import type { Context, Values } from "../options";
import { optionalDate, optionalDays, optionalString, requireString, say, stringList } from "../options";
import { EXIT_OK, UsageError } from "../errors";
import { assertFitsResultWorkbook, chooseLedgerSheets, chooseSheet, ensureWritableOut, noteCopy, openInputFile, openRegister, saveResult, writtenNotes, type OpenedFile } from "../files";
import type { ReadableWorkbook } from "../../port/workbook";
import { writeJson } from "../json-stream";
import { sheetsText } from "./read";
import { render } from "../../messages";
import { agingJsonToWrite } from "../../messages/json/aging";
import { renderTable } from "../table";
import { copyInto, problemsOrThrow as reconcileProblemsOrThrow, unreadableOrThrow } from "./reconcile";
import { copyLedgerInWorker, ledgerCopyRows, worthCopyingApart, type LedgerCopyInWorker } from "../ledger-copy";

/** Today in the local calendar: the clock is read here, at the edge, never in the core. */
export function todayIso(now: Date = new Date()): IsoDate {
  return ymdToIso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}


export async function commandAging(ctx: Context, values: Values): Promise<number> {
  const { lang } = ctx;
  const ledgerFile = requireString(ctx, values, "ledger");
  const asOf = optionalDate(ctx, values, "as-of") ?? todayIso();
  const termDays = optionalDays(ctx, values, "term-days");
  const basisText = optionalString(values, "basis");
  if (basisText !== undefined && basisText !== "due" && basisText !== "document") {
    throw new UsageError(say(lang, `--basis 须为 due（到期日）或 document（单据日期）：${basisText}`, `--basis must be due or document: ${basisText}`));
  }
  const basis = basisText as AgingBasis | undefined;
  const dealer = optionalString(values, "dealer");
  const buckets = parseBuckets(optionalString(values, "buckets"), basis ?? "due", lang);
  const statementFile = optionalString(values, "statement");
  const statementSheetName = optionalString(values, "statement-sheet");
  if (statementSheetName !== undefined && statementFile === undefined) {
    throw new UsageError(say(lang, "--statement-sheet 须与 --statement 一起使用", "--statement-sheet needs --statement"));
  }
  const outPath = optionalString(values, "out");
  const registerFile = optionalString(values, "register");
  const inputs = [ledgerFile, ...(statementFile !== undefined ? [statementFile] : []), ...(registerFile !== undefined ? [registerFile] : [])].map((f) => path.resolve(ctx.io.cwd, f));
  const out = outPath === undefined ? undefined : ensureWritableOut(outPath, ctx.io.cwd, inputs, lang, values.force === true);

  // A large CSV ledger's copy for --out is written on a worker thread from now on, while this one reads and
  // ages the ledger (../ledger-copy); it is stopped however the command ends.
  const copyElsewhere = out !== undefined && worthCopyingApart(ledgerFile, ctx.io.cwd) ? copyLedgerInWorker(path.resolve(ctx.io.cwd, ledgerFile)) : null;
  try {
    return await agingWith(ctx, values, { ledgerFile, asOf, termDays, basis, dealer, buckets, statementFile, statementSheetName, registerFile, out, copyElsewhere });
  } finally {
    copyElsewhere?.stop();
  }
}

/** `duizhang aging`'s options as read; `copyElsewhere`: the ledger's copy being written on a worker thread. */
interface AgingOptions {
  ledgerFile: string;
  asOf: IsoDate;
  termDays: number | undefined;
  basis: AgingBasis | undefined;
  dealer: string | undefined;
  buckets: BucketSpec[] | undefined;
  statementFile: string | undefined;
  statementSheetName: string | undefined;
  registerFile: string | undefined;
  out: string | undefined;
  copyElsewhere: LedgerCopyInWorker | null;
}

/** The command once its options are read. */
async function agingWith(ctx: Context, values: Values, o: AgingOptions): Promise<number> {
  const { lang } = ctx;
  const { ledgerFile, asOf, termDays, basis, dealer, buckets, statementFile, statementSheetName, registerFile, out } = o;
  const ledger = await openInputFile(ledgerFile, ctx.io.cwd, lang);
  const sheets = await chooseLedgerSheets(ledger, stringList(values, "sheet"), optionalString(values, "sheets"), lang, ledgerFile);
  const sheet = sheets[0];
  const many = sheets.length > 1 ? { sheets } : undefined;
  if (out !== undefined) for (const one of sheets) await assertFitsResultWorkbook(ledger, one, ledgerFile, lang);
  const reconciliation =
    statementFile === undefined ? undefined : await reconcileFirst(ctx, { ledger, sheet, sheets, ledgerFile, statementFile, statementSheetName, asOf, dealer });
  const run = await runAging({
    ledger: { port: ledger.port, sheet, ...(many ? { read: many } : {}) },
    asOf,
    ...(termDays !== undefined ? { defaultTermDays: termDays } : {}),
    ...(basis ? { basis } : {}),
    ...(dealer !== undefined ? { dealer } : {}),
    ...(buckets ? { buckets } : {}),
    ...(reconciliation ? { reconciliation } : {}),
    // The register's replies, signed demands and commitments restart the limitation period.
    ...(registerFile !== undefined ? await registersOf(registerFile, ctx) : {}),
  });
  problemsOrThrow(run, dealer, lang);

  let written: { file: string; sheets: WrittenAging; notes: string[] } | undefined;
  if (out !== undefined) {
    if (streamsResult(ledger)) {
      // A CSV ledger: its copy and the plan go to the file row by row, never held as a workbook model.
      const wb = await StreamedWorkbook.create(out, { replace: values.force === true });
      try {
        const added = (await addAgingToWorkbook(wb, ledger, sheets, asOf, lang, { run, ...(o.copyElsewhere ? { copyElsewhere: o.copyElsewhere } : {}) })).written;
        await wb.save();
        written = { file: out, sheets: added, notes: writtenNotes(wb, added.linksDropped, lang) };
      } catch (e) {
        await wb.abandon();
        throw e;
      }
    } else {
      const wb = XlsxWorkbook.create();
      const added = (await addAgingToWorkbook(wb, ledger, sheets, asOf, lang, { run })).written;
      await saveResult(wb, out, values.force === true);
      written = { file: out, sheets: added, notes: writtenNotes(wb, added.linksDropped, lang) };
    }
    // Links left out and texts cut, on stderr whether the output is text or JSON.
    for (const note of written.notes) ctx.io.err(`duizhang: ${note}`);
  }
  if (values.json) {
    await writeJson(ctx.io, agingJsonToWrite(run.report));
  } else {
    ctx.io.out(agingText(run, lang));
    if (written) {
      ctx.io.out(
        say(
          lang,
          `\n结果已写入：${written.file}（${written.sheets.agingSheet}、${written.sheets.planSheet}；台账标色 ${written.sheets.marked} 行）`,
          `\nResult written to: ${written.file} (${written.sheets.agingSheet}, ${written.sheets.planSheet}; ${written.sheets.marked} ledger rows marked)`,
        ),
      );
      if (written.sheets.chartsLeftOut > 0) ctx.io.out(chartsLeftOutText(lang));
    }
  }
  return EXIT_OK;
}

/**
 * `--statement`: reconcile the ledger against the dealer's statement first, as `duizhang reconcile`
 * does (cut off at the aging date, the same dealer), so the rows it flags are aged as 待核对. Input
 * that would stop the reconciliation stops this too.
 */
async function reconcileFirst(
  ctx: Context,
  req: { ledger: OpenedFile; sheet: string; sheets?: string[]; ledgerFile: string; statementFile: string; statementSheetName: string | undefined; asOf: IsoDate; dealer: string | undefined },
): Promise<ReconciliationBasis> {
  const { lang } = ctx;
  const statement = await openInputFile(req.statementFile, ctx.io.cwd, lang);
  const statementSheet = await chooseSheet(statement, req.statementSheetName, lang, req.statementFile);
  if (req.ledger.path === statement.path && (req.sheets ?? [req.sheet]).includes(statementSheet)) {
    throw new UsageError(say(lang, `台账和对账单是同一张工作表：${req.sheet}`, `the ledger and the statement are the same sheet: ${req.sheet}`));
  }
  const run = await runReconcile({
    ledger: { port: req.ledger.port, sheet: req.sheet, read: { ...(req.dealer !== undefined ? { dealer: req.dealer } : {}), ...(req.sheets && req.sheets.length > 1 ? { sheets: req.sheets } : {}) } },
    statement: { port: statement.port, sheet: statementSheet },
    options: { asOf: req.asOf, dealer: req.dealer ?? null },
    stopIfSwapped: true,
  });
  unreadableOrThrow(run, lang, req.ledgerFile, req.statementFile);
  if (run.report.problems.some((p) => p.code === "sides_swapped")) {
    // Aging needs our own ledger: the pair is not run the other way round here.
    throw new UsageError(
      say(
        lang,
        `台账 ${req.ledgerFile} 看起来是经销商的对账单，对账单 ${req.statementFile} 看起来是我方台账：请检查 --ledger 和 --statement 是否给反了`,
        `the ledger ${req.ledgerFile} looks like a dealer's statement and the statement ${req.statementFile} like our ledger: check that --ledger and --statement are not swapped`,
      ),
    );
  }
  reconcileProblemsOrThrow(run.report, lang, { ledgerFile: req.ledgerFile, statementFile: req.statementFile, dealers: run.dealerChoice.ledgerDealers });
  return reconciliationOf(run);
}

/**
 * `--buckets 30,60,90,180,365`: the upper bounds of the aging buckets in days. By due date a 未到期 bucket
 * comes first; the last bucket is open-ended.
 */
export function parseBuckets(text: string | undefined, basis: AgingBasis, lang: Lang): BucketSpec[] | undefined {
  if (text === undefined) return undefined;
  const buckets = bucketsFromText(text, basis);
  if (buckets === null) {
    throw new UsageError(say(lang, `--buckets 须为由小到大的天数，用逗号分隔，如 30,60,90,180,365：${text}`, `--buckets must be day counts in increasing order, e.g. 30,60,90,180,365: ${text}`));
  }
  return buckets;
}

/** .xlsx files are written without charts; the table the chart draws from is there. */
export function chartsLeftOutText(lang: Lang): string {
  return say(
    lang,
    "注：.xlsx 文件中不含账龄图表（文件写入不支持图表），图表所用的数据表已保留；在 Excel 中用对账助手生成账龄表即带图表。",
    "Note: the .xlsx file has no aging chart (charts cannot be written to files here); the table it draws from is there. In Excel, the add-in writes the chart too.",
  );
}

/** Open items whose limitation period (诉讼时效) ends within 180 days or has ended, and broken commitments. */
function limitationText(run: AgingRun, lang: Lang): string[] {
  const s = (zh: string, en: string) => say(lang, zh, en);
  const c = run.collection;
  const broken = c.commitments.filter((k) => k.missed);
  if (c.expiring === 0 && c.expired === 0 && broken.length === 0) return [];
  const lines = ["", s("== 诉讼时效与还款承诺 ==", "== Limitation period and commitments ==")];
  for (const d of run.report.dealers) {
    for (const i of d.items) {
      const l = i.limitation;
      if (!l || l.status === "running") continue;
      const what = l.status === "expired" ? s("可能已过诉讼时效，请咨询法律意见", "possibly time-barred: seek legal advice") : s(`还剩 ${l.daysLeft} 天，请取得对方确认`, `${l.daysLeft} days left: get an acknowledgement`);
      const basis = render(l.basis.text, lang);
      lines.push(`  ${d.dealer} ${i.ref ?? i.row} ${formatFenGrouped(i.open)}  ${s(`届满 ${l.expires}（${basis}）：`, `expires ${l.expires} (${basis}): `)}${what}`);
    }
  }
  for (const k of broken) lines.push(`  ${k.dealer} ${k.number}${s(`：第 ${k.missed!.n} 期（${k.missed!.date}）未按期付款，承诺未履行`, `: installment ${k.missed!.n} (${k.missed!.date}) missed: commitment not kept`)}`);
  return lines;
}

/**
 * The --register file as the letters' register (函证登记簿) and as the credit register (信用档案), as it
 * holds them: it may keep either or both.
 */
async function registersOf(file: string, ctx: Context): Promise<{ register?: ReadableWorkbook; creditRegister?: ReadableWorkbook }> {
  const opened = (await openRegister(file, [REGISTER_SHEET, CREDIT_REGISTER_SHEET], ctx.io.cwd, ctx.lang))!;
  const port = opened.file.port;
  return { ...(opened.sheetOf(REGISTER_SHEET) ? { register: port } : {}), ...(opened.sheetOf(CREDIT_REGISTER_SHEET) ? { creditRegister: port } : {}) };
}

/** A sheet that cannot be aged at all, or a dealer not in it, is bad input: one line, exit 2. */
function problemsOrThrow(run: AgingRun, dealer: string | undefined, lang: Lang): void {
  const fatal = fatalReadIssue(run.ledger);
  if (fatal) {
    throw new UsageError(say(lang, `无法计算账龄：${describeReadIssue(fatal, lang)}`, `cannot age the sheet: ${describeReadIssue(fatal, lang)}`));
  }
  if (dealer !== undefined && run.report.dealers.length === 0) {
    const seen = new Map<string, string>();
    for (const name of [...run.ledger.dealers, ...(run.ledger.dealer ? [run.ledger.dealer] : []), ...run.ledger.skipped.filter((s) => s.reason === "other-dealer").map((s) => s.text)]) {
      const key = dealerKey(name);
      if (name !== "" && !seen.has(key)) seen.set(key, name);
    }
    const names = [...seen.values()];
    const list = names.slice(0, 10).join("、") + (names.length > 10 ? "…" : "");
    throw new UsageError(
      names.length > 0
        ? say(lang, `${run.ledger.sheet} 中没有经销商“${dealer}”的记录（有：${list}）`, `no rows for dealer "${dealer}" in ${run.ledger.sheet} (dealers: ${list})`)
        : say(lang, `${run.ledger.sheet} 中没有经销商“${dealer}”的记录`, `no rows for dealer "${dealer}" in ${run.ledger.sheet}`),
    );
  }
}

/** Excel sheet names: at most 31 characters, unique in the workbook. */
async function freeName(wb: XlsxWorkbook | StreamedWorkbook, wanted: string): Promise<string> {
  return freeSheetName(wanted, (await wb.listSheets()).map((s) => s.name));
}

/**
 * Whether `--out` streams the result workbook to its file (`StreamedWorkbook`, which writes what ExcelJS's
 * workbook model writes, read back cell for cell): a CSV or .xls ledger of any size, values only. An .xlsx
 * ledger's copy keeps its formats, copied within ExcelJS's workbook model.
 */
export function streamsResult(ledger: OpenedFile): boolean {
  return !(ledger.port instanceof XlsxWorkbook);
}

/**
 * Age `sheet` of `source` (or several sheets read as one ledger) and add the results to a result workbook
 * `wb`: a copy of each ledger sheet with its aged rows marked (group `aging`), 账龄分析 and 催款计划, whose
 * links go to each row on its own sheet's copy. When `options.ledgerCopy` names a copy of the (one) ledger
 * sheet already in `wb` (the demo's reconciliation copy), that copy is marked instead of a new one; its
 * reconciliation marks stay. `options.run` reuses an aging already made; `options.reconciliation` marks
 * the rows it flagged 待核对.
 */
export async function addAgingToWorkbook(
  wb: XlsxWorkbook | StreamedWorkbook,
  source: OpenedFile,
  sheet: string | readonly string[],
  asOf: IsoDate,
  lang: Lang,
  options: { ledgerCopy?: string; run?: AgingRun; termDays?: number; reconciliation?: ReconciliationBasis; copyElsewhere?: LedgerCopyInWorker } = {},
): Promise<{ run: AgingRun; written: WrittenAging; ledgerCopy: string }> {
  const sheets = typeof sheet === "string" ? [sheet] : [...sheet];
  const run =
    options.run ??
    (await runAging({
      ledger: { port: source.port, sheet: sheets[0], ...(sheets.length > 1 ? { read: { sheets } } : {}) },
      asOf,
      ...(options.termDays !== undefined ? { defaultTermDays: options.termDays } : {}),
      ...(options.reconciliation ? { reconciliation: options.reconciliation } : {}),
    }));
  const copies: Record<string, string> = {};
  if (options.ledgerCopy !== undefined && sheets.length === 1) copies[sheets[0]] = options.ledgerCopy;
  else {
    for (const one of sheets) {
      copies[one] = await freeName(wb, `${say(lang, "台账-", "Ledger-")}${one}`);
      if (wb instanceof StreamedWorkbook && !(source.port instanceof XlsxWorkbook)) await copyStreamed(wb, source, one, copies[one], options.copyElsewhere);
      else await copyInto(wb, source, one, copies[one]);
    }
  }
  const ledgerCopy = copies[sheets[0]];
  const written = await writeAgingResults(run, { port: wb, ledgerSheet: ledgerCopy, ...(sheets.length > 1 ? { ledgerSheets: copies } : {}), lang });
  return { run, written, ledgerCopy };
}

/**
 * A CSV (or .xls) ledger's copy in a streamed result workbook: the sheet `copyInto` writes (its values
 * converted by `csvCellOut`, at the same rows and columns), given to the file one row at a time instead of
 * as a second full grid and a spec of a million rows. When `elsewhere` is writing this file's copy on a
 * worker thread and the copy is the workbook's first sheet, its rows come from there (../ledger-copy);
 * else, or when the worker left it, they are written here.
 */
async function copyStreamed(wb: StreamedWorkbook, from: OpenedFile, sheet: string, name: string, elsewhere?: LedgerCopyInWorker): Promise<void> {
  noteCopy(wb, name, from, sheet);
  if (elsewhere !== undefined) {
    const written = from.kind === "csv" && from.path === elsewhere.file && from.read !== undefined && wb.untouched ? await elsewhere.written(sheet, from.read) : null;
    elsewhere.stop();
    if (written !== null) return wb.takeValuesSheet(name, written);
  }
  const grid = from.port.readRows ? await from.port.readRows(sheet) : await from.port.readSheet(sheet);
  await wb.writeValuesSheet(name, ledgerCopyRows(grid, from.kind === "xls"));
}

/** Actions listed in the text summary; the rest are counted (the 催款计划 sheet and the JSON have every one). */
export const MAX_ACTIONS_LISTED = 1_000;

/** The text summary: terms, totals by stage, dealers × buckets, and this week's actions. */
export function agingText(run: AgingRun, lang: Lang): string {
  const s = (zh: string, en: string) => (lang === "en-US" ? en : zh);
  const r: AgingReport = run.report;
  const lines: string[] = [];
  const basis = r.basis === "due" ? s("按到期日", "by due date") : s("按单据日期", "by document date");
  const read = sheetsOf(run.ledger);
  lines.push(`${s("台账", "Ledger")}: ${read.join("、")}  ${s("账龄日期", "As of")}: ${r.asOf}  ${s("账龄基准", "Aged")}: ${basis}`);
  lines.push(...sheetsText(run.ledger, lang));
  const ts = run.termSources;
  const defaultFrom =
    ts.defaultFrom === "request" ? s("本次指定", "given") : ts.defaultFrom === "setting" ? s("已保存的设置", "saved setting") : s("未设置", "not set");
  lines.push(`${s("默认账期", "Default term")}: ${ts.defaultTermDays} ${s("天", "days")} (${defaultFrom})${ts.table ? `  ${s("账期表", "Term table")}: ${ts.table.sheet} (${Object.keys(ts.table.terms).length})` : ""}`);
  if (r.ignoredAfterAsOf > 0) lines.push(s(`账龄日期之后的 ${r.ignoredAfterAsOf} 行未计入`, `${r.ignoredAfterAsOf} rows after the as-of date left out`));

  lines.push("", s("== 按阶段汇总 ==", "== By stage =="));
  lines.push(
    renderTable(
      [s("阶段", "Stage"), s("笔数", "Items"), s("金额", "Amount")],
      STAGES.map((st) => [render(STAGE_TEXT[st], lang), String(r.totals.byStage[st].count), formatFenGrouped(r.totals.byStage[st].amount)]),
      [1, 2],
    ),
  );
  lines.push(`${s("应收余额合计", "Total open balance")}: ${formatFenGrouped(r.totals.openBalance)}`);
  lines.push(...totalsNotes(r, lang));

  lines.push("", s("== 账龄分布 ==", "== Aging buckets =="));
  const keys = shownBucketKeys(r);
  const dealerRows = dealersByBalance(r).map((d) => [
    d.dealer,
    d.rep ?? "",
    `${d.termDays} (${pick(TERM_SOURCE_TEXT[d.termSource], lang)})`,
    formatFenGrouped(d.openBalance),
    ...keys.map((k) => formatFenGrouped(d.buckets[k] ?? 0)),
  ]);
  dealerRows.push([s("合计", "Total"), "", "", formatFenGrouped(r.totals.openBalance), ...keys.map((k) => formatFenGrouped(r.totals.buckets[k] ?? 0))]);
  lines.push(
    renderTable(
      [s("经销商", "Dealer"), s("业务员", "Rep"), s("账期(天)", "Term"), s("余额", "Balance"), ...keys.map((k) => bucketLabel(k, lang))],
      dealerRows,
      [3, ...keys.map((_, i) => 4 + i)],
    ),
  );

  const due = actionsDue(r, 7);
  lines.push("", s(`== 本周需行动（${due.length} 笔，含已逾期）==`, `== Actions due this week (${due.length}, overdue included) ==`));
  if (due.length === 0) lines.push(s("无", "none"));
  else {
    lines.push(
      renderTable(
        [s("行动日期", "Date"), s("经销商", "Dealer"), s("业务员", "Rep"), s("单号", "Reference"), s("行", "Row"), s("未收金额", "Open"), s("到期日", "Due"), s("阶段", "Stage"), s("行动", "Action")],
        due.slice(0, MAX_ACTIONS_LISTED).map((i) => [
          i.nextAction.date,
          i.dealer,
          i.rep ?? "",
          i.ref ?? (i.kind === "opening" ? s("期初余额", "Opening balance") : ""),
          String(i.row),
          formatFenGrouped(i.open),
          i.dueDate,
          render(STAGE_TEXT[i.stage], lang),
          render(i.nextAction.text, lang),
        ]),
        [4, 5],
      ),
    );
    // A full-sheet ledger can have half a million late items: the terminal gets the first, the plan has all.
    if (due.length > MAX_ACTIONS_LISTED) {
      const more = due.length - MAX_ACTIONS_LISTED;
      lines.push(s(`……另有 ${more} 笔，见 --out 结果工作簿的催款计划或 --json`, `… and ${more} more: see the collection plan of --out or --json`));
    }
  }

  lines.push(...apartText(r, lang));
  lines.push(...limitationText(run, lang));

  if (r.issues.length > 0) {
    lines.push("", s(`问题：${r.issues.length}`, `Problems: ${r.issues.length}`));
    for (const issue of r.issues.slice(0, 30)) lines.push(`  ${render(issue.text, lang)}`);
    if (r.issues.length > 30) lines.push(s(`  ……另有 ${r.issues.length - 30} 处`, `  … and ${r.issues.length - 30} more`));
  }
  return lines.join("\n");
}

/** What the totals leave out (unreadable rows) and what the plan leaves out (待核对), said beside them. */
export function totalsNotes(r: AgingReport, lang: Lang): string[] {
  const s = (zh: string, en: string) => (lang === "en-US" ? en : zh);
  const lines: string[] = [];
  if (r.unreadableRows > 0) {
    lines.push(s(`合计不含无法读取的 ${r.unreadableRows} 行（见下方“无法读取”），请改正后重新计算。`, `Totals exclude ${r.unreadableRows} unreadable ${r.unreadableRows === 1 ? "row" : "rows"} (see "Unreadable" below); correct them and run again.`));
  }
  if (r.reconciliation) {
    const open = r.underReconciliation.filter((u) => u.status === "open");
    const cutoff = r.reconciliation.cutoff ?? "-";
    const dealers = r.reconciliation.dealers;
    const whose = dealers.length > 0 ? s(`经销商 ${dealers.join("、")}，`, `dealer ${dealers.join(", ")}, `) : "";
    const against = s(`已对照对账单「${r.reconciliation.statementSheet}」（${whose}截止 ${cutoff}）`, `Reconciled against "${r.reconciliation.statementSheet}" (${whose}cut-off ${cutoff})`);
    lines.push(
      open.length > 0
        ? s(
            `${against}：${open.length} 笔待核对，仍计入余额，未列入催款行动（见下方“待核对”）。`,
            `${against}: ${open.length} ${open.length === 1 ? "item is" : "items are"} under reconciliation, still in the balance but out of the collection actions (see below).`,
          )
        : s(`${against}：没有待核对的未收款项。`, `${against}: no open item is under reconciliation.`),
    );
  }
  return lines;
}

/** The lists apart: 待核对 rows with their reason, and the cells that could not be read. */
export function apartText(r: AgingReport, lang: Lang): string[] {
  const s = (zh: string, en: string) => (lang === "en-US" ? en : zh);
  const lines: string[] = [];
  if (r.underReconciliation.length > 0) {
    const statusText = { open: s("未收", "open"), unapplied: s("未核销", "unapplied"), settled: s("已核销", "settled") };
    lines.push("", s(`== 待核对（${r.underReconciliation.length} 笔，未列入催款计划）==`, `== Under reconciliation (${r.underReconciliation.length}, kept out of the collection plan) ==`));
    lines.push(
      renderTable(
        [s("经销商", "Dealer"), s("行", "Row"), s("单号", "Reference"), s("金额", "Amount"), s("未收", "Open"), s("状态", "Status"), s("类型", "Kind"), s("原因", "Reason")],
        r.underReconciliation.map((u) => [
          u.dealer,
          String(u.row),
          u.ref ?? "",
          formatFenGrouped(u.amount),
          formatFenGrouped(u.open),
          statusText[u.status],
          render(reviewKindText(u.kind), lang),
          render(u.text, lang),
        ]),
        [1, 3, 4],
      ),
    );
  }
  if (r.unreadable.length > 0) {
    lines.push("", s(`== 无法读取（${r.unreadableRows} 行，未计入合计）==`, `== Unreadable (${r.unreadableRows} ${r.unreadableRows === 1 ? "row" : "rows"}, in no total) ==`));
    for (const u of r.unreadable.slice(0, 50)) lines.push(`  ${render(u.text, lang)}`);
    if (r.unreadable.length > 50) lines.push(s(`  ……另有 ${r.unreadable.length - 50} 处`, `  … and ${r.unreadable.length - 50} more`));
  }
  return lines;
}
