/**
 * `duizhang demand` (催款函 in three levels for the dealers with overdue items) and `duizhang promise` (a
 * 还款承诺书 with its installments for one dealer). With `--out`, one new workbook holds the papers, the
 * register (the given one plus the new rows), 还款计划 and 本公司信息; no input is ever written.
 */
import { runDemands, runPromise, type CollectProblem, type DemandRun, type PromiseRequest, type PromiseRun } from "../../app/collect";
import type { Lang } from "../../app/lang";
import { commitmentJson, INSTALLMENT_STATUS_TEXT, PLAN_SHEET, type DemandLevel, type Interval } from "../../core/collect";
import { REGISTER_SHEET } from "../../core/letters";
import { isIsoDate } from "../../core/dates";
import type { Fen, IsoDate } from "../../core/model";
import { decimalTextToFen, formatFenGrouped, yuan, type Yuan } from "../../core/money";
import { demandJson } from "../../messages/json/collect";
import { render } from "../../messages/render";
import type { Context, Values } from "../options";
import { optionalDate, optionalDays, optionalString, optionalYuan, requireString, say, stringList } from "../options";
import { EXIT_OK, UsageError } from "../errors";
import { renderTable } from "../table";
import { todayIso } from "./aging";
import { openPaperFiles, printPapers, templateArg, type PaperFiles } from "./papers";

/** The largest amount `--amount` takes, in yuan (what 大写 can write). */
const MAX_PROMISE_YUAN: Yuan = yuan(999_999_999_999);

/** Ledger, template and register opened, and the result workbook holding copies of the register and 还款计划. */
function openFiles(ctx: Context, values: Values): Promise<PaperFiles> {
  const templateText = optionalString(values, "template");
  return openPaperFiles(ctx, values, requireString(ctx, values, "ledger"), templateText !== undefined ? templateArg(templateText) : null, [REGISTER_SHEET, PLAN_SHEET]);
}

function problemText(p: CollectProblem, lang: Lang, what: string): string {
  switch (p.code) {
    case "template": {
      const said = p.messages.map((m) => render(m, lang)).join("\n");
      return say(lang, `模板有问题，未生成任何${what}：\n${said}`, `the template has problems; nothing was made:\n${said}`);
    }
    case "register": {
      const said = p.messages.map((m) => render(m, lang)).join("\n");
      return say(lang, `登记簿有问题，未生成任何${what}：\n${said}`, `the register has problems; nothing was made:\n${said}`);
    }
    default:
      return render(p.message, lang);
  }
}

// ---------------------------------------------------------------------------------------------------------

export async function commandDemand(ctx: Context, values: Values): Promise<number> {
  const { lang } = ctx;
  const asOf = optionalDate(ctx, values, "as-of") ?? todayIso();
  const levelText = optionalString(values, "level") ?? "auto";
  if (!["auto", "1", "2", "3"].includes(levelText)) {
    throw new UsageError(say(lang, `--level 须为 auto、1、2 或 3：${levelText}`, `--level must be auto, 1, 2 or 3: ${levelText}`));
  }
  const deadlineDays = optionalDays(ctx, values, "deadline-days", 366);
  const dealers = stringList(values, "dealer").map((d) => d.trim()).filter((d) => d !== "");
  const o = await openFiles(ctx, values);

  const run = await runDemands({
    ledger: { port: o.ledger.port, sheet: o.sheets[0], ...(o.sheets.length > 1 ? { read: { sheets: o.sheets } } : {}) },
    asOf,
    sendDate: todayIso(),
    dealers: dealers.length > 0 ? { names: dealers } : { all: true },
    level: levelText === "auto" ? "auto" : (Number(levelText) as DemandLevel),
    ...(deadlineDays !== undefined ? { deadlineDays } : {}),
    ...(o.template ? { template: o.template } : {}),
    register: o.result,
    target: o.result,
    lang,
  });
  if (!run.ok) throw new UsageError(problemText(run.problem, lang, "催款函"));
  const r = run.run;
  await printPapers(
    ctx,
    values,
    o,
    r.aging.ledger,
    () => ({
      asOf: r.asOf,
      letters: r.letters.map((l) => ({
        ...demandJson(l.demand, l.number),
        sheet: l.sheet,
        firstRow: l.firstRow,
        lastRow: l.lastRow,
        registerRow: l.registerRow,
        reused: l.reused,
      })),
      skipped: r.skipped.map((s) => ({ dealer: s.dealer, reason: render(s.reason, lang), code: s.code })),
      commitments: r.commitments.map((c) => ({ number: c.number, dealer: c.dealer, missed: c.missed ? { n: c.missed.n, date: c.missed.date } : null })),
      warnings: r.warnings,
      sheets: r.sheets,
    }),
    () => demandText(r, lang),
  );
  return EXIT_OK;
}

export function demandText(r: DemandRun, lang: Lang): string {
  const s = (zh: string, en: string) => say(lang, zh, en);
  const lines: string[] = [`${s("截至日期", "As of")}: ${r.asOf}  ${s("催款函", "Letters")}: ${r.letters.length}  ${s("未生成", "Skipped")}: ${r.skipped.length}`];
  if (r.letters.length > 0) {
    lines.push(
      renderTable(
        [s("编号", "Number"), s("客户", "Dealer"), s("等级", "Level"), s("逾期合计", "Overdue"), s("限期", "Deadline"), s("笔数", "Items"), s("依据", "Why")],
        r.letters.map((l) => [
          l.number + (l.reused ? s("（沿用）", " (reused)") : ""),
          l.demand.dealer,
          String(l.demand.level),
          formatFenGrouped(l.demand.total),
          l.demand.deadline,
          String(l.demand.items.length),
          lang === "en-US" ? l.reason.en : l.reason.zh,
        ]),
        [3],
      ),
    );
    lines.push(s(`工作表：${r.sheets.join("、")}（每封从新的一页开始）`, `Sheets: ${r.sheets.join(", ")} (each letter starts a page)`));
  }
  if (r.skipped.length > 0) {
    lines.push("", s("未生成催款函：", "No letter for:"));
    for (const k of r.skipped) lines.push(`  ${k.dealer}${s("：", ": ")}${render(k.reason, lang)}`);
  }
  const missed = r.commitments.filter((c) => c.missed);
  if (missed.length > 0) {
    lines.push("", s("承诺未履行：", "Commitments not kept:"));
    for (const c of missed) lines.push(`  ${c.dealer} ${c.number}${s("：", ": ")}${s(`第 ${c.missed!.n} 期（${c.missed!.date}）未按期付款，建议发最后通知`, `installment ${c.missed!.n} (${c.missed!.date}) missed; a final notice is proposed`)}`);
  }
  if (r.warnings.length > 0) {
    lines.push("", s("提示：", "Warnings:"));
    for (const w of r.warnings) lines.push(`  ${w}`);
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------------------

export async function commandPromise(ctx: Context, values: Values): Promise<number> {
  const { lang } = ctx;
  const dealer = requireString(ctx, values, "dealer").trim();
  const asOf = optionalDate(ctx, values, "as-of") ?? todayIso();
  const amount = optionalYuan(ctx, values, "amount", MAX_PROMISE_YUAN);
  if (amount === 0) throw new UsageError(say(lang, "--amount 须大于零", "--amount must be above zero"));
  const installments = promiseInstallments(ctx, values);

  const o = await openFiles(ctx, values);
  const run = await runPromise({
    ledger: { port: o.ledger.port, sheet: o.sheets[0], ...(o.sheets.length > 1 ? { read: { sheets: o.sheets } } : {}) },
    dealer,
    asOf,
    sendDate: todayIso(),
    ...(amount !== undefined ? { amount } : {}),
    installments,
    ...(o.template ? { template: o.template } : {}),
    register: o.result,
    target: o.result,
    lang,
  });
  if (!run.ok) {
    const message = problemText(run.problem, lang, "还款承诺书");
    // A typed schedule that does not add up is the option's fault: name it.
    throw new UsageError(run.problem.code === "schedule" && "hand" in installments ? `--schedule: ${message}` : message);
  }
  const r = run.run;
  await printPapers(
    ctx,
    values,
    o,
    r.ledger,
    () => ({
      ...(commitmentJson(r.commitment, r.checks) as Record<string, unknown>),
      sheet: r.sheet,
      planSheet: r.planSheet,
      registerRow: r.registerRow,
      warnings: r.warnings,
    }),
    () => promiseText(r, lang),
  );
  return EXIT_OK;
}

/**
 * The installments asked for: typed by hand with --schedule, or N equal ones from --installments,
 * --first and --every. The two forms exclude each other, so neither is silently ignored.
 */
function promiseInstallments(ctx: Context, values: Values): PromiseRequest["installments"] {
  const { lang } = ctx;
  const scheduleText = optionalString(values, "schedule");
  if (scheduleText !== undefined) {
    const both = (["installments", "first", "every"] as const).filter((n) => optionalString(values, n) !== undefined);
    if (both.length > 0) {
      const names = both.map((n) => `--${n}`).join(" ");
      throw new UsageError(
        say(lang, `--schedule 已逐期写明日期和金额，不能同时给出 ${names}：请二选一`, `--schedule gives every installment's date and amount: do not give ${names} with it (use one form or the other)`),
      );
    }
    return { hand: parseSchedule(lang, scheduleText) };
  }
  const countText = requireString(ctx, values, "installments");
  if (!/^\d+$/.test(countText) || Number(countText) < 1 || Number(countText) > 120) {
    throw new UsageError(say(lang, `--installments 须为 1 到 120 之间的整数：${countText}`, `--installments must be a whole number from 1 to 120: ${countText}`));
  }
  if (optionalString(values, "first") === undefined) requireString(ctx, values, "first");
  const first = optionalDate(ctx, values, "first")!;
  const everyText = optionalString(values, "every") ?? "month";
  let every: Interval;
  if (everyText === "month") every = "month";
  else if (/^\d+$/.test(everyText) && Number(everyText) >= 1 && Number(everyText) <= 366) every = { days: Number(everyText) };
  else throw new UsageError(say(lang, `--every 须为 1 到 366 之间的天数，或 month（每月同一日）：${everyText}`, `--every must be a number of days from 1 to 366, or month (the same day each month): ${everyText}`));
  return { count: Number(countText), first, every };
}

/**
 * `2026-12-15:5000,2027-01-15:5000.50` → the typed installments (amounts in yuan, to the fen). Only the
 * form is checked here; dates rising and the sum equal to the amount are the schedule's own checks.
 */
export function parseSchedule(lang: Lang, text: string): { date: IsoDate; amount: Fen }[] {
  const parts = text.split(/[,，]/).map((x) => x.trim()).filter((x) => x !== "");
  if (parts.length === 0) throw new UsageError(say(lang, "--schedule 为空：写成 2026-12-15:5000,2027-01-15:5000", "--schedule is empty: write it as 2026-12-15:5000,2027-01-15:5000"));
  return parts.map((part, i) => {
    const m = /^(\d{4}-\d{2}-\d{2})\s*[:：]\s*(\d+(?:\.\d{1,2})?)$/.exec(part);
    if (!m || !isIsoDate(m[1]) || yuan(Number(m[2])) > MAX_PROMISE_YUAN) {
      throw new UsageError(
        say(
          lang,
          `--schedule 第 ${i + 1} 期“${part}”写法有误：应为 日期:金额（元，最多两位小数），如 2026-12-15:5000`,
          `--schedule installment ${i + 1} "${part}" is not date:amount (yuan, at most two decimals), e.g. 2026-12-15:5000`,
        ),
      );
    }
    return { date: m[1], amount: decimalTextToFen(m[2]) };
  });
}

export function promiseText(r: PromiseRun, lang: Lang): string {
  const s = (zh: string, en: string) => say(lang, zh, en);
  const c = r.commitment;
  const lines = [
    `${s("还款承诺书", "Payment commitment")} ${c.number}  ${c.dealer}  ${s("截至", "as of")} ${c.asOf}`,
    `${s("承诺金额", "Amount")}: ${formatFenGrouped(c.amount)}  ${c.amountInWords}`,
    renderTable(
      [s("期数", "No."), s("日期", "Date"), s("金额", "Amount"), s("累计", "Cumulative"), s("状态", "Status")],
      r.checks.map((k) => [String(k.n), k.date, formatFenGrouped(k.amount), formatFenGrouped(k.cumulative), render(INSTALLMENT_STATUS_TEXT[k.status], lang)]),
      [2, 3],
    ),
    s(`工作表：${r.sheet}；分期已记入“${r.planSheet}”`, `Sheet: ${r.sheet}; installments recorded on "${r.planSheet}"`),
  ];
  if (r.warnings.length > 0) {
    lines.push("", s("提示：", "Warnings:"));
    for (const w of r.warnings) lines.push(`  ${w}`);
  }
  return lines.join("\n");
}
