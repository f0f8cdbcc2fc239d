import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Side } from "../../core/model";
import type { BalanceTable } from "../../core/read/balances";
import type { ReadResult, Role } from "../../core/read/types";
import type { Selection, SheetInfo } from "../../port/workbook";
import type { SheetChoice } from "../choice";
import { useServices, useStrings, useUseCases, type ReadUseCases } from "../context";
import { STRINGS } from "../i18n";
import { messageFromFailure } from "../failure";
import type { PaneMessage } from "../messages";
import { columnChoices, remap } from "../summary";
import { ActionNote, useConfirmations } from "./ActionNote";
import { ReadSummary } from "./ReadSummary";
import { BalanceTableSummary, CombinedNotes, isCombined } from "./SheetsReadNotes";

const useStyles = makeStyles({
  panel: {
    paddingBottom: tokens.spacingVerticalM,
  },
});

export interface ReadPanelProps {
  sheets: readonly SheetInfo[];
  choice: SheetChoice;
  /** Bumped when the user refreshes, so the chosen sheets are read again. */
  generation: number;
  report: (message: PaneMessage) => void;
  clear: (key: string) => void;
  onGoTo: (target: Selection) => void;
  /** Told each time a sheet was read (or could not be), for views that build on the read (对账); `balances` when the ledger sheet is a balance table. */
  onResult?: (side: Side, result: ReadResult | null, balances?: BalanceTable | null) => void;
  /** A ledger kept one sheet per month: every sheet read as the ledger (the first is `choice.ledger`'s place). */
  ledgerSheets?: readonly string[];
}

/** What was read from each chosen sheet, one accordion item per side. */
export function ReadPanel(props: ReadPanelProps): JSX.Element | null {
  const read = useUseCases();
  const t = useStrings();
  const chosen: [Side, string][] = [];
  if (props.choice.ledger) chosen.push(["ledger", props.choice.ledger]);
  if (props.choice.statement) chosen.push(["statement", props.choice.statement]);
  if (chosen.length === 0) return null;
  const many = props.ledgerSheets && props.ledgerSheets.length > 1 ? props.ledgerSheets : null;
  return (
    <Accordion multiple collapsible defaultOpenItems={["ledger", "statement"]}>
      {chosen.map(([side, sheet]) => (
        <AccordionItem key={side} value={side}>
          <AccordionHeader size="small">{t.summaryItem(t.sideNames[side], side === "ledger" && many ? many.join("、") : sheet)}</AccordionHeader>
          <AccordionPanel>
            <SheetReading
              key={`${side}:${side === "ledger" && many ? many.join("\u0000") : sheet}`}
              sheets={side === "ledger" && many ? many : undefined}
              read={read}
              side={side}
              sheet={sheet}
              info={props.sheets.find((s) => s.name === sheet)}
              generation={props.generation}
              report={props.report}
              clear={props.clear}
              onGoTo={props.onGoTo}
              onResult={props.onResult}
            />
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}

type Reading = { status: "reading" } | { status: "done"; result: ReadResult; balances?: BalanceTable } | { status: "failed" };

interface SheetReadingProps {
  read: ReadUseCases;
  side: Side;
  sheet: string;
  /** Several sheets read as one ledger. */
  sheets?: readonly string[];
  info: SheetInfo | undefined;
  generation: number;
  report: (message: PaneMessage) => void;
  clear: (key: string) => void;
  onGoTo: (target: Selection) => void;
  onResult?: (side: Side, result: ReadResult | null, balances?: BalanceTable | null) => void;
}

function SheetReading({ read, side, sheet, sheets, info, generation, report, clear, onGoTo, onResult }: SheetReadingProps): JSX.Element {
  const { port } = useServices();
  const t = useStrings();
  const styles = useStyles();
  const [reading, setReading] = useState<Reading>({ status: "reading" });
  const [saving, setSaving] = useState(false);
  // Kept here, not in the summary: the summary is rebuilt each time the sheet is read again.
  const [mappingOpen, setMappingOpen] = useState(false);
  const { confirm, startAction } = useConfirmations();
  const messageKey = `read-${side}`;
  // Header names the reader reported so far: a column keeps its name in the dropdowns after the
  // user moves its role elsewhere. (The read result names mapped columns only.)
  const headers = useRef(new Map<number, string>());
  const remember = (result: ReadResult): ReadResult => {
    for (const m of Object.values(result.mapping)) if (m && m.header) headers.current.set(m.column, m.header);
    return result;
  };

  // Kept in a ref so a caller passing a new function each render does not make the sheet read again.
  const resultListener = useRef(onResult);
  resultListener.current = onResult;

  useEffect(() => {
    // A newer read (another sheet chosen, a refresh) makes this one's answer stale.
    let current = true;
    setReading({ status: "reading" });
    resultListener.current?.(side, null);
    const many = sheets && sheets.length > 1 ? { sheets: [...sheets] } : {};
    read
      .readSheet(port, sheet, { side, ...many })
      .then(async (result) => {
        // A ledger sheet may be a balance table (余额表): letters are made from it, and the summary says so.
        const balances = side === "ledger" && !sheets ? await read.readBalanceSheet(port, sheet) : null;
        return { result, balances };
      })
      .then(
        ({ result, balances }) => {
          if (!current) return;
          setReading({ status: "done", result: remember(result), ...(balances ? { balances } : {}) });
          resultListener.current?.(side, result, balances);
          clear(messageKey);
        },
        (err: unknown) => {
          if (!current) return;
          setReading({ status: "failed" });
          report(messageFromFailure(err, messageKey));
        },
      );
    return () => {
      current = false;
      // A problem with a sheet no longer chosen (or about to be read again) is no longer news.
      clear(messageKey);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [read, port, sheet, sheets?.join("\u0000"), side, generation, report, clear, messageKey]);

  const onRemap = useCallback(
    (role: Role, column: number) => {
      if (reading.status !== "done") return;
      const map = remap(reading.result.mapping, role, column);
      startAction();
      setSaving(true);
      read
        .saveMapping(port, sheet, map)
        // Several sheets are read again as one, the first with its columns as saved.
        .then(() => read.readSheet(port, sheet, sheets && sheets.length > 1 ? { side, sheets: [...sheets] } : { side, map }))
        .then(
          (result) => {
            setReading({ status: "done", result: remember(result) });
            resultListener.current?.(side, result);
            confirm(`mapping-${side}`, (locale) => STRINGS[locale].mappingSaved);
          },
          (err: unknown) => report(messageFromFailure(err, messageKey)),
        )
        .finally(() => setSaving(false));
    },
    [reading, read, port, sheet, sheets, side, report, messageKey, confirm, startAction],
  );

  if (reading.status === "reading") return <Spinner size="tiny" label={t.readingSheet(sheet)} />;
  if (reading.status === "failed") return <></>;
  if (reading.balances) {
    return (
      <div className={styles.panel}>
        <BalanceTableSummary table={reading.balances} onGoTo={onGoTo} />
      </div>
    );
  }
  const combined = isCombined(reading.result) ? reading.result : null;
  return (
    <div className={styles.panel}>
      {combined ? <CombinedNotes result={combined} onGoTo={onGoTo} /> : null}
      <ReadSummary
        result={reading.result}
        columns={columnChoices(reading.result, info, headers.current)}
        onRemap={onRemap}
        onGoTo={onGoTo}
        busy={saving}
        mappingOpen={mappingOpen}
        onMappingOpen={setMappingOpen}
        mappingNote={<ActionNote at={`mapping-${side}`} />}
      />
    </div>
  );
}
