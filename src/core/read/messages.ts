/**
 * What the reader tells the user, in Chinese first and English.
 */
import type { Side } from "../model";
import type { ReadIssue, SkipReason } from "./types";

export type Lang = "zh-CN" | "en-US";

function where(issue: ReadIssue, lang: Lang): string {
  const cell = issue.column ? `${issue.column}${issue.row}` : null;
  if (lang === "zh-CN") {
    const head = issue.header ? `（${issue.header}）` : "";
    return cell ? `工作表“${issue.sheet}”单元格 ${cell}${head}` : `工作表“${issue.sheet}”第 ${issue.row} 行`;
  }
  const head = issue.header ? ` (${issue.header})` : "";
  return cell ? `Sheet "${issue.sheet}", cell ${cell}${head}` : `Sheet "${issue.sheet}", row ${issue.row}`;
}

/** One sentence naming the place, what was found and what to do. */
export function describeReadIssue(issue: ReadIssue, lang: Lang): string {
  const at = where(issue, lang);
  const found = issue.found;
  const zh = lang === "zh-CN";
  switch (issue.code) {
    case "no_header":
      return zh
        ? `${at}：在前 60 行中没有找到表头（需要至少“日期”和“借方/贷方”或“金额”等列名）。请检查工作表，或手动指定各列。`
        : `${at}: no header row found in the first 60 rows (column names such as 日期/Date and 借方/贷方 or 金额/Amount are needed). Check the sheet or map the columns yourself.`;
    case "no_amount_column":
      return zh
        ? `${at}：表头中没有金额列（借方、贷方、发货金额、回款金额或金额）。请手动指定金额列。`
        : `${at}: the header has no amount column (debit, credit or a signed amount). Map the amount column yourself.`;
    case "no_date_column":
      return zh
        ? `${at}：表头中没有日期列（日期，或“月”“日”两列）。请手动指定日期列。`
        : `${at}: the header has no date column (a date, or separate month and day columns). Map the date column yourself.`;
    case "map_not_found":
      return zh
        ? `${at}：找不到指定的列“${found}”。请使用表头中的列名、列字母（如 E）或列号。`
        : `${at}: the column "${found}" you chose is not in the header. Use a header name, a column letter (e.g. E) or a column number.`;
    case "bad_date":
      return zh
        ? `${at}：“${found}”不是有效日期。请写成 2026-01-05 或 2026年1月5日 这样的形式。`
        : `${at}: "${found}" is not a valid date. Write it as 2026-01-05 or 2026年1月5日.`;
    case "missing_date":
      return zh ? `${at}：这一行没有日期，上方也没有可沿用的日期。请填写日期。` : `${at}: this row has no date and there is none above it to carry down. Fill in the date.`;
    case "missing_year":
      return zh
        ? `${at}：“${found}”没有年份，标题中也找不到年份。请在标题中写明年份（如“2026年”）或指定年份。`
        : `${at}: "${found}" has no year and none was found in the title. Put the year in the title (e.g. 2026年) or give the year.`;
    case "bad_amount":
      return zh
        ? `${at}：“${found}”不是有效金额。请写成 1234.50 或 1,234.50 这样的数字（负数可写作 -1234.50 或 (1,234.50)）。`
        : `${at}: "${found}" is not a valid amount. Write a number such as 1234.50 or 1,234.50 (negatives as -1234.50 or (1,234.50)).`;
    case "bad_direction":
      return zh ? `${at}：方向“${found}”无法识别，应为“借”“贷”或“平”。` : `${at}: direction "${found}" is not recognised; use 借 (debit), 贷 (credit) or 平 (nil).`;
  }
}

const SKIP_TEXT: Record<SkipReason, [string, string]> = {
  title: ["标题行", "title row"],
  blank: ["空行", "blank row"],
  header: ["重复的表头行", "repeated header row"],
  opening: ["期初余额（计入期初，不作为发生额）", "opening balance (taken as the opening, not as a sale)"],
  carried: ["承前页余额（仅用于核对余额）", "balance carried from the previous page (checked only)"],
  total: ["合计/小计行", "total or subtotal row"],
  "other-dealer": ["其他客户的行", "row of another dealer"],
  "no-amount": ["没有金额的行", "row without an amount"],
  "sign-off": ["制表、审核等签字行", "sign-off line (prepared by, checked by)"],
};

export function describeSkipReason(reason: SkipReason, lang: Lang): string {
  return SKIP_TEXT[reason][lang === "zh-CN" ? 0 : 1];
}

export function describeSide(side: Side, lang: Lang): string {
  if (lang === "zh-CN") return side === "ledger" ? "本公司账簿（应收）" : "客户对账单（对方应付，已换算为本方方向）";
  return side === "ledger" ? "our ledger (receivable)" : "dealer's statement (their payable, turned into our sign)";
}
