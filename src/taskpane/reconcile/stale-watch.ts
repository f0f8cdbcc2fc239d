/**
 * Whether the sheets of a run changed since it read them (sorted, edited, deleted): the marks and the
 * row numbers in the results point at row positions, so the pane warns before a jump would land on
 * the wrong row.
 *
 * Where the workbook tells of changes (Excel's `worksheet.onChanged`, ExcelApi 1.7, through the port's
 * `watchSheets`), that is the signal: a check costs no request, and the pane hears of an edit as it
 * happens. Elsewhere (an older Excel, a sheet that could not be watched) each check reads the sheets
 * again and compares their fingerprints (./fingerprint), as before.
 */
import { watchSheetsOf } from "../../port/batch";
import { PortError, type WorkbookPort } from "../../port/workbook";
import { changedSheets, gridFingerprint } from "./fingerprint";

export interface StaleWatch {
  /** `events`: the workbook tells of changes; `fingerprint`: each check reads the sheets again. */
  readonly mode: "events" | "fingerprint";
  /** The run's sheets that changed (or are gone) since it read them, in the run's order. */
  changed(): Promise<string[]>;
  /** Stops listening; later checks still answer with what was heard. */
  stop(): Promise<void>;
}

function isPortError(err: unknown): boolean {
  return err instanceof PortError || (err as { name?: unknown } | null)?.name === "PortError";
}

/**
 * Starts watching the sheets whose fingerprints a run kept (`prints`: sheet → fingerprint as read).
 * `onChange` is told, with every changed sheet so far, whenever an event says another one changed.
 * Start it after the run's own marks and sheets are written, so the run's writes are not taken for the user's.
 */
export async function watchRunSheets(
  port: WorkbookPort,
  prints: ReadonlyMap<string, string>,
  onChange?: (changed: string[]) => void,
): Promise<StaleWatch> {
  const order = [...prints.keys()];
  const heard = new Set<string>();
  const inOrder = () => order.filter((s) => heard.has(s));
  let stop: (() => Promise<void>) | null = null;
  try {
    stop = await watchSheetsOf(port, order, (change) => {
      if (heard.has(change.sheet)) return;
      heard.add(change.sheet);
      onChange?.(inOrder());
    });
  } catch (err) {
    // A sheet already gone or not watchable: the fingerprints answer instead.
    if (!isPortError(err)) throw err;
  }
  if (stop) {
    const unsubscribe = stop;
    return {
      mode: "events",
      changed: async () => inOrder(),
      stop: () => unsubscribe(),
    };
  }
  return {
    mode: "fingerprint",
    changed: async () => {
      const now = new Map<string, string | null>();
      for (const sheet of order) {
        try {
          now.set(sheet, gridFingerprint(await port.readSheet(sheet)));
        } catch (err) {
          if (isPortError(err)) now.set(sheet, null);
          else throw err;
        }
      }
      return changedSheets(prints, now);
    },
    stop: async () => {},
  };
}
