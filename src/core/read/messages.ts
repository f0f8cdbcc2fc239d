/**
 * The codes the reader's issues, skipped rows and sides are said with (see `../messages`); the text is in
 * the message tables outside core.
 */
import { msg, type Message } from "../messages";
import type { Side } from "../model";
import type { ReadIssue, ReadIssueCode, SkipReason } from "./types";

export type Lang = "zh-CN" | "en-US";

type At = { at: Message };
type Found = At & { found: string };

export interface ReadMessages {
  /** Where an issue is: a cell (with its column's header) or a row. */
  "read.at.cell": { sheet: string; cell: string };
  "read.at.cell_header": { sheet: string; cell: string; header: string };
  "read.at.row": { sheet: string; row: number };
  "read.issue.no_header": At;
  "read.issue.no_amount_column": At;
  "read.issue.no_date_column": At;
  "read.issue.map_not_found": Found;
  "read.issue.bad_date": Found;
  "read.issue.missing_date": At;
  "read.issue.missing_year": Found;
  "read.issue.bad_amount": Found;
  "read.issue.bad_direction": Found;
  "read.skip.title": Record<string, never>;
  "read.skip.blank": Record<string, never>;
  "read.skip.header": Record<string, never>;
  "read.skip.opening": Record<string, never>;
  "read.skip.carried": Record<string, never>;
  "read.skip.total": Record<string, never>;
  "read.skip.other-dealer": Record<string, never>;
  "read.skip.no-amount": Record<string, never>;
  "read.skip.sign-off": Record<string, never>;
  "read.side.ledger": Record<string, never>;
  "read.side.statement": Record<string, never>;
}

/** Issues that name no text found in the sheet. */
const WITHOUT_FOUND: ReadonlySet<ReadIssueCode> = new Set<ReadIssueCode>(["no_header", "no_amount_column", "no_date_column", "missing_date"]);

/** The message of a reader's issue: the place, what was found and what to do. */
export function readIssueMessage(issue: ReadIssue): Message {
  const cell = issue.column ? `${issue.column}${issue.row}` : null;
  const at =
    cell === null
      ? msg("read.at.row", { sheet: issue.sheet, row: issue.row })
      : issue.header
        ? msg("read.at.cell_header", { sheet: issue.sheet, cell, header: issue.header })
        : msg("read.at.cell", { sheet: issue.sheet, cell });
  if (WITHOUT_FOUND.has(issue.code)) return msg(`read.issue.${issue.code as "no_header"}`, { at });
  return msg(`read.issue.${issue.code as "bad_date"}`, { at, found: issue.found });
}

export function skipReasonMessage(reason: SkipReason): Message {
  return msg(`read.skip.${reason}`, {});
}

export function sideMessage(side: Side): Message {
  return msg(side === "ledger" ? "read.side.ledger" : "read.side.statement", {});
}

function where(issue: ReadIssue, lang: Lang): string {
  const cell = issue.column ? `${issue.column}${issue.row}` : null;
  if (lang === "zh-CN") {
    const head = issue.header ? `（${issue.header}）` : "";
    return cell ? `工作表“${issue.sheet}”单元格 ${cell}${head}` : `工作表“${issue.sheet}”第 ${issue.row} 行`;
  }
  const head = issue.header ? ` (${issue.header})` : "";
  return cell ? `Sheet "${issue.sheet}", cell ${cell}${head}` : `Sheet "${issue.sheet}", row ${issue.row}`;
}

/** Kept until aging takes `readIssueMessage`: the text lives in src/messages/read.ts. */
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

