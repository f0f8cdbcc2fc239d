/**
 * Sheets found by name as Excel finds them (ignoring case), and a built-in template (a letter, a demand
 * letter, a commitment) written into a workbook as the user's own sheet to adapt.
 */
import { holdsTemplate, type Template } from "../core/letters";
import { freeSheetName } from "../port/sheet-names";
import type { OutCell, OutRow, ReadableWorkbook, WorkbookPort } from "../port/workbook";

/** The workbook's sheet called `name` (compared as Excel does, ignoring case), or null. */
export async function findSheet(port: ReadableWorkbook, name: string): Promise<string | null> {
  const wanted = name.toLowerCase();
  const found = (await port.listSheets()).find((s) => s.name.toLowerCase() === wanted);
  return found ? found.name : null;
}

/**
 * Writes a built-in template as the user's own sheet (全部撤销 keeps it) under the template's name, or a free
 * one beside it. A sheet of that name still holding the template unchanged is reused instead; a sheet the
 * user changed is never written over.
 */
export async function writeTemplateSheet(port: WorkbookPort, t: Template): Promise<{ sheet: string; written: boolean }> {
  const sheets = await port.listSheets();
  const same = sheets.find((s) => s.name.toLowerCase() === t.sheet.toLowerCase());
  if (same) {
    const grid = await port.readSheet(same.name);
    if (holdsTemplate(t, grid.top, grid.left, grid.values)) return { sheet: same.name, written: false };
  }
  const name = freeSheetName(t.sheet, sheets.map((s) => s.name));
  const columns = Math.max(t.columnWidths.length, ...t.rows.map((r) => r.cells.length));
  await port.writeSheet({
    name,
    usersSheet: true,
    rows: t.rows.map((r): OutRow => r.cells.map((c) => (c === null ? null : (c.value as OutCell["value"])))),
    columnWidths: t.columnWidths.map((w) => w ?? 0),
    merges: t.merges.map((m) => ({ fromRow: m.top, toRow: m.bottom, fromColumn: m.left, toColumn: m.right })),
    rowHeights: t.rows.map((r) => r.height ?? null),
    templateFormats: {
      sourceRows: t.rows.map((_, i) => i + 1),
      columns,
      from: { looks: t.styles ?? {}, cells: t.rows.map((r) => r.cells.map((c) => c?.style ?? null)) },
    },
  });
  return { sheet: name, written: true };
}
