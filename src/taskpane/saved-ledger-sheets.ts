/**
 * The monthly-sheet choice (按月分表的台账, see ./ledger-sheets) kept in the workbook as well as in the pane
 * store: the store's choice is what the views read; the workbook's settings (LEDGER_SHEETS_SETTING, beside
 * the ledger and statement's CHOICE_SETTING) bring it back when the workbook is opened again. A sheet of the
 * choice that is no longer in the workbook is dropped, with a note.
 */
import { useCallback, useEffect, useRef } from "react";
import type { SheetInfo } from "../port/workbook";
import { useServices } from "./context";
import { LEDGER_SHEETS_SETTING, keepExisting } from "./ledger-sheets";
import { messageFromError, type PaneMessage } from "./messages";
import { usePane, usePaneStore } from "./store";

/** The key of the note that says which sheets were dropped. */
export const LEDGER_SHEETS_GONE = "ledger-sheets-gone";
/** The key of the failure to read the saved choice: its own, so a note of sheets gone does not replace it. */
export const LEDGER_SHEETS_UNREAD = "ledger-sheets-unread";

/**
 * Saves the store's choice whenever a view changes it, and returns what the pane calls with each list of its
 * sheets: on opening (`opening`) the choice saved in the workbook comes into the store, on a refresh the
 * store's own is checked; either way sheets gone are dropped, said in a note, and the workbook's copy follows.
 */
export function useSavedLedgerSheets(report: (message: PaneMessage) => void): (sheets: readonly SheetInfo[], opening: boolean) => Promise<void> {
  const { port } = useServices();
  const store = usePaneStore();
  const chosen = usePane((p) => p.ledgerSheets ?? null);
  // The choice the workbook holds, as JSON; null until read, so nothing is written over a choice not yet read.
  const saved = useRef<string | null>(null);
  const save = useCallback(
    (sheets: string[] | null) => {
      saved.current = JSON.stringify(sheets);
      port.setSetting(LEDGER_SHEETS_SETTING, sheets ?? undefined).catch((err: unknown) => report(messageFromError(err, "save-choice")));
    },
    [port, report],
  );
  useEffect(() => {
    if (saved.current !== null && saved.current !== JSON.stringify(chosen)) save(chosen);
  }, [chosen, save]);

  return useCallback(
    async (sheets: readonly SheetInfo[], opening: boolean) => {
      let stored: unknown;
      if (opening) {
        // The saved choice is a convenience: when it cannot be read the workbook opens without it, the failure
        // said (and a choice made now is not written over the one that could not be read).
        try {
          stored = await port.getSetting(LEDGER_SHEETS_SETTING);
        } catch (err) {
          report(messageFromError(err, LEDGER_SHEETS_UNREAD));
          return;
        }
      } else stored = store.get().ledgerSheets;
      const { sheets: kept, gone } = keepExisting(stored, sheets);
      if (!opening && gone.length === 0) return;
      if (gone.length > 0) {
        report({ key: LEDGER_SHEETS_GONE, intent: "info", text: (t) => t.ledgerSheetsGone(gone, kept) });
        save(kept);
      } else saved.current = JSON.stringify(kept);
      store.dispatch({ type: "ledger/sheets", sheets: kept });
    },
    [port, store, report, save],
  );
}
