/**
 * Cell text as Excel would display it, for the preview's grid: enough of Excel's number formats to
 * show the sample and what Duizhang writes (dates, grouped money, integers, percentages, text).
 * Not a general format engine: sections, colours and conditions of custom formats are ignored.
 */
import { fromEpochDay } from "../core/dates";

const EXCEL_1900_OFFSET = 25569;

export type DisplayValue = string | number | boolean | undefined;

function isDateFormat(format: string): boolean {
  // Letters inside quotes or after a backslash are literal text, not date parts.
  const bare = format.replace(/"[^"]*"|\\./g, "");
  return /[yd]/i.test(bare) || /(^|[^0#])m+([^0#]|$)/i.test(bare.replace(/\[[^\]]*\]/g, ""));
}

function dateText(serial: number, format: string): string {
  const iso = fromEpochDay(Math.floor(serial) - EXCEL_1900_OFFSET);
  const [y, m, d] = iso.split("-");
  return format
    .replace(/"([^"]*)"/g, "$1")
    .replace(/\\(.)/g, "$1")
    .replace(/yyyy/gi, y)
    .replace(/yy/gi, y.slice(2))
    .replace(/mm/gi, m)
    .replace(/dd/gi, d)
    .replace(/m/gi, String(Number(m)))
    .replace(/d/gi, String(Number(d)));
}

function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function numberText(value: number, format: string): string {
  const section = format.split(";")[0];
  const percent = section.includes("%");
  const scaled = percent ? value * 100 : value;
  const decimals = /\.(0+)/.exec(section)?.[1].length ?? 0;
  const fixed = Math.abs(scaled).toFixed(decimals);
  const [whole, frac] = fixed.split(".");
  const body = (section.includes(",") ? grouped(whole) : whole) + (frac ? `.${frac}` : "");
  const negative = scaled < 0 && Number(fixed) !== 0;
  return `${negative ? "-" : ""}${body}${percent ? "%" : ""}`;
}

/** Excel's General format: integers as they are, fractions to at most 10 significant digits. */
function generalText(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(10)));
}

export function displayText(value: DisplayValue, format: string): string {
  if (value === undefined || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (format === "General" || format === "@" || format === "") return generalText(value);
  if (isDateFormat(format)) return dateText(value, format);
  if (/[0#]/.test(format)) return numberText(value, format);
  return generalText(value);
}
