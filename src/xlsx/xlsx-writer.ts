/**
 * An .xlsx file written part by part, without ExcelJS: a sheet's XML is made row by row straight into a
 * deflate stream (./zip-writer) while the next rows are made, so a full-sheet result never exists as a
 * workbook model or as one string. What it writes is what ExcelJS writes from its workbook model for the
 * same cells (`XlsxWorkbook`): the same cell values and types, number formats, fonts, fills, borders and
 * alignment (./xlsx-styles), merges, links (ExcelJS's relationship and location for `#Sheet!A1` targets),
 * column widths, row heights, frozen rows, AutoFilter, conditional formats, page setup, header and footer,
 * page breaks, print areas and titles, sheet ids and states. Text goes into the shared strings table
 * (each distinct text once), or, in a column whose texts hardly repeat, into its cells (`inlineStr`);
 * always as text: nothing written here is a formula.
 *
 * A sheet is written in one go (`SheetPart.writeRows`), then may get conditional formats, then ends when
 * the next sheet starts or the workbook is finished; the zip's other parts are written at `finish`.
 */
import { ZipWriter, type DeflatedHead, type PartStream } from "./zip-writer";
import { XmlBytes } from "./xml-bytes";
import { StyleSheet, type CellKind } from "./xlsx-styles";
import { escapeAttribute, escapeText, stringItemText } from "./xml-text";
import { xmlSafe } from "./xml-safe";
import { cellStyle, cellValue } from "./workbook";
import { fitCellText, MAX_CELL_TEXT, planCell, type CutText, type PlannedCell } from "../port/cells";
import { columnLetters } from "../port/addresses";
import type { CellBlock, OutCell, OutDate, OutRow, OutValue } from "../port/workbook";
import type { ByteSink } from "../port/whole-file";
import type ExcelJS from "exceljs";

// ExcelJS's theme part, written as it is: the default font's colour refers to it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const THEME_XML: string = require("exceljs/lib/xlsx/xml/theme1.js");

const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const HYPERLINK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** Rows made between checks for cancellation and reports of progress. */
const ROWS_PER_CHECK = 2_000;
/** A part of more than 4 GiB needs ZIP64; a sheet is opened so when its cells could make one that large. */
const ZIP64_BYTES = 0xffffffff;
/** The most XML one cell, its link and its share of the sheet's tail can take (a generous bound). */
const MAX_BYTES_PER_CELL = 320;
const MAX_BYTES_PER_ROW = 64;

/** The column width ExcelJS treats as no width of its own. */
const EXCELJS_DEFAULT_WIDTH = 9;

/** ExcelJS's test for a link inside the workbook (`Sheet!A1`), which it also writes as the link's location. */
const INTERNAL_LINK = /^[^!]+![a-zA-Z]+[\d]+$/;

/** Serial of a date as ExcelJS writes it (days since 1899-12-30 of a UTC midnight). */
function dateSerial(d: Date): number {
  return 25569 + d.getTime() / (24 * 3600 * 1000);
}

/** A sheet name between quotes in a defined name (a quote inside doubled). */
function quotedName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export interface PageMargins {
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}

/** A sheet's page setup as ExcelJS keeps it (its defaults, then what the sheet sets). */
export interface PageSetup {
  paperSize?: number;
  orientation: "portrait" | "landscape";
  fitToPage: boolean;
  scale: number;
  fitToWidth: number;
  fitToHeight: number;
  firstPageNumber?: number;
  horizontalCentered?: boolean;
  margins: PageMargins;
  /** `A$1:P$26` (ExcelJS's form: "$" before each row). */
  printArea?: string;
  /** `4:4` */
  printTitlesRow?: string;
  /** `A:B` */
  printTitlesColumn?: string;
}

/** The page setup of a sheet that sets none (ExcelJS's defaults). */
export function defaultPageSetup(): PageSetup {
  return {
    orientation: "portrait",
    fitToPage: false,
    scale: 100,
    fitToWidth: 1,
    fitToHeight: 1,
    margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
}

/** Everything about a sheet but its rows. */
export interface SheetSetup {
  /** Rows the sheet has (for its dimension and its ZIP64 decision). */
  rowCount: number;
  /** Columns its rows use. */
  width: number;
  columnWidths?: readonly number[];
  columnFormats?: readonly (string | null)[];
  wrapColumns?: readonly number[];
  fontSize?: number;
  vertical?: "top" | "middle";
  freezeRows?: number;
  /** `A3:P6` */
  autoFilter?: string;
  pageSetup?: PageSetup;
  headerFooter?: { oddHeader?: string; oddFooter?: string };
  /** Heights in points by row number. */
  rowHeights?: ReadonlyMap<number, number>;
  /** Height in points of a row not in `rowHeights`, from its cells (a sheet whose rows are measured as they are written). */
  rowHeightOf?: (cells: OutRow) => number | undefined;
  /** Rows under which a page break goes, in the order given (as ExcelJS keeps them). */
  breaksAfter?: readonly number[];
  /** Blocks merged whole (their first cell's look on every cell). */
  merges?: readonly CellBlock[];
}

/** One tagged conditional format, as `addMarkRules` gives it. */
interface ConditionalFormat {
  ref: string;
  formula: string;
  style: Partial<ExcelJS.Style> | undefined;
  group: string | null;
}

/** Text table of the workbook: each distinct text once, numbered by first use. */
class SharedStrings {
  /**
   * The texts' ids by a hash of their characters (`textHash`), open addressed: id + 1, 0 for a free slot. A
   * full-sheet plan adds half a million texts no cell shares (its references), which a `Map` takes far longer
   * to grow and to collect.
   */
  private slots = new Int32Array(1 << 12);
  /** Each text's hash, by id (0 for a whole number's, which has no slot). */
  private hashes = new Int32Array(1 << 11);
  /** Texts with a slot. */
  private slotted = 0;
  /** Texts given as a cell had them that `xmlSafe` changed, with the id of what it made of them. */
  private readonly unsafe = new Map<string, number>();
  readonly items: string[] = [];
  /** References written (the table's `count`). */
  count = 0;
  /** UTF-16 units of the distinct texts, for the table's size bound. */
  units = 0;

  /**
   * The id of a text as the cell gives it, made XML-safe first (`xmlSafe`); a text seen before is found
   * without checking it again.
   */
  idOfRaw(raw: string): number {
    // A whole number's text (a row number) is XML-safe as it is.
    if (wholeNumberOf(raw) >= 0) return this.idOf(raw);
    const known = this.known(raw, textHash(raw));
    if (known >= 0) {
      this.count++;
      return known;
    }
    const safe = xmlSafe(raw);
    const id = this.idOf(safe);
    if (safe !== raw) this.unsafe.set(raw, id);
    return id;
  }

  idOf(text: string): number {
    const whole = wholeNumberOf(text);
    if (whole >= 0) return this.wholeNumberId(whole, text);
    this.count++;
    const hash = textHash(text);
    const known = this.known(text, hash);
    if (known >= 0) return known;
    const id = this.items.length;
    this.items.push(text);
    this.units += text.length;
    if (id >= this.hashes.length) {
      // Whole numbers take ids without a hash: the ids can pass the end by more than one.
      const more = new Int32Array(Math.max(id + 1, this.hashes.length * 2));
      more.set(this.hashes);
      this.hashes = more;
    }
    this.hashes[id] = hash;
    if ((this.slots.length >> 1) <= this.slotted) this.grow();
    this.place(id, hash);
    this.slotted++;
    return id;
  }

  /** The id of a text seen before, or -1. */
  private known(text: string, hash: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const v = slots[i];
      if (v === 0) break;
      if (this.hashes[v - 1] === hash && this.items[v - 1] === text) return v - 1;
    }
    if (this.unsafe.size > 0) return this.unsafe.get(text) ?? -1;
    return -1;
  }

  private place(id: number, hash: number): void {
    const slots = this.slots;
    const mask = slots.length - 1;
    let i = hash & mask;
    while (slots[i] !== 0) i = (i + 1) & mask;
    slots[i] = id + 1;
  }

  /** Twice the slots, the texts placed again. */
  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (let i = 0; i < old.length; i++) if (old[i] !== 0) this.place(old[i] - 1, this.hashes[old[i] - 1]);
  }

  /**
   * Ids of texts that are whole numbers written plainly (`12`, not `012`), by their number (id + 1, 0 for none):
   * a plan's row numbers go to the table by the hundred thousand, each new, and are numbered here without
   * a slot.
   */
  private wholeNumbers = new Int32Array(0);

  private wholeNumberId(n: number, text: string): number {
    this.count++;
    if (n >= this.wholeNumbers.length) {
      const more = new Int32Array(Math.max(1024, 2 ** Math.ceil(Math.log2(n + 1))));
      more.set(this.wholeNumbers);
      this.wholeNumbers = more;
    }
    const known = this.wholeNumbers[n];
    if (known > 0) return known - 1;
    const id = this.items.length;
    this.items.push(text);
    this.wholeNumbers[n] = id + 1;
    this.units += text.length;
    return id;
  }
}

/** FNV-1a over a text's UTF-16 units: where `SharedStrings` looks for it. */
function textHash(text: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * Texts `SharedStrings` numbers by their value: whole numbers below this, written without leading zeros. The
 * table by value is as long as the largest number met, so one 8-digit reference would hold 64 MB: the limit
 * takes every sheet row (1,048,576) and keeps the table within 8 MB; larger numbers are hashed as other texts.
 */
const WHOLE_NUMBER_TEXTS = 1 << 21;

/** The value of a text that is a whole number below `WHOLE_NUMBER_TEXTS` written plainly (`0`, `12`; not `012`, `+1`, `1.0`); -1 for any other text. */
function wholeNumberOf(text: string): number {
  const len = text.length;
  if (len === 0 || len > 8) return -1;
  const first = text.charCodeAt(0) - 48;
  if (first < 0 || first > 9 || (first === 0 && len > 1)) return -1;
  let n = first;
  for (let i = 1; i < len; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n < WHOLE_NUMBER_TEXTS ? n : -1;
}

/** Texts of a column counted before it is decided whether they go to the shared strings. */
const INLINE_TRIAL = 1_000;

/**
 * Whether a text can be written in its cell: not one that looks like an `_xHHHH_` escape, which Excel
 * decodes in a cell's text but ExcelJS and our reader do not (such a text goes to the shared strings,
 * escaped), nor the empty text (kept as the model keeps it).
 */
function inlineable(text: string): boolean {
  return text !== "" && text.indexOf("_x") < 0;
}

/** `<t>` of a text, its `body` escaped: spaces at either end, and line breaks, kept (as ExcelJS marks them). */
function tElement(text: string, body: string): string {
  return /^\s|\n|\s$/.test(text) ? `<t xml:space="preserve">${body}</t>` : `<t>${body}</t>`;
}

/** A text written in its cell (`<is>`'s content). */
function inlineText(text: string): string {
  return tElement(text, escapeText(text));
}

/** A text as a shared string item's `<t>`. */
function textElement(text: string): string {
  return tElement(text, stringItemText(text));
}

interface SheetEntry {
  id: number;
  name: string;
  state: "visible" | "veryHidden";
  pageSetup?: PageSetup;
}

/** Growable list of cell addresses and targets of a sheet's links. */
class Links {
  rows = new Int32Array(1024);
  columns = new Int32Array(1024);
  targets: string[] = [];
  length = 0;

  add(row: number, column: number, target: string): void {
    if (this.length === this.rows.length) {
      const rows = new Int32Array(this.length * 2);
      rows.set(this.rows);
      this.rows = rows;
      const columns = new Int32Array(this.length * 2);
      columns.set(this.columns);
      this.columns = columns;
    }
    this.rows[this.length] = row;
    this.columns[this.length] = column;
    // Two links of a row often go to the same place: one string for both.
    const last = this.targets[this.length - 1];
    this.targets.push(last === target ? last : target);
    this.length++;
  }
}

/** A cell object's element after its address, as first written, to write again for the same object. */
interface CachedCell {
  body: string;
  style: number;
  /** Whether it counts as a value (for the columns marks cover). */
  value: boolean;
  /** Whether it refers to a shared text (counted again at each use). */
  text: boolean;
  /** Its text's length before it was cut to a cell's limit (`PlannedCell.cutFrom`), reported at each use. */
  cutFrom?: number;
}

/** Cell objects remembered by identity at most; the cache starts again past this. */
const MAX_CACHED_CELLS = 100_000;
/** Cells of a column remembered before it is decided whether remembering them pays. */
const CACHE_TRIAL = 2_000;

/** A merge block being written: its first cell's look, once that cell is written. */
interface OpenMerge extends CellBlock {
  style: number;
}

export class XlsxWriter {
  private readonly zip: ZipWriter;
  readonly styles = new StyleSheet();
  /** @internal the workbook's text table, which each sheet's part adds to. */
  readonly strings = new SharedStrings();
  private readonly sheets: SheetEntry[] = [];
  private nextId = 1;
  private open: SheetPart | null = null;
  private readonly created: Date;

  constructor(sink: ByteSink, options: { level?: number; zip64Above?: number; now?: Date } = {}) {
    this.created = options.now ?? new Date();
    this.zip = new ZipWriter(sink, { level: options.level ?? 1, ...(options.zip64Above !== undefined ? { zip64Above: options.zip64Above } : {}), date: this.created });
    this.zip64Above = options.zip64Above ?? ZIP64_BYTES;
  }

  private readonly zip64Above: number;

  /** Takes the next sheet id and a place after the sheets so far; its part is written by `startSheet(entry)`. */
  reserveSheet(name: string, state: "visible" | "veryHidden" = "visible"): SheetEntry {
    const entry: SheetEntry = { id: this.nextId++, name, state };
    this.sheets.push(entry);
    return entry;
  }

  /** Ends the sheet being written (if any) and starts the part of `entry`. */
  async startSheet(entry: SheetEntry, setup: SheetSetup): Promise<SheetPart> {
    await this.endSheet();
    entry.pageSetup = setup.pageSetup;
    const bound = setup.rowCount * (setup.width * MAX_BYTES_PER_CELL + MAX_BYTES_PER_ROW) + 1_000_000;
    const stream = this.zip.stream(`xl/worksheets/sheet${entry.id}.xml`, { zip64: bound >= this.zip64Above });
    const part = new SheetPart(this, entry, setup, stream);
    this.open = part;
    await part.begin();
    return part;
  }

  /**
   * Ends the sheet being written (if any) and goes on with the part of `entry` whose XML up to the end of its
   * rows (`SheetPart.endRows`) was made and deflated elsewhere (`head`, a worker thread: ../cli/ledger-copy):
   * the returned part writes the rest. The texts and looks that XML refers to must be in this writer's tables
   * under the same ids (its caller sees to that).
   */
  async continueSheet(entry: SheetEntry, setup: SheetSetup, head: DeflatedHead): Promise<SheetPart> {
    await this.endSheet();
    entry.pageSetup = setup.pageSetup;
    const bound = setup.rowCount * (setup.width * MAX_BYTES_PER_CELL + MAX_BYTES_PER_ROW) + 1_000_000;
    const stream = this.zip.continued(`xl/worksheets/sheet${entry.id}.xml`, head, { zip64: bound >= this.zip64Above });
    const part = new SheetPart(this, entry, setup, stream, true);
    this.open = part;
    return part;
  }

  /** Ends the sheet being written: its tail, then its links' relationships. */
  async endSheet(): Promise<void> {
    const part = this.open;
    if (part === null) return;
    this.open = null;
    await part.end();
  }

  /** @internal for SheetPart */
  async relationships(sheetId: number, links: Links): Promise<void> {
    const bound = links.length * 300 + links.targets.reduce((n, t, i) => n + (i > 0 && links.targets[i - 1] === t ? 0 : t.length), 0) * 6;
    const stream = this.zip.stream(`xl/worksheets/_rels/sheet${sheetId}.xml.rels`, { zip64: bound >= this.zip64Above });
    const out = new XmlBytes();
    out.text(`${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">`);
    const head = `<Relationship Id="rId`;
    const type = `" Type="${HYPERLINK_REL}" Target="`;
    const tail = `" TargetMode="External"/>`;
    let lastTarget: string | null = null;
    let target = "";
    for (let i = 0; i < links.length; i++) {
      if (links.targets[i] !== lastTarget) {
        lastTarget = links.targets[i];
        target = escapeAttribute(lastTarget);
      }
      out.text(head);
      out.int(i + 1);
      out.text(type);
      out.text(target);
      out.text(tail);
      if (out.full) {
        await stream.write(out.take());
        await yieldToIo();
      }
    }
    out.text("</Relationships>");
    await stream.write(out.take());
    await stream.end();
  }

  /** Writes the workbook's other parts and the zip's directory; every byte is with the sink once this resolves. */
  async finish(): Promise<void> {
    await this.endSheet();
    const sheets = this.sheets;
    const hasStrings = this.strings.items.length > 0;
    if (hasStrings) await this.writeSharedStrings();
    this.zip.add("xl/styles.xml", this.styles.xml());
    this.zip.add("xl/theme/theme1.xml", THEME_XML);
    this.zip.add("xl/workbook.xml", this.workbookXml());
    const rels: string[] = [
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`,
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/>`,
    ];
    if (hasStrings) rels.push(`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`);
    sheets.forEach((s, i) => rels.push(`<Relationship Id="rId${this.sheetRelId(i)}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${s.id}.xml"/>`));
    this.zip.add("xl/_rels/workbook.xml.rels", `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">${rels.join("")}</Relationships>`);
    this.zip.add(
      "_rels/.rels",
      `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    );
    this.zip.add("[Content_Types].xml", this.contentTypes(hasStrings));
    this.zip.add("docProps/core.xml", this.coreXml());
    this.zip.add("docProps/app.xml", this.appXml());
    await this.zip.finish();
  }

  private sheetRelId(index: number): number {
    return index + (this.strings.items.length > 0 ? 4 : 3);
  }

  private async writeSharedStrings(): Promise<void> {
    const s = this.strings;
    const bound = s.units * 7 + s.items.length * 40 + 1000;
    const stream = this.zip.stream("xl/sharedStrings.xml", { zip64: bound >= this.zip64Above });
    const out = new XmlBytes();
    out.text(`${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${s.count}" uniqueCount="${s.items.length}">`);
    for (const text of s.items) {
      out.text("<si>");
      out.text(textElement(text));
      out.text("</si>");
      if (out.full) {
        await stream.write(out.take());
        await yieldToIo();
      }
    }
    out.text("</sst>");
    await stream.write(out.take());
    await stream.end();
  }

  private workbookXml(): string {
    const sheets = this.sheets.map((s, i) => `<sheet sheetId="${s.id}" name="${escapeAttribute(s.name)}" state="${s.state}" r:id="rId${this.sheetRelId(i)}"/>`).join("");
    const names: string[] = [];
    this.sheets.forEach((s, index) => {
      const p = s.pageSetup;
      if (!p) return;
      const quoted = quotedName(s.name);
      if (p.printArea) {
        const [from, to] = p.printArea.split(":");
        names.push(`<definedName name="_xlnm.Print_Area" localSheetId="${index}">${escapeText(`${quoted}!$${from}:$${to}`)}</definedName>`);
      }
      if (p.printTitlesRow || p.printTitlesColumn) {
        const ranges: string[] = [];
        if (p.printTitlesColumn) {
          const [a, b] = p.printTitlesColumn.split(":");
          ranges.push(`${quoted}!$${a}:$${b}`);
        }
        if (p.printTitlesRow) {
          const [a, b] = p.printTitlesRow.split(":");
          ranges.push(`${quoted}!$${a}:$${b}`);
        }
        names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeText(ranges.join(","))}</definedName>`);
      }
    });
    return (
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">` +
      `<fileVersion appName="xl" lastEdited="5" lowestEdited="5" rupBuild="9303"/><workbookPr defaultThemeVersion="164011" filterPrivacy="1"/>` +
      `<sheets>${sheets}</sheets>` +
      (names.length > 0 ? `<definedNames>${names.join("")}</definedNames>` : "") +
      `<calcPr calcId="171027"/></workbook>`
    );
  }

  private contentTypes(hasStrings: boolean): string {
    const sheets = this.sheets.map((s) => `<Override PartName="/xl/worksheets/sheet${s.id}.xml" ContentType="${WORKSHEET_TYPE}"/>`).join("");
    return (
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      sheets +
      `<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      (hasStrings ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` : "") +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
      `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
      `</Types>`
    );
  }

  private coreXml(): string {
    const when = this.created.toISOString().replace(/\.\d{3}Z$/, "Z");
    return (
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>Unknown</dc:creator><dc:title></dc:title><dc:subject></dc:subject><dc:description></dc:description><cp:keywords></cp:keywords><cp:category></cp:category><cp:lastModifiedBy>Unknown</cp:lastModifiedBy>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
    );
  }

  private appXml(): string {
    const names = this.sheets.map((s) => `<vt:lpstr>${escapeText(s.name)}</vt:lpstr>`).join("");
    const n = this.sheets.length;
    return (
      `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
      `<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
      `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
      `<TitlesOfParts><vt:vector size="${n}" baseType="lpstr">${names}</vt:vector></TitlesOfParts>` +
      `<Company></Company><Manager></Manager><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>`
    );
  }

  /** Stops writing: no more parts; the sink gets nothing further. */
  abandon(): void {
    this.open?.destroy();
    this.open = null;
  }
}

/** Lets zlib's and the file's callbacks run (the deflate of the last piece goes on meanwhile). */
function yieldToIo(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

/** Whether a cell would be planned with no look beyond its number format, and spans one column (`plain`, without planning it). */
function plainNumberCell(c: OutCell): boolean {
  return !c.bold && !c.color && !c.fontSize && !c.link && !c.fill && !c.align && !c.wrap && !c.border && !(c.mergeAcross !== undefined && c.mergeAcross > 0);
}

/** Whether a planned cell has a look beyond its number format (the cache keys those on every field). */
function plain(p: PlannedCell): boolean {
  return !p.bold && !p.color && p.fontSize === undefined && !p.link && !p.fill && !p.align && !p.wrap && !p.border;
}

/** Whether two planned cells look alike (every field the look is made of). */
function sameLook(a: PlannedCell, b: PlannedCell): boolean {
  return (
    a.numberFormat === b.numberFormat &&
    a.bold === b.bold &&
    a.color === b.color &&
    a.fontSize === b.fontSize &&
    !a.link === !b.link &&
    a.fill === b.fill &&
    a.align === b.align &&
    a.wrap === b.wrap &&
    a.border === b.border
  );
}

/** One sheet's part being written. */
export class SheetPart {
  private readonly letters: string[] = [];
  private readonly wrapColumns: Set<number>;
  /** Style ids by number format, for plain cells of each kind. */
  private readonly plainStyles = { number: new Map<string, number>(), date: new Map<string, number>(), other: new Map<string, number>() };
  private readonly styles = new Map<string, number>();
  private readonly links = new Links();
  private readonly mergesDone: CellBlock[] = [];
  /** Blocks merged whole, by their first row; and those the rows being written are in. */
  private readonly blocksByRow = new Map<number, OpenMerge[]>();
  private activeBlocks: OpenMerge[] = [];
  private readonly formats: ConditionalFormat[] = [];
  /** Starts of bare values' elements and their looks, by column and kind (`bareHead`). */
  private readonly bareHeads: string[] = [];
  private readonly bareStyles: number[] = [];
  /** `<c r="A` by column. */
  private readonly starts: string[] = [];
  /**
   * Per column, whether its texts go in the cells (true), to the shared strings (false), or are still being
   * counted (the first `INLINE_TRIAL` of them go to the shared strings meanwhile).
   */
  private readonly inlineTexts: (boolean | { seen: number; fresh: number } | undefined)[] = [];
  private readonly inlineHeads: string[] = [];
  /** The last look worked out in each column (`styleOf`). */
  private readonly lastLooks: { planned: PlannedCell; kind: CellKind; style: number }[] = [];
  /** Starts and looks of plain number cells, by number format (`plainNumberHead`). */
  private readonly numberHeads = new Map<string, string>();
  private readonly numberStyles = new Map<string, number>();
  /** Serials of dates by their ISO text (null: not a date `planCell` accepts). */
  private readonly serials = new Map<string, number | null>();
  /**
   * Cells (`OutCell` objects) already written, by identity: the use cases give many rows the same cell
   * object. Only where a cell's column does not change its look (no column formats or wrapped columns).
   */
  private readonly cellCache: Map<object, CachedCell> | null;
  /** Per column, cells remembered and cells found again; columns whose cells are not met again are left out. */
  private readonly cacheKept: number[] = [];
  private readonly cacheHits: number[] = [];
  private readonly uncachedColumns: boolean[] = [];
  /** `" s="N"` by style id. */
  private readonly styleAttributes: string[] = [];
  /** Texts cut to a cell's limit (`fitCellText`) on this sheet: row, column and length before. */
  readonly textsCut: Omit<CutText, "sheet">[] = [];
  private lastStyle = 0;
  private lastMerge = 0;
  private readonly out = new XmlBytes();
  /** Columns of the cells with a value (as `XlsxWorkbook` bounds a sheet's values for its marks). */
  valueLeft = 0;
  valueRight = 0;
  /** The workbook's text table. */
  private readonly strings: SharedStrings;

  constructor(
    private readonly writer: XlsxWriter,
    readonly entry: SheetEntry,
    private readonly setup: SheetSetup,
    private readonly stream: PartStream,
    /** Whether its rows and `</sheetData>` were written elsewhere (`XlsxWriter.continueSheet`). */
    private rowsEnded = false,
  ) {
    this.strings = writer.strings;
    this.wrapColumns = new Set(setup.wrapColumns ?? []);
    this.cellCache = this.wrapColumns.size === 0 && !setup.columnFormats ? new Map() : null;
    for (const m of setup.merges ?? []) {
      if (m.toRow > m.fromRow || m.toColumn > m.fromColumn) {
        const block: OpenMerge = { ...m, style: 0 };
        const list = this.blocksByRow.get(m.fromRow);
        if (list) list.push(block);
        else this.blocksByRow.set(m.fromRow, [block]);
      }
    }
  }

  private letter(column: number): string {
    return (this.letters[column] ??= columnLetters(column));
  }

  private async put(text: string): Promise<void> {
    this.out.text(text);
    if (this.out.full) await this.flush();
  }

  private async flush(): Promise<void> {
    await this.stream.write(this.out.take());
    await yieldToIo();
  }

  /** The sheet's XML up to its rows. */
  async begin(): Promise<void> {
    const s = this.setup;
    const p = s.pageSetup;
    let head = `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">`;
    if (p?.fitToPage) head += `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`;
    if (s.rowCount > 0 && s.width > 0) head += `<dimension ref="A1:${this.letter(s.width)}${s.rowCount}"/>`;
    if (s.freezeRows && s.freezeRows > 0) {
      head += `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${s.freezeRows}" topLeftCell="A${s.freezeRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>`;
    }
    head += `<sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0" x14ac:dyDescent="55"/>`;
    const widths = s.columnWidths ?? [];
    const cols: string[] = [];
    for (let i = 0; i < widths.length; ) {
      const w = widths[i];
      // ExcelJS takes a width of 9 for its default and leaves such a column out: so does this writer.
      if (!(w > 0) || w === EXCELJS_DEFAULT_WIDTH) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < widths.length && widths[j + 1] === w) j++;
      cols.push(`<col min="${i + 1}" max="${j + 1}" width="${w}" customWidth="1"/>`);
      i = j + 1;
    }
    if (cols.length > 0) head += `<cols>${cols.join("")}</cols>`;
    await this.put(head + "<sheetData>");
  }

  /** The look (`s`) of a planned cell whose value is of this kind. */
  private styleOf(p: PlannedCell, kind: CellKind, column?: number): number {
    if (plain(p)) {
      const cache = this.plainStyles[kind];
      let id = cache.get(p.numberFormat);
      if (id === undefined) {
        id = this.writer.styles.cellFormat(cellStyle(p, this.setup.fontSize, this.setup.vertical), kind);
        cache.set(p.numberFormat, id);
      }
      return id;
    }
    // A column's cells mostly look alike (its links, its amounts): the last look of the column is tried first.
    const last = column !== undefined ? this.lastLooks[column] : undefined;
    if (last !== undefined && last.kind === kind && sameLook(last.planned, p)) return last.style;
    const key = `${kind}\u0000${p.numberFormat}\u0000${p.bold ? 1 : 0}${p.color ?? ""}\u0000${p.fontSize ?? ""}\u0000${p.link ? 1 : 0}\u0000${p.fill ?? ""}\u0000${p.align ?? ""}${p.wrap ? 1 : 0}\u0000${p.border ? 1 : 0}`;
    let id = this.styles.get(key);
    if (id === undefined) {
      id = this.writer.styles.cellFormat(cellStyle(p, this.setup.fontSize, this.setup.vertical), kind);
      this.styles.set(key, id);
    }
    if (column !== undefined) this.lastLooks[column] = { planned: p, kind, style: id };
    return id;
  }

  /**
   * The start of a bare value's element (not an `OutCell`) in a column after its address, up to its value:
   * `" s="3" t="s"><v>`, with the look `planCell` gives it there; one per column and kind.
   */
  private bareHead(column: number, value: string | number | boolean | OutDate): string {
    const tag = typeof value === "object" ? 3 : typeof value === "string" ? 0 : typeof value === "number" ? 1 : 2;
    const key = column * 4 + tag;
    let head = this.bareHeads[key];
    if (head === undefined) {
      const p = planCell(value, this.setup.columnFormats?.[column - 1]);
      if (p.kind === "text" && this.wrapColumns.has(column)) p.wrap = true;
      const style = this.styleOf(p, p.kind === "number" ? "number" : p.kind === "date" ? "date" : "other");
      head = `"${style !== 0 ? ` s="${style}"` : ""}${tag === 0 ? ` t="s"` : tag === 2 ? ` t="b"` : ""}><v>`;
      this.bareHeads[key] = head;
      this.bareStyles[key] = style;
    }
    this.lastStyle = this.bareStyles[key];
    return head;
  }

  /** A date's serial as ExcelJS writes it, or null when `planCell` would write the text instead. */
  private serialOf(iso: string): number | null {
    let serial = this.serials.get(iso);
    if (serial === undefined) {
      // `planCell` says which texts are dates; the serial is that day's UTC midnight, as `dateSerial` has it.
      if (planCell({ date: iso }, null).kind === "date") {
        const [y, m, d] = iso.split("-").map(Number);
        serial = 25569 + Date.UTC(y, m - 1, d) / (24 * 3600 * 1000);
      } else serial = null;
      if (this.serials.size > 100_000) this.serials.clear();
      this.serials.set(iso, serial);
    }
    return serial;
  }

  /**
   * Writes a cell's element as `XlsxWorkbook.writeCell` writes it (its look, its value as a number, a
   * serial, a shared text or a link); false for a cell it leaves out. Sets `lastStyle`, and for a merge
   * across cells `lastMerge`.
   */
  private writeCell(r: number, rowText: string, column: number, cell: OutValue | OutCell): boolean {
    this.lastMerge = 0;
    if (cell === null || cell === undefined) {
      this.lastStyle = 0;
      return false;
    }
    const o = this.out;
    switch (typeof cell) {
      case "string": {
        if (cell.length > MAX_CELL_TEXT) {
          this.textsCut.push({ row: r, column, length: cell.length });
          cell = fitCellText(cell);
        }
        const head = this.bareHead(column, cell);
        o.text(this.starts[column] ?? this.cellStart(column));
        o.text(rowText);
        if (this.inlineTexts[column] === true) {
          const safe = xmlSafe(cell);
          if (inlineable(safe)) {
            if (safe !== "") this.hasValue(column);
            // The head up to its value: the look, then the text in place of the shared string's id.
            o.text(this.inlineHead(column, head));
            o.text(inlineText(safe));
            o.text("</is></c>");
            return true;
          }
        }
        const id = this.sharedId(column, cell, true);
        if (this.strings.items[id] !== "") this.hasValue(column);
        o.text(head);
        o.int(id);
        o.text("</v></c>");
        return true;
      }
      case "number": {
        if (!Number.isFinite(cell)) break;
        this.hasValue(column);
        const head = this.bareHead(column, cell);
        o.text(this.starts[column] ?? this.cellStart(column));
        o.text(rowText);
        o.text(head);
        o.num(cell);
        o.text("</v></c>");
        return true;
      }
      case "boolean": {
        this.hasValue(column);
        const head = this.bareHead(column, cell);
        o.text(this.starts[column] ?? this.cellStart(column));
        o.text(rowText);
        o.text(head);
        o.text(cell ? "1</v></c>" : "0</v></c>");
        return true;
      }
    }
    if (typeof cell === "object" && !("value" in cell)) {
      const serial = typeof cell.date === "string" ? this.serialOf(cell.date) : null;
      if (serial !== null) {
        this.hasValue(column);
        const head = this.bareHead(column, cell);
        o.text(this.starts[column] ?? this.cellStart(column));
        o.text(rowText);
        o.text(head);
        o.int(serial);
        o.text("</v></c>");
        return true;
      }
    }
    const out = cell as OutCell;
    if (typeof out.value === "number" && Number.isFinite(out.value) && plainNumberCell(out)) {
      // A number with a format of its own and no other look (an amount): written as its planned cell would be.
      const format = out.numberFormat ?? this.setup.columnFormats?.[column - 1] ?? "General";
      const head = this.numberHeads.get(format) ?? this.plainNumberHead(planCell(cell, this.setup.columnFormats?.[column - 1]));
      this.lastStyle = this.numberStyles.get(format)!;
      this.hasValue(column);
      o.text(this.starts[column] ?? this.cellStart(column));
      o.text(rowText);
      o.text(head);
      o.num(out.value);
      o.text("</v></c>");
      return true;
    }
    // An `OutCell` (or an odd value): planned in full; one the sheet holds many times is planned once.
    const caching = this.cellCache !== null && this.uncachedColumns[column] !== true;
    const cached = caching ? this.cellCache!.get(cell as object) : undefined;
    if (cached !== undefined) {
      this.cacheHits[column] = (this.cacheHits[column] ?? 0) + 1;
      this.lastStyle = cached.style;
      if (cached.value) this.hasValue(column);
      // One more use of a text already in the table.
      if (cached.text) this.strings.count++;
      if (cached.cutFrom !== undefined) this.textsCut.push({ row: r, column, length: cached.cutFrom });
      o.text(this.starts[column] ?? this.cellStart(column));
      o.text(rowText);
      o.text(cached.body);
      return true;
    }
    const p = planCell(cell, this.setup.columnFormats?.[column - 1]);
    if (p.cutFrom !== undefined) this.textsCut.push({ row: r, column, length: p.cutFrom });
    if (p.kind === "text" && this.wrapColumns.has(column)) p.wrap = true;
    // The cells `XlsxWorkbook.writeCell` leaves out.
    if (p.kind === "empty" && p.numberFormat === "General" && !p.bold && !p.fill && !p.border && !p.align && !p.color) {
      this.lastStyle = 0;
      return false;
    }
    o.text(this.starts[column] ?? this.cellStart(column));
    o.text(rowText);
    if (p.kind === "number" && plain(p) && !p.mergeAcross) {
      // A number with a format of its own (an amount): many of them, each a new object, so not remembered; a
      // column of them stops being looked up too.
      if (caching) this.notRemembered(column);
      this.hasValue(column);
      o.text(this.plainNumberHead(p));
      o.num(p.value as number);
      o.text("</v></c>");
      return true;
    }
    const value = cellValue(p, xmlSafe);
    const kind: CellKind = typeof value === "number" ? "number" : value instanceof Date ? "date" : "other";
    const style = (this.lastStyle = this.styleOf(p, kind, column));
    const remember = caching && !p.mergeAcross && !p.link && kind !== "number";
    // A link (a row's own, as 台账行's) is not remembered either: a column of them stops being looked up.
    if (caching && p.link) this.notRemembered(column);
    if (!remember && typeof value === "string") {
      // A text cell not remembered (a row's own cell, as most in a column whose cells are never met again).
      o.text(style !== 0 ? (this.styleAttributes[style] ??= `" s="${style}"`) : `"`);
      o.text(` t="s"><v>`);
      o.int(this.strings.idOf(value));
      o.text("</v></c>");
      if (value !== "") this.hasValue(column);
      if (p.mergeAcross) this.lastMerge = p.mergeAcross;
      return true;
    }
    const s = style !== 0 ? `" s="${style}"` : `"`;
    let body: string;
    let text = false;
    let hasValue = true;
    if (value === null) {
      body = `${s}/>`;
      hasValue = false;
    } else if (typeof value === "string") {
      text = true;
      hasValue = value !== "";
      body = `${s} t="s"><v>${this.strings.idOf(value)}</v></c>`;
    } else if (typeof value === "number") body = `${s}><v>${value}</v></c>`;
    else if (typeof value === "boolean") body = `${s} t="b"><v>${value ? 1 : 0}</v></c>`;
    else if (value instanceof Date) body = `${s}><v>${dateSerial(value)}</v></c>`;
    else {
      const link = value as ExcelJS.CellHyperlinkValue;
      hasValue = link.text !== "";
      this.links.add(r, column, xmlSafe(link.hyperlink));
      body =
        this.inlineTexts[column] === true && inlineable(link.text)
          ? `${s} t="inlineStr"><is>${inlineText(link.text)}</is></c>`
          : `${s} t="s"><v>${this.sharedId(column, link.text, false)}</v></c>`;
    }
    o.text(body);
    if (hasValue) this.hasValue(column);
    if (p.mergeAcross) this.lastMerge = p.mergeAcross;
    else if (remember) {
      const cache = this.cellCache!;
      if (cache.size >= MAX_CACHED_CELLS) cache.clear();
      cache.set(cell as object, { body, style, value: hasValue, text, ...(p.cutFrom !== undefined ? { cutFrom: p.cutFrom } : {}) });
      this.notRemembered(column);
    }
    return true;
  }

  /** Counts a cell of `column` met for the first time: a column whose cells are new objects row after row (a reference, a row label, an amount) stops being remembered. */
  private notRemembered(column: number): void {
    const kept = (this.cacheKept[column] = (this.cacheKept[column] ?? 0) + 1);
    if (kept >= CACHE_TRIAL && (this.cacheHits[column] ?? 0) * 4 < kept) this.uncachedColumns[column] = true;
  }

  /**
   * The shared string id of a cell's text, counting in the column's first texts how many were new: a column
   * whose texts hardly repeat (references, row labels) has them written in the cell instead (`inlineTexts`),
   * which spares the table a million entries no cell shares.
   */
  private sharedId(column: number, text: string, raw: boolean): number {
    const before = this.strings.items.length;
    const id = raw ? this.strings.idOfRaw(text) : this.strings.idOf(text);
    const state = this.inlineTexts[column];
    if (state === undefined || typeof state === "object") {
      const trial = state ?? (this.inlineTexts[column] = { seen: 0, fresh: 0 });
      trial.seen++;
      if (this.strings.items.length > before) trial.fresh++;
      if (trial.seen >= INLINE_TRIAL) this.inlineTexts[column] = trial.fresh * 4 > trial.seen * 3;
    }
    return id;
  }

  /** `" s="…" t="inlineStr"><is>` of a column's bare texts, from the head of its shared ones. */
  private inlineHead(column: number, sharedHead: string): string {
    return (this.inlineHeads[column] ??= sharedHead.replace(` t="s"><v>`, ` t="inlineStr"><is>`));
  }

  /** `" s="…"><v>` of a number cell with no look but its number format. */
  private plainNumberHead(p: PlannedCell): string {
    let head = this.numberHeads.get(p.numberFormat);
    if (head === undefined) {
      const style = this.styleOf(p, "number");
      head = `"${style !== 0 ? ` s="${style}"` : ""}><v>`;
      this.numberHeads.set(p.numberFormat, head);
      this.numberStyles.set(p.numberFormat, style);
    }
    this.lastStyle = this.numberStyles.get(p.numberFormat)!;
    return head;
  }

  private hasValue(column: number): void {
    if (this.valueLeft === 0 || column < this.valueLeft) this.valueLeft = column;
    if (column > this.valueRight) this.valueRight = column;
  }

  /** `<c r="A` for a column. */
  private cellStart(column: number): string {
    return (this.starts[column] ??= `<c r="${columnLetters(column)}`);
  }

  /** The block merge whose follower (r, column) is, if any. */
  private followerOf(r: number, column: number): OpenMerge | undefined {
    for (const b of this.activeBlocks) {
      if (r >= b.fromRow && r <= b.toRow && column >= b.fromColumn && column <= b.toColumn && !(r === b.fromRow && column === b.fromColumn)) return b;
    }
    return undefined;
  }

  /** Adds a row's element: its cells as `XlsxWorkbook.writeCell` writes them (merged cells with their first cell's look). */
  private appendRow(r: number, cells: OutRow): void {
    const starting = this.blocksByRow.size > 0 ? this.blocksByRow.get(r) : undefined;
    if (starting) this.activeBlocks.push(...starting);
    if (this.activeBlocks.length > 0) this.activeBlocks = this.activeBlocks.filter((b) => b.toRow >= r);
    const blocks = this.activeBlocks.length > 0;
    const rowText = String(r);
    const height = this.setup.rowHeights?.get(r) ?? this.setup.rowHeightOf?.(cells);
    const o = this.out;
    // The row's start goes in first and is taken back if no cell follows (a row kept only for its height ends at once).
    const before = o.length;
    o.text(`<row r="`);
    o.text(rowText);
    if (height !== undefined) o.text(`" ht="${height}" customHeight="1">`);
    else o.text(`">`);
    const empty = o.length;
    let mergedTo = 0;
    let mergedStyle = 0;
    let end = cells.length;
    if (blocks) for (const b of this.activeBlocks) end = Math.max(end, b.toColumn);
    for (let c = 1; c <= end; c++) {
      if (blocks) {
        const block = this.followerOf(r, c);
        if (block) {
          o.text(this.cellStart(c));
          o.text(rowText);
          o.text(block.style !== 0 ? `" s="${block.style}"/>` : `"/>`);
          continue;
        }
      }
      if (c <= mergedTo) {
        o.text(this.cellStart(c));
        o.text(rowText);
        o.text(mergedStyle !== 0 ? `" s="${mergedStyle}"/>` : `"/>`);
        continue;
      }
      this.writeCell(r, rowText, c, c <= cells.length ? cells[c - 1] : null);
      if (blocks) for (const b of this.activeBlocks) if (b.fromRow === r && b.fromColumn === c) b.style = this.lastStyle;
      if (this.lastMerge > 0) {
        mergedTo = c + this.lastMerge;
        mergedStyle = this.lastStyle;
        end = Math.max(end, mergedTo);
        this.mergesDone.push({ fromRow: r, toRow: r, fromColumn: c, toColumn: mergedTo });
      }
    }
    if (starting) this.mergesDone.push(...starting);
    if (o.length > empty) o.text("</row>");
    else {
      o.rewind(before);
      if (height !== undefined) o.text(`<row r="${rowText}" ht="${height}" customHeight="1"/>`);
    }
  }

  /**
   * Writes rows 1…`count` (`rowAt(i)` gives row i + 1), all of the sheet's rows. Checks `signal` and
   * reports progress every few thousand rows.
   */
  async writeRows(
    count: number,
    rowAt: (index: number) => OutRow,
    control: { signal?: AbortSignal; onProgress?: (p: { done: number; total: number }) => void; cancelled?: () => Error } = {},
  ): Promise<void> {
    for (let i = 0; i < count; i++) {
      this.appendRow(i + 1, rowAt(i));
      if (this.out.full) await this.flush();
      if ((i + 1) % ROWS_PER_CHECK === 0) {
        if (control.signal?.aborted) throw control.cancelled ? control.cancelled() : new Error("cancelled");
        control.onProgress?.({ done: i + 1, total: count });
      }
    }
  }

  /** Writes rows of plain text with no look at all (the settings sheet: key and JSON, as ExcelJS writes bare strings). */
  async writeTextRows(rows: readonly (readonly string[])[]): Promise<void> {
    for (let i = 0; i < rows.length; i++) {
      const r = String(i + 1);
      let xml = "";
      rows[i].forEach((text, j) => {
        xml += `<c r="${this.letter(j + 1)}${r}" t="s"><v>${this.strings.idOfRaw(text)}</v></c>`;
      });
      if (xml !== "") await this.put(`<row r="${r}">${xml}</row>`);
    }
  }

  /** Adds a conditional format over `ref` (as ExcelJS's `addConditionalFormatting`, for `addMarkRules`). */
  addConditionalFormatting(cf: { ref: string; rules: { type: string; formulae?: unknown[]; style?: Partial<ExcelJS.Style> }[] }, group: string | null = null): void {
    for (const rule of cf.rules) {
      if (rule.type !== "expression" || !rule.formulae || typeof rule.formulae[0] !== "string") throw new Error(`conditional format ${rule.type} is not written by this writer`);
      this.formats.push({ ref: cf.ref, formula: rule.formulae[0], style: rule.style, group });
    }
  }

  /** Removes the conditional formats added for `group` (marks replaced). */
  removeConditionalFormats(group: string): void {
    for (let i = this.formats.length - 1; i >= 0; i--) if (this.formats[i].group === group) this.formats.splice(i, 1);
  }

  /**
   * Ends the rows: `</sheetData>`, and everything so far handed to the stream (a sheet whose rows are written
   * on a worker thread ends there here; `XlsxWriter.continueSheet` goes on from it).
   */
  async endRows(): Promise<void> {
    await this.put("</sheetData>");
    await this.flush();
    this.rowsEnded = true;
  }

  /** The rest of the sheet's XML, its links' relationships, and the end of its part. */
  async end(): Promise<void> {
    const s = this.setup;
    const p = s.pageSetup ?? defaultPageSetup();
    if (!this.rowsEnded) await this.put("</sheetData>");
    if (s.autoFilter) await this.put(`<autoFilter ref="${s.autoFilter}"/>`);
    const merges = [...this.mergesDone].sort((a, b) => a.fromRow - b.fromRow || a.fromColumn - b.fromColumn);
    if (merges.length > 0) {
      await this.put(`<mergeCells count="${merges.length}">`);
      for (const m of merges) {
        this.out.text(`<mergeCell ref="${this.letter(m.fromColumn)}${m.fromRow}:${this.letter(m.toColumn)}${m.toRow}"/>`);
        if (this.out.full) await this.flush();
      }
      await this.put("</mergeCells>");
    }
    let priority = 1;
    for (const f of this.formats) {
      // Numbered as the sheet is finished, as ExcelJS numbers them when it saves.
      const dxf = f.style ? ` dxfId="${this.writer.styles.differential(f.style)}"` : "";
      await this.put(`<conditionalFormatting sqref="${f.ref}"><cfRule type="expression"${dxf} priority="${priority++}"><formula>${escapeText(f.formula)}</formula></cfRule></conditionalFormatting>`);
    }
    const links = this.links;
    if (links.length > 0) {
      await this.put("<hyperlinks>");
      let lastTarget: string | null = null;
      let location = "";
      for (let i = 0; i < links.length; i++) {
        const target = links.targets[i];
        // Two links of a row share their target string: its attribute is made once for both.
        if (target !== lastTarget) {
          lastTarget = target;
          location = INTERNAL_LINK.test(target) ? ` location="${escapeAttribute(target)}"` : "";
        }
        this.out.text(`<hyperlink ref="${this.letter(links.columns[i])}${links.rows[i]}" r:id="rId${i + 1}"${location}/>`);
        if (this.out.full) await this.flush();
      }
      await this.put("</hyperlinks>");
    }
    if (p.horizontalCentered) await this.put(`<printOptions horizontalCentered="1"/>`);
    const m = p.margins;
    await this.put(`<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`);
    let setup = "<pageSetup";
    if (p.paperSize !== undefined) setup += ` paperSize="${p.paperSize}"`;
    setup += ` orientation="${p.orientation}" horizontalDpi="4294967295" verticalDpi="4294967295" scale="${p.scale}" fitToWidth="${p.fitToWidth}" fitToHeight="${p.fitToHeight}"`;
    if (p.firstPageNumber !== undefined) setup += ` firstPageNumber="${p.firstPageNumber}" useFirstPageNumber="1"`;
    await this.put(setup + "/>");
    const hf = s.headerFooter;
    if (hf && (hf.oddHeader || hf.oddFooter)) {
      await this.put(
        `<headerFooter>${hf.oddHeader ? `<oddHeader>${escapeText(hf.oddHeader)}</oddHeader>` : ""}${hf.oddFooter ? `<oddFooter>${escapeText(hf.oddFooter)}</oddFooter>` : ""}</headerFooter>`,
      );
    }
    const breaks = s.breaksAfter ?? [];
    if (breaks.length > 0) {
      // ExcelJS's page break: up to its column 16838, set by hand.
      await this.put(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="16838" man="1"/>`).join("")}</rowBreaks>`);
    }
    await this.put("</worksheet>");
    await this.flush();
    await this.stream.end();
    if (links.length > 0) await this.writer.relationships(this.entry.id, links);
  }

  destroy(): void {
    this.stream.destroy();
  }
}

export type { SheetEntry };
