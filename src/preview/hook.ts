/**
 * What the preview page exposes as `window.duizhangPreview`: the fake Excel itself, so tests and demos
 * can change the workbook the way a user would in Excel (type a value, delete a sheet), and `notify`
 * to redraw the grid and let the pane see it.
 */
import type { FakeExcel } from "../fake-excel";

export interface PreviewHook {
  excel: FakeExcel;
  notify: () => void;
}

declare global {
  interface Window {
    duizhangPreview?: PreviewHook;
  }
}
