/**
 * The sample workbook (src/sample) put into the fake Excel as the user's own sheets: values as Excel
 * stores them (dates as serials), with their number formats, fills, bold titles, merges and widths.
 * Column widths in characters become points the way the adapter converts them, since office-js
 * (and so the fake) keeps points. Loaded straight into the model rather than through the adapter's writeSheet, which would record
 * the sheets as Duizhang's own: in the preview they stand for sheets the user brought.
 */
import { isoToSerial } from "../core/values/date";
import { widthToPoints } from "../port/cells";
import type { OutCell, OutRow, OutValue, SheetSpec } from "../port/workbook";
import { FakeExcel } from "../fake-excel";

const DEFAULT_DATE_FORMAT = "yyyy-mm-dd";

function isOutCell(cell: OutValue | OutCell): cell is OutCell {
  return typeof cell === "object" && cell !== null && "value" in cell;
}

function stored(value: OutValue): { value: string | number | boolean | undefined; isDate: boolean } {
  if (value === null) return { value: undefined, isDate: false };
  if (typeof value === "object") return { value: isoToSerial(value.date), isDate: true };
  return { value: value === "" ? undefined : value, isDate: false };
}

/** Puts one sheet spec into the fake as a sheet the user made. */
export function loadSheet(excel: FakeExcel, spec: SheetSpec): void {
  const sheet = excel.model.addSheet(spec.name);
  spec.rows.forEach((row: OutRow, ri) => {
    const r = ri + 1;
    row.forEach((raw, ci) => {
      const c = ci + 1;
      const cell: OutCell = isOutCell(raw) ? raw : { value: raw };
      const { value, isDate } = stored(cell.value);
      sheet.setStored(r, c, value);
      const columnFormat = spec.columnFormats?.[ci] ?? null;
      const format =
        cell.numberFormat ??
        (isDate ? columnFormat ?? DEFAULT_DATE_FORMAT : typeof value === "number" ? columnFormat ?? undefined : undefined);
      if (format) sheet.setNumberFormat(r, c, format);
      sheet.setStyle(r, c, {
        fill: cell.fill,
        bold: cell.bold,
        fontColor: cell.color,
        fontSize: cell.fontSize,
        align: cell.align,
        border: cell.border,
      });
      if (cell.mergeAcross && cell.mergeAcross > 0) {
        sheet.merges.push({ r1: r, c1: c, r2: r, c2: c + cell.mergeAcross });
      }
    });
  });
  spec.columnWidths?.forEach((w, i) => sheet.columnWidths.set(i + 1, widthToPoints(w)));
  sheet.frozenRows = spec.freezeRows ?? 0;
}

export function fakeWorkbookFrom(specs: readonly SheetSpec[]): FakeExcel {
  const excel = new FakeExcel();
  for (const spec of specs) loadSheet(excel, spec);
  return excel;
}
