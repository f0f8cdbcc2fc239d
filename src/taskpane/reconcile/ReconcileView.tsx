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
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Option,
  ProgressBar,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  RECONCILE_CHOICE_SETTING,
  clearReconcileMarks,
  loadDecisions,
  removeDecision,
  runReconcile,
  saveDecision,
  sidesSwapped,
  statementDealer,
  writeReconcileResults,
  type ReconcileRun,
  type Stage,
  type WrittenResults,
} from "../../app/reconcile";
import type { Side } from "../../core/model";
import type { Decision } from "../../core/reconcile/types";
import { describeReadIssue, type ReadResult } from "../../core/read";
import { PortError, type Capabilities, type Selection, type SheetInfo, type WorkbookPort } from "../../port/workbook";
import type { SheetChoice } from "../choice";
import { ActionNote, useConfirmations } from "../components/ActionNote";
import { useLayoutStyles } from "../components/layout";
import { ReadPanel } from "../components/ReadPanel";
import { useLocale, useServices, useStrings } from "../context";
import { messageFromError, type PaneMessage } from "../messages";
import { issueTarget } from "../summary";
import { changedSheets, gridFingerprint } from "./fingerprint";
import {
  EMPTY_FORM,
  FORM_DEFAULTS,
  MAX_WINDOW_DAYS,
  blockingIssues,
  filterDealers,
  formFromSetting,
  formToSetting,
  optionsFromForm,
  proposeCutoff,
  type ReconcileForm,
} from "./form";
import { runPort } from "./port";
import { advance, runProgress, type RunProgress } from "./progress";
import { DECISIONS_NOTE, DecisionList } from "./DecisionList";
import { DECISION_STRINGS, decisionLines, type DecisionLine } from "./decisions";
import { DegradedNotice, ReconcileResults } from "./ReconcileResults";
import { decisionFor, resultItems, type ItemTarget, type KindFilter, type ResultItem } from "./results";
import { RECONCILE_STRINGS, localeOf, reconcileStringsFor, type ReconcileStrings } from "./strings";

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
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  advanced: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
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

/** A finished run as the pane shows it. */
interface Outcome {
  run: ReconcileRun;
  items: ResultItem[];
  ledgerSheet: string;
  statementSheet: string;
  written: WrittenResults | null;
  /** A result sheet the user owns under our name (`not_ours`), left alone. */
  refused: string | null;
  capabilities: Capabilities;
  /** Fingerprints of both sheets' values as the run read them. */
  prints: Map<string, string>;
  /** The user's saved answers to suggestions for this pair of sheets, as the run used them. */
  decisions: Decision[];
  /** The marks of this run were cleared since: the results say so instead of counting them. */
  marksCleared: boolean;
}

type Notice = { intent: "info" | "warning"; text: (s: ReconcileStrings) => string } | null;

interface Session {
  form: ReconcileForm;
  formFor: string;
  outcome: Outcome | null;
  filter: KindFilter;
}

/**
 * The view unmounts when the user switches tabs; what it showed comes back with it. Per port, so two
 * panes (tests, the preview) never share one.
 */
const sessions = new WeakMap<WorkbookPort, Session>();

/** Where the confirmation of clearing the marks shows: beside the run and clear buttons. */
const MARKS_NOTE = "reconcile-marks";

const MESSAGE = {
  run: "reconcile-run",
  clear: "reconcile-clear",
  decision: "reconcile-decision",
  choice: "reconcile-choice",
};

function isCancelled(err: unknown): boolean {
  return (
    (err instanceof PortError && err.code === "cancelled") ||
    (typeof err === "object" && err !== null && (err as { name?: unknown; code?: unknown }).name === "PortError" && (err as { code?: unknown }).code === "cancelled")
  );
}

function isNotOurs(err: unknown): string | null {
  if (typeof err !== "object" || err === null) return null;
  const e = err as { name?: unknown; code?: unknown; detail?: unknown };
  return e.name === "PortError" && e.code === "not_ours" && typeof e.detail === "string" ? e.detail : null;
}

export function ReconcileView(props: ReconcileViewProps): JSX.Element {
  const { sheets, choice, report, clear, onGoTo } = props;
  const { port } = useServices();
  const t = useStrings();
  const locale = useLocale();
  const s = RECONCILE_STRINGS[locale];
  const styles = useStyles();
  const layout = useLayoutStyles();
  const { confirm, startAction } = useConfirmations();
  const pairKey = `${choice.ledger ?? ""}|${choice.statement ?? ""}`;
  const saved = sessions.get(port);
  const resumed = saved && saved.formFor === pairKey ? saved : undefined;

  const [form, setForm] = useState<ReconcileForm>(resumed?.form ?? EMPTY_FORM);
  const [formLoaded, setFormLoaded] = useState(resumed !== undefined);
  const [reads, setReads] = useState<Record<Side, ReadResult | null>>({ ledger: null, statement: null });
  const [dealerQuery, setDealerQuery] = useState<string | null>(null);
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(resumed?.outcome ?? null);
  const [filter, setFilter] = useState<KindFilter>(resumed?.filter ?? "all");
  const [notice, setNotice] = useState<Notice>(null);
  const [stale, setStale] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const stage = useRef<Stage | null>(null);
  const alive = useRef(true);
  const resultsRef = useRef<HTMLElement>(null);
  // Set by a run the user started from the run button: its results are then scrolled into view.
  const reveal = useRef(false);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      controller.current?.abort();
    };
  }, []);

  useEffect(() => {
    if (!reveal.current || !outcome) return;
    reveal.current = false;
    resultsRef.current?.scrollIntoView({ block: "start" });
  }, [outcome]);

  // What the view shows survives a switch of tabs.
  useEffect(() => {
    sessions.set(port, { form, formFor: pairKey, outcome, filter });
  }, [port, form, pairKey, outcome, filter]);

  // The choices remembered in the workbook, for the chosen pair of sheets.
  const loadedFor = useRef(resumed ? pairKey : "");
  useEffect(() => {
    if (loadedFor.current === pairKey) return;
    loadedFor.current = pairKey;
    let current = true;
    setFormLoaded(false);
    port.getSetting(RECONCILE_CHOICE_SETTING).then(
      (value) => {
        if (!current) return;
        setForm(formFromSetting(value, choice.ledger, choice.statement));
        setFormLoaded(true);
      },
      (err: unknown) => {
        if (!current) return;
        setForm(EMPTY_FORM);
        setFormLoaded(true);
        report(messageFromError(err, MESSAGE.choice));
      },
    );
    return () => {
      current = false;
    };
  }, [port, pairKey, choice.ledger, choice.statement, report]);

  const onResult = useCallback((side: Side, result: ReadResult | null) => {
    setReads((r) => ({ ...r, [side]: result }));
  }, []);

  // Propose the cut-off from the statement until the user types one.
  const proposed = proposeCutoff(reads.statement);
  useEffect(() => {
    if (!formLoaded || form.asOfByUser) return;
    const next = proposed ?? "";
    if (form.asOf !== next) setForm((f) => (f.asOfByUser ? f : { ...f, asOf: next }));
  }, [formLoaded, form.asOfByUser, form.asOf, proposed]);

  // Whose statement it is: its dealer is preselected once per statement and dealer; a one-dealer statement
  // that cannot be placed among the ledger's dealers waits for the user's pick (never "all dealers").
  const placement = useMemo(() => (reads.statement ? statementDealer(reads.ledger, reads.statement) : null), [reads.ledger, reads.statement]);
  const preselected = useRef("");
  useEffect(() => {
    if (!formLoaded || !placement?.dealer || placement.ledgerDealers.length < 2) return;
    const key = `${choice.statement ?? ""}|${placement.dealer}`;
    if (preselected.current === key) return;
    preselected.current = key;
    setForm((f) => (f.dealer === placement.dealer ? f : { ...f, dealer: placement.dealer }));
  }, [formLoaded, placement, choice.statement]);
  const oneDealerStatement = placement !== null && !placement.manyOnStatement;
  const mustPickDealer = placement !== null && placement.mustChoose && !form.dealer;
  const swapped = sidesSwapped(reads.ledger, reads.statement);

  const checked = optionsFromForm(form);
  const formOk = Object.keys(checked.problems).length === 0;
  const bothChosen = choice.ledger !== null && choice.statement !== null;
  const readsDone = reads.ledger !== null && reads.statement !== null;
  const blocking = [...blockingIssues(reads.ledger), ...blockingIssues(reads.statement)];
  const running = progress !== null;
  const canRun = bothChosen && readsDone && blocking.length === 0 && formOk && !mustPickDealer && !running && !busy;

  // The latest state for callbacks that outlive a render (focus listener, a re-run after a decision).
  const latest = useRef({ form, choice, outcome, running, locale });
  latest.current = { form, choice, outcome, running, locale };

  const start = useCallback(async (revealResults: boolean): Promise<boolean> => {
    const { form: f, choice: c, locale: lang } = latest.current;
    if (!c.ledger || !c.statement || latest.current.running) return false;
    const { options, problems } = optionsFromForm(f);
    if (Object.keys(problems).length > 0) return false;
    const ledgerSheet = c.ledger;
    const statementSheet = c.statement;
    const abort = new AbortController();
    controller.current = abort;
    stage.current = "reading";
    setNotice(null);
    setStale([]);
    clear(MESSAGE.run);
    setProgress(runProgress("reading", 0, 2));
    const prints = new Map<string, string>();
    const paced = runPort(port, {
      signal: abort.signal,
      onGrid: (sheet, grid) => {
        if (sheet === ledgerSheet || sheet === statementSheet) prints.set(sheet, gridFingerprint(grid));
      },
    });
    const onStage = (st: Stage, done: number, total: number) => {
      stage.current = st;
      if (alive.current) setProgress((p) => advance(p, runProgress(st, done, total)));
    };
    try {
      // Remembered before the run, so a choice survives even a run that fails.
      await paced.setSetting(RECONCILE_CHOICE_SETTING, formToSetting(f, ledgerSheet, statementSheet));
      const run = await runReconcile(
        { ledger: { port: paced, sheet: ledgerSheet }, statement: { port: paced, sheet: statementSheet }, options },
        { onStage, signal: abort.signal },
      );
      const blockers = [...blockingIssues(run.ledger), ...blockingIssues(run.statement)];
      if (blockers.length > 0 || run.report.problems.length > 0) {
        for (const issue of blockers) {
          report({
            key: `${MESSAGE.run}-${issue.sheet}`,
            intent: "error",
            text: (tt) => reconcileStringsFor(tt).blocked(issue.sheet, describeReadIssue(issue, localeOf(tt))),
            target: issueTarget(issue),
          });
        }
        for (const p of run.report.problems) {
          report({ key: `${MESSAGE.run}-${p.code}`, intent: "error", text: (tt) => (localeOf(tt) === "en-US" ? p.en : p.zh) });
        }
        return false;
      }
      if (abort.signal.aborted) throw new PortError("cancelled", "reconcile");
      let written: WrittenResults | null = null;
      let refused: string | null = null;
      try {
        written = await writeReconcileResults(run, { port: paced, ledgerSheet, statementSheet, lang }, { onStage, signal: abort.signal });
      } catch (err) {
        refused = isNotOurs(err);
        if (refused === null) throw err;
      }
      const capabilities = await port.capabilities();
      const decisions = await loadDecisions(port, ledgerSheet, statementSheet);
      if (!alive.current) return false;
      reveal.current = revealResults;
      setOutcome({
        run,
        items: resultItems(run.report),
        ledgerSheet,
        statementSheet,
        written,
        refused,
        capabilities,
        prints,
        decisions,
        marksCleared: false,
      });
      return true;
    } catch (err) {
      if (!alive.current) return false;
      if (isCancelled(err)) {
        // Set by onStage while the run went on; TypeScript only sees the assignment above.
        const writing = (stage.current as Stage | null) === "writing";
        setNotice({ intent: writing ? "warning" : "info", text: (x) => (writing ? x.cancelledWhileWriting : x.cancelled) });
      } else report(messageFromError(err, MESSAGE.run));
    } finally {
      controller.current = null;
      if (alive.current) setProgress(null);
    }
    return false;
  }, [port, report, clear]);

  /** Compares the sheets with the run's fingerprints; true when they are as the run left them. */
  const checkFresh = useCallback(async (): Promise<boolean> => {
    const o = latest.current.outcome;
    if (!o || latest.current.running) return true;
    const now = new Map<string, string | null>();
    for (const sheet of o.prints.keys()) {
      try {
        now.set(sheet, gridFingerprint(await port.readSheet(sheet)));
      } catch (err) {
        if (err instanceof PortError || (err as { name?: unknown })?.name === "PortError") now.set(sheet, null);
        else throw err;
      }
    }
    const changed = changedSheets(o.prints, now);
    if (alive.current && latest.current.outcome === o) setStale(changed);
    return changed.length === 0;
  }, [port]);

  // Back in the pane after working in the sheet: the user may have sorted or edited it.
  useEffect(() => {
    const onFocus = () => {
      checkFresh().catch((err: unknown) => report(messageFromError(err, MESSAGE.run)));
    };
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, [checkFresh, report]);

  const goTo = useCallback(
    (target: ItemTarget) => {
      checkFresh().then(
        (fresh) => {
          if (fresh) onGoTo(target.selection);
        },
        (err: unknown) => report(messageFromError(err, MESSAGE.run)),
      );
    },
    [checkFresh, onGoTo, report],
  );

  const answer = useCallback(
    (item: ResultItem, decision: "confirmed" | "rejected") => {
      const o = latest.current.outcome;
      if (!o || !item.suggestion) return;
      startAction();
      setBusy(true);
      saveDecision(port, o.ledgerSheet, o.statementSheet, decisionFor(item.suggestion, decision))
        .then(() => {
          setBusy(false);
          return start(false);
        })
        .then((ran) => {
          if (ran) confirm(DECISIONS_NOTE, (lang) => DECISION_STRINGS[lang].saved(decision === "confirmed"));
        })
        .catch((err: unknown) => {
          setBusy(false);
          report(messageFromError(err, MESSAGE.decision));
        });
    },
    [port, report, start, confirm, startAction],
  );

  const undoDecision = useCallback(
    (line: DecisionLine) => {
      const o = latest.current.outcome;
      if (!o) return;
      startAction();
      setBusy(true);
      removeDecision(port, o.ledgerSheet, o.statementSheet, line.id)
        .then(() => {
          setBusy(false);
          return start(false);
        })
        .then((ran) => {
          if (ran) confirm(DECISIONS_NOTE, (lang) => DECISION_STRINGS[lang].undone(line.decision === "confirmed"));
        })
        .catch((err: unknown) => {
          setBusy(false);
          report(messageFromError(err, MESSAGE.decision));
        });
    },
    [port, report, start, confirm, startAction],
  );

  const clearMarks = useCallback(() => {
    startAction();
    setBusy(true);
    clearReconcileMarks(port)
      .then(
        () => {
          clear(MESSAGE.clear);
          confirm(MARKS_NOTE, (lang) => RECONCILE_STRINGS[lang].marksCleared);
          // The results stay (they are still true of the sheets) but must no longer speak of marks.
          if (alive.current) setOutcome((o) => (o ? { ...o, marksCleared: true } : o));
        },
        (err: unknown) => report(messageFromError(err, MESSAGE.clear)),
      )
      .finally(() => {
        if (alive.current) setBusy(false);
      });
  }, [port, report, clear, confirm, startAction]);

  const setField = (patch: Partial<ReconcileForm>) => setForm((f) => ({ ...f, ...patch }));
  const ledgerDealers = reads.ledger?.dealers ?? [];
  const dealerOptions = useMemo(
    () => filterDealers(ledgerDealers, dealerQuery ?? ""),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ledgerDealers.join("\u0000"), dealerQuery],
  );
  const shownOutcome = outcome && outcome.ledgerSheet === choice.ledger && outcome.statementSheet === choice.statement ? outcome : null;

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

  const problemText = (name: keyof typeof checked.problems): string | undefined => {
    const p = checked.problems[name];
    if (!p) return undefined;
    return p === "date" ? s.asOfProblem : p === "amount" ? s.amountProblem : s.daysProblem(MAX_WINDOW_DAYS);
  };

  return (
    <div className={styles.root} data-testid="reconcile-view">
      <Text>{s.intro}</Text>

      <section className={styles.section} aria-labelledby="reconcile-choose">
        <h2 id="reconcile-choose" className={styles.heading}>
          {s.stepChoose}
        </h2>
        {sheetPicker("ledger")}
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
          <MessageBar intent="warning" layout="multiline" data-testid="reconcile-swapped">
            <MessageBarBody>{s.sidesSwapped(choice.ledger, choice.statement)}</MessageBarBody>
            {props.onSwap ? (
              <MessageBarActions>
                <Button size="small" onClick={props.onSwap} disabled={running} data-testid="reconcile-swap">
                  {s.swapSides}
                </Button>
              </MessageBarActions>
            ) : null}
          </MessageBar>
        ) : null}
        <Field
          label={s.asOfField}
          hint={!form.asOfByUser && proposed ? s.asOfProposed(proposed) : s.asOfHint}
          validationMessage={problemText("asOf")}
        >
          <Input
            data-testid="reconcile-asof"
            value={form.asOf}
            placeholder="2026-10-31"
            onChange={(_, data) => setField({ asOf: data.value, asOfByUser: true })}
            disabled={running}
          />
        </Field>
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
                <div className={styles.actions}>
                  <Button size="small" onClick={() => setField({ ...FORM_DEFAULTS })} disabled={running}>
                    {s.resetDefaults}
                  </Button>
                </div>
              </div>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      </section>

      <section className={styles.section} aria-labelledby="reconcile-check">
        <h2 id="reconcile-check" className={styles.heading}>
          {s.stepCheck}
        </h2>
        {bothChosen ? null : <Text className={styles.muted}>{s.chooseBoth}</Text>}
        <ReadPanel
          sheets={sheets}
          choice={choice}
          generation={props.generation}
          report={report}
          clear={clear}
          onGoTo={onGoTo}
          onResult={onResult}
        />
      </section>

      <section className={mergeClasses(styles.section, layout.stickyBar)} aria-labelledby="reconcile-run" data-testid="reconcile-run-bar">
        <h2 id="reconcile-run" className={styles.heading}>
          {s.stepRun}
        </h2>
        {blocking.map((issue) => (
          <MessageBar key={`${issue.sheet}-${issue.code}`} intent="error" layout="multiline" data-testid="reconcile-blocked">
            <MessageBarBody>
              <Link as="button" className={styles.issueLink} onClick={() => onGoTo(issueTarget(issue))}>
                {s.blocked(issue.sheet, describeReadIssue(issue, locale))}
              </Link>
            </MessageBarBody>
          </MessageBar>
        ))}
        {bothChosen && !readsDone && blocking.length === 0 ? <Caption1 className={styles.muted}>{s.waitForRead}</Caption1> : null}
        {progress ? (
          <Field validationMessage={s.stage(progress.stage, progress.done, progress.total)} validationState="none">
            <ProgressBar value={progress.value} max={1} thickness="large" data-testid="reconcile-progress" data-stage={progress.stage} />
          </Field>
        ) : null}
        <div className={styles.actions}>
          {running ? (
            <Button onClick={() => controller.current?.abort()} data-testid="reconcile-cancel">
              {s.cancel}
            </Button>
          ) : (
            <Button
              appearance="primary"
              disabled={!canRun}
              onClick={() => {
                startAction();
                void start(true);
              }}
              data-testid="reconcile-run"
            >
              {shownOutcome ? s.runAgain : s.run}
            </Button>
          )}
          {/* Always offered: marks from an earlier session (the workbook was saved with them) can go too. */}
          <Button disabled={running || busy} onClick={clearMarks} data-testid="reconcile-clear-marks">
            {s.clearMarks}
          </Button>
        </div>
        <ActionNote at={MARKS_NOTE} />
        {notice ? (
          <MessageBar intent={notice.intent} layout="multiline" data-testid="reconcile-notice">
            <MessageBarBody>{notice.text(s)}</MessageBarBody>
          </MessageBar>
        ) : null}
      </section>

      {shownOutcome ? (
        <section className={styles.section} aria-labelledby="reconcile-results" ref={resultsRef}>
          <h2 id="reconcile-results" className={styles.heading}>
            {s.resultsTitle}
          </h2>
          {stale.length > 0 ? (
            <MessageBar intent="warning" layout="multiline" data-testid="reconcile-stale">
              <MessageBarBody>{s.stale(stale)}</MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={() => void start(true)} disabled={!canRun}>
                  {s.runAgain}
                </Button>
              </MessageBarActions>
            </MessageBar>
          ) : null}
          {shownOutcome.refused ? (
            <MessageBar intent="error" layout="multiline" data-testid="reconcile-refused">
              <MessageBarBody>{s.sheetRefused(shownOutcome.refused)}</MessageBarBody>
            </MessageBar>
          ) : null}
          {shownOutcome.marksCleared ? (
            <MessageBar intent="info" layout="multiline" data-testid="reconcile-marks-gone">
              <MessageBarBody>{DECISION_STRINGS[locale].marksGone}</MessageBarBody>
            </MessageBar>
          ) : shownOutcome.written ? (
            <Caption1 data-testid="reconcile-written">
              {`${s.marksWritten(shownOutcome.written.ledgerMarks, shownOutcome.written.statementMarks)} ${s.resultSheets(
                shownOutcome.written.differencesSheet,
                shownOutcome.written.reconciliationSheet,
              )}`}
            </Caption1>
          ) : null}
          <DegradedNotice s={s} rangeAreas={shownOutcome.capabilities.rangeAreas} pageLayout={shownOutcome.capabilities.pageLayout} />
          <ReconcileResults
            s={s}
            report={shownOutcome.run.report}
            items={shownOutcome.items}
            ledgerSheet={shownOutcome.ledgerSheet}
            statementSheet={shownOutcome.statementSheet}
            filter={filter}
            onFilter={setFilter}
            onGoTo={goTo}
            onAnswer={answer}
            busy={busy || running}
            marksCleared={shownOutcome.marksCleared}
          />
          <DecisionList
            lines={decisionLines(shownOutcome.decisions, shownOutcome.run.report.staleDecisions)}
            onUndo={undoDecision}
            busy={busy || running}
          />
        </section>
      ) : null}
    </div>
  );
}

/**
 * The last reconciliation this pane ran on the workbook, with the print of its ledger as that run read
 * it: the aging view marks the rows it flagged 待核对 while the ledger is unchanged since.
 */
export function lastReconcileRun(port: WorkbookPort): { run: ReconcileRun; ledgerPrint: string | null } | null {
  const outcome = sessions.get(port)?.outcome;
  return outcome ? { run: outcome.run, ledgerPrint: outcome.prints.get(outcome.run.ledger.sheet) ?? null } : null;
}
