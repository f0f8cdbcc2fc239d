/**
 * styles.xml for the .xlsx files we write ourselves (./xlsx-writer): cell looks given as ExcelJS style
 * objects (what `cellStyle` in ./workbook makes for both writers) become cell formats, and mark looks
 * become differential formats, numbered and written as ExcelJS writes them, so a file read back sees the
 * same number format, font, fill, border and alignment as one saved from ExcelJS's workbook model.
 *
 * Only what `cellStyle` and `addMarkRules` produce is known here; any other property is refused rather
 * than dropped, so the two writers cannot drift apart unnoticed.
 */
import type ExcelJS from "exceljs";
import { escapeAttribute } from "./xml-text";

// ExcelJS's table of Excel's built-in number formats (id → code): the same ids for the same codes.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const BUILT_IN_FORMATS: Record<string, { f?: string }> = require("exceljs/lib/xlsx/defaultnumformats");

const BUILT_IN_IDS = new Map<string, number>();
for (const [id, entry] of Object.entries(BUILT_IN_FORMATS)) if (entry.f !== undefined) BUILT_IN_IDS.set(entry.f, Number(id));

/** The first id of a format of our own. */
const FIRST_CUSTOM_FORMAT = 164;

/** A cell's kind as the format needs it: a date or number without a number format of its own gets the default one. */
export type CellKind = "number" | "date" | "other";

const STYLE_KEYS = new Set(["numFmt", "font", "fill", "alignment", "border"]);
const FONT_KEYS = new Set(["name", "family", "bold", "color", "size", "underline", "scheme"]);
const ALIGNMENT_KEYS = new Set(["horizontal", "vertical", "wrapText"]);
const EDGES = ["left", "right", "top", "bottom"] as const;

function refuse(what: string): never {
  throw new Error(`xlsx styles: ${what} is not written by this writer`);
}

function checkKeys(object: object, known: Set<string>, what: string): void {
  for (const key of Object.keys(object)) if (!known.has(key) && (object as Record<string, unknown>)[key] !== undefined) refuse(`${what}.${key}`);
}

function colorXml(tag: string, color: Partial<ExcelJS.Color> | undefined): string {
  if (!color) return "";
  if (color.argb) return `<${tag} rgb="${escapeAttribute(color.argb)}"/>`;
  if (color.theme !== undefined) return `<${tag} theme="${color.theme}"/>`;
  return refuse(`color ${JSON.stringify(color)}`);
}

/** A font as ExcelJS writes it: its elements in the order of the schema. */
function fontXml(font: Partial<ExcelJS.Font>): string {
  checkKeys(font, FONT_KEYS, "font");
  let xml = "<font>";
  if (font.bold) xml += "<b/>";
  if (font.underline === true) xml += "<u/>";
  else if (font.underline) refuse(`underline ${String(font.underline)}`);
  xml += colorXml("color", font.color);
  if (font.family !== undefined) xml += `<family val="${font.family}"/>`;
  if (font.scheme !== undefined) xml += `<scheme val="${escapeAttribute(font.scheme)}"/>`;
  if (font.size !== undefined) xml += `<sz val="${font.size}"/>`;
  if (font.name !== undefined) xml += `<name val="${escapeAttribute(font.name)}"/>`;
  return xml + "</font>";
}

function fillXml(fill: ExcelJS.Fill): string {
  if (fill.type !== "pattern") return refuse(`fill ${fill.type}`);
  const p = fill as ExcelJS.FillPattern;
  return `<fill><patternFill patternType="${p.pattern}">${colorXml("fgColor", p.fgColor)}${colorXml("bgColor", p.bgColor)}</patternFill></fill>`;
}

function borderXml(border: Partial<ExcelJS.Borders>): string {
  let xml = "<border>";
  for (const edge of EDGES) {
    const e = border[edge];
    if (e && (e as { color?: unknown }).color !== undefined) refuse("border colour");
    xml += e?.style ? `<${edge} style="${e.style}"/>` : `<${edge}/>`;
  }
  for (const key of Object.keys(border)) if (!(EDGES as readonly string[]).includes(key)) refuse(`border.${key}`);
  return xml + "<diagonal/></border>";
}

function alignmentXml(a: Partial<ExcelJS.Alignment>): string {
  checkKeys(a, ALIGNMENT_KEYS, "alignment");
  let attributes = "";
  if (a.horizontal) attributes += ` horizontal="${a.horizontal}"`;
  if (a.vertical) attributes += ` vertical="${a.vertical === "middle" ? "center" : a.vertical}"`;
  if (a.wrapText) attributes += ` wrapText="1"`;
  return attributes === "" ? "" : `<alignment${attributes}/>`;
}

/** A list of distinct XML pieces, each numbered by its first appearance. */
class Numbered {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();

  idOf(xml: string): number {
    let id = this.index.get(xml);
    if (id === undefined) {
      id = this.items.length;
      this.items.push(xml);
      this.index.set(xml, id);
    }
    return id;
  }
}

/** The default font (id 0), as ExcelJS writes it. */
const DEFAULT_FONT: Partial<ExcelJS.Font> = { color: { theme: 1 } as ExcelJS.Color, family: 2, scheme: "minor", size: 11, name: "Calibri" };

export class StyleSheet {
  private readonly formats: { id: number; code: string }[] = [];
  private readonly formatIds = new Map<string, number>();
  private readonly fonts = new Numbered();
  private readonly fills = new Numbered();
  private readonly borders = new Numbered();
  private readonly xfs = new Numbered();
  private readonly dxfs: string[] = [];

  constructor() {
    this.fonts.idOf(fontXml(DEFAULT_FONT));
    this.fills.idOf(fillXml({ type: "pattern", pattern: "none" }));
    this.fills.idOf(fillXml({ type: "pattern", pattern: "gray125" }));
    this.borders.idOf(borderXml({}));
    this.xfs.idOf(`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
  }

  /** The id of a number format: Excel's own for its built-in codes, else one of ours from 164. */
  formatId(code: string): number {
    const builtIn = BUILT_IN_IDS.get(code);
    if (builtIn !== undefined) return builtIn;
    let id = this.formatIds.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.formats.length;
      this.formats.push({ id, code });
      this.formatIds.set(code, id);
    }
    return id;
  }

  /** The cell format (`s`) of a cell with this look; 0 for none. */
  cellFormat(style: Partial<ExcelJS.Style>, kind: CellKind): number {
    checkKeys(style, STYLE_KEYS, "style");
    const numFmtId = style.numFmt ? this.formatId(style.numFmt) : kind === "date" ? this.formatId("mm-dd-yy") : 0;
    const fontId = style.font ? this.fonts.idOf(fontXml(style.font)) : 0;
    const fillId = style.fill ? this.fills.idOf(fillXml(style.fill)) : 0;
    const borderId = style.border ? this.borders.idOf(borderXml(style.border)) : 0;
    let xml = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    if (numFmtId) xml += ` applyNumberFormat="1"`;
    if (fontId) xml += ` applyFont="1"`;
    if (fillId) xml += ` applyFill="1"`;
    if (borderId) xml += ` applyBorder="1"`;
    if (style.alignment) {
      xml += ` applyAlignment="1"`;
      const alignment = alignmentXml(style.alignment);
      xml += alignment === "" ? "/>" : `>${alignment}</xf>`;
    } else xml += "/>";
    return this.xfs.idOf(xml);
  }

  /** A differential format (a conditional format's look), numbered in the order given, as ExcelJS does. */
  differential(style: Partial<ExcelJS.Style>): number {
    checkKeys(style, new Set(["font", "fill"]), "mark style");
    const xml = `<dxf>${style.font ? fontXml(style.font) : ""}${style.fill ? fillXml(style.fill) : ""}</dxf>`;
    this.dxfs.push(xml);
    return this.dxfs.length - 1;
  }

  xml(): string {
    const list = (tag: string, items: string[], extra = "") => `<${tag} count="${items.length}"${extra}>${items.join("")}</${tag}>`;
    const formats = this.formats.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeAttribute(f.code)}"/>`);
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main">` +
      (formats.length > 0 ? list("numFmts", formats) : "") +
      list("fonts", this.fonts.items, ` x14ac:knownFonts="1"`) +
      list("fills", this.fills.items) +
      list("borders", this.borders.items) +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      list("cellXfs", this.xfs.items) +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      list("dxfs", this.dxfs) +
      `<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>` +
      `<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext><ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst>` +
      `</styleSheet>`
    );
  }
}
