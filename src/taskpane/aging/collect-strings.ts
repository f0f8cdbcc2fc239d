/**
 * The strings of the 账龄 view's collection papers (催款函, 还款承诺书) and of its 时效 column and filter,
 * in Chinese (primary) and English; reached as `AGING_STRINGS[locale].collect`.
 */
import type { Locale } from "../i18n";

export interface CollectStrings {
  demandTitle: string;
  demandHint: string;
  demandFor: string;
  demandPastFinal: (count: number) => string;
  level: string;
  levelAuto: string;
  levelNames: Record<1 | 2 | 3, string>;
  deadlineDays: string;
  deadlineDaysHint: string;
  deadlineDaysProblem: string;
  generateDemands: string;
  demandsWritten: (letters: number, sheets: string[]) => string;
  demandsNone: string;
  skipped: (dealer: string, reason: string) => string;

  promiseTitle: string;
  promiseHint: string;
  promiseDealer: string;
  pickDealer: string;
  amount: string;
  amountHint: (open: string) => string;
  amountProblem: string;
  count: string;
  first: string;
  every: string;
  everyDays: string;
  everyMonth: string;
  intervalDays: string;
  /** 等额分期 / 逐期填写: how the installments are given. */
  scheduleMode: string;
  modeEqual: string;
  modeHand: string;
  handDate: (n: number) => string;
  handAmount: (n: number) => string;
  addRow: string;
  removeRow: (n: number) => string;
  preview: string;
  columnN: string;
  columnDate: string;
  columnAmount: string;
  columnCumulative: string;
  generatePromise: string;
  promiseWritten: (number: string, sheet: string, plan: string) => string;

  limitation: string;
  limitationFilter: string;
  filterAll: string;
  filterExpiring: string;
  filterExpired: string;
  limitationBadge: Record<"running" | "expiring" | "expired", string>;
  limitationTitle: (expires: string, basis: string) => string;
  noneInFilter: string;
}

const zhCN: CollectStrings = {
  demandTitle: "催款函",
  demandHint: "为一家经销商，或为所有已过最终期限的经销商生成催款函；等级按逾期情况自动确定，也可指定。",
  demandFor: "对象",
  demandPastFinal: (count) => `所有已过最终期限的经销商（${count} 家）`,
  level: "等级",
  levelAuto: "自动",
  levelNames: { 1: "1 提醒函", 2: "2 催款函", 3: "3 最后通知" },
  deadlineDays: "付款期限（天）",
  deadlineDaysHint: "限期付款日期 = 账龄日期 + 天数。",
  deadlineDaysProblem: "请写 1 至 365 的整数天数。",
  generateDemands: "生成催款函",
  demandsWritten: (letters, sheets) => `已生成 ${letters} 封催款函，写入「${sheets.join("」「")}」，并登记到函证登记簿。`,
  demandsNone: "没有需要发催款函的经销商。",
  skipped: (dealer, reason) => `${dealer}：${reason}`,

  promiseTitle: "还款承诺书",
  promiseHint: "为一家经销商生成还款承诺书和分期还款计划。",
  promiseDealer: "经销商",
  pickDealer: "请选择经销商",
  amount: "承诺金额（元）",
  amountHint: (open) => `默认为未收余额 ${open}。`,
  amountProblem: "请写大于零的金额，如 53000 或 53000.50。",
  count: "期数",
  first: "第一期日期",
  every: "间隔",
  everyDays: "每隔若干天",
  everyMonth: "每月同日",
  intervalDays: "间隔天数",
  scheduleMode: "分期方式",
  modeEqual: "等额分期",
  modeHand: "逐期填写",
  handDate: (n) => `第 ${n} 期日期`,
  handAmount: (n) => `第 ${n} 期金额（元）`,
  addRow: "增加一期",
  removeRow: (n) => `删除第 ${n} 期`,
  preview: "分期计划预览",
  columnN: "期数",
  columnDate: "日期",
  columnAmount: "金额",
  columnCumulative: "累计",
  generatePromise: "生成还款承诺书",
  promiseWritten: (number, sheet, plan) => `已生成 ${number}，写入「${sheet}」，分期写入「${plan}」。`,

  limitation: "时效",
  limitationFilter: "诉讼时效",
  filterAll: "全部",
  filterExpiring: "180 天内届满",
  filterExpired: "已过时效",
  limitationBadge: { running: "时效内", expiring: "将届满", expired: "已过时效" },
  limitationTitle: (expires, basis) => `诉讼时效至 ${expires}（起算：${basis}）`,
  noneInFilter: "没有符合该时效条件的款项。",
};

const enUS: CollectStrings = {
  demandTitle: "Demand letters",
  demandHint: "Demand letters for one dealer, or for every dealer past the final deadline; the level follows the overdue items unless you choose one.",
  demandFor: "For",
  demandPastFinal: (count) => `Every dealer past the final deadline (${count})`,
  level: "Level",
  levelAuto: "Automatic",
  levelNames: { 1: "1 Reminder", 2: "2 Demand", 3: "3 Final notice" },
  deadlineDays: "Days to pay",
  deadlineDaysHint: "New deadline = as-of date + days.",
  deadlineDaysProblem: "Write a whole number of days from 1 to 365.",
  generateDemands: "Write demand letters",
  demandsWritten: (letters, sheets) => `${letters} ${letters === 1 ? "letter" : "letters"} written on "${sheets.join('", "')}" and entered in the register.`,
  demandsNone: "No dealer needs a demand letter.",
  skipped: (dealer, reason) => `${dealer}: ${reason}`,

  promiseTitle: "Payment commitment",
  promiseHint: "A payment commitment with its installment plan for one dealer.",
  promiseDealer: "Dealer",
  pickDealer: "Choose a dealer",
  amount: "Amount (yuan)",
  amountHint: (open) => `The open balance ${open} by default.`,
  amountProblem: "Write an amount above zero, e.g. 53000 or 53000.50.",
  count: "Installments",
  first: "First date",
  every: "Every",
  everyDays: "Number of days",
  everyMonth: "Month, same day",
  intervalDays: "Days between",
  scheduleMode: "Installments",
  modeEqual: "Equal",
  modeHand: "Typed one by one",
  handDate: (n) => `Installment ${n}: date`,
  handAmount: (n) => `Installment ${n}: amount (yuan)`,
  addRow: "Add an installment",
  removeRow: (n) => `Remove installment ${n}`,
  preview: "Installment plan",
  columnN: "No.",
  columnDate: "Date",
  columnAmount: "Amount",
  columnCumulative: "Cumulative",
  generatePromise: "Write commitment",
  promiseWritten: (number, sheet, plan) => `${number} written on "${sheet}", its installments on "${plan}".`,

  limitation: "Limitation",
  limitationFilter: "Limitation period",
  filterAll: "All",
  filterExpiring: "Ends within 180 days",
  filterExpired: "Expired",
  limitationBadge: { running: "Running", expiring: "Ending soon", expired: "Expired" },
  limitationTitle: (expires, basis) => `Limitation period ends ${expires} (from: ${basis})`,
  noneInFilter: "No item matches this limitation filter.",
};

export const COLLECT_STRINGS: Readonly<Record<Locale, CollectStrings>> = { "zh-CN": zhCN, "en-US": enUS };
