/**
 * Text clean-up shared by the value parsers: Chinese sheets mix full-width and half-width forms freely.
 */
import type { CellValue } from "../model";

const FULL_WIDTH_ALL = /[\uFF01-\uFF5E\u3000\u00A0\uFFE5\u2212]/g;

function halfOf(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code === 0x3000 || code === 0x00a0) return " ";
  if (code === 0xffe5) return "¥";
  if (code === 0x2212) return "-";
  return String.fromCharCode(code - 0xfee0);
}

/** Full-width ASCII (`１２３４`, `（`, `：`), the ideographic space and the full-width yen sign to their plain forms. */
export function toHalfWidth(text: string): string {
  // The scan first keeps the common case (nothing to convert) free of allocations; a loop over the
  // codes costs less than a pattern test on the short texts of cells, and this runs for most cells.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xa0) continue;
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000 || c === 0x00a0 || c === 0xffe5 || c === 0x2212) return text.replace(FULL_WIDTH_ALL, halfOf);
  }
  return text;
}

/** A cell as trimmed half-width text, `""` for blanks; dates and booleans as their plain text. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return toHalfWidth(value).trim();
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return Number.isNaN(value.getTime()) ? "" : value.toISOString();
}

/** A cell exactly as the user would read it, for error messages (`found`). */
export function cellDisplay(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString().slice(0, 10);
  return String(value);
}

export function isBlankCell(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== "string") return false;
  // A text that starts with a visible ASCII character is not blank: known without trimming it.
  const first = value.charCodeAt(0);
  if (first > 0x20 && first < 0x7f) return false;
  return value.trim() === "";
}
