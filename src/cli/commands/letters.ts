/**
 * `duizhang letters`: confirmation letters (对账函) for a ledger's dealers at a cut-off, from a built-in
 * template or a user's template sheet, numbered from the register. With `--out`, one new workbook holds the
 * letters sheet, the register (the given one plus the new rows) and 本公司信息; no input is ever written.
 */
import { runLetters, type LettersProblem, type LettersRun, type TemplateChoice } from "../../app/letters";
import type { Lang } from "../../app/lang";
import { absFen, formatFenGrouped } from "../../core/money";
import { render } from "../../messages/render";
import { BUILTIN_SHEETS, REGISTER_SHEET, lettersSheetName, type BuiltinKind } from "../../core/letters";
import type { Context, Values } from "../options";
import { optionalDate, optionalString, requireString, say, stringList } from "../options";
import { EXIT_OK, UsageError } from "../errors";
import { renderTable } from "../table";
import { todayIso } from "./aging";
import { cutoffMismatch, cutoffMismatchText } from "./balances";
import { ledgerRef, openPaperFiles, printPapers, templateArg } from "./papers";

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

function problemText(p: LettersProblem, lang: Lang, files: { ledger: string; template: string; register: string }): string {
  switch (p.code) {
    case "ledger_unreadable":
      return say(lang, `无法读取台账（${files.ledger}）：${render(p.message, lang)}`, `cannot read the ledger (${files.ledger}): ${render(p.message, lang)}`);
    case "template": {
      const said = p.messages.map((m) => render(m, lang)).join("\n");
      return say(lang, `模板（${files.template}）有问题，未生成任何对账函：\n${said}`, `the template (${files.template}) has problems; no letter was made:\n${said}`);
    }
    case "register": {
      const said = p.messages.map((m) => render(m, lang)).join("\n");
      return say(lang, `登记簿（${files.register}）有问题，未生成任何对账函：\n${said}`, `the register (${files.register}) has problems; no letter was made:\n${said}`);
    }
    case "template_not_found":
    case "template_ambiguous":
      return render(p.message, lang);
  }
}

export async function commandLetters(ctx: Context, values: Values): Promise<number> {
  const { lang } = ctx;
  // --balances names a balance table (科目余额表 / 往来余额表): letters need only each dealer's balance.
  const balancesFile = optionalString(values, "balances");
  const ledgerFile = balancesFile ?? requireString(ctx, values, "ledger");
  const givenAsOf = optionalDate(ctx, values, "as-of");
  const asOf = givenAsOf ?? todayIso();
  const sendDate = todayIso();
  const dealers = stringList(values, "dealer");
  const templateText = optionalString(values, "template");

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
  const files = await openPaperFiles(ctx, values, ledgerFile, tArg, [REGISTER_SHEET]);
  const template: TemplateChoice = files.template ?? { builtin: builtinKind! };

  const run = await runLetters({
    ledger: ledgerRef(files),
    asOf,
    sendDate,
    dealers: dealers.length > 0 ? { names: dealers } : { all: true },
    template,
    register: files.result,
    target: files.result,
    lang,
  });
  if (!run.ok) throw new UsageError(problemText(run.problem, lang, { ledger: ledgerFile, template: templateText ?? "", register: optionalString(values, "register") ?? ledgerFile }));
  const r = run.run;
  // A balance table states its own cut-off: letters at another date would print its balances under that date.
  const mismatch = balancesFile !== undefined ? cutoffMismatch(r.ledger.asOf, asOf) : null;
  if (mismatch) ctx.io.err(`duizhang: ${cutoffMismatchText(mismatch, balancesFile!, lang, givenAsOf !== undefined)}`);
  await printPapers(
    ctx,
    values,
    files,
    r.ledger,
    () => ({
      asOf: r.asOf,
      letters: r.letters.map((l) => ({ ...l })),
      skipped: r.skipped.map((s) => ({ dealer: s.dealer, reason: render(s.reason, lang), code: s.code })),
      warnings: r.warnings.map((w) => render(w, lang)),
      sheet: r.letters.length > 0 ? r.sheet : null,
      ...(mismatch ? { cutoffMismatch: mismatch } : {}),
    }),
    () => lettersText(r, lang),
  );
  return EXIT_OK;
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
          formatFenGrouped(absFen(l.balanceFen)),
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
    for (const k of r.skipped) lines.push(`  ${k.dealer}${s("：", ": ")}${render(k.reason, lang)}`);
  }
  if (r.warnings.length > 0) {
    lines.push("");
    lines.push(s("提示：", "Warnings:"));
    for (const w of r.warnings) lines.push(`  ${render(w, lang)}`);
  }
  return lines.join("\n");
}
