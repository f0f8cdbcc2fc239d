/**
 * The 对账 view: renders what its workflow (useReconcileRun) holds and forwards the user's events to it.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Combobox,
  Dropdown,
  Field,
  Input,
  Link,
  Option,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Side } from "../../core/model";
import { describeReadIssue } from "../../messages/read";
import { droppedLinksText } from "../../app/reports/links";
import type { Selection, SheetInfo } from "../../port/workbook";
import type { SheetChoice } from "../choice";
import { ActionNote } from "../components/ActionNote";
import { Actions, DateField, Notice, RunProgressBar, Section, useLayoutStyles } from "../components/layout";
import { LedgerSheetsField, useLedgerSheets } from "../components/LedgerSheetsField";
import { ReadPanel } from "../components/ReadPanel";
import { NOTES_STRINGS } from "../components/SheetsReadNotes";
import { useLocale, useStrings } from "../context";
import type { PaneMessage } from "../messages";
import { issueTarget } from "../summary";
import { FORM_DEFAULTS, MAX_WINDOW_DAYS, filterDealers } from "./form";
import { DecisionList } from "./DecisionList";
import { DECISION_STRINGS, decisionLines } from "./decisions";
import { DegradedNotice, ReconcileResults } from "./ReconcileResults";
import { RECONCILE_STRINGS } from "./strings";
import { MARKS_NOTE, useReconcileRun } from "./useReconcileRun";

const useStyles = makeStyles({
  advanced: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  issueLink: { textAlign: "start" },
});

export interface ReconcileViewProps {
  sheets: readonly SheetInfo[];
  choice: SheetChoice;
  /** Bumped when the user refreshes the sheet list: the chosen sheets are read again. */
  generation: number;
  report: (message: PaneMessage) => void;
  clear: (key: string) => void;
  onChoose: (side: Side, name: string) => void;
  onGoTo: (target: Selection) => void;
  /** Makes the ledger the statement and the statement the ledger, in one step. */
  onSwap?: () => void;
}

export function ReconcileView(props: ReconcileViewProps): JSX.Element {
  const { sheets, choice, report, clear, onGoTo } = props;
  const t = useStrings();
  const locale = useLocale();
  const s = RECONCILE_STRINGS[locale];
  const styles = useStyles();
  const layout = useLayoutStyles();
  const ledgerSheets = useLedgerSheets(choice.ledger);
  const w = useReconcileRun({ choice, ledgerSheets, report, clear, onGoTo });
  const { form, setField, running, busy, progress, notice, stale, placement, mustPickDealer, oneDealerStatement, proposed, canRun, blocking, bothChosen, readsDone } = w;
  const [dealerQuery, setDealerQuery] = useState<string | null>(null);

  const resultsRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (w.revealed > 0) resultsRef.current?.scrollIntoView({ block: "start" });
  }, [w.revealed]);

  const ledgerDealers = w.reads.ledger?.dealers ?? [];
  const dealerOptions = useMemo(
    () => filterDealers(ledgerDealers, dealerQuery ?? ""),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ledgerDealers.join("\u0000"), dealerQuery],
  );
  const shownOutcome = w.outcome;
  const swapped = w.swapped;

  const sheetPicker = (side: Side): JSX.Element => {
    const selected = side === "ledger" ? choice.ledger : choice.statement;
    const info = sheets.find((x) => x.name === selected);
    return (
      <Field label={side === "ledger" ? t.ledgerField : t.statementField}>
        <Dropdown
          data-testid={`reconcile-pick-${side}`}
          placeholder={t.chooseSheet}
          value={info ? t.sheetOption(info.name, info.rowCount, info.columnCount) : ""}
          selectedOptions={selected ? [selected] : []}
          onOptionSelect={(_, data) => {
            if (data.optionValue !== undefined) props.onChoose(side, data.optionValue);
          }}
          disabled={running}
        >
          {sheets.map((x) => (
            <Option key={x.name} value={x.name} text={t.sheetOption(x.name, x.rowCount, x.columnCount)}>
              {t.sheetOption(x.name, x.rowCount, x.columnCount)}
            </Option>
          ))}
        </Dropdown>
      </Field>
    );
  };

  const problemText = (name: keyof typeof w.problems): string | undefined => {
    const p = w.problems[name];
    if (!p) return undefined;
    if (name === "feeTolerance") return s.feeToleranceProblem;
    return p === "date" ? s.asOfProblem : p === "amount" ? s.amountProblem : s.daysProblem(MAX_WINDOW_DAYS);
  };

  return (
    <div className={layout.view} data-testid="reconcile-view">
      <Text>{s.intro}</Text>

      <Section id="reconcile-choose" title={s.stepChoose}>
        {sheetPicker("ledger")}
        <LedgerSheetsField sheets={sheets} ledger={choice.ledger} statement={choice.statement} generation={props.generation} disabled={running} />
        {ledgerDealers.length > 1 ? (
          <Field
            label={s.dealerField}
            hint={
              placement?.dealer && form.dealer === placement.dealer
                ? s.dealerFromStatement(placement.dealer, placement.statementName)
                : s.dealerHint(ledgerDealers.length)
            }
            validationMessage={mustPickDealer ? s.dealerMustChoose(placement?.statementName ?? null) : undefined}
            validationState={mustPickDealer ? "warning" : undefined}
          >
            <Combobox
              data-testid="reconcile-dealer"
              placeholder={s.dealerPlaceholder}
              value={dealerQuery ?? form.dealer ?? (oneDealerStatement ? "" : s.allDealers)}
              selectedOptions={[form.dealer ?? ""]}
              freeform
              onChange={(e) => setDealerQuery(e.target.value)}
              onOpenChange={(_, data) => {
                if (!data.open) setDealerQuery(null);
              }}
              onOptionSelect={(_, data) => {
                setField({ dealer: data.optionValue ? data.optionValue : null });
                setDealerQuery(null);
              }}
              disabled={running}
            >
              {oneDealerStatement ? null : (
                <Option value="" text={s.allDealers}>
                  {s.allDealers}
                </Option>
              )}
              {dealerOptions.map((d) => (
                <Option key={d} value={d} text={d}>
                  {d}
                </Option>
              ))}
              {dealerOptions.length === 0 ? (
                <Option value="" text={s.noDealerMatch} disabled>
                  {s.noDealerMatch}
                </Option>
              ) : null}
            </Combobox>
          </Field>
        ) : null}
        {sheetPicker("statement")}
        {swapped && choice.ledger && choice.statement ? (
          <Notice
            intent="warning"
            testId="reconcile-swapped"
            actions={
              props.onSwap ? (
                <Button size="small" onClick={props.onSwap} disabled={running} data-testid="reconcile-swap">
                  {s.swapSides}
                </Button>
              ) : null
            }
          >
            {s.sidesSwapped(choice.ledger, choice.statement)}
          </Notice>
        ) : null}
        <DateField
          label={s.asOfField}
          hint={!form.asOfByUser && proposed ? s.asOfProposed(proposed) : s.asOfHint}
          problem={problemText("asOf")}
          value={form.asOf}
          onChange={(value) => setField({ asOf: value, asOfByUser: true })}
          disabled={running}
          testId="reconcile-asof"
        />
        <Accordion collapsible>
          <AccordionItem value="advanced">
            <AccordionHeader size="small" data-testid="reconcile-advanced">
              {s.advanced}
            </AccordionHeader>
            <AccordionPanel>
              <div className={styles.advanced}>
                <Field label={s.toleranceField} hint={s.toleranceHint(FORM_DEFAULTS.tolerance)} validationMessage={problemText("tolerance")}>
                  <Input
                    data-testid="reconcile-tolerance"
                    value={form.tolerance}
                    inputMode="decimal"
                    onChange={(_, data) => setField({ tolerance: data.value })}
                    disabled={running}
                  />
                </Field>
                <Field label={s.feeToleranceField} hint={s.feeToleranceHint(FORM_DEFAULTS.feeTolerance)} validationMessage={problemText("feeTolerance")}>
                  <Input
                    data-testid="reconcile-fee-tolerance"
                    value={form.feeTolerance}
                    inputMode="decimal"
                    onChange={(_, data) => setField({ feeTolerance: data.value })}
                    disabled={running}
                  />
                </Field>
                <Field label={s.daysBeforeField} hint={s.daysBeforeHint(FORM_DEFAULTS.daysBefore)} validationMessage={problemText("daysBefore")}>
                  <Input
                    data-testid="reconcile-days-before"
                    value={form.daysBefore}
                    inputMode="numeric"
                    onChange={(_, data) => setField({ daysBefore: data.value })}
                    disabled={running}
                  />
                </Field>
                <Field label={s.daysAfterField} hint={s.daysAfterHint(FORM_DEFAULTS.daysAfter)} validationMessage={problemText("daysAfter")}>
                  <Input
                    data-testid="reconcile-days-after"
                    value={form.daysAfter}
                    inputMode="numeric"
                    onChange={(_, data) => setField({ daysAfter: data.value })}
                    disabled={running}
                  />
                </Field>
                <Actions>
                  <Button size="small" onClick={w.resetDefaults} disabled={running}>
                    {s.resetDefaults}
                  </Button>
                </Actions>
              </div>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      </Section>

      <Section id="reconcile-check" title={s.stepCheck}>
        {bothChosen ? null : <Text className={layout.muted}>{s.chooseBoth}</Text>}
        <ReadPanel
          sheets={sheets}
          choice={choice}
          ledgerSheets={ledgerSheets}
          generation={props.generation}
          report={report}
          clear={clear}
          onGoTo={onGoTo}
          onResult={w.onRead}
        />
      </Section>

      <Section id="reconcile-run" title={s.stepRun} sticky testId="reconcile-run-bar">
        {blocking.map((issue) => (
          <Notice key={`${issue.sheet}-${issue.code}`} intent="error" testId="reconcile-blocked">
            <Link as="button" className={styles.issueLink} onClick={() => onGoTo(issueTarget(issue))}>
              {s.blocked(issue.sheet, describeReadIssue(issue, locale))}
            </Link>
          </Notice>
        ))}
        {w.balanceLedger && choice.ledger ? (
          <Notice intent="error" testId="reconcile-balance-ledger">
            {NOTES_STRINGS[locale].needsEntries(choice.ledger)}
          </Notice>
        ) : null}
        {bothChosen && !readsDone && blocking.length === 0 ? <Caption1 className={layout.muted}>{s.waitForRead}</Caption1> : null}
        {progress ? (
          <RunProgressBar value={progress.value} label={s.stage(progress.stage, progress.done, progress.total)} stage={progress.stage} testId="reconcile-progress" />
        ) : null}
        <Actions>
          {running ? (
            <Button onClick={w.cancel} data-testid="reconcile-cancel">
              {s.cancel}
            </Button>
          ) : (
            <Button
              appearance="primary"
              disabled={!canRun}
              onClick={() => void w.runAgain()}
              data-testid="reconcile-run"
            >
              {shownOutcome ? s.runAgain : s.run}
            </Button>
          )}
          {/* Always offered: marks from an earlier session (the workbook was saved with them) can go too. */}
          <Button disabled={running || busy} onClick={() => void w.clearMarks()} data-testid="reconcile-clear-marks">
            {s.clearMarks}
          </Button>
        </Actions>
        <ActionNote at={MARKS_NOTE} />
        {notice ? (
          <Notice intent={notice.intent} testId="reconcile-notice">
            {notice.text(s)}
          </Notice>
        ) : null}
      </Section>

      {shownOutcome ? (
        <Section id="reconcile-results" title={s.resultsTitle} ref={resultsRef}>
          {stale.length > 0 ? (
            <Notice
              intent="warning"
              testId="reconcile-stale"
              actions={
                <Button size="small" onClick={() => void w.runAgain()} disabled={!canRun} data-testid="reconcile-stale-run">
                  {s.runAgain}
                </Button>
              }
            >
              {s.stale(stale)}
            </Notice>
          ) : null}
          {shownOutcome.refused ? (
            <Notice intent="error" testId="reconcile-refused">
              {s.sheetRefused(shownOutcome.refused)}
            </Notice>
          ) : null}
          {w.marksCleared ? (
            <Notice intent="info" testId="reconcile-marks-gone">
              {DECISION_STRINGS[locale].marksGone}
            </Notice>
          ) : shownOutcome.written ? (
            <Caption1 data-testid="reconcile-written">
              {`${s.marksWritten(shownOutcome.written.ledgerMarks, shownOutcome.written.statementMarks)} ${s.resultSheets(
                shownOutcome.written.differencesSheet,
                shownOutcome.written.reconciliationSheet,
              )}${shownOutcome.written.linksDropped ? ` ${droppedLinksText(shownOutcome.written.linksDropped, locale)}` : ""}`}
            </Caption1>
          ) : null}
          <DegradedNotice s={s} rangeAreas={shownOutcome.capabilities.rangeAreas} pageLayout={shownOutcome.capabilities.pageLayout} />
          <ReconcileResults
            s={s}
            report={shownOutcome.run.report}
            items={shownOutcome.items}
            ledgerSheet={shownOutcome.ledgerSheet}
            statementSheet={shownOutcome.statementSheet}
            ledgerSheets={shownOutcome.ledgerSheets}
            filter={w.filter}
            onFilter={w.setFilter}
            onGoTo={(target) => void w.goTo(target)}
            onAnswer={(item, decision) => void w.answer(item, decision)}
            busy={busy || running}
            marksCleared={w.marksCleared}
          />
          <DecisionList
            lines={decisionLines(shownOutcome.decisions, shownOutcome.run.report.staleDecisions, shownOutcome.ledgerSheets)}
            onUndo={(line) => void w.undoDecision(line)}
            busy={busy || running}
          />
        </Section>
      ) : null}
    </div>
  );
}
