/**
 * One way to build and inspect a workbook per port implementation, so the contract suite can
 * run the same assertions against the office-js adapter (over the fake Excel) and ExcelJS.
 */
import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import type { OutCell, WorkbookPort } from "../../src/port/workbook";
import { ExcelWorkbookOptions, createExcelWorkbook } from "../../src/excel/workbook";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { FakeExcel, FakeExcelOptions, FixtureSheet, evaluateRule, isoToSerial } from "../../src/fake-excel";
import { pointsToWidth } from "../../src/port/cells";

export interface CellLook {
  /** Stored value: text, number, boolean, or a date serial (ExcelJS dates are turned into serials). */
  value: string | number | boolean | null;
  isFormula: boolean;
  numberFormat: string;
  bold: boolean;
  /** The cell's own fill, `#RRGGBB`. */
  fill: string | null;
}

export interface Subject {
  port: WorkbookPort;
  /** The fill the user sees: marks on top of the cell's own fill. */
  effectiveFill(sheet: string, row: number, column: number): string | null;
  /** Everything about a sheet's look and content, for "restored exactly" comparisons. */
  look(sheet: string): unknown;
  cell(sheet: string, address: string): CellLook;
  columnWidth(sheet: string, column: number): number | null;
  frozenRows(sheet: string): number;
  /** Top-left cell of the current selection, e.g. `{ sheet: "账", cell: "A5" }`. */
  selectedCell(): { sheet: string; cell: string } | null;
  /** The workbook after a save and reopen (ExcelJS), or the same live workbook (Excel). */
  reopen(): Promise<Subject>;
}

export interface Harness {
  name: string;
  make(fixtures: FixtureSheet[]): Promise<Subject>;
}

export function fakeHarness(options: FakeExcelOptions = {}, adapter: Omit<ExcelWorkbookOptions, "run"> = {}): Harness {
  return {
    name: `office-js adapter on the fake Excel (ExcelApi ${options.apiVersion ?? "1.9"})`,
    async make(fixtures) {
      const excel = FakeExcel.fromSheets(fixtures, options);
      return fakeSubject(excel, adapter);
    },
  };
}

export function fakeSubject(excel: FakeExcel, adapter: Omit<ExcelWorkbookOptions, "run"> = {}): Subject & { excel: FakeExcel } {
  const port = createExcelWorkbook({ run: excel.run, isSetSupported: excel.isSetSupported, ...adapter });
  const subject: Subject & { excel: FakeExcel } = {
    excel,
    port,
    effectiveFill: (s, r, c) => excel.effectiveFill(s, r, c),
    look: (s) => excel.snapshot(s),
    cell(s, address) {
      const c = excel.cell(s, address);
      return {
        value: c.value,
        isFormula: c.formula !== null,
        numberFormat: c.numberFormat,
        bold: c.bold,
        fill: c.fill,
      };
    },
    columnWidth(s, column) {
      const w = excel.sheet(s).columnWidths.get(column);
      return w === undefined ? null : pointsToWidth(w);
    },
    frozenRows: (s) => excel.sheet(s).frozenRows,
    selectedCell() {
      const sel = excel.model.selection;
      if (!sel) return null;
      return { sheet: sel.sheet, cell: sel.address.split(/[:,]/)[0] };
    },
    reopen: async () => subject,
  };
  return subject;
}

function hex(argb: string | undefined): string | null {
  return argb ? `#${argb.slice(-6).toUpperCase()}` : null;
}

function areaContains(ref: string, row: number, column: number): boolean {
  return ref.split(/\s+/).some((area) => {
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(area);
    if (!m) return false;
    const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const c1 = col(m[1]);
    const r1 = Number(m[2]);
    const c2 = m[3] ? col(m[3]) : c1;
    const r2 = m[4] ? Number(m[4]) : r1;
    return row >= r1 && row <= r2 && column >= c1 && column <= c2;
  });
}

let fileCounter = 0;

export function xlsxHarness(): Harness {
  return {
    name: "ExcelJS workbook (.xlsx)",
    async make(fixtures) {
      const dir = mkdtempSync(path.join(tmpdir(), "duizhang-port-"));
      const input = path.join(dir, "input.xlsx");
      const built = XlsxWorkbook.fromSpecs(
        fixtures.map((f) => {
          const left = (f.left ?? 1) - 1;
          const rows = [
            ...Array.from({ length: (f.top ?? 1) - 1 }, () => []),
            ...f.rows.map((row) => [
              ...new Array(left).fill(null),
              ...row.map((cell): OutCell => {
                if (cell !== null && typeof cell === "object") {
                  return { value: cell.value, fill: cell.fill, numberFormat: cell.numberFormat, bold: cell.bold, color: cell.fontColor };
                }
                return { value: cell, numberFormat: typeof cell === "string" ? "General" : undefined };
              }),
            ]),
          ];
          return { name: f.name, rows, hiddenRows: f.hiddenRows };
        }),
      );
      for (const f of fixtures) {
        const ws = built.workbook.getWorksheet(f.name)!;
        if (f.visibility === "Hidden") ws.state = "hidden";
        for (const cf of f.conditionalFormats ?? []) {
          ws.addConditionalFormatting({
            ref: cf.address.replace(/,/g, " "),
            rules: [
              {
                type: "expression",
                priority: 1,
                formulae: [cf.formula.replace(/^=/, "")],
                style: cf.fill ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${cf.fill.slice(1)}` } } } : {},
              },
            ],
          });
        }
      }
      await built.save(input);
      return xlsxSubject(await XlsxWorkbook.open(input), dir);
    },
  };
}

export function xlsxSubject(x: XlsxWorkbook, dir: string): Subject & { xlsx: XlsxWorkbook } {
  const ws = (name: string) => {
    const s = x.workbook.getWorksheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  };
  const cfs = (name: string) =>
    ((ws(name) as unknown as { conditionalFormattings?: { ref: string; rules: { type: string; formulae?: string[]; priority?: number; style?: { fill?: { bgColor?: { argb?: string } } } }[] }[] })
      .conditionalFormattings ?? []);
  const subject: Subject & { xlsx: XlsxWorkbook } = {
    xlsx: x,
    port: x,
    effectiveFill(sheet, row, column) {
      for (const cf of cfs(sheet)) {
        const rule = cf.rules[0];
        if (!rule || rule.type !== "expression" || !areaContains(cf.ref, row, column)) continue;
        const fill = rule.style?.fill?.bgColor?.argb;
        if (fill && evaluateRule(`=${rule.formulae?.[0] ?? ""}`)) return hex(fill);
      }
      const own = ws(sheet).getCell(row, column).fill as ExcelJS.FillPattern | undefined;
      return own?.type === "pattern" ? hex(own.fgColor?.argb) : null;
    },
    look(sheet) {
      const s = ws(sheet);
      const cells: Record<string, unknown> = {};
      s.eachRow({ includeEmpty: true }, (row, r) => {
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          cells[`${r}:${c}`] = { value: cell.value, numFmt: cell.numFmt, style: JSON.stringify(cell.style) };
        });
      });
      const hidden: number[] = [];
      s.eachRow({ includeEmpty: true }, (row, r) => void (row.hidden && hidden.push(r)));
      return { cells, hidden, cfs: JSON.parse(JSON.stringify(cfs(sheet))), merges: s.model.merges };
    },
    cell(sheet, address) {
      const c = ws(sheet).getCell(address);
      const v = c.value;
      const isFormula = typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v);
      const value =
        v instanceof Date ? isoToSerial(v.toISOString().slice(0, 10)) : typeof v === "object" && v !== null ? JSON.stringify(v) : (v ?? null);
      const fill = c.fill as ExcelJS.FillPattern | undefined;
      return {
        value: value as CellLook["value"],
        isFormula,
        numberFormat: c.numFmt ?? "General",
        bold: c.font?.bold === true,
        fill: fill?.type === "pattern" ? hex(fill.fgColor?.argb) : null,
      };
    },
    columnWidth(sheet, column) {
      return ws(sheet).getColumn(column).width ?? null;
    },
    frozenRows(sheet) {
      const view = ws(sheet).views?.[0] as { state?: string; ySplit?: number } | undefined;
      return view?.state === "frozen" ? (view.ySplit ?? 0) : 0;
    },
    selectedCell() {
      const sel = x.lastSelection;
      if (!sel) return null;
      const view = ws(sel.sheet).views?.[0] as { activeCell?: string } | undefined;
      return view?.activeCell ? { sheet: sel.sheet, cell: view.activeCell } : null;
    },
    async reopen() {
      const file = path.join(dir, `out-${++fileCounter}.xlsx`);
      await x.save(file);
      return xlsxSubject(await XlsxWorkbook.open(file), dir);
    },
  };
  return subject;
}
