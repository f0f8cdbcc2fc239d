/**
 * Text that XML 1.0 cannot carry: C0 control characters other than tab, line feed and carriage return,
 * U+FFFE, U+FFFF, and halves of surrogate pairs standing alone. One of them in a cell or sheet name makes
 * the whole .xlsx unreadable ("Excel found unreadable content"), and they do turn up: pasted from other
 * systems, in CSV exports, in file names, or decoded from `_x0001_` escapes in someone else's workbook.
 * Controls and the two non-characters are dropped; a lone surrogate becomes U+FFFD so the gap shows.
 */
import type ExcelJS from "exceljs";

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

/** A cell value with every piece of text made safe; the same object when nothing needed changing. */
function safeCellValue(value: ExcelJS.CellValue): ExcelJS.CellValue {
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
    const hyperlink = xmlSafe(v.hyperlink);
    if (text === v.text && tooltip === v.tooltip && hyperlink === v.hyperlink) return value;
    return { ...v, text, hyperlink, ...(tooltip !== undefined ? { tooltip } : {}) } as ExcelJS.CellValue;
  }
  if ("formula" in value || "sharedFormula" in value) {
    const v = value as ExcelJS.CellFormulaValue & { sharedFormula?: string };
    const formula = typeof v.formula === "string" ? xmlSafe(v.formula) : v.formula;
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
 * names. A name that needs no cleaning comes back as it is unless a sheet written before has it. The one rule
 * for both writers: `makeWorkbookXmlSafe` here, and the streamed workbook as it starts each sheet.
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

/**
 * Makes every sheet name, cell text, note and header/footer of `workbook` safe to write, in place. Sheet
 * names and internal links (`#'Sheet'!A5`) go through the same function, so links still find their sheet.
 */
export function makeWorkbookXmlSafe(workbook: ExcelJS.Workbook): void {
  const names = new Set<string>();
  for (const ws of workbook.worksheets) {
    const name = xmlSafeSheetName(ws.name, names, (lower) => workbook.worksheets.some((w) => w !== ws && w.name.toLowerCase() === lower));
    if (name !== ws.name) ws.name = name;
    names.add(name.toLowerCase());
    const hf = ws.headerFooter as Record<string, unknown> | undefined;
    if (hf) for (const [k, v] of Object.entries(hf)) if (typeof v === "string" && hasXmlUnsafe(v)) hf[k] = xmlSafe(v);
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        // A merged cell's followers show the first cell's value: that one is fixed on its own.
        if (cell.isMerged && cell.master !== cell) return;
        const value = cell.value;
        const safe = safeCellValue(value);
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
