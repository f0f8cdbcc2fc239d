/**
 * Dates as they arrive from sheets: Excel serials (1900 and 1904 systems), JS dates, and Chinese text forms.
 */
import type { CellValue, IsoDate } from "../model";
import { fromEpochDay, isValidYmd, ymdToIso } from "../dates";
import { toHalfWidth } from "./text";

export interface DateContext {
  /** The workbook counts serials from 1904-01-01 (old Mac workbooks). */
  date1904?: boolean;
  /** Year for text without one (`1月5日`, `1/5`). */
  yearHint?: number | null;
}

export type DateResult =
  | { ok: true; date: IsoDate; /** The year came from the hint, not the cell. */ yearFromHint: boolean }
  | { ok: false; reason: "invalid" | "no_year" };

/** 1899-12-31 as an epoch day: serial 1 in the 1900 system is 1900-01-01. */
const EPOCH_1900 = -25568;
/** 1904-01-01 as an epoch day: serial 0 in the 1904 system. */
const EPOCH_1904 = -24107;
/** Serial of 9999-12-31 in the 1900 system; anything above is not a date Excel can show. */
const MAX_SERIAL_1900 = 2958465;

const FULL = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:(?:\s+|T)[\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const MONTH_DAY = /^(\d{1,2})\s*(?:月|\/|-)\s*(\d{1,2})\s*[日号]?$/;

const INVALID: DateResult = { ok: false, reason: "invalid" };
const NO_YEAR: DateResult = { ok: false, reason: "no_year" };

function ok(date: IsoDate, yearFromHint = false): DateResult {
  return { ok: true, date, yearFromHint };
}

/**
 * An Excel serial to a date. The 1900 system copies Lotus 1-2-3's bug of a 1900-02-29 (serial 60): serials
 * below 60 are one day later than plain day counting, and 60 itself is no real day, so it is refused.
 */
export function serialToIso(serial: number, date1904 = false): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (date1904) {
    if (whole < 0 || whole > MAX_SERIAL_1900 - 1462) return null;
    return fromEpochDay(EPOCH_1904 + whole);
  }
  if (whole < 1 || whole > MAX_SERIAL_1900 || whole === 60) return null;
  return fromEpochDay(whole < 60 ? EPOCH_1900 + whole : EPOCH_1900 - 1 + whole);
}

/** The 1900-system serial of a date (for tests and fixtures that need real serials). */
export function isoToSerial(date: IsoDate, date1904 = false): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const epochDay = Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
  if (date1904) return epochDay - EPOCH_1904;
  const plain = epochDay - EPOCH_1900;
  return plain < 60 ? plain : plain + 1;
}

function ymd(y: number, m: number, d: number, fromHint = false): DateResult {
  return isValidYmd(y, m, d) ? ok(ymdToIso(y, m, d), fromHint) : INVALID;
}

export function parseDate(value: CellValue | undefined, ctx: DateContext = {}): DateResult {
  if (value === null || value === undefined) return INVALID;
  if (typeof value === "number") {
    // 20260105 typed as a number is a date written without separators, not a serial (that would be year 57000+).
    if (Number.isInteger(value) && value >= 19000101 && value <= 99991231) {
      return ymd(Math.floor(value / 10000), Math.floor(value / 100) % 100, value % 100);
    }
    const iso = serialToIso(value, ctx.date1904 === true);
    return iso === null ? INVALID : ok(iso);
  }
  if (value instanceof Date) {
    const t = value.getTime();
    if (Number.isNaN(t)) return INVALID;
    // ExcelJS hands dates over as UTC midnight: the UTC calendar day is the one the user typed.
    return ymd(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value !== "string") return INVALID;
  return parseDateText(value, ctx);
}

export function parseDateText(raw: string, ctx: DateContext = {}): DateResult {
  const text = toHalfWidth(raw).trim();
  if (text === "") return INVALID;
  let m = FULL.exec(text);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = COMPACT.exec(text);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = MONTH_DAY.exec(text);
  if (m) {
    const hint = ctx.yearHint;
    if (hint === null || hint === undefined) return NO_YEAR;
    return ymd(hint, Number(m[1]), Number(m[2]), true);
  }
  return INVALID;
}

/** A month or day cell of a split-date layout (`1`, `01`, `1月`, `５日`), or null. */
export function parseSmallInt(value: CellValue | undefined, max: number): number | null {
  let n: number;
  if (typeof value === "number") n = value;
  else if (typeof value === "string") {
    const t = toHalfWidth(value).trim().replace(/[月日号年]$/, "");
    if (!/^\d{1,4}$/.test(t)) return null;
    n = Number(t);
  } else return null;
  return Number.isInteger(n) && n >= 1 && n <= max ? n : null;
}
