/**
 * Reading an .xlsx file's sheets without building the workbook: one pass over each sheet's XML bytes.
 *
 * ExcelJS reads a whole workbook into cell objects (a million-row sheet took 48 s and 2.4 GB), and its own
 * streaming reader still makes a row object and a cell object per cell through a general XML parser. The
 * reader only needs values, row by row, so the sheet XML is inflated once (under the zip caps of ./zip)
 * and scanned as bytes: a first pass finds each row, the value bounds and the hidden rows; the rows are
 * then parsed one at a time as the reader asks for them (a row source), and no cell object is ever made.
 *
 * The grid is the one the ExcelJS path gives (`XlsxWorkbook.readSheet` on a loaded workbook), detail for
 * detail, since the reader's results must not depend on the path taken; where ExcelJS on its own departs
 * from what Excel shows (the East-Asian date formats, a formula whose result is 0 or FALSE), that path is
 * corrected to agree (see `EAST_ASIAN_DATE_FORMATS` and `XlsxWorkbook.load`):
 * - numbers in a date style (a custom format with y, m, d, h, s or b outside quotes and brackets, the
 *   built-in formats 14–22 and 45–47, or the East-Asian built-in date formats 27–36 and 50–58 that a Chinese
 *   Excel shows as `yyyy"年"m"月"d"日"` and the like) are Dates, 1904 dates where the workbook says so;
 * - shared strings and rich text are their text (`_xHHHH_` escapes decoded, phonetic runs left out), inline
 *   strings their text as written, formulas their last result as Excel shows it (0 and FALSE included),
 *   errors their code (`#N/A`), empty text null;
 * - a formula saved without its result (as scripts such as openpyxl or ExcelJS write them: no `<v>`, or an
 *   empty one that is no text result) is an empty cell, and listed in the grid's `uncomputed`;
 * - a merged area shows its top-left value in every cell (what ExcelJS hands out for merged cells);
 * - the bounds are those of the cells that hold a value; hidden rows are rows the file marks hidden inside them.
 */
import type { CellValue, Grid } from "../core/model";
import type { RowsGrid } from "../core/read/source";
import { ZipError, ZipReader } from "./zip";

type Slice = (this: Buffer, start: number, end: number) => string;
const PROTO = Buffer.prototype as unknown as Record<string, Slice | undefined>;
const utf8Slice: Slice = PROTO.utf8Slice ?? function (this: Buffer, a: number, b: number) {
  return this.toString("utf8", a, b);
};
const latin1Slice: Slice = PROTO.latin1Slice ?? function (this: Buffer, a: number, b: number) {
  return this.toString("latin1", a, b);
};

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOS = 0x27;
const EQ = 0x3d;

/** Cell types, from the `t` attribute. */
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML text as the parser gives it: entities and character references decoded. */
function decodeXml(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(ENTITY, (m, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name];
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** ExcelJS decodes the text of formula string results a second time (`utils.xmlDecode`): so does this reader. */
function decodeAgain(text: string): string {
  return text.replace(/&([a-z]*);/g, (c, name: string) => (name in NAMED ? NAMED[name] : c));
}

/** `_x0041_` escapes of text elements (what ExcelJS's text parser decodes). */
function decodeEscapes(text: string): string {
  return text.indexOf("_x") < 0 ? text : text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Whether a number format shows a date or time, by ExcelJS's test. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

/**
 * Excel's built-in East-Asian date and time formats (ids 27–36 and 50–58), which a file names by id alone,
 * with the codes a Chinese (zh-CN) Excel shows them with. ExcelJS knows no code for these ids, so on its own
 * it reads such a cell as a plain number and writes a copy of it in the General format; the ExcelJS path
 * gives these cells the code and their Dates after loading (`XlsxWorkbook.load`).
 */
export const EAST_ASIAN_DATE_FORMATS: ReadonlyMap<number, string> = new Map([
  [27, 'yyyy"年"m"月"'],
  [28, 'm"月"d"日"'],
  [29, 'm"月"d"日"'],
  [30, "m-d-yy"],
  [31, 'yyyy"年"m"月"d"日"'],
  [32, 'h"时"mm"分"'],
  [33, 'h"时"mm"分"ss"秒"'],
  [34, 'AM/PM h"时"mm"分"'],
  [35, 'AM/PM h"时"mm"分"ss"秒"'],
  [36, 'yyyy"年"m"月"'],
  [50, 'yyyy"年"m"月"'],
  [51, 'm"月"d"日"'],
  [52, 'yyyy"年"m"月"'],
  [53, 'm"月"d"日"'],
  [54, 'm"月"d"日"'],
  [55, 'AM/PM h"时"mm"分"'],
  [56, 'AM/PM h"时"mm"分"ss"秒"'],
  [57, 'yyyy"年"m"月"'],
  [58, 'm"月"d"日"'],
]);

/** The built-in formats known by id that are dates (ExcelJS's and the East-Asian ones); other ids are numbers. */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47, ...EAST_ASIAN_DATE_FORMATS.keys()]);

/** An Excel serial day as a Date (UTC), counted from 1904 where the workbook says so, as ExcelJS converts it. */
export function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXml(m[1] ?? m[2] ?? "") : undefined;
}

function tags(xml: string, name: string): string[] {
  return xml.match(new RegExp(`<${name}\\b[^>]*>`, "g")) ?? [];
}

/** A cell style's number format: the file's own code for its id, if it has one (not empty), and the id. */
interface StyleFormat {
  code: string | undefined;
  id: number;
}

/** The number format of each cell style index. */
function styleFormats(stylesXml: string | null): StyleFormat[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const t of tags(stylesXml, "numFmt")) {
    const id = Number(attr(t, "numFmtId"));
    const code = attr(t, "formatCode");
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml);
  if (!xfs) return [];
  return tags(xfs[1], "xf").map((t) => {
    const id = Number(attr(t, "numFmtId") ?? 0);
    const code = custom.get(id);
    return { code: code === "" ? undefined : code, id };
  });
}

/** For each cell style index, whether its number format is a date. */
function dateStyles(formats: readonly StyleFormat[]): boolean[] {
  return formats.map(({ code, id }) => (!id ? false : code !== undefined ? isDateFormat(code) : BUILTIN_DATE_IDS.has(id)));
}

/** The text of the `<t>` elements of a string item (`<si>` or `<is>`), rich runs joined, phonetic runs left out. */
function itemText(inner: string, escapes: boolean): { text: string; rich: boolean } {
  const body = inner.indexOf("<rPh") < 0 ? inner : inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  const rich = /<r\b/.test(body);
  let text = "";
  const re = /<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const piece = decodeXml(m[1] ?? "");
    text += escapes || rich ? decodeEscapes(piece) : piece;
  }
  return { text, rich };
}

/** Shared strings as the cells show them: their text, null for empty text. */
export function sharedStrings(xml: string | null): (string | null)[] {
  if (!xml) return [];
  const out: (string | null)[] = [];
  const re = /<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const inner = m[1] ?? "";
    // Most items are one plain `<t>`: taken without the general parse.
    const open = inner.startsWith("<t") ? inner.indexOf(">") : -1;
    let text: string;
    if (open > 0 && inner[open - 1] !== "/" && (open === 2 || inner[2] === " ") && inner.endsWith("</t>") && inner.indexOf("<", open) === inner.length - 4) {
      text = decodeEscapes(decodeXml(inner.slice(open + 1, inner.length - 4)));
    } else text = itemText(inner, true).text;
    out.push(text === "" ? null : text);
  }
  return out;
}

export interface SheetEntry {
  name: string;
  /** Zip path of the sheet's XML. */
  path: string;
  /** The file's sheetId. */
  sheetId: number;
  visible: boolean;
}

export interface SheetBounds {
  top: number;
  left: number;
  rowCount: number;
  columnCount: number;
}

interface Merge {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  value: CellValue;
}

function columnOfLetters(buf: Buffer, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) {
    const ch = buf[i] | 0x20;
    if (ch < 0x61 || ch > 0x7a) break;
    n = n * 26 + (ch - 0x60);
  }
  return n;
}

function addressOf(ref: string): { r: number; c: number } | null {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
  return { r: Number(m[2]), c };
}

/** One parsed cell: where its parts are in the bytes, nothing decoded yet. Reused for every cell. */
class CellCursor {
  column = 0;
  type = T_NUMBER;
  style = 0;
  formula = false;
  /** The cell has a `<v>` element, empty or not. */
  vSeen = false;
  /** Byte range of `<v>`'s text (start < 0: none). */
  vStart = -1;
  vEnd = -1;
  /** Byte range inside `<is>` (start < 0: none). */
  isStart = -1;
  isEnd = -1;
}

/** A sheet's XML bytes, indexed by a first pass, read one row at a time after it. */
export class SheetXml {
  readonly bounds: SheetBounds | null;
  readonly hiddenRows: number[];
  /** Formulas without a stored result, `[row, column]` in sheet coordinates, row by row (see `Grid.uncomputed`). */
  readonly uncomputed: Array<[number, number]>;
  /** Index in the row arrays of each sheet row from `bounds.top`, or -1 where the file has no row. */
  private readonly rowAt: Int32Array;
  private readonly rowStart: Int32Array;
  private readonly merges: Merge[];
  private readonly cursor = new CellCursor();

  constructor(
    private readonly xml: Buffer,
    private readonly strings: readonly (string | null)[],
    private readonly dates: readonly boolean[],
    private readonly date1904: boolean,
  ) {
    this.merges = this.readMerges();
    const first = this.firstPass();
    this.rowStart = first.starts;
    this.bounds = first.bounds;
    this.rowAt = first.rowAt;
    this.hiddenRows = first.hidden;
    this.uncomputed = first.uncomputed;
  }

  private readMerges(): Merge[] {
    const at = this.xml.lastIndexOf("<mergeCells");
    if (at < 0) return [];
    const end = this.xml.indexOf("</mergeCells>", at);
    const text = latin1Slice.call(this.xml, at, end < 0 ? this.xml.length : end);
    const merges: Merge[] = [];
    for (const t of tags(text, "mergeCell")) {
      const ref = attr(t, "ref");
      const [a, b] = (ref ?? "").split(":");
      const from = a ? addressOf(a) : null;
      const to = b ? addressOf(b) : from;
      if (!from || !to) continue;
      merges.push({ r1: Math.min(from.r, to.r), c1: Math.min(from.c, to.c), r2: Math.max(from.r, to.r), c2: Math.max(from.c, to.c), value: null });
    }
    return merges;
  }

  /** The merge a cell is a hidden part of (not its top-left cell), if any. */
  private slaveOf(r: number, c: number, active: readonly Merge[]): Merge | null {
    for (const m of active) if (r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2 && (r !== m.r1 || c !== m.c1)) return m;
    return null;
  }

  private activeMerges(r: number): Merge[] {
    const out: Merge[] = [];
    for (const m of this.merges) if (r >= m.r1 && r <= m.r2) out.push(m);
    return out;
  }

  private firstPass(): { starts: Int32Array; rowAt: Int32Array; bounds: SheetBounds | null; hidden: number[]; uncomputed: Array<[number, number]> } {
    const xml = this.xml;
    let numbers = new Int32Array(1024);
    // Offsets fit: the zip caps keep a part far below 2 GiB.
    let starts = new Int32Array(1024);
    let hiddenFlags = new Uint8Array(1024);
    let count = 0;
    let r1 = Infinity;
    let r2 = -Infinity;
    let c1 = Infinity;
    let c2 = -Infinity;
    const merges = this.merges;
    const uncomputed: Array<[number, number]> = [];
    const masters = new Map<number, Merge[]>();
    for (const m of merges) masters.set(m.r1, [...(masters.get(m.r1) ?? []), m]);
    let p = xml.indexOf("<sheetData");
    if (p < 0) return { starts, rowAt: new Int32Array(0), bounds: null, hidden: [], uncomputed };
    const end = xml.indexOf("</sheetData>", p);
    const stop = end < 0 ? xml.length : end;
    let lastRow = 0;
    const cur = this.cursor;
    for (;;) {
      p = xml.indexOf(LT, p);
      if (p < 0 || p >= stop) break;
      if (xml[p + 1] !== 0x72 || xml[p + 2] !== 0x6f || xml[p + 3] !== 0x77) {
        p++;
        continue;
      }
      const next = xml[p + 4];
      if (next !== 0x20 && next !== GT && next !== SLASH && next !== 0x0a && next !== 0x0d && next !== 0x09) {
        p += 4;
        continue;
      }
      // The row's attributes.
      let q = p + 4;
      let r = 0;
      let hidden = false;
      let selfClosing = false;
      for (;;) {
        while (q < stop && xml[q] <= 0x20) q++;
        const ch = xml[q];
        if (ch === GT) {
          q++;
          break;
        }
        if (ch === SLASH) {
          selfClosing = true;
          q += 2;
          break;
        }
        if (q >= stop) break;
        const nameStart = q;
        while (q < stop && xml[q] !== EQ && xml[q] > 0x20) q++;
        const nameEnd = q;
        while (q < stop && xml[q] !== QUOTE && xml[q] !== APOS) q++;
        if (q >= stop) break;
        const quote = xml[q];
        const vs = q + 1;
        const ve = xml.indexOf(quote, vs);
        if (ve < 0) {
          q = stop;
          break;
        }
        q = ve + 1;
        const len = nameEnd - nameStart;
        if (len === 1 && xml[nameStart] === 0x72) r = Number(latin1Slice.call(xml, vs, ve));
        else if (len === 6 && latin1Slice.call(xml, nameStart, nameEnd) === "hidden") {
          const v = latin1Slice.call(xml, vs, ve);
          hidden = v === "1" || v === "true";
        }
      }
      if (!(r > 0)) r = lastRow + 1;
      lastRow = r;
      if (count === numbers.length) {
        numbers = grow32(numbers);
        starts = grow32(starts);
        const h = new Uint8Array(hiddenFlags.length * 2);
        h.set(hiddenFlags);
        hiddenFlags = h;
      }
      numbers[count] = r;
      starts[count] = selfClosing ? -1 : q;
      hiddenFlags[count] = hidden ? 1 : 0;
      count++;
      if (selfClosing) {
        p = q;
        continue;
      }
      const active = merges.length > 0 ? this.activeMerges(r) : null;
      const rowMasters = masters.get(r);
      // The row's cells.
      let column = 0;
      for (;;) {
        const t = xml.indexOf(LT, q);
        if (t < 0 || t >= stop) {
          q = stop;
          break;
        }
        if (xml[t + 1] === SLASH && xml[t + 2] === 0x72 && xml[t + 3] === 0x6f) {
          // </row>
          q = t + 6;
          break;
        }
        if (xml[t + 1] !== 0x63 || (xml[t + 2] !== 0x20 && xml[t + 2] !== GT && xml[t + 2] !== SLASH)) {
          q = t + 1;
          continue;
        }
        q = this.parseCell(t, stop, column);
        column = cur.column;
        if (active !== null && active.length > 0 && this.slaveOf(r, column, active) !== null) continue;
        if (cur.formula && this.isUncomputed()) uncomputed.push([r, column]);
        let value: CellValue | undefined;
        if (rowMasters !== undefined) {
          for (const m of rowMasters) {
            if (m.c1 === column) m.value = value ??= this.valueOf();
          }
        }
        if (value === undefined ? this.hasValue() : value !== null) {
          if (r < r1) r1 = r;
          if (r > r2) r2 = r;
          if (column < c1) c1 = column;
          if (column > c2) c2 = column;
        }
      }
      p = q;
    }
    for (const m of merges) {
      if (m.value === null) continue;
      r1 = Math.min(r1, m.r1);
      r2 = Math.max(r2, m.r2);
      c1 = Math.min(c1, m.c1);
      c2 = Math.max(c2, m.c2);
    }
    if (r1 === Infinity) return { starts, rowAt: new Int32Array(0), bounds: null, hidden: [], uncomputed };
    const rowAt = new Int32Array(r2 - r1 + 1).fill(-1);
    const hidden: number[] = [];
    for (let i = 0; i < count; i++) {
      const r = numbers[i];
      if (r < r1 || r > r2) continue;
      rowAt[r - r1] = i;
      if (hiddenFlags[i] === 1) hidden.push(r);
    }
    hidden.sort((a, b) => a - b);
    return { starts, rowAt, bounds: { top: r1, left: c1, rowCount: r2 - r1 + 1, columnCount: c2 - c1 + 1 }, hidden: [...new Set(hidden)], uncomputed };
  }

  /**
   * Parses the cell whose `<c` is at `at` into the cursor; returns the position after it. A cell without a
   * reference follows the one before it (`previous`).
   */
  private parseCell(at: number, stop: number, previous: number): number {
    const xml = this.xml;
    const cur = this.cursor;
    cur.column = 0;
    cur.type = T_NUMBER;
    cur.style = 0;
    cur.formula = false;
    cur.vSeen = false;
    cur.vStart = -1;
    cur.isStart = -1;
    let q = at + 2;
    let selfClosing = false;
    for (;;) {
      while (q < stop && xml[q] <= 0x20) q++;
      const ch = xml[q];
      if (ch === GT) {
        q++;
        break;
      }
      if (ch === SLASH) {
        selfClosing = true;
        q += 2;
        break;
      }
      if (q >= stop) return stop;
      const nameStart = q;
      while (q < stop && xml[q] !== EQ && xml[q] > 0x20) q++;
      const nameEnd = q;
      while (q < stop && xml[q] !== QUOTE && xml[q] !== APOS) q++;
      if (q >= stop) return stop;
      const quote = xml[q];
      const vs = q + 1;
      const ve = xml.indexOf(quote, vs);
      if (ve < 0) return stop;
      q = ve + 1;
      if (nameEnd - nameStart !== 1) continue;
      const name = xml[nameStart];
      if (name === 0x72) cur.column = columnOfLetters(xml, vs, ve);
      else if (name === 0x73) {
        let s = 0;
        for (let i = vs; i < ve; i++) s = s * 10 + (xml[i] - 0x30);
        cur.style = s;
      } else if (name === 0x74) {
        const len = ve - vs;
        const c0 = xml[vs];
        if (len === 1 && c0 === 0x73) cur.type = T_SHARED;
        else if (len === 3 && c0 === 0x73) cur.type = T_STR;
        else if (len === 9 && c0 === 0x69) cur.type = T_INLINE;
        else if (len === 1 && c0 === 0x62) cur.type = T_BOOL;
        else if (len === 1 && c0 === 0x65) cur.type = T_ERROR;
        else cur.type = T_NUMBER;
      }
    }
    if (cur.column === 0) cur.column = previous + 1;
    if (selfClosing) return q;
    for (;;) {
      const t = xml.indexOf(LT, q);
      if (t < 0 || t >= stop) return stop;
      const b1 = xml[t + 1];
      if (b1 === SLASH) {
        q = xml.indexOf(GT, t) + 1;
        if (xml[t + 2] === 0x63 && xml[t + 3] === GT) return q;
        continue;
      }
      const gt = xml.indexOf(GT, t);
      const empty = xml[gt - 1] === SLASH;
      q = gt + 1;
      if (b1 === 0x76 && (xml[t + 2] === GT || xml[t + 2] <= 0x20 || xml[t + 2] === SLASH)) {
        cur.vSeen = true;
        if (empty) continue;
        // Text holds no "<" (it is escaped), so the next one starts `</v>`.
        const close = xml.indexOf(LT, q);
        cur.vStart = q;
        cur.vEnd = close;
        q = close + 4;
      } else if (b1 === 0x66 && (xml[t + 2] === GT || xml[t + 2] <= 0x20 || xml[t + 2] === SLASH)) {
        // A shared formula's other cells carry only `<f t="shared" si="…"/>`: still a formula.
        const open = latin1Slice.call(xml, t, gt);
        if (/\st\s*=\s*["']shared["']/.test(open)) cur.formula = true;
        if (empty) continue;
        const close = xml.indexOf(LT, q);
        if (close > q) cur.formula = true;
        q = close + 4;
      } else if (b1 === 0x69 && xml[t + 2] === 0x73 && (xml[t + 3] === GT || xml[t + 3] <= 0x20)) {
        if (empty) continue;
        const close = xml.indexOf("</is>", q);
        cur.isStart = q;
        cur.isEnd = close;
        q = close + 5;
      }
    }
  }

  /**
   * Whether the cursor's cell (a formula) was saved without its result: no `<v>`, or an empty one that is
   * not a text result (Excel writes an empty text result as `t="str"` with an empty `<v>`).
   */
  private isUncomputed(): boolean {
    const cur = this.cursor;
    if (cur.vStart >= 0 && cur.vEnd > cur.vStart) return false;
    return !(cur.vSeen && cur.type === T_STR);
  }

  /** Whether the cursor's cell shows a value (without building strings where that can be avoided). */
  private hasValue(): boolean {
    const cur = this.cursor;
    if (cur.formula) return cur.vStart >= 0 && cur.vEnd > cur.vStart && this.valueOf() !== null;
    if (cur.type === T_INLINE) return this.valueOf() !== null;
    if (cur.vStart < 0 || cur.vEnd <= cur.vStart) return false;
    if (cur.type === T_SHARED) return this.valueOf() !== null;
    if (cur.type === T_STR) return this.valueOf() !== null;
    return true;
  }

  /** The value of the cursor's cell, as the ExcelJS path gives it. */
  private valueOf(): CellValue {
    const cur = this.cursor;
    const xml = this.xml;
    const hasV = cur.vStart >= 0 && cur.vEnd > cur.vStart;
    if (cur.formula) {
      if (!hasV) return null;
      const raw = decodeXml(utf8Slice.call(xml, cur.vStart, cur.vEnd));
      if (cur.type === T_STR) return decodeAgain(raw) || null;
      // A result of 0 or FALSE is what the cell shows, as any other result is.
      if (cur.type === T_BOOL) return parseInt(raw, 10) !== 0;
      if (cur.type === T_ERROR) return raw;
      return this.number(parseFloat(raw));
    }
    if (cur.type === T_INLINE) {
      if (cur.isStart < 0) return null;
      return itemText(utf8Slice.call(xml, cur.isStart, cur.isEnd), false).text || null;
    }
    if (!hasV) return null;
    switch (cur.type) {
      case T_SHARED: {
        let i = 0;
        for (let k = cur.vStart; k < cur.vEnd; k++) i = i * 10 + (xml[k] - 0x30);
        return this.strings[i] ?? null;
      }
      case T_STR:
        return decodeAgain(decodeXml(utf8Slice.call(xml, cur.vStart, cur.vEnd))) || null;
      case T_BOOL:
        return parseInt(latin1Slice.call(xml, cur.vStart, cur.vEnd), 10) !== 0;
      case T_ERROR:
        return decodeXml(utf8Slice.call(xml, cur.vStart, cur.vEnd)) || null;
      default:
        return this.number(parseFloat(latin1Slice.call(xml, cur.vStart, cur.vEnd)));
    }
  }

  private number(n: number): CellValue {
    if (this.cursor.style !== 0 && this.dates[this.cursor.style] === true) return serialDate(n, this.date1904);
    return n;
  }

  /** The cells holding a value whose style index is one of `styles`: `[row, column, style]`, row by row. */
  cellsStyled(styles: ReadonlySet<number>): [number, number, number][] {
    const b = this.bounds;
    const out: [number, number, number][] = [];
    if (!b || styles.size === 0) return out;
    const xml = this.xml;
    for (let index = 0; index < this.rowAt.length; index++) {
      const element = this.rowAt[index];
      const start = element >= 0 ? this.rowStart[element] : -1;
      if (start < 0) continue;
      let q = start;
      let column = 0;
      for (;;) {
        const t = xml.indexOf(LT, q);
        if (t < 0) break;
        if (xml[t + 1] === SLASH && xml[t + 2] === 0x72 && xml[t + 3] === 0x6f) break;
        if (xml[t + 1] !== 0x63 || (xml[t + 2] !== 0x20 && xml[t + 2] !== GT && xml[t + 2] !== SLASH)) {
          q = t + 1;
          continue;
        }
        q = this.parseCell(t, xml.length, column);
        column = this.cursor.column;
        if (styles.has(this.cursor.style) && this.hasValue()) out.push([b.top + index, column, this.cursor.style]);
      }
    }
    return out;
  }

  /** Row `index` of the grid (0 = `bounds.top`), `width` cells from `bounds.left`. */
  row(index: number, into?: CellValue[]): CellValue[] {
    const b = this.bounds;
    if (!b) return into ?? [];
    const width = b.columnCount;
    const line = into ?? new Array<CellValue>(width);
    line.length = width;
    line.fill(null);
    const r = b.top + index;
    const element = index >= 0 && index < this.rowAt.length ? this.rowAt[index] : -1;
    const active = this.merges.length > 0 ? this.activeMerges(r) : null;
    const start = element >= 0 ? this.rowStart[element] : -1;
    if (start >= 0) {
      const xml = this.xml;
      const stop = xml.length;
      let q = start;
      let column = 0;
      for (;;) {
        const t = xml.indexOf(LT, q);
        if (t < 0) break;
        if (xml[t + 1] === SLASH && xml[t + 2] === 0x72 && xml[t + 3] === 0x6f) break;
        if (xml[t + 1] !== 0x63 || (xml[t + 2] !== 0x20 && xml[t + 2] !== GT && xml[t + 2] !== SLASH)) {
          q = t + 1;
          continue;
        }
        q = this.parseCell(t, stop, column);
        column = this.cursor.column;
        const c = column - b.left;
        if (c < 0 || c >= width) continue;
        if (active !== null && active.length > 0 && this.slaveOf(r, column, active) !== null) continue;
        line[c] = this.valueOf();
      }
    }
    if (active !== null) {
      for (const m of active) {
        for (let col = Math.max(m.c1, b.left); col <= Math.min(m.c2, b.left + width - 1); col++) {
          if (r === m.r1 && col === m.c1) continue;
          line[col - b.left] = m.value;
        }
      }
    }
    return line;
  }
}

function grow32(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}


/** A workbook file for reading: its sheets, found through the workbook part and its relationships. */
export class XlsxPackage {
  readonly sheets: SheetEntry[];
  readonly date1904: boolean;
  private strings: (string | null)[] | null = null;
  private formats: StyleFormat[] | null = null;
  private dates: boolean[] | null = null;
  private readonly parsed = new Map<string, SheetXml>();
  private readonly sharedStringsPath: string | null;
  private readonly stylesPath: string | null;

  constructor(private readonly zip: ZipReader) {
    const rootRels = this.text("_rels/.rels");
    const bookTarget = rootRels ? relationships(rootRels, "").find((r) => r.type.endsWith("/officeDocument"))?.target : undefined;
    const bookPath = bookTarget ?? "xl/workbook.xml";
    const book = this.text(bookPath);
    if (book === null) throw new ZipError("corrupt", bookPath, "no workbook part", { kind: "missing" });
    const dir = bookPath.includes("/") ? bookPath.slice(0, bookPath.lastIndexOf("/") + 1) : "";
    const relsPath = `${dir}_rels/${bookPath.slice(dir.length)}.rels`;
    const rels = relationships(this.text(relsPath) ?? "", dir);
    const byId = new Map(rels.map((r) => [r.id, r]));
    const pr = tags(book, "workbookPr")[0];
    this.date1904 = pr !== undefined && attr(pr, "date1904") === "1";
    const sheetsBlock = /<sheets\b[^>]*>([\s\S]*?)<\/sheets>/.exec(book)?.[1] ?? "";
    this.sheets = tags(sheetsBlock, "sheet").flatMap((t) => {
      const id = attr(t, "r:id") ?? "";
      const target = byId.get(id)?.target;
      const name = attr(t, "name");
      if (!target || name === undefined) return [];
      const state = attr(t, "state");
      return [{ name, path: target, sheetId: Number(attr(t, "sheetId") ?? 0), visible: state === undefined || state === "visible" }];
    });
    this.sharedStringsPath = rels.find((r) => r.type.endsWith("/sharedStrings"))?.target ?? (zip.has(`${dir}sharedStrings.xml`) ? `${dir}sharedStrings.xml` : null);
    this.stylesPath = rels.find((r) => r.type.endsWith("/styles"))?.target ?? (zip.has(`${dir}styles.xml`) ? `${dir}styles.xml` : null);
  }

  private text(path: string): string | null {
    const bytes = this.zip.read(path);
    return bytes === null ? null : bytes.toString("utf8");
  }

  /** A sheet's XML, indexed (once). */
  sheet(entry: SheetEntry): SheetXml {
    let s = this.parsed.get(entry.path);
    if (!s) {
      this.strings ??= sharedStrings(this.sharedStringsPath ? this.text(this.sharedStringsPath) : null);
      this.dates ??= dateStyles(this.styleFormats());
      const xml = this.zip.read(entry.path);
      if (xml === null) throw new ZipError("corrupt", entry.path, `no part ${entry.path}`, { kind: "missing" });
      s = new SheetXml(xml, this.strings, this.dates, this.date1904);
      this.parsed.set(entry.path, s);
    }
    return s;
  }

  private styleFormats(): StyleFormat[] {
    this.formats ??= styleFormats(this.stylesPath ? this.text(this.stylesPath) : null);
    return this.formats;
  }

  /**
   * The cells of a sheet holding a value in a style that names an East-Asian built-in date format by id
   * alone (see `EAST_ASIAN_DATE_FORMATS`), each with that format's code: what the ExcelJS path corrects
   * after loading. Empty, and cheap, in a file without such styles.
   */
  eastAsianDateCells(entry: SheetEntry): { row: number; column: number; format: string }[] {
    const byStyle = new Map<number, string>();
    this.styleFormats().forEach(({ code, id }, style) => {
      const format = code === undefined ? EAST_ASIAN_DATE_FORMATS.get(id) : undefined;
      if (format !== undefined) byStyle.set(style, format);
    });
    if (byStyle.size === 0) return [];
    return this.sheet(entry)
      .cellsStyled(new Set(byStyle.keys()))
      .map(([row, column, style]) => ({ row, column, format: byStyle.get(style)! }));
  }

  /** A sheet for the reader: its rows parsed when they are asked for. */
  rowsGrid(entry: SheetEntry): RowsGrid | Grid {
    const s = this.sheet(entry);
    const b = s.bounds;
    const uncomputed = s.uncomputed.length > 0 ? { uncomputed: s.uncomputed } : {};
    if (!b) return { sheet: entry.name, top: 1, left: 1, values: [], hiddenRows: [], date1904: this.date1904, ...uncomputed };
    const rows = { length: b.rowCount, width: b.columnCount, row: (i: number, into?: CellValue[]) => s.row(i, into) };
    return { sheet: entry.name, top: b.top, left: b.left, rows, hiddenRows: s.hiddenRows, date1904: this.date1904, ...uncomputed };
  }
}

function relationships(xml: string, dir: string): { id: string; type: string; target: string }[] {
  return tags(xml, "Relationship").map((t) => {
    const raw = attr(t, "Target") ?? "";
    const target = raw.startsWith("/") ? raw.slice(1) : normalise(dir + raw);
    return { id: attr(t, "Id") ?? "", type: attr(t, "Type") ?? "", target };
  });
}

function normalise(path: string): string {
  const parts: string[] = [];
  for (const p of path.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== "." && p !== "") parts.push(p);
  }
  return parts.join("/");
}
