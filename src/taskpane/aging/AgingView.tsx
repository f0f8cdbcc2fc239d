/**
 * The 账龄 / 逾期 view: the as-of date, the ledger (the pane's shared choice) and optionally one
 * dealer; the default term and where each dealer's term came from; a summary by stage whose colours
 * are the ledger's marks; the items to follow up this week, each selecting its row; and the three
 * commands: mark the overdue rows, clear those marks (never the reconciliation ones), write the
 * aging sheets. Reading is automatic and changes nothing; every change to the workbook is a button.
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
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  clearAgingMarks,
  defaultTermProblem,
  markAgingRows,
  parseTermDays,
  saveDefaultTermDays,
  writeAgingResults,
  type AgingRun,
} from "../../app/aging";
import { pick } from "../../app/lang";
import type { MarkedStage } from "../../app/reports/aging-marks";
import type { Side } from "../../core/model";
import { bucketsFromText } from "../../core/aging";
import { formatFenGrouped } from "../../core/money";
import type { Selection, SheetInfo, WorkbookPort } from "../../port/workbook";
import type { SheetChoice } from "../choice";
import { ActionNote, useConfirmations } from "../components/ActionNote";
import { useLayoutStyles } from "../components/layout";
import { useLocale, useServices } from "../context";
import { messageFromError, type PaneMessage } from "../messages";
import { lastReconcileRun } from "../reconcile/ReconcileView";
import { ActionList, KeptApart, StageSummary, TermTable } from "./AgingParts";
import {
  MAX_LISTED_ACTIONS,
  actionLines,
  issueMessages,
  isUsableAsOf,
  reviewLegendLine,
  stageLines,
  stagesToMark,
  termLines,
  todayIso,
  unappliedTotal,
} from "./model";
import { ageWithLastReconcile, keptApartNotes, reviewLines, unreadableLines, type ReviewState } from "./model";
import { AGING_STRINGS } from "./strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
  },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  heading: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
  },
  termInput: { width: "7em" },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
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

const MESSAGE = {
  run: "aging-run",
  term: "aging-term",
  mark: "aging-mark",
  clear: "aging-clear",
  write: "aging-write",
};

/** Where the view's confirmations show: beside the term's save button, beside the three commands. */
const NOTE = { term: "aging-term", marks: "aging-marks" };

/** The default buckets' upper bounds, as the field shows them. */
const DEFAULT_BOUNDS = "30,60,90,180,365";

/** What the view was showing; it unmounts when the user switches tabs and should come back as it was. */
interface Session {
  asOf: string;
  /** One dealer of one ledger; another ledger shows all its dealers again. */
  dealer: { ledger: string; name: string } | null;
  soonToo: boolean;
  basis: "due" | "document";
  /** Bucket upper bounds as the user typed them. */
  buckets: string;
  /** Stages marked in the ledger from this pane, so the written sheets' legend matches them. */
  marked: { sheet: string; stages: readonly MarkedStage[] } | null;
}

/** Per port, so two panes (tests, the preview) never share one. */
const sessions = new WeakMap<WorkbookPort, Session>();

type Busy = null | "mark" | "clear" | "write" | "term";

type Status = { state: "idle" } | { state: "running" } | { state: "done"; run: AgingRun; sheet: string } | { state: "failed" };

export function AgingView(props: AgingViewProps): JSX.Element {
  const { port } = useServices();
  const locale = useLocale();
  const s = AGING_STRINGS[locale];
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { confirm, startAction } = useConfirmations();
  const { report, clear, onGoTo, generation } = props;
  const ledger = props.choice.ledger;

  const session = useMemo<Session>(() => {
    const known = sessions.get(port);
    if (known) return known;
    // The clock is read here, in the pane; the core takes the date as an argument.
    const fresh: Session = { asOf: todayIso(new Date()), dealer: null, soonToo: false, basis: "due", buckets: DEFAULT_BOUNDS, marked: null };
    sessions.set(port, fresh);
    return fresh;
  }, [port]);

  const [asOfText, setAsOfText] = useState(session.asOf);
  const [dealerChoice, setDealerChoice] = useState(session.dealer);
  const [soonToo, setSoonToo] = useState(session.soonToo);
  const [basis, setBasis] = useState(session.basis);
  const [bucketsText, setBucketsText] = useState(session.buckets);
  const [marked, setMarked] = useState(session.marked);
  const [dealerList, setDealerList] = useState<{ ledger: string; names: string[] } | null>(null);
  const [status, setStatus] = useState<Status>({ state: "idle" });
  const [review, setReview] = useState<ReviewState>({ state: "none" });
  const [busy, setBusy] = useState<Busy>(null);
  const [termText, setTermText] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const issueKeys = useRef<string[]>([]);

  useEffect(() => {
    Object.assign(session, { asOf: asOfText, dealer: dealerChoice, soonToo, basis, buckets: bucketsText, marked });
  }, [session, asOfText, dealerChoice, soonToo, basis, bucketsText, marked]);

  const dealer = ledger !== null && dealerChoice?.ledger === ledger ? dealerChoice.name : null;
  const dealers = ledger !== null && dealerList?.ledger === ledger ? dealerList.names : [];

  const asOf = isUsableAsOf(asOfText) ? asOfText.trim() : null;
  // The text stands for the buckets; the specs are rebuilt only when it or the basis changes.
  const buckets = useMemo(() => bucketsFromText(bucketsText, basis), [bucketsText, basis]);

  const clearIssues = useCallback(() => {
    for (const key of issueKeys.current) clear(key);
    issueKeys.current = [];
  }, [clear]);

  useEffect(() => {
    if (!ledger || !asOf || !buckets) {
      setStatus({ state: "idle" });
      return;
    }
    // A newer run (another date, dealer or sheet) makes this one's answer stale.
    let current = true;
    setStatus({ state: "running" });
    // Rows the pane's last reconciliation of this ledger flagged are aged as 待核对 (see model.ts).
    ageWithLastReconcile(port, { ledger: { port, sheet: ledger }, asOf, basis, buckets, ...(dealer !== null ? { dealer } : {}) }, lastReconcileRun(port)).then(
      ({ run, review: reviewed }) => {
        if (!current) return;
        setReview(reviewed);
        setStatus({ state: "done", run, sheet: ledger });
        if (dealer === null) setDealerList({ ledger, names: run.report.dealers.map((d) => d.dealer) });
        clear(MESSAGE.run);
        clearIssues();
        const messages = issueMessages(run);
        issueKeys.current = messages.map((m) => m.key);
        for (const m of messages) report(m);
      },
      (err: unknown) => {
        if (!current) return;
        setStatus({ state: "failed" });
        clearIssues();
        report(messageFromError(err, MESSAGE.run));
      },
    );
    return () => {
      current = false;
    };
  }, [port, ledger, asOf, basis, buckets, dealer, generation, version, report, clear, clearIssues]);

  // Problems of a ledger no longer shown are no longer news.
  useEffect(() => () => clearIssues(), [clearIssues]);

  const run = status.state === "done" ? status.run : null;
  const termSources = run?.termSources ?? null;
  const termValue = termText ?? (termSources ? String(termSources.defaultTermDays) : "");
  const termProblem = termText !== null ? defaultTermProblem(termText) : null;

  const saveTerm = useCallback(() => {
    if (termText === null || defaultTermProblem(termText) !== null) return;
    startAction();
    setBusy("term");
    saveDefaultTermDays(port, termText)
      .then(
        () => {
          const days = parseTermDays(termText) ?? 0;
          setTermText(null);
          setVersion((v) => v + 1);
          clear(MESSAGE.term);
          confirm(NOTE.term, (lang) => AGING_STRINGS[lang].defaultTermSaved(days));
        },
        (err: unknown) => report(messageFromError(err, MESSAGE.term)),
      )
      .finally(() => setBusy(null));
  }, [port, termText, report, clear, confirm, startAction]);

  const mark = useCallback(() => {
    if (!run || status.state !== "done") return;
    const sheet = status.sheet;
    const stages = stagesToMark(soonToo);
    startAction();
    setBusy("mark");
    markAgingRows(run, port, sheet, stages)
      .then(
        (count) => {
          setMarked({ sheet, stages });
          clear(MESSAGE.mark);
          confirm(NOTE.marks, (lang) => (count > 0 ? AGING_STRINGS[lang].marked(count, sheet) : AGING_STRINGS[lang].nothingToMark(sheet)));
        },
        (err: unknown) => report(messageFromError(err, MESSAGE.mark)),
      )
      .finally(() => setBusy(null));
  }, [run, status, soonToo, port, report, clear, confirm, startAction]);

  const clearMarks = useCallback(() => {
    if (!ledger) return;
    const sheet = ledger;
    startAction();
    setBusy("clear");
    clearAgingMarks(port, sheet)
      .then(
        () => {
          setMarked(null);
          clear(MESSAGE.clear);
          confirm(NOTE.marks, (lang) => AGING_STRINGS[lang].cleared(sheet));
        },
        (err: unknown) => report(messageFromError(err, MESSAGE.clear)),
      )
      .finally(() => setBusy(null));
  }, [ledger, port, report, clear, confirm, startAction]);

  const write = useCallback(() => {
    if (!run || status.state !== "done") return;
    const sheet = status.sheet;
    // The legend of 账龄分析 names the colours the ledger carries now; with none, it is left out.
    const stages = marked && marked.sheet === sheet ? marked.stages : null;
    startAction();
    setBusy("write");
    writeAgingResults(run, { port, ledgerSheet: sheet, lang: locale, marks: stages !== null, ...(stages ? { markStages: stages } : {}) })
      .then(
        (written) => {
          clear(MESSAGE.write);
          confirm(NOTE.marks, (lang) => {
            const as = AGING_STRINGS[lang];
            return as.written(written.agingSheet, written.planSheet) + (written.chartsLeftOut > 0 ? ` ${as.chartsLeftOut(written.chartsLeftOut)}` : "");
          });
          onGoTo({ sheet: written.agingSheet, row: 1, column: 1 });
        },
        (err: unknown) => report(messageFromError(err, MESSAGE.write)),
      )
      .finally(() => setBusy(null));
  }, [run, status, marked, port, locale, report, clear, onGoTo, confirm, startAction]);

  const lines = useMemo(() => (run ? stageLines(run.report, locale) : []), [run, locale]);
  const fills = useMemo(() => Object.fromEntries(lines.map((l) => [l.stage, { fill: l.fill, color: l.color }])), [lines]);
  const actions = useMemo(() => (run ? actionLines(run.report, locale) : []), [run, locale]);
  const terms = useMemo(() => (run ? termLines(run.termSources, locale) : []), [run, locale]);
  const unapplied = run ? unappliedTotal(run.report) : 0;
  const usable = props.sheets.filter((x) => x.rowCount > 0 && x.columnCount > 0);
  const canAct = run !== null && busy === null;
  // The legend speaks of colours in the ledger only while the ledger carries them.
  const markedHere = marked !== null && status.state === "done" && marked.sheet === status.sheet;

  return (
    <section className={styles.root} aria-label={s.viewTitle} data-testid="aging-view">
      <Text>{s.intro}</Text>

      <div className={styles.section}>
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
        <div className={layout.formRow}>
          <Field
            className={layout.grow}
            label={s.asOf}
            hint={asOf ? s.asOfHint : undefined}
            validationState={asOf ? "none" : "error"}
            validationMessage={asOf ? undefined : s.asOfProblem(asOfText)}
          >
            <Input className={layout.control} type="date" value={asOfText} onChange={(_, data) => setAsOfText(data.value)} data-testid="aging-as-of" />
          </Field>
          <Button onClick={() => setVersion((v) => v + 1)} disabled={!ledger || !asOf || status.state === "running"} data-testid="aging-recompute">
            {s.recompute}
          </Button>
        </div>
        <Field label={s.dealer}>
          <Dropdown
            className={layout.control}
            data-testid="aging-dealer"
            value={dealer ?? s.allDealers}
            selectedOptions={[dealer ?? ""]}
            onOptionSelect={(_, data) => setDealerChoice(ledger && data.optionValue ? { ledger, name: data.optionValue } : null)}
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
              onOptionSelect={(_, data) => setBasis(data.optionValue === "document" ? "document" : "due")}
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
            <Input className={layout.control} value={bucketsText} onChange={(_, data) => setBucketsText(data.value)} data-testid="aging-buckets" />
          </Field>
        </div>
      </div>

      {!ledger ? <Text className={styles.muted}>{s.ledgerHint}</Text> : null}
      {status.state === "running" && ledger ? <Spinner size="tiny" label={s.running(ledger)} /> : null}

      {run && termSources ? (
        <>
          <div className={styles.section}>
            <h2 className={styles.heading}>{s.summaryTitle(run.report.asOf)}</h2>
            {run.report.dealers.length === 0 ? <Text className={styles.muted}>{s.nothingOpen}</Text> : null}
            <StageSummary
              s={s}
              lines={lines}
              totalText={formatFenGrouped(run.report.totals.openBalance)}
              unappliedText={unapplied !== 0 ? formatFenGrouped(unapplied) : null}
              review={reviewLegendLine(run.report, locale)}
            />
            <Caption1 className={styles.muted} data-testid="aging-legend-note">
              {markedHere ? s.legendHint : s.legendNoMarks}
              {run.report.ignoredAfterAsOf > 0 ? ` ${s.ignoredAfterAsOf(run.report.ignoredAfterAsOf)}` : ""}
            </Caption1>
            <KeptApart s={s} notes={keptApartNotes(run.report, review, locale)} review={[]} unreadable={[]} unreadableRows={0} onSelect={onGoTo} />
          </div>

          <div className={styles.section}>
            <div className={styles.actions}>
              <Button appearance="primary" onClick={mark} disabled={!canAct} data-testid="aging-mark" title={s.markRowsHint}>
                {s.markRows}
              </Button>
              <Button onClick={clearMarks} disabled={!canAct} data-testid="aging-clear" title={s.clearMarksHint}>
                {s.clearMarks}
              </Button>
              <Button onClick={write} disabled={!canAct} data-testid="aging-write" title={s.writeSheetsHint}>
                {s.writeSheets}
              </Button>
            </div>
            <Checkbox
              checked={soonToo}
              onChange={(_, data) => setSoonToo(data.checked === true)}
              label={s.markSoonToo}
              data-testid="aging-mark-soon"
            />
            {busy !== null && busy !== "term" ? <Spinner size="tiny" /> : null}
            <ActionNote at={NOTE.marks} />
          </div>

          <div className={styles.section}>
            <h2 className={styles.heading}>{s.actionsTitle(actions.length)}</h2>
            {actions.length > 0 ? <Caption1 className={styles.muted}>{s.actionsHint}</Caption1> : null}
            <ActionList s={s} lines={actions.slice(0, MAX_LISTED_ACTIONS)} fills={fills} onSelect={onGoTo} />
            {actions.length > MAX_LISTED_ACTIONS ? (
              <Caption1 className={styles.muted}>{s.moreActions(actions.length - MAX_LISTED_ACTIONS)}</Caption1>
            ) : null}
          </div>

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
                <div className={styles.section}>
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
                        onChange={(_, data) => setTermText(data.value)}
                        data-testid="aging-default-term"
                      />
                    </Field>
                    <Button onClick={saveTerm} disabled={termText === null || termProblem !== null || busy !== null} data-testid="aging-save-term">
                      {s.saveDefaultTerm}
                    </Button>
                  </div>
                  <ActionNote at={NOTE.term} />
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
