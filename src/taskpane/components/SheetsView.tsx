/**
 * The 工作表 view: choosing the two sheets, what reading them finds, and 全部撤销. A chunk of its own
 * (see ./views), so the reader and its Fluent parts load after the pane's frame shows.
 */
import type { SheetChoice } from "../choice";
import type { PaneMessage } from "../messages";
import type { Selection, SheetInfo } from "../../port/workbook";
import type { Side } from "../../core/model";
import { LedgerSheetsField, useLedgerSheets } from "./LedgerSheetsField";
import { ReadPanel } from "./ReadPanel";
import { SheetPicker } from "./SheetPicker";
import { UndoPanel } from "./UndoPanel";

export interface SheetsViewProps {
  sheets: readonly SheetInfo[];
  choice: SheetChoice;
  generation: number;
  busy: boolean;
  report: (message: PaneMessage) => void;
  clear: (key: string) => void;
  onChoose: (side: Side, name: string) => void;
  onGoTo: (target: Selection) => void;
  /** Lists the sheets again: after a refresh asked for, and after 全部撤销 removed sheets. */
  onRefresh: () => void;
}

export default function SheetsView(p: SheetsViewProps): JSX.Element {
  const ledgerSheets = useLedgerSheets(p.choice.ledger);
  return (
    <>
      <SheetPicker
        sheets={p.sheets}
        choice={p.choice}
        onChoose={p.onChoose}
        onRefresh={p.onRefresh}
        busy={p.busy}
        ledgerSheets={ledgerSheets}
        ledgerExtra={<LedgerSheetsField sheets={p.sheets} ledger={p.choice.ledger} statement={p.choice.statement} generation={p.generation} disabled={p.busy} />}
      />
      <ReadPanel sheets={p.sheets} choice={p.choice} ledgerSheets={ledgerSheets} generation={p.generation} report={p.report} clear={p.clear} onGoTo={p.onGoTo} />
      <UndoPanel report={p.report} onDone={p.onRefresh} />
    </>
  );
}
