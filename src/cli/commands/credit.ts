/**
 * `duizhang credit`: score the credit applications of a workbook with the scorecard and the ledger's history,
 * suggest a limit and term, check exposure against the register, list dealers due for review; and
 * `duizhang credit template --out FILE`: the application sheet reps fill. No input is ever written.
 */
import * as path from "path";
import { APPLICATION_SHEET, approveCredit, creditResultSpec, exposureUnknown, findBalanceSheet, markOverLimit, readOnceScope, runCredit, scorecardSheetSpec, withApprovals, writeApplicationTemplate, type ApprovalWritten, type CreditProblem, type CreditRun } from "../../app/credit";
import type { Lang } from "../../app/lang";
import type { ReadableWorkbook } from "../../port/workbook";
import { REGISTER_SHEET, SCORECARD_SHEET } from "../../core/credit";
import { msg } from "../../core/messages";
import { formatFen, formatFenGrouped } from "../../core/money";
import { dealerKey } from "../../core/values/refs";
import { toCreditJson } from "../../messages/json/credit";
import { render } from "../../messages/render";
import { XlsxWorkbook } from "../../xlsx/workbook";
import type { Context, Values } from "../options";
import { optionalDate, optionalDays, optionalString, say, stringList } from "../options";
import { EXIT_OK, UsageError } from "../errors";
import { chooseSheet, ensureWritableOut, namedSheet, openInputFile, saveResult, writtenNotes, writtenText, type OpenedFile } from "../files";
import { sameSheetName } from "../../port/addresses";
import { writeJson } from "../json-stream";
import { renderTable } from "../table";
import { todayIso } from "./aging";

export async function commandCredit(ctx: Context, values: Values, positionals: string[]): Promise<number> {
  const { lang } = ctx;
  const sub = positionals[0];
  if (sub === "template") return commandTemplate(ctx, values);
  if (sub !== undefined) throw new UsageError(say(lang, `未知的子命令：credit ${sub}（可用：credit template）`, `unknown subcommand: credit ${sub} (there is: credit template)`));

  const applicationsFile = optionalString(values, "applications");
  if (applicationsFile === undefined) throw new UsageError(say(lang, "缺少 --applications 申请表文件（或用 duizhang credit template --out 文件 生成空白申请表）", "missing --applications FILE (or make a blank form with duizhang credit template --out FILE)"));
  const ledgerFile = optionalString(values, "ledger");
  const balancesFile = optionalString(values, "balances");
  const registerFile = optionalString(values, "register");
  const scorecardFile = optionalString(values, "scorecard");
  const asOf = optionalDate(ctx, values, "as-of") ?? todayIso();
  const termDays = optionalDays(ctx, values, "term-days");
  const outPath = optionalString(values, "out");
  const force = values.force === true;
  // --approve: the suggestion of each dealer named goes into the result workbook's 信用档案 (no input is written),
  // approved on --approved-on (default today), the scoring's as-of date kept in its 评估日 column.
  // A dealer named twice is approved once.
  const approve = [...new Map(stringList(values, "approve").map((d) => [dealerKey(d), d] as const)).values()];
  const approver = optionalString(values, "approver")?.trim() ?? "";
  const approvedOn = optionalDate(ctx, values, "approved-on") ?? todayIso();
  if (approve.length === 0 && (values.approver !== undefined || values["approved-on"] !== undefined)) {
    throw new UsageError(render(msg("credit.approve.alone", {}), lang));
  }
  if (approve.length > 0 && outPath === undefined) {
    throw new UsageError(render(msg("credit.approve.needs_out", {}), lang));
  }
  if (approve.length > 0 && approver === "") throw new UsageError(render(msg("credit.approve.needs_approver", {}), lang));
  // An approval cannot predate the scoring it approves.
  if (approve.length > 0 && approvedOn < asOf) {
    const given = values["approved-on"] !== undefined;
    throw new UsageError(render(msg(given ? "credit.approve.before_as_of" : "credit.approve.today_before_as_of", { approvedOn, asOf }), lang));
  }
  const inputs = [applicationsFile, ledgerFile, balancesFile, registerFile, scorecardFile].filter((f): f is string => f !== undefined).map((f) => path.resolve(ctx.io.cwd, f));
  const out = outPath === undefined ? undefined : ensureWritableOut(outPath, ctx.io.cwd, inputs, lang, force);

  const opened = new Map<string, OpenedFile>();
  const open = async (file: string) => {
    const full = path.resolve(ctx.io.cwd, file);
    let f = opened.get(full);
    if (!f) {
      f = await openInputFile(file, ctx.io.cwd, lang);
      opened.set(full, f);
    }
    return f;
  };
  // Each file's sheet list and sheets are read once, whichever option names the file; the run keeps these caches.
  const scope = readOnceScope();
  const read = (f: OpenedFile): ReadableWorkbook => scope(f.port);
  const applications = await open(applicationsFile);
  const ledger = ledgerFile !== undefined ? await open(ledgerFile) : null;
  const ledgerSheet = ledger ? await chooseSheet(ledger, optionalString(values, "sheet"), lang, ledgerFile!) : null;
  // --balances: exposure from a balance table's 期末余额 (its first sheet that reads as one).
  const balances = balancesFile !== undefined ? await open(balancesFile) : null;
  const balancesFound = balances ? await findBalanceSheet(read(balances)) : null;
  if (balances && balancesFound === null) {
    // Said of the sheet a read of the file takes (its first with rows), as a run refusing a named sheet says it.
    const sheets = await read(balances).listSheets();
    const sheet = (sheets.find((x) => x.rowCount > 0) ?? sheets[0])?.name ?? "";
    throw new UsageError(`${balancesFile}: ${render(msg("credit.balances.not_table", { sheet }), lang)}`);
  }
  // The register and the scorecard are found as every command finds a sheet (any case; two sheets differing
  // only in case refused naming both), in their own file or else in the applications'.
  const sheetIn = async (f: OpenedFile, wanted: string, file: string) => namedSheet((await read(f).listSheets()).map((s) => s.name), wanted, lang, file);
  const register = registerFile !== undefined ? await open(registerFile) : null;
  if (register && (await sheetIn(register, REGISTER_SHEET, registerFile!)) === null) {
    throw new UsageError(say(lang, `${registerFile} 中没有“${REGISTER_SHEET}”工作表`, `no "${REGISTER_SHEET}" sheet in ${registerFile}`));
  }
  const scorecard = scorecardFile !== undefined ? await open(scorecardFile) : null;
  if (scorecard && (await sheetIn(scorecard, SCORECARD_SHEET, scorecardFile!)) === null) {
    throw new UsageError(say(lang, `${scorecardFile} 中没有“${SCORECARD_SHEET}”工作表`, `no "${SCORECARD_SHEET}" sheet in ${scorecardFile}`));
  }
  if (!register) await sheetIn(applications, REGISTER_SHEET, applicationsFile);
  if (!scorecard) await sheetIn(applications, SCORECARD_SHEET, applicationsFile);

  const result = await runCredit({
    applications: read(applications),
    ...(ledger && ledgerSheet ? { ledger: { port: read(ledger), sheet: ledgerSheet } } : {}),
    ...(balances && balancesFound ? { balances: { port: read(balances), ...balancesFound } } : {}),
    ...(register ? { register: read(register) } : {}),
    ...(scorecard ? { scorecard: read(scorecard) } : {}),
    asOf,
    ...(termDays !== undefined ? { defaultTermDays: termDays } : {}),
    lang,
  });
  if (!result.ok) throw new UsageError(problemText(result.problem, lang, { applications: applicationsFile, ledger: ledgerFile ?? "", balances: balancesFile ?? "", scorecard: scorecardFile ?? applicationsFile }));
  const run = result.run;
  const toApprove = approve.map((name) => {
    const d = run.result.dealers.find((x) => dealerKey(x.dealer) === dealerKey(name));
    if (!d) {
      throw new UsageError(render(msg("credit.approve.no_application", { dealer: name, scored: run.result.dealers.map((x) => x.dealer) }), lang));
    }
    return d;
  });
  // The register is carried into the result only from an .xlsx workbook; approving over one that is not would
  // write a register of the approved dealers alone.
  const registerFrom = register ?? applications;
  if (toApprove.length > 0 && run.register !== null && registerFrom.kind !== "xlsx") {
    throw new UsageError(render(msg("credit.approve.register_not_xlsx", { file: registerFile ?? applicationsFile, sheet: REGISTER_SHEET }), lang));
  }
  const approved: ApprovalWritten[] = [];

  // The run as it stands after the approvals: what the sheet, the text and the JSON show.
  let shown = run;
  if (out !== undefined) {
    const wb = XlsxWorkbook.create();
    // The scorecard used, to edit and give back with --scorecard; the register as it stands, over-limit rows marked.
    const cardSource = scorecard ?? applications;
    if (run.scorecard.sheet !== null && cardSource.kind === "xlsx") await wb.copySheetFrom(cardSource.port as XlsxWorkbook, run.scorecard.sheet, SCORECARD_SHEET, { usersSheet: true });
    else await wb.writeSheet(scorecardSheetSpec(run.scorecard.card));
    const registerCopied = run.register !== null && registerFrom.kind === "xlsx";
    if (registerCopied) await wb.copySheetFrom(registerFrom.port as XlsxWorkbook, run.register!.sheet, REGISTER_SHEET, { usersSheet: true });
    for (const d of toApprove) approved.push(await approveCredit(wb, { dealer: d, approver, approved: approvedOn, asOf: run.result.asOf }));
    let ledgerCopy: string | null = null;
    if (ledger && ledgerSheet && ledger.kind === "xlsx" && !sameSheetName(ledgerSheet, REGISTER_SHEET) && !sameSheetName(ledgerSheet, SCORECARD_SHEET)) {
      await wb.copySheetFrom(ledger.port as XlsxWorkbook, ledgerSheet, ledgerSheet, { usersSheet: true });
      ledgerCopy = ledgerSheet;
    }
    // An approved dealer is shown, and its rows marked, against the limit approved, on the register row it was written to.
    shown = withApprovals(run, approved);
    await wb.writeSheet({ ...creditResultSpec(shown, lang), position: 0 });
    await markOverLimit(wb, shown.result, ledgerCopy ? { sheet: ledgerCopy, readSheet: ledgerSheet! } : null, registerCopied || approved.length > 0 ? REGISTER_SHEET : undefined);
    await saveResult(wb, out, force);
    for (const note of writtenNotes(wb, undefined, lang)) ctx.io.err(`duizhang: ${note}`);
  }

  if (values.json) {
    // The balance table's dealers whose row cannot be read: the run gives them no exposure figure nor status.
    const unknown = [...exposureUnknown(run.balances)];
    const fromBalances = run.balances ? { exposureFrom: "balances", balances: { file: balancesFile, sheet: run.balances.sheet, cutoff: run.balances.cutoff }, warnings: run.warnings.map((w) => render(w, lang)), ...(unknown.length > 0 ? { exposureUnknown: unknown } : {}) } : {};
    const approvals = approved.length > 0 ? { approved: approved.map((a) => ({ dealer: a.undo.dealer, sheet: a.undo.sheet, row: a.row, grade: a.values.grade, limit: formatFen(a.values.limit), termDays: a.values.termDays, rated: a.values.rated, nextReview: a.values.nextReview, asOf: a.values.asOf, approver: a.values.approver })) } : {};
    await writeJson(ctx.io, { ...toCreditJson(shown.result), scorecard: run.scorecard.sheet ?? "default", applicationSheets: run.applicationSheets, ...fromBalances, ...approvals, ...(out !== undefined ? { out } : {}) });
  } else {
    ctx.io.out(creditText(shown, lang));
    for (const a of approved) ctx.io.out(approvedText(a, lang));
    if (out !== undefined) ctx.io.out(writtenText(out, lang));
  }
  return EXIT_OK;
}

async function commandTemplate(ctx: Context, values: Values): Promise<number> {
  const { lang } = ctx;
  const outPath = optionalString(values, "out");
  if (outPath === undefined) throw new UsageError(say(lang, "缺少 --out 文件：duizhang credit template --out 信用申请表.xlsx", "missing --out FILE: duizhang credit template --out application.xlsx"));
  const out = ensureWritableOut(outPath, ctx.io.cwd, [], lang, values.force === true);
  const wb = XlsxWorkbook.create();
  await writeApplicationTemplate(wb, lang);
  await saveResult(wb, out, values.force === true);
  if (values.json) await writeJson(ctx.io, { sheet: APPLICATION_SHEET, out });
  else ctx.io.out(say(lang, `空白信用申请表已写入：${out}（工作表“${APPLICATION_SHEET}”，已保护，只能在黄色单元格中填写）`, `Blank credit application written to: ${out} (sheet "${APPLICATION_SHEET}", protected: only the yellow cells take input)`));
  return EXIT_OK;
}

function problemText(p: CreditProblem, lang: Lang, files: { applications: string; ledger: string; balances: string; scorecard: string }): string {
  switch (p.code) {
    case "applications":
      return say(lang, `申请表（${files.applications}）有问题，未评分：\n${p.errors.map((e) => render(e.text, "zh-CN")).join("\n")}`, `the applications (${files.applications}) have problems; nothing was scored:\n${p.errors.map((e) => render(e.text, "en-US")).join("\n")}`);
    case "no_applications":
      return say(lang, `${files.applications} 中没有找到信用申请（表单须有“客户名称”等标签，或一张以这些标签为表头的表）`, `no credit application found in ${files.applications} (a form with labels such as 客户名称, or a table with them as headers)`);
    case "scorecard":
      return say(lang, `评分标准（${files.scorecard} 的“${p.sheet}”）有问题：\n${p.problems.map((x) => render(x.text, "zh-CN")).join("\n")}`, `the scorecard ("${p.sheet}" in ${files.scorecard}) has problems:\n${p.problems.map((x) => render(x.text, "en-US")).join("\n")}`);
    case "ledger_unreadable":
      return say(lang, `无法读取台账（${files.ledger}）：${render(p.message, lang)}`, `cannot read the ledger (${files.ledger}): ${render(p.message, lang)}`);
    case "not_balance_table":
      return `${files.balances}: ${render(p.message, lang)}`;
  }
}

/** One approval written into the result workbook's register. */
export function approvedText(a: ApprovalWritten, lang: Lang): string {
  const v = a.values;
  const asOf = v.asOf ? say(lang, `（评估日 ${v.asOf}）`, ` (scored as of ${v.asOf})`) : "";
  return say(
    lang,
    `${a.created ? `已在结果工作簿中新建“${a.undo.sheet}”并写入第 ${a.row} 行` : `已写入结果工作簿“${a.undo.sheet}”第 ${a.row} 行`}：${a.undo.dealer}，${v.grade} 级，额度 ${formatFenGrouped(v.limit)}，账期 ${v.termDays} 天，评定日期 ${v.rated}${asOf}，下次复评 ${v.nextReview}，审批人 ${v.approver}`,
    `${a.created ? `"${a.undo.sheet}" made in the result workbook and row ${a.row} written` : `Written to row ${a.row} of "${a.undo.sheet}" in the result workbook`}: ${a.undo.dealer}, grade ${v.grade}, limit ${formatFenGrouped(v.limit)}, ${v.termDays} days, approved ${v.rated}${asOf}, next review ${v.nextReview}, approved by ${v.approver}`,
  );
}

const STATUS: Record<string, [string, string]> = { ok: ["正常", "ok"], near: ["接近额度", "near"], over: ["超额度", "over"] };

export function creditText(run: CreditRun, lang: Lang): string {
  const s = (zh: string, en: string) => say(lang, zh, en);
  const r = run.result;
  const lines: string[] = [];
  lines.push(`${s("评估日", "As of")}: ${r.asOf}  ${s("申请", "Applications")}: ${r.dealers.length}  ${s("评分标准", "Scorecard")}: ${run.scorecard.sheet ?? s("默认", "default")}`);
  if (run.balances) lines.push(s(`占用取自余额表“${run.balances.sheet}”（截止 ${run.balances.cutoff ?? "未写明"}）的期末余额`, `Exposure from the closing balances of the balance table "${run.balances.sheet}" (at ${run.balances.cutoff ?? "no stated date"})`));
  for (const w of run.warnings) lines.push(`${s("注意", "Note")}: ${render(w, lang)}`);
  lines.push(
    renderTable(
      [s("经销商", "Dealer"), s("得分", "Score"), s("等级", "Grade"), s("账期", "Term"), s("建议额度", "Suggested"), s("执行额度", "Limit"), s("占用", "Exposure"), s("状态", "Status"), s("复评", "Review")],
      r.dealers.map((d) => [
        d.dealer,
        String(d.score.score),
        d.score.grade + (d.score.cappedFrom ? s(`（原${d.score.cappedFrom}）`, ` (was ${d.score.cappedFrom})`) : ""),
        String(d.suggestion.termDays),
        formatFenGrouped(d.suggestion.limit),
        formatFenGrouped(d.limit) + (d.limitSource === "register" ? s("（档案）", " (register)") : ""),
        d.exposure === null ? s("无法读取", "cannot be read") : formatFenGrouped(d.exposure),
        d.status === null ? "—" : say(lang, ...STATUS[d.status]),
        d.reviewDue ?? "",
      ]),
      [1, 3, 4, 5, 6],
    ),
  );
  for (const d of r.dealers) {
    lines.push("", `${d.dealer}（${d.application.source.sheet} ${s("第", "row ")}${d.application.source.row}${s("行", "")}）`);
    lines.push(renderTable([s("项目", "Item"), s("取值", "Value"), s("得分", "Points"), s("满分", "Max")], d.score.breakdown.map((b) => [render(b.text, lang), b.valueText ? render(b.valueText, lang) : b.value, String(b.points), String(b.max)]), [2, 3]));
    for (const l of d.suggestion.lines) lines.push(`  ${render(l.text, lang)}: ${l.value}`);
  }
  if (r.review.length > 0) {
    lines.push("", s("半年复评：", "Half-yearly review:"));
    for (const v of r.review) {
      const fresh = v.fresh ? s(`新得分 ${v.fresh.score}（${v.fresh.grade}）`, `fresh score ${v.fresh.score} (${v.fresh.grade})`) : s("无申请表，未重新评分", "no application, not rescored");
      const why = v.proposal ? `${s("；", "; ")}${render(v.proposal, lang)}` : "";
      lines.push(`  ${v.dealer}  ${v.grade}  ${s("下次复评", "next review")} ${v.nextReview ?? "-"}  ${fresh}${why}`);
    }
  }
  // Over means a known exposure above the limit: a dealer whose exposure cannot be read is never listed.
  const over = r.exposures.flatMap((e) => (e.status === "over" && e.exposure !== null ? [{ ...e, exposure: e.exposure }] : []));
  if (over.length > 0) {
    lines.push("", s("超额度：", "Over the limit:"));
    for (const e of over) lines.push(`  ${e.dealer}  ${s("占用", "exposure")} ${formatFenGrouped(e.exposure)} / ${s("额度", "limit")} ${formatFenGrouped(e.limit)}`);
  }
  return lines.join("\n");
}
