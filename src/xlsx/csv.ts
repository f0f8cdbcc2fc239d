/**
 * CSV files as Chinese Excel writes them: GBK/GB18030 by default ("CSV (逗号分隔)"), UTF-8 with a BOM
 * ("CSV UTF-8"), sometimes UTF-8 without one, and "Unicode 文本" (UTF-16LE, tab-separated).
 * Cells stay text (the reader parses amounts and dates, and `00452301` keeps its zeros); empty cells are null.
 * Row numbers are line numbers: the first line is row 1, so the grid starts at `top: 1`.
 */
import { isUtf8 as bufferIsUtf8 } from "buffer";
import * as iconv from "iconv-lite";
import type { CellValue, Grid } from "../core/model";
import { valuesGrid, type RowSource, type SheetGrid } from "../core/read/source";

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/** Which encoding the bytes are in: a BOM decides; else valid UTF-8 is UTF-8, and anything else GB18030 (a superset of GBK). */
export function detectCsvEncoding(bytes: Uint8Array): { encoding: CsvEncoding; bomLength: number } {
  return bomOf(bytes) ?? { encoding: isUtf8(bytes) ? "utf-8" : "gb18030", bomLength: 0 };
}

/** The encoding a BOM at the start says, null when there is none. */
function bomOf(bytes: Uint8Array): { encoding: CsvEncoding; bomLength: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", bomLength: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", bomLength: 2 };
  return null;
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  // Node's validator does not build the decoded string (a large file would cost a second copy of itself).
  if (typeof bufferIsUtf8 === "function") return bufferIsUtf8(bytes);
  try {
    STRICT_UTF8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function decodeCsvBytes(bytes: Uint8Array): string {
  const { encoding, bomLength } = detectCsvEncoding(bytes);
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + bomLength, bytes.byteLength - bomLength);
  return iconv.decode(body, encoding, { stripBOM: true });
}

/** The delimiter of the first line outside quotes: tab or semicolon when they outnumber commas. */
function detectDelimiter(text: string): string {
  let commas = 0;
  let tabs = 0;
  let semis = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted) {
      if (ch === "\n" || ch === "\r") break;
      if (ch === ",") commas++;
      else if (ch === "\t") tabs++;
      else if (ch === ";") semis++;
    }
  }
  if (tabs > commas && tabs >= semis) return "\t";
  if (semis > commas) return ";";
  return ",";
}

/**
 * RFC 4180 rows: quoted fields may hold delimiters, doubled quotes and line breaks; CRLF, LF and CR all end
 * a record. A record spanning several lines keeps the number of its first line.
 */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): { rows: string[][]; lines: number[] } {
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let fieldStarted = false;
  const endRow = (): void => {
    row.push(field);
    rows.push(row);
    lines.push(rowLine);
    row = [];
    field = "";
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === delimiter) {
      row.push(field);
      field = "";
      fieldStarted = false;
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (field !== "" || row.length > 0 || fieldStarted) endRow();
  return { rows, lines };
}

/** A CSV file's bytes as a grid of values. */
export function csvToGrid(bytes: Uint8Array, sheetName: string): Grid {
  return valuesGrid(csvToSheetGrid(bytes, sheetName));
}

/** A CSV file's bytes for the reader: a UTF-8 file as a source of its rows (built one at a time), else values. */
export function csvToSheetGrid(bytes: Uint8Array, sheetName: string): SheetGrid {
  // UTF-8 (what the benchmark and most new exports use) is split on its bytes and only the cells are
  // decoded: the delimiters, quotes and line ends are ASCII and never occur inside a multi-byte character.
  // Without a BOM the file is UTF-8 when its bytes are: checked in the same pass that finds its records.
  if (typeof Buffer !== "undefined") {
    const bom = bomOf(bytes);
    if (bom === null || bom.encoding === "utf-8") {
      let begin = bom === null ? 0 : bom.bomLength;
      // iconv's stripBOM drops one more BOM after the one detected; keep reading the same text.
      if (bom !== null && bytes.length >= begin + 3 && bytes[begin] === 0xef && bytes[begin + 1] === 0xbb && bytes[begin + 2] === 0xbf) begin += 3;
      const source = Utf8CsvSource.of(bytes, begin, bom === null);
      if (source !== null) return { sheet: sheetName, top: 1, left: 1, rows: source };
    }
  }
  const text = decodeCsvBytes(bytes);
  const { rows, lines } = parseCsv(text);
  const lastLine = lines.length > 0 ? lines[lines.length - 1] : 0;
  const values: CellValue[][] = [];
  for (let l = 0; l < lastLine; l++) values.push([]);
  for (let r = 0; r < rows.length; r++) {
    values[lines[r] - 1] = rows[r].map((cell) => (cell.trim() === "" ? null : cell));
  }
  return { sheet: sheetName, top: 1, left: 1, values };
}

type Slice = (this: Buffer, start: number, end: number) => string;
const BUFFER_PROTO = (typeof Buffer !== "undefined" ? Buffer.prototype : {}) as unknown as Record<string, Slice | undefined>;
const LATIN1_SLICE = typeof BUFFER_PROTO.latin1Slice === "function" ? BUFFER_PROTO.latin1Slice : undefined;
const UTF8_SLICE = typeof BUFFER_PROTO.utf8Slice === "function" ? BUFFER_PROTO.utf8Slice : undefined;

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** The delimiter, decided as `detectDelimiter` does on the text, from the bytes of the first line. */
function detectDelimiterByte(bytes: Uint8Array, begin: number): number {
  let commas = 0;
  let tabs = 0;
  let semis = 0;
  let quoted = false;
  for (let i = begin; i < bytes.length; i++) {
    const ch = bytes[i];
    if (ch === QUOTE) quoted = !quoted;
    else if (!quoted) {
      if (ch === LF || ch === CR) break;
      if (ch === 0x2c) commas++;
      else if (ch === 0x09) tabs++;
      else if (ch === 0x3b) semis++;
    }
  }
  if (tabs > commas && tabs >= semis) return 0x09;
  if (semis > commas) return 0x3b;
  return 0x2c;
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** ASCII whitespace that `String.prototype.trim` removes. */
function isAsciiSpace(b: number): boolean {
  return b === 0x20 || (b >= 0x09 && b <= 0x0d);
}

/**
 * Where the UTF-8 character starting with byte `i` (0x80 or above) ends, or -1 when the bytes there are
 * no well-formed character (a stray continuation byte, an overlong form, a surrogate, past U+10FFFF,
 * cut short): the check `isUtf8` makes, one character at a time.
 */
function utf8CharEnd(bytes: Uint8Array, i: number, n: number): number {
  const b0 = bytes[i];
  if (b0 < 0xc2) return -1;
  if (b0 < 0xe0) return i + 1 < n && (bytes[i + 1] & 0xc0) === 0x80 ? i + 2 : -1;
  if (b0 < 0xf0) {
    if (i + 2 >= n) return -1;
    const b1 = bytes[i + 1];
    if (b1 < (b0 === 0xe0 ? 0xa0 : 0x80) || b1 > (b0 === 0xed ? 0x9f : 0xbf) || (bytes[i + 2] & 0xc0) !== 0x80) return -1;
    return i + 3;
  }
  if (b0 < 0xf5) {
    if (i + 3 >= n) return -1;
    const b1 = bytes[i + 1];
    if (b1 < (b0 === 0xf0 ? 0x90 : 0x80) || b1 > (b0 === 0xf4 ? 0x8f : 0xbf) || (bytes[i + 2] & 0xc0) !== 0x80 || (bytes[i + 3] & 0xc0) !== 0x80) return -1;
    return i + 4;
  }
  return -1;
}

const INTERN_SIZE = 4096;
const INTERN_COLUMNS = 64;
/** Lookups before a column's hit rate is judged; a column of unique values (references, amounts) stops being interned. */
const INTERN_TRIAL = 2048;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** One column's repeated cells (dealer names, dates, 摘要): decoded once, shared by every row. */
class InternTable {
  readonly hashes = new Int32Array(INTERN_SIZE);
  /** Byte offset + 1 of the first occurrence (0: empty slot). */
  readonly offsets = new Int32Array(INTERN_SIZE);
  readonly lengths = new Int32Array(INTERN_SIZE);
  readonly values: CellValue[] = new Array(INTERN_SIZE).fill(null);
  size = 0;
  lookups = 0;
  hits = 0;
}

/** Where a file's records are: found in one pass over its bytes. */
interface Records {
  starts: Int32Array;
  ends: Int32Array;
  /** Line number of each record's first line; null when every record is one line (record `r` is on line `r + 1`). */
  lines: Int32Array | null;
  count: number;
  /** Fields in the longest record. */
  width: number;
}

/**
 * Rows of a UTF-8 CSV file, parsed from its bytes exactly as `parseCsv` + `csvToGrid` parse its text:
 * one pass finds where every record starts and ends (and its line number), and a row's cells are made
 * only when the row is asked for.
 */
class Utf8CsvSource implements RowSource {
  readonly length: number;
  readonly width: number;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** Record index of each row, -1 for lines inside a record that spans several; null when no record does (row `i` is record `i`). */
  private readonly recordOfRow: Int32Array | null;
  /** Per column (the first `INTERN_COLUMNS`): 1 while its cells are looked up among its earlier ones. */
  private readonly internOn = new Uint8Array(INTERN_COLUMNS).fill(1);
  private readonly tables: (InternTable | undefined)[] = new Array<InternTable | undefined>(INTERN_COLUMNS).fill(undefined);
  private scratch = new Uint8Array(256);
  private scratchLength = 0;
  // ignoreBOM: a U+FEFF inside the text is a character of its cell, not a mark to drop.
  private readonly decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  private readonly buffer: Buffer;

  /**
   * The rows of `bytes` from `begin` on; with `validate`, null when the bytes are not well-formed UTF-8
   * (the file is then read as GB18030, as `detectCsvEncoding` decides).
   */
  static of(bytes: Uint8Array, begin: number, validate: boolean): Utf8CsvSource | null {
    const delimiter = detectDelimiterByte(bytes, begin);
    const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const records = findRecords(bytes, begin, delimiter, buffer.indexOf(QUOTE, begin) >= 0, validate);
    if (records === null) return null;
    return new Utf8CsvSource(bytes, buffer, delimiter, records);
  }

  private constructor(
    private readonly bytes: Uint8Array,
    buffer: Buffer,
    private readonly delimiter: number,
    records: Records,
  ) {
    this.buffer = buffer;
    const { starts, ends, lines, count } = records;
    this.starts = starts;
    this.ends = ends;
    if (lines === null) {
      this.recordOfRow = null;
      this.length = count;
    } else {
      const rowCount = count > 0 ? lines[count - 1] : 0;
      const recordOfRow = new Int32Array(rowCount).fill(-1);
      for (let r = 0; r < count; r++) recordOfRow[lines[r] - 1] = r;
      this.recordOfRow = recordOfRow;
      this.length = rowCount;
    }
    this.width = records.width;
  }

  row(index: number, into?: CellValue[]): CellValue[] {
    const out: CellValue[] = into ?? [];
    const r = index >= 0 && index < this.length ? (this.recordOfRow === null ? index : this.recordOfRow[index]) : -1;
    if (r < 0) {
      out.length = 0;
      return out;
    }
    const bytes = this.bytes;
    const delimiter = this.delimiter;
    const internOn = this.internOn;
    const end = this.ends[r];
    let n = 0;
    let i = this.starts[r];
    let column = 0;
    for (;;) {
      // One field: [fieldStart, i). Quoted fields are copied without their quotes; the rest is read in place.
      const fieldStart = i;
      if (i < end && bytes[i] === QUOTE) {
        i = this.quoted(i, end);
        out[n++] = this.cellOfScratch(this.scratchLength);
      } else if (column < INTERN_COLUMNS && internOn[column] === 1) {
        let hash = FNV_OFFSET;
        let high = 0;
        while (i < end) {
          const ch = bytes[i];
          if (ch === delimiter) break;
          hash = Math.imul(hash ^ ch, FNV_PRIME);
          high |= ch;
          i++;
        }
        out[n++] = i === fieldStart ? null : this.cell(column, fieldStart, i, hash, high < 0x80);
      } else {
        // A column that does not repeat its values (references, amounts): no hash to look it up by.
        let high = 0;
        while (i < end) {
          const ch = bytes[i];
          if (ch === delimiter) break;
          high |= ch;
          i++;
        }
        out[n++] = i === fieldStart ? null : this.decode(fieldStart, i, high < 0x80);
      }
      column++;
      if (i >= end) break;
      i++; // the delimiter
      if (i >= end) {
        // A trailing delimiter leaves one empty field.
        out[n++] = null;
        break;
      }
    }
    if (out.length !== n) out.length = n;
    return out;
  }

  /** Copies a field that starts with a quote into `scratch` as `parseCsv` reads it; returns where the field ends. */
  private quoted(i: number, end: number): number {
    const bytes = this.bytes;
    let len = 0;
    let quoted = true;
    i++; // the opening quote
    while (i < end) {
      const ch = bytes[i];
      if (quoted) {
        if (ch === QUOTE) {
          if (i + 1 < end && bytes[i + 1] === QUOTE) {
            i++;
          } else {
            quoted = false;
            i++;
            continue;
          }
        }
      } else if (ch === this.delimiter) break;
      if (len === this.scratch.length) {
        const bigger = new Uint8Array(len * 2);
        bigger.set(this.scratch);
        this.scratch = bigger;
      }
      this.scratch[len++] = ch;
      i++;
    }
    this.scratchLength = len;
    return i;
  }

  private cellOfScratch(len: number): CellValue {
    const text = this.decoder.decode(this.scratch.subarray(0, len));
    return text.trim() === "" ? null : text;
  }

  /** The cell of bytes [start, stop) (not empty); null when blank, as `String.prototype.trim` sees blanks. */
  private decode(start: number, stop: number, ascii: boolean): CellValue {
    const bytes = this.bytes;
    const first = bytes[start];
    // Buffer's own decoders: no view object per cell, and plain ASCII becomes a one-byte string. The
    // slice methods skip `toString`'s argument checks, which cost as much as the decoding here.
    if (ascii) {
      if (isAsciiSpace(first)) {
        let k = start + 1;
        while (k < stop && isAsciiSpace(bytes[k])) k++;
        if (k === stop) return null;
      }
      return LATIN1_SLICE !== undefined ? LATIN1_SLICE.call(this.buffer, start, stop) : this.buffer.toString("latin1", start, stop);
    }
    const text = UTF8_SLICE !== undefined ? UTF8_SLICE.call(this.buffer, start, stop) : this.buffer.toString("utf8", start, stop);
    // Only a space (ASCII or not) can start a blank cell.
    if (first < 0x80 && !isAsciiSpace(first)) return text;
    return text.trim() === "" ? null : text;
  }

  /** A cell, shared with earlier rows of its column (`column` < `INTERN_COLUMNS`, still looked up). */
  private cell(column: number, start: number, stop: number, hash: number, ascii: boolean): CellValue {
    let table = this.tables[column];
    if (table === undefined) {
      table = new InternTable();
      this.tables[column] = table;
    }
    table.lookups++;
    const len = stop - start;
    const mask = INTERN_SIZE - 1;
    const bytes = this.bytes;
    const hashes = table.hashes;
    const offsets = table.offsets;
    const lengths = table.lengths;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = offsets[slot];
      if (at === 0) {
        const value = this.decode(start, stop, ascii);
        if (table.lookups >= INTERN_TRIAL && table.hits * 4 < table.lookups) {
          this.internOn[column] = 0;
        } else if (table.size * 2 < INTERN_SIZE) {
          hashes[slot] = hash;
          offsets[slot] = start + 1;
          lengths[slot] = len;
          table.values[slot] = value;
          table.size++;
        }
        return value;
      }
      if (hashes[slot] === hash && lengths[slot] === len) {
        let k = 0;
        const other = at - 1;
        while (k < len && bytes[other + k] === bytes[start + k]) k++;
        if (k === len) {
          table.hits++;
          return table.values[slot];
        }
      }
    }
  }
}

/** Line numbers of the first `count` records when each was one line, in an array of `capacity`. */
function linesUpTo(count: number, capacity: number): Int32Array {
  const lines = new Int32Array(capacity);
  for (let r = 0; r < count; r++) lines[r] = r + 1;
  return lines;
}

/**
 * The records of the bytes from `begin` on (RFC 4180, as `parseCsv` splits them); with `validate`, null
 * when a byte sequence is no well-formed UTF-8 character.
 */
function findRecords(bytes: Uint8Array, begin: number, delimiter: number, hasQuotes: boolean, validate: boolean): Records | null {
  const n = bytes.length;
  // About 60 bytes a line: the arrays rarely grow.
  const initial = Math.max(1024, Math.min(1 << 22, (n >> 6) + 16));
  let starts: Int32Array = new Int32Array(initial);
  let ends: Int32Array = new Int32Array(initial);
  // Made when a record first spans several lines (then filled for the records before it).
  let lines: Int32Array | null = null;
  let count = 0;
  let width = 0;
  let fields = 1;
  let quoted = false;
  let fieldStarted = false;
  let line = 1;
  let recordLine = 1;
  let recordStart = begin;
  let i = begin;
  // One record a round: its bytes up to its line end (or the end of the bytes, for a last record without one).
  while (i < n) {
    let end = n;
    // Bytes above ';' (letters, the bytes of multi-byte characters) are never a delimiter, quote or line end.
    for (; i < n; i++) {
      const ch = bytes[i];
      if (ch > 0x3b) {
        if (ch >= 0x80 && validate) {
          const next = utf8CharEnd(bytes, i, n);
          if (next < 0) return null;
          i = next - 1;
        }
        fieldStarted = true;
        continue;
      }
      if (hasQuotes) {
        if (quoted) {
          if (ch === QUOTE) {
            if (i + 1 < n && bytes[i + 1] === QUOTE) i++;
            else quoted = false;
          } else if (ch === LF || (ch === CR && !(i + 1 < n && bytes[i + 1] === LF))) line++;
          continue;
        }
        if (ch === QUOTE) {
          if (!fieldStarted) quoted = true;
          fieldStarted = true;
          continue;
        }
      }
      if (ch === delimiter) {
        fields++;
        fieldStarted = false;
      } else if (ch === CR || ch === LF) {
        end = i;
        break;
      } else {
        fieldStarted = true;
      }
    }
    if (count === starts.length) {
      starts = grow(starts);
      ends = grow(ends);
      if (lines !== null) lines = grow(lines);
    }
    starts[count] = recordStart;
    ends[count] = end;
    if (lines === null && recordLine !== count + 1) lines = linesUpTo(count, starts.length);
    if (lines !== null) lines[count] = recordLine;
    count++;
    if (fields > width) width = fields;
    if (end < n) {
      // Past the line end (CR LF is one).
      if (bytes[end] === CR && end + 1 < n && bytes[end + 1] === LF) i = end + 1;
      i++;
      line++;
    }
    recordLine = line;
    recordStart = i;
    fields = 1;
    fieldStarted = false;
  }
  return { starts, ends, lines, count, width };
}
