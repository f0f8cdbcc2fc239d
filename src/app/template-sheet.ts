/**
 * Sheets found by name as every command finds one (as Excel does, whatever the case), and a built-in template
 * (a letter, a demand letter, a commitment) written into a workbook as the user's own sheet to adapt.
 */
import { holdsTemplate, type Template } from "../core/letters";
import { sheetNamed } from "../port/addresses";
import { freeSheetName } from "../port/sheet-names";
import { PortError, type OutCell, type OutRow, type ReadableWorkbook, type WorkbookPort } from "../port/workbook";
import { msg, type Message } from "../core/messages";
import { render } from "../messages/render";
import type { Lang } from "./lang";

/**
 * The sheet of `names` that `wanted` names (`sheetNamed`): spelled so, else in another case, and then as the
 * workbook writes it; null when none is. Two sheets whose names differ only in case, neither spelled so (a
 * file another program made: Excel holds no such pair), give `wanted` itself: the port's read of it then
 * refuses it naming both (`sheet.ambiguous`), rather than one of them being taken.
 */
function sheetOf(names: readonly string[], wanted: string): string | null {
  const found = sheetNamed(names, wanted);
  if (found === null) return null;
  return "ambiguous" in found ? wanted : found.name;
}

/**
 * A user's template sheet that could not be loaded, as a run's problem: `template_ambiguous` when the port
 * cannot tell which sheet `sheet` means (two whose names differ only in case; its words name both),
 * `template_not_found` when there is none; null for any other failure, which is not about the sheet.
 */
export type TemplateSheetProblem = { code: "template_not_found"; message: string } | { code: "template_ambiguous"; message: string };

export function templateSheetProblem(e: unknown, sheet: string, lang: Lang): TemplateSheetProblem | null {
  const problem = templateSheetProblemMessage(e, sheet);
  return problem && { code: problem.code, message: render(problem.message, lang) };
}

/** `templateSheetProblem` with its words as a message, said where it is shown. */
export function templateSheetProblemMessage(e: unknown, sheet: string): { code: TemplateSheetProblem["code"]; message: Message } | null {
  if (!(e instanceof PortError) || e.code !== "no_sheet") return null;
  if (e.said?.code === "sheet.ambiguous") return { code: "template_ambiguous", message: e.said };
  return { code: "template_not_found", message: e.said ?? msg("letters.template.sheet_missing", { sheet }) };
}

/**
 * The workbook's sheet that `name` names, as every command finds one (`sheetOf`), or null. Every caller reads
 * the sheet it gives before anything else, so two sheets it cannot tell apart are refused there.
 */
export async function findSheet(port: ReadableWorkbook, name: string): Promise<string | null> {
  return sheetOf((await port.listSheets()).map((s) => s.name), name);
}

/**
 * Writes a built-in template as the user's own sheet (全部撤销 keeps it) under the template's name, or a free
 * one beside it. A sheet of that name still holding the template unchanged is reused instead; a sheet the
 * user changed is never written over.
 */
export async function writeTemplateSheet(port: WorkbookPort, t: Template): Promise<{ sheet: string; written: boolean }> {
  const names = (await port.listSheets()).map((s) => s.name);
  const same = sheetOf(names, t.sheet);
  if (same !== null) {
    const grid = await port.readSheet(same);
    if (holdsTemplate(t, grid.top, grid.left, grid.values)) return { sheet: same, written: false };
  }
  const name = freeSheetName(t.sheet, names);
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
