/**
 * The strings of the 信用 view, in Chinese (primary) and English, typed alike so a key missing from
 * either language fails to compile.
 */
import type { Locale } from "../i18n";

/** A dealer's exposure against its limit; `unknown` when the exposure cannot be read (nothing is said of the limit). */
export type ExposureStatusKey = "ok" | "near" | "over" | "unknown";

export interface CreditStrings {
  intro: string;

  applications: string;
  scanning: string;
  found: (n: number, sheets: string[]) => string;
  noneFound: string;
  problems: (n: number) => string;
  select: string;
  makeSheet: string;
  made: (sheet: string) => string;
  madeWithout: (validation: boolean, protection: boolean) => string;
  rescan: string;
  scorecardFrom: (sheet: string) => string;
  scorecardDefault: string;
  writeScorecard: string;
  scorecardWritten: (sheet: string) => string;

  score: string;
  asOf: string;
  asOfHint: string;
  asOfProblem: string;
  fromLedger: (sheet: string) => string;
  noLedger: string;
  noLedgerNoTable: string;
  exposureFrom: string;
  exposureNone: string;
  exposureTable: (sheet: string, cutoff: string | null) => string;
  run: string;
  running: string;
  refused: string;
  /** The title of a scoring that failed: what failed; the failure itself is the body. */
  failedTitle: string;
  warnings: string;

  results: (asOf: string, n: number) => string;
  approver: string;
  approverHint: string;
  points: (score: number) => string;
  gradeOf: (grade: string) => string;
  suggestion: (limit: string, term: number) => string;
  item: string;
  value: string;
  got: string;
  max: string;
  total: string;
  /** Between a line of the limit's arithmetic and its value. */
  lineSeparator: string;
  capped: (from: string, to: string) => string;
  limitInForce: (limit: string, fromRegister: boolean, exposure: string) => string;
  source: (sheet: string, row: number) => string;
  status: Record<ExposureStatusKey, string>;
  /** In place of the exposure figure when it cannot be read. */
  exposureUnread: string;
  approve: string;
  approveHint: string;
  approved: (a: { dealer: string; sheet: string; row: number; created: boolean; grade: string; limit: string; term: number; rated: string; asOf: string | null; next: string; approver: string }) => string;
  undoApproval: string;
  undone: (dealer: string, sheet: string, row: number) => string;
  undoRefused: (sheet: string, row: number, dealer: string) => string;
  writeSheet: string;
  sheetWritten: (sheet: string) => string;

  review: string;
  reviewNone: string;
  noRegister: string;
  nextReview: (date: string | null, past: boolean) => string;
  fresh: (score: number, grade: string) => string;
  noFresh: string;
  pastFinal: (n: number) => string;
  registerRow: (row: number) => string;

  exposure: string;
  exposureNoneListed: string;
  exposureLine: (exposure: string, limit: string, fromRegister: boolean) => string;
  exposureSourceLedger: (sheet: string) => string;
  exposureSourceTable: (sheet: string, cutoff: string | null) => string;
  exposureSourceNone: string;
  markOver: string;
  markHint: string;
  clearMarks: string;
  marked: (ledgerRows: number, ledger: string | null, registerRows: number) => string;
  nothingToMark: string;
  cleared: string;
  legend: string;
}

const zhCN: CreditStrings = {
  intro: "业务员填写信用申请表，这里按评分标准评分，给出建议额度和账期；审批后写入信用档案，并盯住占用是否超过额度。",

  applications: "信用申请",
  scanning: "正在查找申请表…",
  found: (n, sheets) => `找到 ${n} 份申请（${sheets.join("、")}）。`,
  noneFound: "工作簿中还没有信用申请。先生成一张信用申请表，交业务员填好后再评分；也可以用以“客户名称”等为表头、一行一家的表。",
  problems: (n) => `申请表有 ${n} 处问题，改正后才能评分：`,
  select: "选中",
  makeSheet: "生成信用申请表",
  made: (sheet) => `已生成“${sheet}”：黄色单元格由业务员填写，带 * 的必填；填好后点“重新查找”。`,
  madeWithout: (validation, protection) =>
    `这个 Excel 版本${!validation ? "不能设置下拉列表和校验" : ""}${!validation && !protection ? "，也" : ""}${!protection ? "不能保护工作表" : ""}：请提醒业务员按说明填写。`,
  rescan: "重新查找",
  scorecardFrom: (sheet) => `评分标准：工作簿中的“${sheet}”表。`,
  scorecardDefault: "评分标准：默认标准（满分 100）。写入工作簿后可修改权重、分档和等级。",
  writeScorecard: "写入评分标准",
  scorecardWritten: (sheet) => `已写入“${sheet}”：修改后重新评分即按新标准计。`,

  score: "评分",
  asOf: "评估日",
  asOfHint: "回款记录取评估日前 12 个月。",
  asOfProblem: "请填写日期，例如 2026-11-30。",
  fromLedger: (sheet) => `回款记录和占用取自台账“${sheet}”。`,
  noLedger: "未选台账：按期回款率和逾期记录按“无记录”计分。",
  noLedgerNoTable: "未选台账：按期回款率和逾期记录按“无记录”计分，也没有占用。可在“工作表”中选择台账。",
  exposureFrom: "占用取自",
  exposureNone: "不计占用",
  exposureTable: (sheet, cutoff) => `余额表“${sheet}”（截止 ${cutoff ?? "未写明"}）`,
  run: "评分",
  running: "正在评分…",
  refused: "未能评分：",
  failedTitle: "评分失败",
  warnings: "请注意：",

  results: (asOf, n) => `评分结果（评估日 ${asOf}，${n} 家）`,
  approver: "审批人",
  approverHint: "写入信用档案时记为审批人。",
  points: (score) => `${score} 分`,
  gradeOf: (grade) => `${grade} 级`,
  suggestion: (limit, term) => `建议额度 ${limit}，账期 ${term} 天`,
  item: "项目",
  value: "取值",
  got: "得分",
  max: "满分",
  total: "合计",
  lineSeparator: "：",
  capped: (from, to) => `合作不满一年：等级由 ${from} 降为 ${to}。`,
  limitInForce: (limit, fromRegister, exposure) => `执行额度 ${limit}（${fromRegister ? "信用档案" : "建议"}），占用 ${exposure}`,
  source: (sheet, row) => `申请：${sheet} 第 ${row} 行`,
  status: { ok: "正常", near: "接近额度", over: "超额度", unknown: "占用未知（无法读取）" },
  exposureUnread: "无法读取",
  approve: "按建议写入信用档案",
  approveHint: "请先填写审批人。",
  approved: (a) =>
    `${a.created ? `已新建“${a.sheet}”并写入第 ${a.row} 行` : `已写入“${a.sheet}”第 ${a.row} 行`}：${a.dealer}，${a.grade} 级，额度 ${a.limit}，账期 ${a.term} 天，评定日期 ${a.rated}${a.asOf ? `（评估日 ${a.asOf}）` : ""}，下次复评 ${a.next}，审批人 ${a.approver}。其他行和您自己的列未改动；可点“撤销这次审批”恢复该行原样。`,
  undoApproval: "撤销这次审批",
  undone: (dealer, sheet, row) => `已撤销：“${sheet}”第 ${row} 行（${dealer}）恢复为审批前的内容。`,
  undoRefused: (sheet, row, dealer) => `没有撤销：“${sheet}”第 ${row} 行已不是 ${dealer}（档案在审批后被排序或修改过），请在表中手工改回。`,
  writeSheet: "写入信用评估表",
  sheetWritten: (sheet) => `已写入“${sheet}”：得分明细、建议额度的算式、复评和超额度名单，可打印。`,

  review: "半年复评",
  reviewNone: "没有需要复评的经销商（下次复评日期在 30 天内或已过，或有款项超过最终期限的，才列出）。",
  noRegister: "工作簿中还没有信用档案：审批一条建议时会创建。",
  nextReview: (date, past) => (date === null ? "未写下次复评日期" : past ? `复评已到期（${date}）` : `下次复评 ${date}`),
  fresh: (score, grade) => `新得分 ${score}（${grade} 级）`,
  noFresh: "没有申请表，未重新评分",
  pastFinal: (n) => `${n} 笔超过最终期限`,
  registerRow: (row) => `档案第 ${row} 行`,

  exposure: "额度占用",
  exposureNoneListed: "没有可核对额度的经销商。",
  exposureLine: (exposure, limit, fromRegister) => `占用 ${exposure} / 额度 ${limit}（${fromRegister ? "档案" : "建议"}）`,
  exposureSourceLedger: (sheet) => `占用为台账“${sheet}”在评估日的余额。`,
  exposureSourceTable: (sheet, cutoff) => `占用为余额表“${sheet}”的期末余额（截止 ${cutoff ?? "未写明"}）。`,
  exposureSourceNone: "未选台账或余额表：占用按 0 计。",
  markOver: "标出超额度",
  markHint: "在台账中标出超额度经销商的未收款行，并标出其信用档案行",
  clearMarks: "清除超额度标记",
  marked: (ledgerRows, ledger, registerRows) =>
    `已标出${ledger ? `台账“${ledger}”${ledgerRows} 行` : ""}${ledger ? "、" : ""}信用档案 ${registerRows} 行。标记只叠加颜色，可用“清除超额度标记”或“全部撤销”去掉。`,
  nothingToMark: "没有超额度的经销商，未标记。",
  cleared: "已清除超额度标记，各行恢复原样。",
  legend: "超出信用额度的经销商（未收款行、档案行）",
};

const enUS: CreditStrings = {
  intro: "Reps fill in a credit application; here it is scored with the scorecard into a suggested limit and term, approved into the credit register, and exposure is watched against the limit.",

  applications: "Applications",
  scanning: "Looking for applications…",
  found: (n, sheets) => `${n} application${n === 1 ? "" : "s"} found (${sheets.join(", ")}).`,
  noneFound: "No credit application in this workbook yet. Make an application sheet for a rep to fill in, then score it; a table with 客户名称 and the other labels as headers, one dealer a row, works too.",
  problems: (n) => `The applications have ${n} problem${n === 1 ? "" : "s"} to fix before scoring:`,
  select: "Select",
  makeSheet: "Make an application sheet",
  made: (sheet) => `"${sheet}" made: reps fill the yellow cells, those with * are required; then choose "Look again".`,
  madeWithout: (validation, protection) =>
    `This Excel cannot ${!validation ? "add drop-downs and checks" : ""}${!validation && !protection ? " or " : ""}${!protection ? "protect the sheet" : ""}: ask reps to follow the notes.`,
  rescan: "Look again",
  scorecardFrom: (sheet) => `Scorecard: the sheet "${sheet}".`,
  scorecardDefault: "Scorecard: the default (100 points). Write it into the workbook to change weights, bands and grades.",
  writeScorecard: "Write the scorecard",
  scorecardWritten: (sheet) => `"${sheet}" written: change it, then score again to use it.`,

  score: "Score",
  asOf: "As of",
  asOfHint: "Payment history: the 12 months before this date.",
  asOfProblem: "Enter a date, for example 2026-11-30.",
  fromLedger: (sheet) => `Payment history and exposure from the ledger "${sheet}".`,
  noLedger: "No ledger chosen: on-time payment and overdue record score as \"no record\".",
  noLedgerNoTable: "No ledger chosen: on-time payment and overdue record score as \"no record\", and there is no exposure. Choose the ledger under Sheets.",
  exposureFrom: "Exposure from",
  exposureNone: "No exposure",
  exposureTable: (sheet, cutoff) => `Balance table "${sheet}" (at ${cutoff ?? "no stated date"})`,
  run: "Score",
  running: "Scoring…",
  refused: "Could not score:",
  failedTitle: "Scoring failed",
  warnings: "Please note:",

  results: (asOf, n) => `Scores (as of ${asOf}, ${n} dealer${n === 1 ? "" : "s"})`,
  approver: "Approved by",
  approverHint: "Written into the credit register as the approver.",
  points: (score) => `${score} points`,
  gradeOf: (grade) => `grade ${grade}`,
  suggestion: (limit, term) => `suggested limit ${limit}, ${term} days`,
  item: "Item",
  value: "Value",
  got: "Points",
  max: "Max",
  total: "Total",
  lineSeparator: ": ",
  capped: (from, to) => `Under a year of cooperation: grade ${from} capped to ${to}.`,
  limitInForce: (limit, fromRegister, exposure) => `Limit in force ${limit} (${fromRegister ? "register" : "suggested"}), exposure ${exposure}`,
  source: (sheet, row) => `Application: ${sheet} row ${row}`,
  status: { ok: "OK", near: "Near limit", over: "Over limit", unknown: "Exposure unknown (cannot be read)" },
  exposureUnread: "cannot be read",
  approve: "Approve into the register",
  approveHint: "Enter the approver first.",
  approved: (a) =>
    `${a.created ? `"${a.sheet}" made and row ${a.row} written` : `Written to row ${a.row} of "${a.sheet}"`}: ${a.dealer}, grade ${a.grade}, limit ${a.limit}, ${a.term} days, approved ${a.rated}${a.asOf ? ` (scored as of ${a.asOf})` : ""}, next review ${a.next}, approved by ${a.approver}. Other rows and your own columns are untouched; "Undo this approval" puts the row back as it was.`,
  undoApproval: "Undo this approval",
  undone: (dealer, sheet, row) => `Undone: row ${row} of "${sheet}" (${dealer}) is back as it was before the approval.`,
  undoRefused: (sheet, row, dealer) => `Not undone: row ${row} of "${sheet}" no longer holds ${dealer} (the register was sorted or edited since); change it back by hand.`,
  writeSheet: "Write the credit sheet",
  sheetWritten: (sheet) => `"${sheet}" written: score breakdowns, the limit's arithmetic, review and over-limit lists, ready to print.`,

  review: "Half-yearly review",
  reviewNone: "No dealer is due for review (listed when the next review is within 30 days or past, or an item is past its final deadline).",
  noRegister: "No credit register in this workbook yet: approving a suggestion makes it.",
  nextReview: (date, past) => (date === null ? "no next review date" : past ? `review overdue (${date})` : `next review ${date}`),
  fresh: (score, grade) => `fresh score ${score} (grade ${grade})`,
  noFresh: "no application, not rescored",
  pastFinal: (n) => `${n} past the final deadline`,
  registerRow: (row) => `register row ${row}`,

  exposure: "Exposure",
  exposureNoneListed: "No dealer with a limit to check.",
  exposureLine: (exposure, limit, fromRegister) => `exposure ${exposure} / limit ${limit} (${fromRegister ? "register" : "suggested"})`,
  exposureSourceLedger: (sheet) => `Exposure is the balance of the ledger "${sheet}" at the as-of date.`,
  exposureSourceTable: (sheet, cutoff) => `Exposure is the closing balance of the balance table "${sheet}" (at ${cutoff ?? "no stated date"}).`,
  exposureSourceNone: "No ledger or balance table: exposure counts as 0.",
  markOver: "Mark over-limit",
  markHint: "Marks the open rows of over-limit dealers in the ledger, and their rows of the credit register",
  clearMarks: "Clear over-limit marks",
  marked: (ledgerRows, ledger, registerRows) =>
    `Marked ${ledger ? `${ledgerRows} rows of the ledger "${ledger}" and ` : ""}${registerRows} rows of the register. Marks only add colour; "Clear over-limit marks" or "Take back all" removes them.`,
  nothingToMark: "No dealer is over its limit; nothing marked.",
  cleared: "Over-limit marks cleared; the rows look as they did.",
  legend: "Dealer over its credit limit (open rows, register row)",
};

export const CREDIT_STRINGS: Readonly<Record<Locale, CreditStrings>> = { "zh-CN": zhCN, "en-US": enUS };
