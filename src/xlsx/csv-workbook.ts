/**
 * A CSV file seen as a workbook of one sheet, named after the file, so the use cases read CSV exactly as
 * they read a sheet. It is a workbook to read and nothing more (`ReadableWorkbook`): results of a CSV input
 * go to a new .xlsx workbook.
 */
import type { Grid } from "../core/model";
import type { Capabilities, ReadableWorkbook, SheetInfo } from "../port/workbook";
import { PortError } from "../port/workbook";
import { sameSheetName } from "../port/addresses";
import { isRowsGrid, valuesGrid, type SheetGrid } from "../core/read/source";
import { csvToSheetGrid } from "./csv";

export class CsvWorkbook implements ReadableWorkbook {
  readonly readOnlyKind = "csv";
  /** The grid with its values, once something has asked for them (a large file's rows are built then). */
  private values: Grid | null = null;

  private constructor(private readonly grid: SheetGrid) {}

  /** `name` becomes the sheet's name (the file name without its extension). */
  static fromBytes(bytes: Uint8Array, name: string): CsvWorkbook {
    return new CsvWorkbook(csvToSheetGrid(bytes, name));
  }

  get sheetName(): string {
    return this.grid.sheet;
  }

  async capabilities(): Promise<Capabilities> {
    return { rangeAreas: false, pageLayout: false, kind: "xlsx" };
  }

  async listSheets(): Promise<SheetInfo[]> {
    const g = this.grid;
    // A large file's rows are only built when read: its source knows the sizes without building them.
    const rowCount = isRowsGrid(g) ? g.rows.length : g.values.length;
    const columnCount = isRowsGrid(g) ? g.rows.width : g.values.reduce((m, r) => Math.max(m, r.length), 0);
    return [{ name: g.sheet, rowCount, columnCount, top: g.top, left: g.left, visible: true }];
  }

  /** The one sheet, named in any case (as Excel and the other workbooks compare sheet names). */
  async readSheet(name: string): Promise<Grid> {
    if (!sameSheetName(name, this.grid.sheet)) throw new PortError("no_sheet", name);
    if (this.values === null) this.values = valuesGrid(this.grid);
    return this.values;
  }

  async readRows(name: string): Promise<SheetGrid> {
    if (!sameSheetName(name, this.grid.sheet)) throw new PortError("no_sheet", name);
    return this.values ?? this.grid;
  }

  async readLayout(): Promise<{ merges: []; columnWidths: []; rowHeights: [] }> {
    return { merges: [], columnWidths: [], rowHeights: [] };
  }

  /** A CSV file has nowhere to keep settings: it has none. */
  async getSetting<T>(_key: string): Promise<T | undefined> {
    return undefined;
  }
}
