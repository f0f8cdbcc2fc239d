/**
 * The port's batched calls with their call-by-call fallbacks, so use cases need not ask which port
 * they have: the office-js port sends them in a few requests, others do each part in turn.
 */
import type { Grid } from "../core/model";
import { PortError, type ReadOptions, type ResultBatch, type SheetChange, type WorkbookPort } from "./workbook";

export async function readSheetsOf(port: WorkbookPort, names: readonly string[], options: ReadOptions = {}): Promise<Grid[]> {
  if (port.readSheets) return port.readSheets(names, options);
  const grids: Grid[] = [];
  for (const name of names) grids.push(await port.readSheet(name, options));
  return grids;
}

export async function writeResultsOf(port: WorkbookPort, batch: ResultBatch, options: ReadOptions = {}): Promise<void> {
  if (port.writeResults) return port.writeResults(batch, options);
  // Progress counts parts here, as the batched calls do: one per marked sheet and one per result sheet.
  const marks = batch.marks ?? [];
  const sheets = batch.sheets ?? [];
  const total = marks.length + sheets.length;
  let done = 0;
  options.onProgress?.({ done, total });
  for (const m of marks) {
    if (options.signal?.aborted) throw new PortError("cancelled", m.sheet);
    await port.markRows(m.sheet, m.group, m.marks, m.styles);
    options.onProgress?.({ done: ++done, total });
  }
  for (const spec of sheets) {
    await port.writeSheet(spec, { signal: options.signal });
    options.onProgress?.({ done: ++done, total });
  }
}

/** `watchSheets`, or null where the port has no change events. */
export async function watchSheetsOf(
  port: WorkbookPort,
  names: readonly string[],
  onChange: (change: SheetChange) => void,
): Promise<(() => Promise<void>) | null> {
  return port.watchSheets ? port.watchSheets(names, onChange) : null;
}
