/**
 * The reconciliation view's strings, Chinese (primary) and English, typed like ../i18n.ts so a key
 * missing from either language fails to compile. Kept apart from the shell's table so the views of
 * the pane are written side by side without touching one file.
 */
import type { Stage } from "../../app/reconcile";
import { KIND_TEXT } from "../../app/reports/kinds";
import type { Locale, Strings } from "../i18n";
import type { ItemKind } from "./results";

export interface ReconcileStrings {
  viewTitle: string;
  intro: string;
  stepChoose: string;
  stepCheck: string;
  stepRun: string;

  dealerField: string;
  dealerHint: (count: number) => string;
  dealerPlaceholder: string;
  allDealers: string;
  noDealerMatch: string;
  /** The dealer the statement names, preselected (and how the statement writes it when it differs). */
  dealerFromStatement: (dealer: string, written: string | null) => string;
  /** The statement's dealer cannot be told among the ledger's: the user picks it. */
  dealerMustChoose: (written: string | null) => string;
  /** The two sheets look given the wrong way round. */
  sidesSwapped: (ledger: string, statement: string) => string;
  swapSides: string;
  asOfField: string;
  asOfProposed: (date: string) => string;
  asOfHint: string;
  asOfProblem: string;
  advanced: string;
  toleranceField: string;
  toleranceHint: (defaultYuan: string) => string;
  feeToleranceField: string;
  feeToleranceHint: (defaultYuan: string) => string;
  daysBeforeField: string;
  daysBeforeHint: (days: string) => string;
  daysAfterField: string;
  daysAfterHint: (days: string) => string;
  amountProblem: string;
  feeToleranceProblem: string;
  daysProblem: (max: number) => string;
  resetDefaults: string;

  chooseBoth: string;
  waitForRead: string;
  blocked: (sheet: string, problem: string) => string;

  run: string;
  runAgain: string;
  cancel: string;
  stage: (stage: Stage, done: number, total: number) => string;
  cancelled: string;
  cancelledWhileWriting: string;

  resultsTitle: string;
  dealerResult: (dealer: string | null) => string;
  cutoff: string;
  noCutoff: string;
  matched: string;
  matchedCount: (count: number) => string;
  ledgerBalance: string;
  statementBalance: string;
  adjustedBalance: string;
  balanced: string;
  notBalanced: (remainder: string) => string;
  afterCutoff: (ledger: number, statement: number) => string;
  kindNames: Record<ItemKind, string>;
  kindCount: (kind: string, count: number) => string;

  listTitle: string;
  filterLabel: string;
  filterAll: (count: number) => string;
  noDifferences: string;
  nothingOfKind: string;
  amount: string;
  ours: string;
  theirs: string;
  rowsOf: (side: "ledger" | "statement", first: number, last: number) => string;
  itemLabel: (kind: string, amount: string) => string;
  confirm: string;
  reject: string;
  staleDecisions: (count: number) => string;

  legendTitle: string;
  marksNote: string;
  clearMarks: string;
  marksCleared: string;
  marksWritten: (ledger: number, statement: number) => string;
  resultSheets: (differences: string, reconciliation: string) => string;
  sheetRefused: (sheet: string) => string;
  degradedTitle: string;
  degradedPrint: string;
  degradedMarks: string;
  stale: (sheets: string[]) => string;
}

const zhCN: ReconcileStrings = {
  viewTitle: "对账",
  intro: "把我方台账和经销商的对账单逐笔核对，在两张表中标出差异，并生成差异明细和余额调节表。",
  stepChoose: "① 选择",
  stepCheck: "② 检查读取结果",
  stepRun: "③ 对账",

  dealerField: "经销商",
  dealerHint: (count) => `台账中有 ${count} 家经销商；输入名称可筛选。`,
  dealerPlaceholder: "输入名称搜索经销商",
  allDealers: "全部经销商",
  noDealerMatch: "没有名称相符的经销商",
  dealerFromStatement: (dealer, written) =>
    `对账单属于「${dealer}」${written && written !== dealer ? `（对账单写作「${written}」）` : ""}，已选中，只核对这一家。`,
  dealerMustChoose: (written) =>
    written ? `对账单写明的「${written}」不在台账中：请选择这份对账单所属的经销商。` : "对账单没有写明是哪家经销商的：请选择它所属的经销商。",
  sidesSwapped: (ledger, statement) => `「${ledger}」看起来是经销商的对账单，「${statement}」看起来是我方台账，可能放反了。`,
  swapSides: "对调台账和对账单",
  asOfField: "截止日期",
  asOfProposed: (date) => `根据对账单提议：${date}。此日期之后的业务不参与对账。`,
  asOfHint: "此日期之后的业务不参与对账；留空则全部参与。",
  asOfProblem: "请按 2026-10-31 的格式输入日期。",
  advanced: "高级选项：容差",
  toleranceField: "金额容差（元）",
  toleranceHint: (d) => `默认 ${d} 元，即金额须分毫不差。相差不超过此数的两笔仍可配对。`,
  feeToleranceField: "手续费容差（元）",
  feeToleranceHint: (d) =>
    `默认 ${d} 元：没有共同单号、日期相近、金额相差不超过此数（或金额的 0.5%，取较大者）的两笔，视为同一笔款项的金额不符，注明可能原因（银行手续费、现金折扣、尾差）。填 0 则不配对。`,
  daysBeforeField: "对方日期最多早于我方（天）",
  daysBeforeHint: (d) => `默认 ${d} 天：经销商付款出账早于我方收款入账。`,
  daysAfterField: "对方日期最多晚于我方（天）",
  daysAfterHint: (d) => `默认 ${d} 天：货物在途，经销商收货入账晚于我方发货。`,
  amountProblem: "请输入不小于 0 的金额，例如 0.50。",
  feeToleranceProblem: "请输入 0 到 1,000,000 之间的金额（元），例如 50；0 表示不配对手续费。",
  daysProblem: (max) => `请输入 0 到 ${max} 之间的整数天数。`,
  resetDefaults: "恢复默认值",

  chooseBoth: "请先选择台账和对账单（两张不同的工作表）。",
  waitForRead: "正在读取所选工作表，读完后即可对账…",
  blocked: (sheet, problem) => `「${sheet}」暂时不能对账：${problem} 请在“检查读取结果”中指定列，或另选工作表。`,

  run: "开始对账",
  runAgain: "重新对账",
  cancel: "取消",
  stage: (stage, done, total) => {
    switch (stage) {
      case "reading":
        return `正在读取工作表（${Math.min(done + 1, total)}/${total}）…`;
      case "matching":
        return "正在逐笔匹配…";
      case "writing":
        return `正在写入标记和结果表（${done}/${total}）…`;
    }
  },
  cancelled: "已取消对账，工作簿没有被更改。",
  cancelledWhileWriting: "已取消对账：标记和结果表可能只写入了一部分。请点“重新对账”，或点“清除标记”。",

  resultsTitle: "对账结果",
  dealerResult: (dealer) => (dealer ? `经销商：${dealer}` : "经销商：（表中未注明）"),
  cutoff: "截止日期",
  noCutoff: "未指定（全部业务）",
  matched: "已核对一致",
  matchedCount: (count) => `${count} 组`,
  ledgerBalance: "我方余额",
  statementBalance: "对方余额",
  adjustedBalance: "调节后余额",
  balanced: "调节后双方余额一致。",
  notBalanced: (remainder) => `调节后仍相差 ${remainder}。`,
  afterCutoff: (ledger, statement) => `截止日期之后的业务未参与对账：台账 ${ledger} 行，对账单 ${statement} 行。`,
  kindNames: {
    amount_mismatch: KIND_TEXT.amount_mismatch.zh,
    ledger_only: KIND_TEXT.ledger_only.zh,
    statement_only: KIND_TEXT.statement_only.zh,
    duplicate: KIND_TEXT.duplicate.zh,
    unreadable: KIND_TEXT.unreadable.zh,
    suggestion: KIND_TEXT.suggestion.zh,
  },
  kindCount: (kind, count) => `${kind}（${count}）`,

  listTitle: "差异",
  filterLabel: "显示",
  filterAll: (count) => `全部（${count}）`,
  noDifferences: "没有差异：双方逐笔一致。",
  nothingOfKind: "这一类没有差异。",
  amount: "差额",
  ours: "我方",
  theirs: "对方",
  rowsOf: (side, first, last) => `${side === "ledger" ? "台账" : "对账单"}第 ${first === last ? first : `${first}–${last}`} 行`,
  itemLabel: (kind, amount) => `${kind}，差额 ${amount}，在表中选中这些行`,
  confirm: "确认匹配",
  reject: "不匹配",
  staleDecisions: (count) => `之前确认过的 ${count} 项匹配已不适用（相关行已被修改），请重新确认。`,

  legendTitle: "表中的标记颜色",
  marksNote:
    "标记按行的位置加在台账和对账单上，可在 Excel 中按颜色筛选。筛选只隐藏行，标记仍然正确；若对账后排序、插入或删除行、修改数据，标记和行号会对不上：对账助手会提示，请重新对账。",
  clearMarks: "清除标记",
  marksCleared: "已清除标记，各行恢复原来的样子。",
  marksWritten: (ledger, statement) => `已标记台账 ${ledger} 行、对账单 ${statement} 行。`,
  resultSheets: (differences, reconciliation) => `已写入结果表「${differences}」和「${reconciliation}」。`,
  sheetRefused: (sheet) =>
    `对账已完成，但结果表「${sheet}」没有写入：工作簿里已有您自己的同名工作表，对账助手不会覆盖它。请把那张表改名或删除，再点“重新对账”。`,
  degradedTitle: "此版本的 Excel 功能有限",
  degradedPrint:
    "这个版本的 Excel 不能由对账助手设置打印页面：余额调节表没有设为 A4 打印，打印前请在“页面布局”中设置纸张和页边距。Microsoft 365、Office 2021 及更新版本的 Excel 和 Excel 网页版会自动设好。",
  degradedMarks:
    "这个版本的 Excel 不能一次标记多处不相连的行：每段连续的行各用一条条件格式规则标记，颜色相同，只是规则更多。Microsoft 365、Office 2021 及更新版本的 Excel 和 Excel 网页版用一条规则标记。",
  stale: (sheets) =>
    `${sheets.map((s) => `「${s}」`).join("和")}在对账之后被排序或修改过：标记和结果中的行号可能已对不上。请重新对账。`,
};

const enUS: ReconcileStrings = {
  viewTitle: "Reconcile",
  intro: "Check our ledger against the dealer's statement item by item, mark the differences in both sheets, and write the differences and the balance reconciliation.",
  stepChoose: "1. Choose",
  stepCheck: "2. Check what was read",
  stepRun: "3. Reconcile",

  dealerField: "Dealer",
  dealerHint: (count) => `The ledger holds ${count} dealers; type to filter.`,
  dealerPlaceholder: "Type to search dealers",
  allDealers: "All dealers",
  noDealerMatch: "No dealer matches",
  dealerFromStatement: (dealer, written) =>
    `The statement is ${dealer}'s${written && written !== dealer ? ` (written "${written}" on it)` : ""}: chosen, only this dealer is reconciled.`,
  dealerMustChoose: (written) =>
    written ? `The statement names "${written}", who is not in the ledger: choose the dealer it belongs to.` : "The statement does not say whose it is: choose the dealer it belongs to.",
  sidesSwapped: (ledger, statement) => `"${ledger}" looks like a dealer's statement and "${statement}" like our ledger: they may be the wrong way round.`,
  swapSides: "Swap ledger and statement",
  asOfField: "Cut-off date",
  asOfProposed: (date) => `Proposed from the statement: ${date}. Entries after it are left out.`,
  asOfHint: "Entries after this date are left out; leave empty to take them all.",
  asOfProblem: "Enter a date like 2026-10-31.",
  advanced: "Advanced: tolerances",
  toleranceField: "Amount tolerance (yuan)",
  toleranceHint: (d) => `Default ${d}: amounts must agree to the fen. Two rows differing by no more than this can still pair.`,
  feeToleranceField: "Fee tolerance (yuan)",
  feeToleranceHint: (d) =>
    `Default ${d}: two rows with no reference in common, close in date, apart by no more than this (or 0.5% of the amount, whichever is larger) are one payment with differing amounts, listed with a likely reason (bank fee, cash discount, rounding). 0 pairs none.`,
  daysBeforeField: "Their date up to … days before ours",
  daysBeforeHint: (d) => `Default ${d} days: the dealer books a payment before we receive it.`,
  daysAfterField: "Their date up to … days after ours",
  daysAfterHint: (d) => `Default ${d} days: goods in transit reach the dealer after we ship them.`,
  amountProblem: "Enter an amount of 0 or more, e.g. 0.50.",
  feeToleranceProblem: "Enter an amount from 0 to 1,000,000 yuan, e.g. 50; 0 pairs no fees.",
  daysProblem: (max) => `Enter whole days from 0 to ${max}.`,
  resetDefaults: "Restore defaults",

  chooseBoth: "Choose the ledger and the statement first (two different sheets).",
  waitForRead: "Reading the chosen sheets; you can reconcile once they are read…",
  blocked: (sheet, problem) => `"${sheet}" cannot be reconciled yet: ${problem} Choose the columns under "Check what was read", or another sheet.`,

  run: "Reconcile",
  runAgain: "Reconcile again",
  cancel: "Cancel",
  stage: (stage, done, total) => {
    switch (stage) {
      case "reading":
        return `Reading the sheets (${Math.min(done + 1, total)}/${total})…`;
      case "matching":
        return "Matching item by item…";
      case "writing":
        return `Writing marks and result sheets (${done}/${total})…`;
    }
  },
  cancelled: "Reconciliation cancelled; the workbook was not changed.",
  cancelledWhileWriting:
    'Reconciliation cancelled: the marks and result sheets may be only partly written. Click "Reconcile again" or "Clear marks".',

  resultsTitle: "Results",
  dealerResult: (dealer) => (dealer ? `Dealer: ${dealer}` : "Dealer: (not named on the sheets)"),
  cutoff: "Cut-off",
  noCutoff: "none (every entry)",
  matched: "Agreed",
  matchedCount: (count) => `${count} ${count === 1 ? "match" : "matches"}`,
  ledgerBalance: "Our balance",
  statementBalance: "Their balance",
  adjustedBalance: "Adjusted balance",
  balanced: "After adjustment both balances agree.",
  notBalanced: (remainder) => `After adjustment they still differ by ${remainder}.`,
  afterCutoff: (ledger, statement) =>
    `Entries after the cut-off were left out: ${ledger} ledger ${ledger === 1 ? "row" : "rows"}, ${statement} statement ${statement === 1 ? "row" : "rows"}.`,
  kindNames: {
    amount_mismatch: KIND_TEXT.amount_mismatch.en,
    ledger_only: KIND_TEXT.ledger_only.en,
    statement_only: KIND_TEXT.statement_only.en,
    duplicate: KIND_TEXT.duplicate.en,
    unreadable: KIND_TEXT.unreadable.en,
    suggestion: KIND_TEXT.suggestion.en,
  },
  kindCount: (kind, count) => `${kind} (${count})`,

  listTitle: "Differences",
  filterLabel: "Show",
  filterAll: (count) => `All (${count})`,
  noDifferences: "No differences: both sides agree item by item.",
  nothingOfKind: "Nothing of this kind.",
  amount: "Difference",
  ours: "Ours",
  theirs: "Theirs",
  rowsOf: (side, first, last) =>
    `${side === "ledger" ? "Ledger" : "Statement"} ${first === last ? `row ${first}` : `rows ${first}–${last}`}`,
  itemLabel: (kind, amount) => `${kind}, difference ${amount}; select these rows in the sheet`,
  confirm: "Confirm match",
  reject: "Not a match",
  staleDecisions: (count) => `${count} earlier ${count === 1 ? "answer no longer applies" : "answers no longer apply"} (the rows changed); please answer again.`,

  legendTitle: "Mark colours in the sheets",
  marksNote:
    "Marks sit on row positions in the ledger and the statement, so you can filter by colour in Excel. Filtering only hides rows and the marks stay right; sorting, inserting or deleting rows or editing values after the run makes marks and row numbers point at the wrong rows: the pane tells you so, and you reconcile again.",
  clearMarks: "Clear marks",
  marksCleared: "Marks cleared; the rows look as they did before.",
  marksWritten: (ledger, statement) =>
    `Marked ${ledger} ledger ${ledger === 1 ? "row" : "rows"} and ${statement} statement ${statement === 1 ? "row" : "rows"}.`,
  resultSheets: (differences, reconciliation) => `Result sheets "${differences}" and "${reconciliation}" written.`,
  sheetRefused: (sheet) =>
    `Reconciled, but the result sheet "${sheet}" was not written: the workbook already has a sheet of yours with that name, and it is left alone. Rename or delete that sheet, then click "Reconcile again".`,
  degradedTitle: "This version of Excel has fewer features",
  degradedPrint:
    "This version of Excel does not let Duizhang set up printing: the reconciliation sheet is not set up for A4, so set paper and margins under Page Layout before printing. Excel from Microsoft 365, Office 2021 or later, and Excel on the web set it up for you.",
  degradedMarks:
    "This version of Excel cannot mark rows that are apart in one go: each block of consecutive rows gets its own conditional-format rule; the colours are the same, there are just more rules. Excel from Microsoft 365, Office 2021 or later, and Excel on the web use one rule.",
  stale: (sheets) =>
    `${sheets.map((s) => `"${s}"`).join(" and ")} ${sheets.length === 1 ? "was" : "were"} sorted or edited after the run: marks and row numbers in the results may point at the wrong rows. Reconcile again.`,
};

export const RECONCILE_STRINGS: Readonly<Record<Locale, ReconcileStrings>> = { "zh-CN": zhCN, "en-US": enUS };

/** The view's strings for the shell's strings table (a tab title and a pane message get only that), in its language. */
export function reconcileStringsFor(t: Strings): ReconcileStrings {
  return RECONCILE_STRINGS[t.locale];
}
