/**
 * The strings of the 账龄 / 逾期 view, in Chinese (primary) and English. Kept apart from the pane's
 * shared table (i18n.ts) so the views grow without touching each other's files; typed the same way,
 * so a key missing from either language fails to compile.
 */
import type { Locale } from "../i18n";
import { COLLECT_STRINGS, type CollectStrings } from "./collect-strings";

export interface AgingStrings {
  viewTitle: string;
  intro: string;

  asOf: string;
  asOfHint: string;
  asOfProblem: (text: string) => string;
  ledger: string;
  noLedger: string;
  ledgerHint: string;
  dealer: string;
  allDealers: string;
  basis: string;
  basisDue: string;
  basisDocument: string;
  buckets: string;
  bucketsHint: string;
  bucketsProblem: string;
  recompute: string;
  running: (sheet: string) => string;

  defaultTerm: string;
  defaultTermFrom: Record<"request" | "setting" | "builtin", string>;
  saveDefaultTerm: string;
  defaultTermSaved: (days: number) => string;
  days: (n: number) => string;

  termsTitle: string;
  columnDealer: string;
  columnTerm: string;
  columnSource: string;
  otherRowTerms: (terms: number[]) => string;

  summaryTitle: (asOf: string) => string;
  columnStage: string;
  columnCount: string;
  columnAmount: string;
  openBalance: string;
  unapplied: string;
  ignoredAfterAsOf: (count: number) => string;
  legendHint: string;
  /** The legend while the ledger carries no aging marks from this pane. */
  legendNoMarks: string;
  nothingOpen: string;

  actionsTitle: (count: number) => string;
  noActions: string;
  actionsHint: string;
  rep: string;
  noRep: string;
  ref: string;
  openingRef: string;
  open: string;
  dueDate: string;
  finalDate: string;
  stage: string;
  nextAction: string;
  /** When the next action falls due: `since` a day already reached, or `on` a day this week. */
  actionOn: (date: string, since: boolean) => string;
  moreActions: (count: number) => string;

  markRows: string;
  markRowsHint: string;
  markSoonToo: string;
  clearMarks: string;
  clearMarksHint: string;
  writeSheets: string;
  writeSheetsHint: string;
  marked: (count: number, sheet: string) => string;
  nothingToMark: (sheet: string) => string;
  cleared: (sheet: string) => string;
  written: (aging: string, plan: string) => string;
  chartsLeftOut: (count: number) => string;

  moreIssues: (count: number) => string;

  /** The totals leave out rows with a cell that could not be read. */
  totalsExclude: (rows: number) => string;
  /** The 待核对 items come from the pane's last reconciliation against this statement. */
  reviewUsed: (statement: string, cutoff: string | null, open: number) => string;
  /** The last reconciliation was not used: the ledger changed since. */
  reviewStale: (statement: string) => string;
  reviewTitle: (count: number) => string;
  reviewHint: string;
  reviewStatus: Record<"open" | "unapplied" | "settled", string>;
  unreadableTitle: (rows: number) => string;
  unreadableHint: string;
  /** 催款函, 还款承诺书 and the 时效 column and filter. */
  collect: CollectStrings;
}

const zhCN: AgingStrings = {
  viewTitle: "账龄 / 逾期",
  intro: "按账龄日期计算每笔未收款的到期日、最终收款期限和催收阶段。",

  asOf: "账龄日期",
  asOfHint: "默认今天；月末复核时可改为月末日期。",
  asOfProblem: (text) => `“${text}”不是有效日期，请按 年-月-日 填写，如 2026-11-30。`,
  ledger: "台账",
  noLedger: "还没有选择台账。",
  ledgerHint: "请在“工作表”页选择我方的应收台账。",
  dealer: "经销商",
  allDealers: "全部经销商",
  basis: "账龄基准",
  basisDue: "按到期日（逾期天数）",
  basisDocument: "按单据日期（账龄天数）",
  buckets: "账龄区间（天）",
  bucketsHint: "各区间的上限天数，由小到大，用逗号分隔。",
  bucketsProblem: "请写由小到大的天数，如 30,60,90,180,365。",
  recompute: "重新计算",
  running: (sheet) => `正在计算「${sheet}」的账龄…`,

  defaultTerm: "默认账期（天）",
  defaultTermFrom: {
    request: "本次指定",
    setting: "已保存在本工作簿",
    builtin: "尚未设置，按 30 天计算",
  },
  saveDefaultTerm: "保存",
  defaultTermSaved: (days) => `默认账期 ${days} 天已保存到本工作簿。`,
  days: (n) => `${n} 天`,

  termsTitle: "各经销商的账期来源",
  columnDealer: "经销商",
  columnTerm: "账期",
  columnSource: "来源",
  otherRowTerms: (terms) => `部分行另有账期：${terms.map((t) => `${t} 天`).join("、")}`,

  summaryTitle: (asOf) => `截至 ${asOf} 的催收阶段`,
  columnStage: "阶段",
  columnCount: "笔数",
  columnAmount: "未收金额",
  openBalance: "应收余额合计",
  unapplied: "未核销收款",
  ignoredAfterAsOf: (count) => `账龄日期之后的 ${count} 笔业务未计入。`,
  legendHint: "色块即台账中标记的颜色。",
  legendNoMarks: "色块是“标记逾期行”会用的颜色；台账中目前没有逾期标记。",
  nothingOpen: "没有未收款项。",

  actionsTitle: (count) => `本周需行动（${count} 笔，含已逾期）`,
  noActions: "本周没有需要跟进的款项。",
  actionsHint: "包括 7 天内到期的款项，以及已经逾期、尚未收回的款项（从逾期那天起一直列在这里）。点击一笔可在台账中选中该行。",
  rep: "业务员",
  noRep: "未指定业务员",
  ref: "单号",
  openingRef: "期初余额",
  open: "未收",
  dueDate: "到期",
  finalDate: "最终期限",
  stage: "阶段",
  nextAction: "下一步",
  actionOn: (date, since) => (since ? `（${date} 起）` : `（${date}）`),
  moreActions: (count) => `另有 ${count} 笔，请生成账龄表后在“催款计划”中查看。`,

  markRows: "标记逾期行",
  markRowsHint: "按阶段为台账中逾期的行标色，不改动您自己的格式。",
  markSoonToo: "同时标记 7 天内到期的行",
  clearMarks: "清除逾期标记",
  clearMarksHint: "只清除账龄的标记，对账的标记保留。",
  writeSheets: "生成账龄表",
  writeSheetsHint: "写入“账龄分析”（含图表）和“催款计划”两个工作表。",
  marked: (count, sheet) => `已在「${sheet}」中标记 ${count} 行。`,
  nothingToMark: (sheet) => `「${sheet}」中没有需要标记的行。`,
  cleared: (sheet) => `已清除「${sheet}」中的逾期标记，对账标记未受影响。`,
  written: (aging, plan) => `已生成「${aging}」和「${plan}」。`,
  chartsLeftOut: (count) => `此处无法绘制图表，${count} 个图表未生成，其数据仍以表格列出。`,

  moreIssues: (count) => `另有 ${count} 条提示未列出。`,

  totalsExclude: (rows) => `合计不含无法读取的 ${rows} 行（见下方“无法读取”），请改正后重新计算。`,
  reviewUsed: (statement, cutoff, open) =>
    `已采用最近一次与「${statement}」的对账${cutoff ? `（截止 ${cutoff}）` : ""}：${open > 0 ? `${open} 笔未收款项待核对，仍计入余额，不列入跟进和催款计划。` : "没有待核对的未收款项。"}`,
  reviewStale: (statement) => `与「${statement}」对账后台账已改动，那次对账的结果未采用；请重新对账后再看待核对项。`,
  reviewTitle: (count) => `待核对（${count} 笔）`,
  reviewHint: "对账发现差异的行，核对前不催收。点击可在台账中选中该行。",
  reviewStatus: { open: "未收", unapplied: "未核销", settled: "已核销" },
  unreadableTitle: (rows) => `无法读取（${rows} 行，未计入合计）`,
  unreadableHint: "点击可选中该单元格。",
  collect: COLLECT_STRINGS["zh-CN"],
};

const enUS: AgingStrings = {
  viewTitle: "Aging / overdue",
  intro: "Due dates, final collection deadlines and collection stages of every open item as of a date.",

  asOf: "As of",
  asOfHint: "Today by default; use the month end for the monthly review.",
  asOfProblem: (text) => `"${text}" is not a valid date. Enter it as year-month-day, e.g. 2026-11-30.`,
  ledger: "Ledger",
  noLedger: "No ledger chosen yet.",
  ledgerHint: "Choose our receivables ledger on the Sheets tab.",
  dealer: "Dealer",
  allDealers: "All dealers",
  basis: "Age by",
  basisDue: "Due date (days overdue)",
  basisDocument: "Document date (days since)",
  buckets: "Aging buckets (days)",
  bucketsHint: "Upper bounds of the buckets, increasing, separated by commas.",
  bucketsProblem: "Write day counts in increasing order, e.g. 30,60,90,180,365.",
  recompute: "Recalculate",
  running: (sheet) => `Aging "${sheet}"…`,

  defaultTerm: "Default term (days)",
  defaultTermFrom: {
    request: "given for this run",
    setting: "saved in this workbook",
    builtin: "not set yet: 30 days",
  },
  saveDefaultTerm: "Save",
  defaultTermSaved: (days) => `The default term of ${days} days was saved in this workbook.`,
  days: (n) => `${n} ${n === 1 ? "day" : "days"}`,

  termsTitle: "Where each dealer's term comes from",
  columnDealer: "Dealer",
  columnTerm: "Term",
  columnSource: "From",
  otherRowTerms: (terms) => `Some rows have their own term: ${terms.map((t) => `${t} days`).join(", ")}`,

  summaryTitle: (asOf) => `Collection stages as of ${asOf}`,
  columnStage: "Stage",
  columnCount: "Items",
  columnAmount: "Open amount",
  openBalance: "Total receivable",
  unapplied: "Unapplied receipts",
  ignoredAfterAsOf: (count) => `${count} ${count === 1 ? "entry" : "entries"} after the as-of date left out.`,
  legendHint: "The swatches are the colours marked in the ledger.",
  legendNoMarks: "The swatches are the colours \"Mark overdue rows\" uses; the ledger carries no overdue marks now.",
  nothingOpen: "Nothing is open.",

  actionsTitle: (count) => `Actions this week (${count}, overdue included)`,
  noActions: "Nothing to follow up this week.",
  actionsHint: "Items due within 7 days, and items already overdue and not yet collected (listed from the day they fell overdue). Click an item to select its row in the ledger.",
  rep: "Rep",
  noRep: "no rep",
  ref: "Ref.",
  openingRef: "Opening balance",
  open: "Open",
  dueDate: "Due",
  finalDate: "Final",
  stage: "Stage",
  nextAction: "Next",
  actionOn: (date, since) => (since ? ` (since ${date})` : ` (on ${date})`),
  moreActions: (count) => `${count} more: write the aging sheets and see the collection plan.`,

  markRows: "Mark overdue rows",
  markRowsHint: "Colours the ledger's overdue rows by stage, over your own formats.",
  markSoonToo: "Also mark rows due within 7 days",
  clearMarks: "Clear overdue marks",
  clearMarksHint: "Clears the aging marks only; reconciliation marks stay.",
  writeSheets: "Write aging sheets",
  writeSheetsHint: "Writes the sheets \"Aging\" (with a chart) and \"Collection plan\".",
  marked: (count, sheet) => `${count} ${count === 1 ? "row" : "rows"} marked in "${sheet}".`,
  nothingToMark: (sheet) => `No rows in "${sheet}" need marking.`,
  cleared: (sheet) => `The overdue marks in "${sheet}" were cleared; reconciliation marks were left alone.`,
  written: (aging, plan) => `"${aging}" and "${plan}" were written.`,
  chartsLeftOut: (count) => `Charts cannot be drawn here: ${count} left out; their data is still listed as a table.`,

  moreIssues: (count) => `${count} more not listed.`,

  totalsExclude: (rows) => `Totals exclude ${rows} ${rows === 1 ? "row" : "rows"} with a cell that could not be read (see "Unreadable" below); correct them and recalculate.`,
  reviewUsed: (statement, cutoff, open) =>
    `Using the last reconciliation against "${statement}"${cutoff ? ` (cut-off ${cutoff})` : ""}: ${
      open > 0 ? `${open} open ${open === 1 ? "item is" : "items are"} under reconciliation, still in the balance but not followed up or in the collection plan.` : "no open item is under reconciliation."
    }`,
  reviewStale: (statement) => `The ledger changed after the reconciliation against "${statement}", so its findings were not used; reconcile again to see what is under reconciliation.`,
  reviewTitle: (count) => `Under reconciliation (${count})`,
  reviewHint: "Rows the reconciliation found a difference on: not chased until checked. Click one to select its row in the ledger.",
  reviewStatus: { open: "Open", unapplied: "Unapplied", settled: "Settled" },
  unreadableTitle: (rows) => `Unreadable (${rows} ${rows === 1 ? "row" : "rows"}, in no total)`,
  unreadableHint: "Click one to select the cell.",
  collect: COLLECT_STRINGS["en-US"],
};

export const AGING_STRINGS: Readonly<Record<Locale, AgingStrings>> = { "zh-CN": zhCN, "en-US": enUS };
