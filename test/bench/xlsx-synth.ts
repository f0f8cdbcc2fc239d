/**
 * The benchmark's ledger CSV (see ./synth `writeCsvPair`) as an .xlsx workbook laid out as Excel saves one:
 * text in shared strings, dates as serial numbers in a date style, amounts in `#,##0.00`. Written by hand
 * (sheet XML and a zip), since building a million-row workbook with ExcelJS takes minutes.
 */
import * as fs from "fs";
import * as zlib from "zlib";
import { isoToSerial } from "../../src/core/values/date";
import { columnLetter } from "../../src/core/read/columns";
import { minimalWorkbook, writeZip } from "../xlsx/zip-fixtures";

const NUMBER = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Writes `ledger-<rows>.xlsx` beside `ledger-<rows>.csv` (which must exist), with the same cells. */
export function writeXlsxFromCsv(dir: string, rows: number): string {
  const lines = fs.readFileSync(`${dir}/ledger-${rows}.csv`, "utf8").split("\n").filter((l) => l !== "");
  const strings = new Map<string, number>();
  const stringIndex = (s: string) => {
    let i = strings.get(s);
    if (i === undefined) strings.set(s, (i = strings.size));
    return i;
  };
  const chunks: Buffer[] = [Buffer.from("<sheetData>")];
  let part: string[] = [];
  lines.forEach((line, i) => {
    const r = i + 1;
    const cells = line.split(",").map((cell, c) => {
      if (cell === "") return "";
      const ref = `${columnLetter(c + 1)}${r}`;
      if (i > 0 && DATE.test(cell)) return `<c r="${ref}" s="2"><v>${isoToSerial(cell)}</v></c>`;
      if (i > 0 && NUMBER.test(cell)) return `<c r="${ref}" s="3"><v>${cell}</v></c>`;
      return `<c r="${ref}" t="s"><v>${stringIndex(cell)}</v></c>`;
    });
    part.push(`<row r="${r}">${cells.join("")}</row>`);
    if (part.length === 10_000) {
      chunks.push(Buffer.from(part.join("")));
      part = [];
    }
  });
  chunks.push(Buffer.from(part.join("") + "</sheetData>"));
  const sheetData = Buffer.concat(chunks);
  const shared = [...strings.keys()].map((s) => `<si><t>${escapeXml(s)}</t></si>`);
  // The minimal workbook's sheet part, with the large sheet data put in as bytes.
  const parts = minimalWorkbook("@SHEET@", { sharedStrings: shared, sheetName: `ledger-${rows}` }).map((p) => {
    if (p.name !== "xl/worksheets/sheet1.xml") return p;
    const [head, tail] = String(p.data).split("@SHEET@");
    const xml = Buffer.concat([Buffer.from(head), sheetData, Buffer.from(tail)]);
    return { name: p.name, data: "", deflated: { bytes: zlib.deflateRawSync(xml, { level: 6 }), size: xml.length, crc: zlib.crc32(xml) } };
  });
  const file = `${dir}/ledger-${rows}.xlsx`;
  fs.writeFileSync(file, writeZip(parts));
  return file;
}

/**
 * One timed `read --json` of our ledger, from the .xlsx (`xlsx`) or from the CSV of the same cells
 * (`xlsx-csv`): the whole command, opening the file included.
 */
export async function benchXlsxRead(kind: "xlsx" | "xlsx-csv", rows: number, dir: string): Promise<Record<string, unknown>> {
  const { main } = await import("../../src/cli/main");
  let chars = 0;
  const io = { out: (t: string) => void (chars += t.length), err: (t: string) => process.stderr.write(t + "\n"), cwd: dir };
  const file = `ledger-${rows}.${kind === "xlsx" ? "xlsx" : "csv"}`;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const code = await main(["read", file, "--json"], io);
  const ms = performance.now() - t0;
  if (code !== 0) throw new Error(`read exited ${code}`);
  const u = process.cpuUsage(c0);
  return { rows, ms: Math.round(ms), cpuMs: Math.round((u.user + u.system) / 1000), peakMB: Math.round(process.resourceUsage().maxRSS / 1024), jsonChars: chars };
}
