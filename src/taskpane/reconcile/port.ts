/**
 * The workbook port as a run uses it: every call first yields to the event loop, so the pane paints
 * the progress bar and answers the cancel button between stages (the engine itself runs in one go);
 * and the grids read are handed to `onGrid`, so the run keeps a fingerprint of each sheet without
 * reading it twice. A cancelled run stops at its next call, whichever stage it is in.
 */
import type { Grid } from "../../core/model";
import { PortError, type WorkbookPort } from "../../port/workbook";

export type Pause = () => Promise<void>;

/** A macrotask, not a microtask: only that lets the browser render and run input handlers. */
export const nextTask: Pause = () => new Promise((resolve) => setTimeout(resolve, 0));

export interface RunPortHooks {
  onGrid?: (sheet: string, grid: Grid) => void;
  pause?: Pause;
  /** Once aborted, the next call fails with \`PortError\` \`cancelled\` instead of reaching the workbook. */
  signal?: AbortSignal;
}

export function runPort(port: WorkbookPort, hooks: RunPortHooks = {}): WorkbookPort {
  const wait = hooks.pause ?? nextTask;
  const pause = async (): Promise<void> => {
    await wait();
    if (hooks.signal?.aborted) throw new PortError("cancelled", "reconcile");
  };
  return {
    capabilities: async () => (await pause(), port.capabilities()),
    listSheets: async () => (await pause(), port.listSheets()),
    readSheet: async (name, options) => {
      await pause();
      const grid = await port.readSheet(name, options);
      hooks.onGrid?.(name, grid);
      return grid;
    },
    writeSheet: async (spec, options) => (await pause(), port.writeSheet(spec, options)),
    ownSheets: async () => (await pause(), port.ownSheets()),
    deleteSheet: async (name) => (await pause(), port.deleteSheet(name)),
    markRows: async (sheet, group, marks, styles) => (await pause(), port.markRows(sheet, group, marks, styles)),
    clearMarks: async (group, sheet) => (await pause(), port.clearMarks(group, sheet)),
    listMarks: async (group, sheet) => (await pause(), port.listMarks(group, sheet)),
    select: async (target) => (await pause(), port.select(target)),
    getSetting: async <T>(key: string) => (await pause(), port.getSetting<T>(key)),
    setSetting: async (key, value) => (await pause(), port.setSetting(key, value)),
    writeCells: async (sheet, cells, options) => (await pause(), port.writeCells(sheet, cells, options)),
    readLayout: async (name) => (await pause(), port.readLayout(name)),
  };
}
