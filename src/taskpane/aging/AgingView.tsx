/**
 * The 账龄 / 逾期 view: the as-of date, the ledger (the pane's shared choice) and optionally one
 * dealer; the default term and where each dealer's term came from; a summary by stage whose colours
 * are the ledger's marks; the items to follow up this week, each selecting its row; and the three
 * commands: mark the overdue rows, clear those marks (never the reconciliation ones), write the
 * aging sheets. Reading is automatic and changes nothing; every change to the workbook is a button.
 * The workflow is useAgingRun's; this renders it and forwards the user's events.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  Option,
  Spinner,
  Text,
  makeStyles,
} from "@fluentui/react-components";
import { useMemo } from "react";
import { pick } from "../../app/lang";
import type { Side } from "../../core/model";
import { formatFenGrouped } from "../../core/money";
import type { Selection, SheetInfo } from "../../port/workbook";
import type { SheetChoice } from "../choice";
import { ActionNote } from "../components/ActionNote";
import { Actions, DateField, useLayoutStyles } from "../components/layout";
import { LedgerSheetsField, useLedgerSheets } from "../components/LedgerSheetsField";
import { useLocale } from "../context";
import type { PaneMessage } from "../messages";
import { ActionList, KeptApart, StageSummary, TermTable } from "./AgingParts";
import {
  MAX_LISTED_ACTIONS,
  actionLines,
  keptApartNotes,
  reviewLegendLine,
  limitationLegendLine,
  reviewLines,
  stageLines,
  termLines,
  unappliedTotal,
  unreadableLines,
} from "./model";
import { AGING_STRINGS } from "./strings";
import { AGING_NOTE, useAgingRun } from "./useAgingRun";
import { DemandPanel, LimitationFilterField, PromisePanel, filterByLimitation } from "./CollectParts";
import { useCollect } from "./useCollect";

const useStyles = makeStyles({
  termInput: { width: "7em" },
});

export interface AgingViewProps {
  sheets: readonly SheetInfo[];
  choice: SheetChoice;
  /** Bumped when the user refreshes the sheet list: the ledger is aged again. */
  generation: number;
  report: (message: PaneMessage) => void;
  clear: (key: string) => void;
  onChoose: (side: Side, name: string) => void;
  onGoTo: (target: Selection) => void;
}

export function AgingView(props: AgingViewProps): JSX.Element {
  const locale = useLocale();
  const s = AGING_STRINGS[locale];
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { report, clear, onGoTo, generation } = props;
  const ledger = props.choice.ledger;
  const ledgerSheets = useLedgerSheets(ledger);
  const w = useAgingRun({ ledger, ledgerSheets, generation, report, clear, onGoTo });
  const c = useCollect({ ledger, ledgerSheets, run: w.run, dealer: w.dealer, report, clear, onGoTo });
  const { run, asOf, dealer, dealers, busy, status, review, termProblem, termValue, canAct, markedHere } = w;
  const { asOf: asOfText, soonToo, basis, buckets: bucketsText } = w.choices;
  const buckets = w.bucketsOk;
  const termSources = run?.termSources ?? null;
  const termText = w.termText;

  const lines = useMemo(() => (run ? stageLines(run.report, locale) : []), [run, locale]);
  const fills = useMemo(() => Object.fromEntries(lines.map((l) => [l.stage, { fill: l.fill, color: l.color }])), [lines]);
  const allActions = useMemo(() => (run ? actionLines(run.report, locale) : []), [run, locale]);
  const actions = useMemo(() => filterByLimitation(allActions, c.filter), [allActions, c.filter]);
  const terms = useMemo(() => (run ? termLines(run.termSources, locale) : []), [run, locale]);
  const unapplied = run ? unappliedTotal(run.report) : 0;
  const usable = props.sheets.filter((x) => x.rowCount > 0 && x.columnCount > 0);

  return (
    <section className={layout.view} aria-label={s.viewTitle} data-testid="aging-view">
      <Text>{s.intro}</Text>

      <div className={layout.section}>
        <Field label={s.ledger} hint={ledger ? undefined : s.ledgerHint}>
          <Dropdown
            className={layout.control}
            data-testid="aging-ledger"
            placeholder={s.noLedger}
            value={ledger ?? ""}
            selectedOptions={ledger ? [ledger] : []}
            onOptionSelect={(_, data) => {
              if (data.optionValue !== undefined) props.onChoose("ledger", data.optionValue);
            }}
          >
            {usable.map((x) => (
              <Option key={x.name} value={x.name}>
                {x.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <LedgerSheetsField sheets={props.sheets} ledger={ledger} statement={props.choice.statement} generation={generation} />
        <div className={layout.formRow}>
          <DateField
            grow
            label={s.asOf}
            hint={s.asOfHint}
            problem={asOf ? undefined : s.asOfProblem(asOfText)}
            value={asOfText}
            onChange={(value) => w.choose({ asOf: value })}
            testId="aging-as-of"
          />
          <Button onClick={w.recompute} disabled={!ledger || !asOf || status.state === "running"} data-testid="aging-recompute">
            {s.recompute}
          </Button>
        </div>
        <Field label={s.dealer}>
          <Dropdown
            className={layout.control}
            data-testid="aging-dealer"
            value={dealer ?? s.allDealers}
            selectedOptions={[dealer ?? ""]}
            onOptionSelect={(_, data) => w.chooseDealer(data.optionValue ? data.optionValue : null)}
            disabled={dealers.length === 0}
          >
            <Option value="">{s.allDealers}</Option>
            {dealers.map((d) => (
              <Option key={d} value={d}>
                {d}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <div className={layout.formRow}>
          <Field className={layout.grow} label={s.basis}>
            <Dropdown
              className={layout.control}
              data-testid="aging-basis"
              value={basis === "due" ? s.basisDue : s.basisDocument}
              selectedOptions={[basis]}
              onOptionSelect={(_, data) => w.choose({ basis: data.optionValue === "document" ? "document" : "due" })}
            >
              <Option value="due">{s.basisDue}</Option>
              <Option value="document">{s.basisDocument}</Option>
            </Dropdown>
          </Field>
          <Field
            className={layout.grow}
            label={s.buckets}
            hint={buckets ? s.bucketsHint : undefined}
            validationState={buckets ? "none" : "error"}
            validationMessage={buckets ? undefined : s.bucketsProblem}
          >
            <Input className={layout.control} value={bucketsText} onChange={(_, data) => w.choose({ buckets: data.value })} data-testid="aging-buckets" />
          </Field>
        </div>
      </div>

      {status.state === "running" && ledger ? <Spinner size="tiny" label={s.running(ledger)} /> : null}

      {run && termSources ? (
        <>
          <div className={layout.section}>
            <h2 className={layout.heading}>{s.summaryTitle(run.report.asOf)}</h2>
            {run.report.dealers.length === 0 ? <Text className={layout.muted}>{s.nothingOpen}</Text> : null}
            <StageSummary
              s={s}
              lines={lines}
              totalText={formatFenGrouped(run.report.totals.openBalance)}
              unappliedText={unapplied !== 0 ? formatFenGrouped(unapplied) : null}
              review={reviewLegendLine(run.report, locale)}
              limitation={limitationLegendLine(run.report, locale)}
            />
            <Caption1 className={layout.muted} data-testid="aging-legend-note">
              {markedHere ? s.legendHint : s.legendNoMarks}
              {run.report.ignoredAfterAsOf > 0 ? ` ${s.ignoredAfterAsOf(run.report.ignoredAfterAsOf)}` : ""}
            </Caption1>
            <KeptApart s={s} notes={keptApartNotes(run.report, review, locale)} review={[]} unreadable={[]} unreadableRows={0} onSelect={onGoTo} />
          </div>

          <div className={layout.section}>
            <Actions>
              <Button appearance="primary" onClick={() => void w.mark()} disabled={!canAct} data-testid="aging-mark" title={s.markRowsHint}>
                {s.markRows}
              </Button>
              <Button onClick={() => void w.clearMarks()} disabled={!canAct} data-testid="aging-clear" title={s.clearMarksHint}>
                {s.clearMarks}
              </Button>
              <Button onClick={() => void w.write()} disabled={!canAct} data-testid="aging-write" title={s.writeSheetsHint}>
                {s.writeSheets}
              </Button>
            </Actions>
            <Checkbox
              checked={soonToo}
              onChange={(_, data) => w.choose({ soonToo: data.checked === true })}
              label={s.markSoonToo}
              data-testid="aging-mark-soon"
            />
            {busy !== null && busy !== "term" ? <Spinner size="tiny" /> : null}
            <ActionNote at={AGING_NOTE.marks} />
          </div>

          <div className={layout.section}>
            <h2 className={layout.heading}>{s.actionsTitle(actions.length)}</h2>
            {actions.length > 0 ? <Caption1 className={layout.muted}>{s.actionsHint}</Caption1> : null}
            <LimitationFilterField s={s.collect} value={c.filter} onChange={c.setFilter} />
            {actions.length === 0 && c.filter !== "all" ? <Caption1 className={layout.muted}>{s.collect.noneInFilter}</Caption1> : null}
            <ActionList s={s} lines={actions.slice(0, MAX_LISTED_ACTIONS)} fills={fills} onSelect={onGoTo} />
            {actions.length > MAX_LISTED_ACTIONS ? (
              <Caption1 className={layout.muted}>{s.moreActions(actions.length - MAX_LISTED_ACTIONS)}</Caption1>
            ) : null}
          </div>

          <DemandPanel s={s.collect} c={c} />
          <PromisePanel s={s.collect} c={c} />

          <KeptApart
            s={s}
            notes={[]}
            review={reviewLines(run.report, locale)}
            unreadable={unreadableLines(run.report, locale)}
            unreadableRows={run.report.unreadableRows}
            onSelect={onGoTo}
          />

          <Accordion collapsible defaultOpenItems={["terms"]}>
            <AccordionItem value="terms">
              <AccordionHeader size="small">{s.termsTitle}</AccordionHeader>
              <AccordionPanel>
                <div className={layout.section}>
                  <div className={layout.formRow}>
                    <Field
                      label={s.defaultTerm}
                      hint={termProblem ? undefined : s.defaultTermFrom[termSources.defaultFrom]}
                      validationState={termProblem ? "error" : "none"}
                      validationMessage={termProblem ? pick(termProblem, locale) : undefined}
                    >
                      <Input
                        className={styles.termInput}
                        value={termValue}
                        onChange={(_, data) => w.setTermText(data.value)}
                        data-testid="aging-default-term"
                      />
                    </Field>
                    <Button onClick={() => void w.saveTerm()} disabled={termText === null || termProblem !== null || busy !== null} data-testid="aging-save-term">
                      {s.saveDefaultTerm}
                    </Button>
                  </div>
                  <ActionNote at={AGING_NOTE.term} />
                  <TermTable s={s} lines={terms} />
                </div>
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
        </>
      ) : null}
    </section>
  );
}
