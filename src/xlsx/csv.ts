/**
 * CSV files as Chinese Excel writes them: GBK/GB18030 by default ("CSV (逗号分隔)"), UTF-8 with a BOM
 * ("CSV UTF-8"), sometimes UTF-8 without one, and "Unicode 文本" (UTF-16LE, tab-separated).
 * Cells stay text (the reader parses amounts and dates, and `00452301` keeps its zeros); empty cells are null.
 * Row numbers are line numbers: the first line is row 1, so the grid starts at `top: 1`.
 */
import * as iconv from "iconv-lite";
import type { CellValue, Grid } from "../core/model";

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/** Which encoding the bytes are in: a BOM decides; else valid UTF-8 is UTF-8, and anything else GB18030 (a superset of GBK). */
export function detectCsvEncoding(bytes: Uint8Array): { encoding: CsvEncoding; bomLength: number } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", bomLength: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", bomLength: 2 };
  return { encoding: isUtf8(bytes) ? "utf-8" : "gb18030", bomLength: 0 };
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
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

/** A CSV file's bytes as a grid for the reader. */
export function csvToGrid(bytes: Uint8Array, sheetName: string): Grid {
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
