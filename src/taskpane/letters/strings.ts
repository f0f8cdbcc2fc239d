/**
 * The strings of the 函证 view, in Chinese (primary) and English, typed alike so a key missing from
 * either language fails to compile.
 */
import type { Locale } from "../i18n";

export interface LettersStrings {
  viewTitle: string;
  intro: string;
  noLedger: string;

  company: string;
  companyFrom: (sheet: string) => string;
  companyMissing: string;
  recheck: string;

  template: string;
  builtinPositive: string;
  builtinNegative: string;
  builtinMovements: string;
  sheetTemplate: (sheet: string) => string;
  writeBuiltin: string;
  builtinWritten: (sheet: string) => string;
  builtinKept: (sheet: string) => string;
  templateOk: string;
  templateProblems: string;

  dealers: string;
  modeAll: string;
  modeReconciled: string;
  modePicked: string;
  noReconciled: string;
  search: string;
  pickedCount: (n: number) => string;

  asOf: string;
  asOfProblem: string;

  generate: string;
  cancel: string;
  stage: Record<"reading" | "generating" | "writing", string>;
  cancelled: string;

  results: (n: number, sheet: string) => string;
  skipped: (dealer: string, reason: string) => string;
  registerRow: (row: number) => string;

  register: string;
  noRegister: string;
  counts: (c: { letters: number; sent: number; confirmed: number; mismatched: number; overdue: number }) => string;
  overdue: string;
  mismatched: string;
  confirmed: string;
  daysOverdue: (n: number) => string;
  theirs: (ours: string, theirs: string) => string;
  acknowledged: (date: string) => string;

  forDealer: string;
  /** The title of a run that failed: what failed; the failure itself (what the port said, what to do) is the body. */
  failedTitle: string;
}

const zhCN: LettersStrings = {
  viewTitle: "函证",
  intro: "按模板为经销商批量生成对账函，一次打印全部，并在函证登记簿中跟踪回函。",
  noLedger: "请先在“工作表”中选择台账。",

  company: "本公司信息",
  companyFrom: (sheet) => `取自“${sheet}”工作表。`,
  companyMissing: "没有找到“本公司信息”工作表（两列：项目 | 内容）：函中本公司名称、地址等将留空待手填。",
  recheck: "重新检查",

  template: "模板",
  builtinPositive: "内置：对账函（积极式）",
  builtinNegative: "内置：对账函（消极式）",
  builtinMovements: "内置：对账函（含明细）",
  sheetTemplate: (sheet) => `工作表：${sheet}`,
  writeBuiltin: "把内置模板写入工作簿",
  builtinWritten: (sheet) => `已写入“${sheet}”，可在其中修改后选用。`,
  builtinKept: (sheet) => `“${sheet}”仍是内置模板的原样，未重复写入。`,
  templateOk: "模板检查通过。",
  templateProblems: "模板有问题，改正后才能生成：",

  dealers: "经销商",
  modeAll: "余额不为零的全部经销商",
  modeReconciled: "刚对过账的经销商",
  modePicked: "手选",
  noReconciled: "本窗格还没有对过账。",
  search: "搜索经销商",
  pickedCount: (n) => `已选 ${n} 家`,

  asOf: "截至日期",
  asOfProblem: "请填写日期，例如 2026-11-30。",

  generate: "生成对账函",
  cancel: "取消",
  stage: { reading: "正在读取台账和模板…", generating: "正在生成对账函…", writing: "正在写入工作表和登记簿…" },
  cancelled: "已取消，未写入任何内容。",

  results: (n, sheet) => `已在“${sheet}”生成 ${n} 封对账函，每封单独一页。`,
  skipped: (dealer, reason) => `${dealer}：${reason}`,
  registerRow: (row) => `登记簿第 ${row} 行`,

  register: "函证登记簿",
  noRegister: "工作簿中还没有函证登记簿，生成对账函时会创建。",
  counts: (c) => `共 ${c.letters} 封，已发出 ${c.sent} 封；回函相符 ${c.confirmed}，不符 ${c.mismatched}；逾期未回 ${c.overdue}。`,
  overdue: "逾期未回函",
  mismatched: "回函不符",
  confirmed: "回函相符",
  daysOverdue: (n) => `逾期 ${n} 天`,
  theirs: (ours, theirs) => `本公司 ${ours}，对方 ${theirs}`,
  acknowledged: (date) => `${date} 确认`,

  forDealer: "为该经销商生成对账函",
  failedTitle: "生成对账函失败",
};

const enUS: LettersStrings = {
  viewTitle: "Letters",
  intro: "Confirmation letters for your dealers from a template, printed in one go, with replies tracked in the letter register.",
  noLedger: "Choose the ledger under Sheets first.",

  company: "Company details",
  companyFrom: (sheet) => `From the sheet "${sheet}".`,
  companyMissing: "No 本公司信息 sheet (two columns: 项目 | 内容): the company's name, address and the rest are left as lines to fill by hand.",
  recheck: "Check again",

  template: "Template",
  builtinPositive: "Built-in: positive (积极式)",
  builtinNegative: "Built-in: negative (消极式)",
  builtinMovements: "Built-in: with movements (含明细)",
  sheetTemplate: (sheet) => `Sheet: ${sheet}`,
  writeBuiltin: "Write the built-in template into the workbook",
  builtinWritten: (sheet) => `Written to "${sheet}": change it there, then choose it.`,
  builtinKept: (sheet) => `"${sheet}" still holds the built-in template unchanged; not written again.`,
  templateOk: "The template is fine.",
  templateProblems: "The template has problems to fix before letters can be made:",

  dealers: "Dealers",
  modeAll: "Every dealer with a balance",
  modeReconciled: "Dealers just reconciled",
  modePicked: "Pick",
  noReconciled: "Nothing has been reconciled in this pane yet.",
  search: "Search dealers",
  pickedCount: (n) => `${n} picked`,

  asOf: "Cut-off date",
  asOfProblem: "Enter a date, for example 2026-11-30.",

  generate: "Generate letters",
  cancel: "Cancel",
  stage: { reading: "Reading the ledger and template…", generating: "Making the letters…", writing: "Writing the sheet and the register…" },
  cancelled: "Cancelled; nothing was written.",

  results: (n, sheet) => `${n} letters made on "${sheet}", each on its own page.`,
  skipped: (dealer, reason) => `${dealer}: ${reason}`,
  registerRow: (row) => `Register row ${row}`,

  register: "Letter register",
  noRegister: "The workbook has no letter register yet; generating letters creates it.",
  counts: (c) => `${c.letters} letters, ${c.sent} sent; replies: ${c.confirmed} agreed, ${c.mismatched} disagreed; ${c.overdue} overdue.`,
  overdue: "Replies overdue",
  mismatched: "Replies that disagree",
  confirmed: "Replies that agree",
  daysOverdue: (n) => `${n} days overdue`,
  theirs: (ours, theirs) => `ours ${ours}, theirs ${theirs}`,
  acknowledged: (date) => `agreed on ${date}`,

  forDealer: "Letter for this dealer",
  failedTitle: "Letters could not be made",
};

export const LETTERS_STRINGS: Readonly<Record<Locale, LettersStrings>> = { "zh-CN": zhCN, "en-US": enUS };
