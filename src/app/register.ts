/**
 * Writing a planned change to the 函证登记簿 (letters, demand letters and commitments share it).
 *
 * The register is the company's record and the user's sheet: we write only the cells the plan names. When
 * the register does not exist yet, it is first laid out as a sheet that prints (column widths that hold
 * their dates, numbers and names, the header and the first columns repeated, A4 landscape, page numbers), then
 * filled.
 */
import { REGISTER_COLUMNS, REPLY_RESULTS, type RegisterColumn, type RegisterPlan, type RegisterRead } from "../core/letters";
import type { OutCell, PlacedCell, WorkbookPort } from "../port/workbook";
import type { Lang } from "./lang";
import { REPORT_FONT_SIZE, reportPrint } from "./reports/print";

/** Widths in characters: dates and amounts whole on paper, names and reasons wrapped in their columns. */
const WIDTHS: Record<RegisterColumn, number> = {
  编号: 15,
  类型: 10,
  客户名称: 30,
  截至日期: 11,
  金额: 14,
  发函日期: 11,
  发出方式: 9,
  快递单号: 15,
  回函日期: 11,
  回函结果: 9,
  对方金额: 14,
  不符原因: 18,
  备注: 14,
  签收日期: 11,
  等级: 6,
  限期付款日期: 12,
};

export async function writeRegisterPlan(
  port: WorkbookPort,
  name: string,
  register: RegisterRead | null,
  plan: RegisterPlan,
  lang: Lang,
  signal?: AbortSignal,
): Promise<void> {
  if (plan.writes.length === 0) return;
  if (register === null) {
    await port.writeSheet(
      {
        name,
        rows: [REGISTER_COLUMNS.map((c): OutCell => ({ value: c, bold: true }))],
        columnWidths: REGISTER_COLUMNS.map((c) => WIDTHS[c]),
        wrapColumns: [REGISTER_COLUMNS.indexOf("客户名称") + 1, REGISTER_COLUMNS.indexOf("不符原因") + 1, REGISTER_COLUMNS.indexOf("备注") + 1],
        fontSize: REPORT_FONT_SIZE,
        freezeRows: 1,
        usersSheet: true,
        // Sixteen columns do not fit one landscape page at a readable size: the pages across repeat 编号 to
        // 客户名称, so every page says which letter a row is.
        print: { ...reportPrint(lang, { orientation: "landscape", repeatRows: [1, 1], repeatColumns: [1, REGISTER_COLUMNS.indexOf("客户名称") + 1], headerText: name }), area: "used" },
      },
      signal ? { signal } : {},
    );
  }
  const headerRow = register?.headerRow ?? 1;
  const cells: PlacedCell[] = plan.writes.map((w) => {
    const header = w.field !== null && w.value === w.field && headerRow === w.row;
    const cell: OutCell = { value: w.value, ...(w.numberFormat ? { numberFormat: w.numberFormat } : {}), ...(header ? { bold: true } : {}) };
    return { row: w.row, column: w.column, cell };
  });
  let fromRow = Infinity;
  let toRow = -Infinity;
  for (const n of plan.numbers) {
    if (n.reused) continue;
    fromRow = Math.min(fromRow, n.row);
    toRow = Math.max(toRow, n.row);
  }
  const resultColumn = register?.columns.回函结果 ?? plan.writes.find((w) => w.field === "回函结果")?.column;
  const listValidation = fromRow <= toRow && resultColumn !== undefined ? [{ column: resultColumn, fromRow, toRow, values: REPLY_RESULTS }] : [];
  await port.writeCells(name, cells, { ...(signal ? { signal } : {}), listValidation });
}
