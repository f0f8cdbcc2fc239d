/**
 * Text that XML 1.0 cannot carry: C0 control characters other than tab, line feed and carriage return,
 * U+FFFE, U+FFFF, and halves of surrogate pairs standing alone. One of them in a cell or sheet name makes
 * the whole .xlsx unreadable ("Excel found unreadable content"), and they do turn up: pasted from other
 * systems, in CSV exports, in file names, or decoded from `_x0001_` escapes in someone else's workbook.
 * Controls and the two non-characters are dropped; a lone surrogate becomes U+FFFD so the gap shows.
 */
import type ExcelJS from "exceljs";
import { quoteSheet } from "../port/addresses";
import type { OutCell, OutRow } from "../port/workbook";

// Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, "g");

export function hasXmlUnsafe(text: string): boolean {
  return UNSAFE.test(text);
}

/** `text` without the characters XML forbids (unchanged, and the same string, when there are none). */
export function xmlSafe(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE_ALL, (ch) => (ch.length === 1 && ch >= "\uD800" && ch <= "\uDFFF" ? "\uFFFD" : ""));
}

/**
 * A cell value with every piece of text made safe, its internal link and formula going to the sheets as
 * `nameOf` says they were written (see `SheetNames`; null when no sheet was written under another name);
 * the same object when nothing needed changing.
 */
function safeCellValue(value: ExcelJS.CellValue, nameOf: NameOf | null): ExcelJS.CellValue {
  if (typeof value === "string") return xmlSafe(value);
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  if ("richText" in value) {
    if (!value.richText.some((t) => hasXmlUnsafe(t.text))) return value;
    return { ...value, richText: value.richText.map((t) => ({ ...t, text: xmlSafe(t.text) })) };
  }
  if ("hyperlink" in value) {
    const v = value as ExcelJS.CellHyperlinkValue;
    const text = typeof v.text === "string" ? xmlSafe(v.text) : v.text;
    const tooltip = typeof v.tooltip === "string" ? xmlSafe(v.tooltip) : v.tooltip;
    const hyperlink = xmlSafe(nameOf ? linkToWritten(v.hyperlink, nameOf) : v.hyperlink);
    if (text === v.text && tooltip === v.tooltip && hyperlink === v.hyperlink) return value;
    return { ...v, text, hyperlink, ...(tooltip !== undefined ? { tooltip } : {}) } as ExcelJS.CellValue;
  }
  if ("formula" in value || "sharedFormula" in value) {
    const v = value as ExcelJS.CellFormulaValue & { sharedFormula?: string };
    const formula = typeof v.formula === "string" ? xmlSafe(nameOf ? refsToWritten(v.formula, nameOf) : v.formula) : v.formula;
    const result = typeof v.result === "string" ? xmlSafe(v.result) : v.result;
    if (formula === v.formula && result === v.result) return value;
    return { ...v, formula, result } as ExcelJS.CellValue;
  }
  return value;
}

/**
 * The name a sheet is written under: `name` made XML-safe (`xmlSafe`), with apostrophes the cleaning left at
 * either end dropped (Excel refuses them there), and kept apart (by a `(2)`, `(3)`… within Excel's 31
 * characters) from the names of the sheets `written` before it and any other name `taken` says is used, all
 * compared in lower case as Excel compares them: two names that differed only by a dropped character stay two
 * names. A name that needs no cleaning comes back as it is unless a sheet written before has it. Only sheets
 * written before count, never those after (a streamed file cannot know them): see `SheetNames`.
 */
export function xmlSafeSheetName(name: string, written: ReadonlySet<string>, taken: (lowerName: string) => boolean = () => false): string {
  const safe = xmlSafe(name);
  if (safe === name && !written.has(name.toLowerCase())) return name;
  const cleaned = safe === name ? safe : safe.replace(/^'+|'+$/g, "");
  const base = cleaned === "" ? "Sheet" : cleaned;
  let out = base;
  for (let i = 2; written.has(out.toLowerCase()) || taken(out.toLowerCase()); i++) out = `${base.slice(0, 31 - `(${i})`.length)}(${i})`;
  return out;
}

/** The name a sheet was written under, given its name as the port knows it (in any case); undefined for no such sheet. */
export type NameOf = (sheet: string) => string | undefined;

/**
 * The names sheets are written under, given one by one in the order the file holds them (`xmlSafeSheetName`,
 * kept apart from the names written before and from the `reserved` one, our settings sheet), and the name
 * each sheet was written under by its name as the port knows it. The one rule for both writers:
 * `makeWorkbookXmlSafe` here, over the workbook model's sheets in order, and the streamed workbook as it
 * starts each sheet; so the same sheets in the same order get the same names (a clean name comes after a
 * name that cleans to it: "A\u0001" then "A" are written "A" and "A(2)"), and links go where they were meant.
 * The streamed file knows a sheet's name once the sheet is started: a link to a sheet written later keeps the
 * name it gives (every result sheet links to sheets written before it: the input's copies, or itself).
 */
export class SheetNames {
  private readonly written = new Set<string>();
  private readonly byName = new Map<string, string>();
  /** Whether some sheet was written under a name other than its own: only then must links be looked at. */
  renamed = false;

  constructor(private readonly reserved?: string) {}

  /** The name the next sheet, `name` as the port knows it, is written under. */
  add(name: string): string {
    const reserved = this.reserved?.toLowerCase();
    const out = name === this.reserved ? name : xmlSafeSheetName(name, this.written, (lower) => lower === reserved);
    this.written.add(out.toLowerCase());
    this.byName.set(name.toLowerCase(), out);
    if (out !== name) this.renamed = true;
    return out;
  }

  /** The name the sheet `sheet` (as the port knows it, in any case) was written under; undefined for one not written (yet). */
  readonly of: NameOf = (sheet) => this.byName.get(sheet.toLowerCase());
}

/** A sheet's name in a link or formula: between apostrophes (one inside doubled), or bare. */
const QUOTED = /^'((?:[^']|'')+)'/;
/** What can end a bare sheet name in a formula (Excel's operators, separators and brackets), besides the `!` after it. */
const BARE = /^[^\s'"!(){}[\],;:=<>+\-*/^&%]+/;

/**
 * An internal link (`#Sheet!A1`, `#'Sheet 1'!A1:B2`) made to go to its sheet under the name it was written
 * under (`nameOf`); any other link (a web address, a sheet not written) as it is.
 */
export function linkToWritten(link: string, nameOf: NameOf): string {
  const hash = link.startsWith("#") ? "#" : "";
  const rest = link.slice(hash.length);
  const quoted = QUOTED.exec(rest);
  const bare = quoted ? null : BARE.exec(rest);
  const m = quoted ?? bare;
  if (!m || rest[m[0].length] !== "!" || !/^\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?$/.test(rest.slice(m[0].length + 1))) return link;
  const sheet = quoted ? quoted[1].replace(/''/g, "'") : m[0];
  const written = nameOf(sheet);
  if (written === undefined || written === sheet) return link;
  return `${hash}${quoteSheet(written)}${rest.slice(m[0].length)}`;
}

/**
 * A reference's sheet part, `sheets` (one name, or `First:Last` of a reference over several sheets), under the
 * names the sheets were written under (`nameOf`): `raw`, as the formula had it, when neither name moved; else
 * bare when every name may stand so, otherwise quoted as a whole (`'First:Last'`, as Excel writes it).
 */
function sheetsToWritten(sheets: string, raw: string, nameOf: NameOf): string {
  // A sheet's name holds no ":" (Excel refuses it): one in a quoted prefix divides two sheets' names.
  const names = sheets.split(":");
  if (names.length > 2) return raw;
  let moved = false;
  const written = names.map((s) => {
    const w = nameOf(s);
    if (w === undefined || w === s) return s;
    moved = true;
    return w;
  });
  if (!moved) return raw;
  const joined = written.join(":");
  return written.every((w) => quoteSheet(w) === w) ? joined : `'${joined.replace(/'/g, "''")}'`;
}

/**
 * A formula (or a defined name's range) whose references to sheets (`Sheet!A1`, `'Sheet 1'!A1`, and over
 * several sheets `First:Last!A1`, `'First:Last'!A1`) go to each sheet under the name it was written under
 * (`nameOf`). Texts between double quotes are left alone, and so is a sheet of another workbook (`[1]Sheet!A1`).
 */
export function refsToWritten(formula: string, nameOf: NameOf): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      // A text: up to its closing quote ("" inside is one quote).
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const rest = formula.slice(i);
    const quoted = ch === "'" ? QUOTED.exec(rest) : null;
    const bare = quoted ? null : BARE.exec(rest);
    const m = quoted ?? bare;
    if (!m) {
      out += ch;
      i++;
      continue;
    }
    const before = formula[i - 1];
    const after = i + m[0].length;
    if (bare && formula[after] === ":" && before !== "!" && before !== "]" && nameOf(m[0]) !== undefined) {
      // `First:Last!`: a sheet of this workbook, then a second name and "!", is a reference over sheets (a name
      // that could be taken for a cell is quoted, so `A1:Sheet!B2` is no such reference).
      const last = BARE.exec(formula.slice(after + 1));
      if (last && formula[after + 1 + last[0].length] === "!") {
        const raw = formula.slice(i, after + 1 + last[0].length);
        out += sheetsToWritten(`${m[0]}:${last[0]}`, raw, nameOf);
        i += raw.length;
        continue;
      }
    }
    if (formula[after] === "!" && !(bare && before === "]")) {
      out += sheetsToWritten(quoted ? quoted[1].replace(/''/g, "'") : m[0], m[0], nameOf);
    } else out += m[0];
    i = after;
  }
  return out;
}

/**
 * A row whose cells link to each sheet under the name it was written under (`nameOf`): the same row when no
 * link needed it, else a copy whose changed cells are made once per cell object (`memo`), so a cell the rows
 * share stays one object.
 */
export function rowLinksToWritten(row: OutRow, nameOf: NameOf, memo: WeakMap<OutCell, OutCell>): OutRow {
  let out: OutRow | null = null;
  for (let j = 0; j < row.length; j++) {
    const cell = row[j];
    if (cell === null || typeof cell !== "object" || !("value" in cell) || !cell.link) continue;
    let moved = memo.get(cell);
    if (moved === undefined) {
      const written = nameOf(cell.link.sheet);
      moved = written === undefined || written === cell.link.sheet ? cell : { ...cell, link: { ...cell.link, sheet: written } };
      memo.set(cell, moved);
    }
    if (moved !== cell) (out ??= [...row])[j] = moved;
  }
  return out ?? row;
}

/**
 * Makes every sheet name, cell text, note and header/footer of `workbook` safe to write, in place. Sheet names
 * are given by `SheetNames` in the order of the sheets (`reserved`, our settings sheet, keeping its own), and
 * internal links, formulas and defined names that name a sheet written under another name are made to name
 * it so: a link goes to the sheet it was meant for.
 */
export function makeWorkbookXmlSafe(workbook: ExcelJS.Workbook, reserved?: string): void {
  const names = new SheetNames(reserved);
  const sheets = workbook.worksheets;
  const written = sheets.map((ws) => names.add(ws.name));
  if (names.renamed) {
    // ExcelJS refuses a name another sheet has, even for a moment: each renamed sheet first takes a passing name
    // (a control character and a number) that no sheet holds now, then its own. No sheet keeps a passing name
    // (every name with a control character is renamed here), but one not yet renamed may hold it still.
    const now = new Set(sheets.map((ws) => ws.name.toLowerCase()));
    let free = 0;
    sheets.forEach((ws, i) => {
      if (written[i] === ws.name) return;
      while (now.has(`\u0001${free}`)) free++;
      ws.name = `\u0001${free++}`;
    });
    sheets.forEach((ws, i) => {
      if (written[i] !== ws.name) ws.name = written[i];
    });
    const model = workbook.definedNames.model;
    if (model.length > 0) workbook.definedNames.model = model.map((d) => ({ ...d, ranges: d.ranges.map((r) => refsToWritten(r, names.of)) }));
  }
  const nameOf = names.renamed ? names.of : null;
  for (const ws of sheets) {
    const hf = ws.headerFooter as Record<string, unknown> | undefined;
    if (hf) for (const [k, v] of Object.entries(hf)) if (typeof v === "string" && hasXmlUnsafe(v)) hf[k] = xmlSafe(v);
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        // A merged cell's followers show the first cell's value: that one is fixed on its own.
        if (cell.isMerged && cell.master !== cell) return;
        const value = cell.value;
        const safe = safeCellValue(value, nameOf);
        if (safe !== value) cell.value = safe;
        const note = cell.note as unknown;
        if (typeof note === "string" && hasXmlUnsafe(note)) cell.note = xmlSafe(note);
        else if (note && typeof note === "object" && Array.isArray((note as ExcelJS.Comment).texts)) {
          const c = note as ExcelJS.Comment;
          if (c.texts!.some((t) => hasXmlUnsafe(t.text))) cell.note = { ...c, texts: c.texts!.map((t) => ({ ...t, text: xmlSafe(t.text) })) };
        }
      });
    });
  }
}
