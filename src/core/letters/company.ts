/**
 * The 本公司信息 sheet: two columns, 项目 | 内容, one detail a row (公司名称 | 华南建材有限公司). The labels
 * accepted are the ones finance staff write; anything else is kept as an unknown item for the pane to show.
 */
import type { Grid } from "../model";
import { columnLetter } from "../read/columns";
import { cellText } from "../values/text";
import { COMPANY_FIELDS, type CompanyField } from "./fields";
import type { CompanyDetails } from "./letter";

/** The sheet the company details are read from, and written to when the user asks for it. */
export const COMPANY_SHEET = "本公司信息";

const LABELS: Record<string, CompanyField> = {};
const add = (field: CompanyField, labels: string[]) => labels.forEach((l) => (LABELS[l] = field));
add("本公司名称", ["本公司名称", "公司名称", "单位名称", "名称", "公司", "企业名称"]);
add("本公司地址", ["本公司地址", "地址", "公司地址", "回函地址", "通讯地址", "联系地址", "单位地址"]);
add("本公司联系人", ["本公司联系人", "联系人", "经办人"]);
add("电话", ["电话", "联系电话", "本公司电话", "电话号码", "手机"]);
add("开户行", ["开户行", "开户银行", "银行", "开户行名称"]);
add("账号", ["账号", "帐号", "银行账号", "银行帐号", "账户", "帐户"]);

/** Above 15 figures Excel keeps a number only approximately: a bank account typed as a number has lost digits. */
const EXACT_FIGURES = 15;

export interface CompanyProblem {
  code: "account_stored_as_number";
  sheet: string;
  cell: string;
  row: number;
  column: number;
  found: string;
}

export interface CompanyRead {
  details: CompanyDetails;
  /** Rows whose 项目 is not a detail we know, as written. */
  unknownItems: string[];
  problems: CompanyProblem[];
}

const normaliseLabel = (t: string) => t.replace(/[\s:：*]/g, "");

/** Read the company details from a 项目 | 内容 grid; the first row naming a detail wins. */
export function readCompanyInfo(grid: Grid): CompanyRead {
  const details: CompanyDetails = {};
  const unknownItems: string[] = [];
  const problems: CompanyProblem[] = [];
  grid.values.forEach((cells, r) => {
    const label = normaliseLabel(cellText(cells[0]));
    if (label === "" || label === "项目") return;
    const field = LABELS[label];
    if (!field) {
      unknownItems.push(cellText(cells[0]));
      return;
    }
    if (details[field] !== undefined) return;
    const raw = cells[1];
    const value = cellText(raw);
    if (typeof raw === "number" && field === "账号" && Math.abs(raw) >= 10 ** EXACT_FIGURES) {
      const row = grid.top + r;
      const column = grid.left + 1;
      problems.push({ code: "account_stored_as_number", sheet: grid.sheet, cell: `${columnLetter(column)}${row}`, row, column, found: value });
      details[field] = null;
      return;
    }
    details[field] = value === "" ? null : typeof raw === "number" ? numberText(raw) : value;
  });
  return { details, unknownItems, problems };
}

/** A number as the figures the user typed (no exponent for 15-figure account numbers). */
function numberText(n: number): string {
  // toFixed(0) writes every figure up to 10^21 (String switches to an exponent there); BigInt is missing
  // in the pane's oldest webview.
  return Number.isInteger(n) ? n.toFixed(0) : String(n);
}

/**
 * The 本公司信息 sheet to write when the workbook has none: 项目 | 内容 with one row per detail the letters
 * use, filled from `details` where known and left empty for the user otherwise. `readCompanyInfo` reads it back.
 */
export function companyInfoRows(details: CompanyDetails = {}): (string | null)[][] {
  return [["项目", "内容"], ...COMPANY_FIELDS.map((f) => [f, details[f] ?? null])];
}
