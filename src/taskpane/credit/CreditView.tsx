/**
 * The 信用 view: the applications found (or the offer to make an application sheet), their problems each
 * a click from its cell; the as-of date and where history and exposure come from (the ledger, or a balance
 * table when no ledger is chosen); each dealer's score, grade and suggestion folded under its name with the
 * breakdown (item, value, points, max) and the approval into 信用档案 (which can be taken back); the
 * half-yearly review list; the exposure list with the over-limit marks. The workflow is useCreditRun's;
 * this renders it.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  Link,
  Option,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo } from "react";
import type { DealerCredit, ExposureLine, ReviewLine } from "../../core/credit";
import { formatFenGrouped } from "../../core/money";
import type { Message } from "../../core/messages";
import { render } from "../../messages/render";
import type { Selection } from "../../port/workbook";
import type { SheetChoice } from "../choice";
import { ActionNote } from "../components/ActionNote";
import { Actions, DateField, FormRow, Legend, Notice, ResultList, Section, useLayoutStyles } from "../components/layout";
import { useLocale, useStrings } from "../context";
import type { Locale } from "../i18n";
import type { PaneMessage } from "../messages";
import { CREDIT_STRINGS, type CreditStrings } from "./strings";
import { CREDIT_NOTE, applicationErrorLines, creditLines, exposureShown, problemLines, useCreditRun, type CreditRunView, type ProblemLine } from "./useCreditRun";

/** The over-limit mark's fill, as app/credit.ts lays it (kept here so the view does not load the app's module). */
const OVER_LIMIT_FILL = "#E599F7";
/** Over the limit first, then the dealers whose exposure cannot be read, then near, then within. */
const STATUS_ORDER = { over: 0, unknown: 1, near: 2, ok: 3 } as const;

const useStyles = makeStyles({
  table: {
    width: "100%",
    tableLayout: "fixed",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      textAlign: "left",
      overflowWrap: "anywhere",
      verticalAlign: "top",
    },
    "& th": { fontWeight: tokens.fontWeightSemibold },
  },
  item: { width: "38%" },
  num: { width: "16%", textAlign: "right" },
  total: { fontWeight: tokens.fontWeightSemibold },
  header: { display: "flex", flexDirection: "column", minWidth: 0, textAlign: "left" },
  over: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  near: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  ok: { color: tokens.colorNeutralForeground3 },
  // Not a warning about the limit: nothing is known to compare with it. Neutral, set apart by its words and italics.
  unknown: { color: tokens.colorNeutralForeground2, fontStyle: "italic" },
});

export interface CreditViewProps {
  choice: SheetChoice;
  generation: number;
  report: (message: PaneMessage) => void;
  clear: (key: string) => void;
  onGoTo: (target: Selection) => void;
}

export function CreditView({ choice, generation, report, clear, onGoTo }: CreditViewProps): JSX.Element {
  const locale = useLocale();
  const t = useStrings();
  const s = CREDIT_STRINGS[locale];
  const layout = useLayoutStyles();
  const w = useCreditRun({ ledger: choice.ledger, generation, report, clear, onGoTo });
  const survey = w.survey.state === "done" ? w.survey.survey : null;
  const tables = survey?.balanceTables ?? [];
  const surveyProblems = useMemo(() => (survey ? applicationErrorLines(survey.errors, locale) : []), [survey, locale]);
  const status = w.status;
  const run = w.run;
  const busy = w.busy !== null;
  const noneFound = survey !== null && survey.applications.length === 0 && survey.errors.length === 0;
  const chosenTable = tables.find((t) => t.sheet === w.balances) ?? null;
  const ledgerIsTable = choice.ledger !== null && chosenTable?.sheet === choice.ledger;

  const makeSheet = (
    <Button size="small" disabled={busy} onClick={() => void w.makeSheet()} data-testid="credit-make-sheet">
      {s.makeSheet}
    </Button>
  );

  return (
    <section className={layout.view} aria-label={s.applications} data-testid="credit-view">
      <Caption1 className={layout.muted}>{s.intro}</Caption1>

      <Section id="credit-applications" title={s.applications} testId="credit-applications">
        {w.survey.state === "checking" ? <Spinner size="tiny" label={s.scanning} /> : null}
        {survey && survey.applications.length > 0 ? (
          <Text className={layout.breakable} data-testid="credit-found">
            {s.found(survey.applications.length, survey.sheets)}
          </Text>
        ) : null}
        {noneFound ? (
          <Notice intent="info" testId="credit-none" actions={makeSheet}>
            {s.noneFound}
          </Notice>
        ) : null}
        {surveyProblems.length > 0 ? (
          <Notice intent="error" testId="credit-problems">
            {s.problems(surveyProblems.length)}
            <Problems s={s} lines={surveyProblems} goTo={w.goTo} />
          </Notice>
        ) : null}
        <Actions>
          {noneFound ? null : makeSheet}
          <Button size="small" disabled={w.survey.state === "checking"} onClick={w.rescan} data-testid="credit-rescan">
            {s.rescan}
          </Button>
        </Actions>
        <ActionNote at={CREDIT_NOTE.template} />
        {survey ? (
          <Caption1 className={layout.breakable} data-testid="credit-scorecard">
            {survey.scorecard ? s.scorecardFrom(survey.scorecard) : s.scorecardDefault}
          </Caption1>
        ) : null}
        {survey && !survey.scorecard ? (
          <Actions>
            <Button size="small" disabled={busy} onClick={() => void w.writeScorecard()} data-testid="credit-write-scorecard">
              {s.writeScorecard}
            </Button>
          </Actions>
        ) : null}
        <ActionNote at={CREDIT_NOTE.scorecard} />
      </Section>

      <Section id="credit-score" title={s.score} testId="credit-score">
        <FormRow>
          <DateField grow label={s.asOf} value={w.choices.asOf} onChange={(asOf) => w.choose({ asOf })} hint={s.asOfHint} problem={w.asOfOk ? undefined : s.asOfProblem} testId="credit-as-of" />
        </FormRow>
        <Caption1 className={layout.breakable} data-testid="credit-source">
          {ledgerIsTable ? s.noLedger : choice.ledger ? s.fromLedger(choice.ledger) : tables.length > 0 ? s.noLedger : s.noLedgerNoTable}
        </Caption1>
        {ledgerIsTable && chosenTable ? <Caption1 className={layout.breakable}>{s.exposureSourceTable(chosenTable.sheet, chosenTable.cutoff)}</Caption1> : null}
        {!choice.ledger && tables.length > 0 ? (
          <Field label={s.exposureFrom}>
            <Dropdown
              className={layout.control}
              value={chosenTable ? s.exposureTable(chosenTable.sheet, chosenTable.cutoff) : s.exposureNone}
              selectedOptions={[w.balances ?? ""]}
              onOptionSelect={(_, d) => w.choose({ balances: d.optionValue ?? "" })}
              data-testid="credit-balances"
            >
              <Option value="" text={s.exposureNone}>
                {s.exposureNone}
              </Option>
              {tables.map((t) => (
                <Option key={t.sheet} value={t.sheet} text={s.exposureTable(t.sheet, t.cutoff)}>
                  <span className={layout.breakable}>{s.exposureTable(t.sheet, t.cutoff)}</span>
                </Option>
              ))}
            </Dropdown>
          </Field>
        ) : null}
        <Actions>
          <Button appearance="primary" disabled={!w.canRun} onClick={() => void w.score()} data-testid="credit-run">
            {s.run}
          </Button>
        </Actions>
        {w.running ? <Spinner size="tiny" label={s.running} /> : null}
        {status.state === "refused" ? (
          <Notice intent="error" testId="credit-refused" actions={status.problem.code === "no_applications" ? makeSheet : undefined}>
            {s.refused}
            <Problems s={s} lines={problemLines(status.problem, locale)} goTo={w.goTo} />
          </Notice>
        ) : null}
        {status.state === "failed" ? (
          <Notice intent="error" testId="credit-failed" title={s.failedTitle}>
            {status.message(t)}
          </Notice>
        ) : null}
        {run ? <CreditWarnings warnings={run.warnings} locale={locale} /> : null}
      </Section>

      {run ? (
        <>
          <Section id="credit-results" title={s.results(run.result.asOf, run.result.dealers.length)} testId="credit-results">
            <Field label={s.approver} hint={s.approverHint}>
              <Input className={layout.control} value={w.choices.approver} onChange={(_, d) => w.choose({ approver: d.value })} data-testid="credit-approver" />
            </Field>
            <Accordion multiple collapsible>
              {run.result.dealers.map((d) => (
                <DealerItem key={d.dealer} s={s} d={d} w={w} />
              ))}
            </Accordion>
            <Actions>
              <Button size="small" disabled={busy} onClick={() => void w.write()} data-testid="credit-write">
                {s.writeSheet}
              </Button>
            </Actions>
            <ActionNote at={CREDIT_NOTE.write} />
          </Section>

          <ReviewList s={s} review={run.result.review} asOf={run.result.asOf} register={run.register?.sheet ?? null} goTo={w.goTo} />

          <Section id="credit-exposure" title={s.exposure} testId="credit-exposure">
            <Caption1 className={layout.breakable}>
              {run.exposureFrom === "ledger" && run.ledger
                ? s.exposureSourceLedger(run.ledger.sheet)
                : run.balances
                  ? s.exposureSourceTable(run.balances.sheet, run.balances.cutoff)
                  : s.exposureSourceNone}
            </Caption1>
            <ExposureList s={s} lines={run.result.exposures} />
            <Actions>
              <Button appearance="primary" size="small" disabled={busy} onClick={() => void w.mark()} title={s.markHint} data-testid="credit-mark">
                {s.markOver}
              </Button>
              <Button size="small" disabled={busy} onClick={() => void w.clearMarks()} data-testid="credit-clear">
                {s.clearMarks}
              </Button>
            </Actions>
            <Legend lines={[{ key: "over", fill: OVER_LIMIT_FILL, text: <Caption1>{s.legend}</Caption1> }]} />
            <ActionNote at={CREDIT_NOTE.marks} />
          </Section>
        </>
      ) : null}
    </section>
  );
}

function Problems({ s, lines, goTo }: { s: CreditStrings; lines: readonly ProblemLine[]; goTo: (t: Selection) => void }): JSX.Element {
  const layout = useLayoutStyles();
  return (
    <ResultList dense testId="credit-problem-list">
      {lines.map((p, i) => (
        <li key={i} className={layout.breakable} data-testid="credit-problem">
          {p.text}{" "}
          {p.target ? (
            <Link onClick={() => goTo(p.target as Selection)} data-testid="credit-problem-select">
              {s.select}
            </Link>
          ) : null}
        </li>
      ))}
    </ResultList>
  );
}

function DealerItem({ s, d, w }: { s: CreditStrings; d: DealerCredit; w: CreditRunView }): JSX.Element {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const locale = useLocale();
  const money = formatFenGrouped;
  const sc = d.score;
  const shown = creditLines(d, locale);
  const exposure = exposureShown(d, locale);
  const undoable = w.approval?.dealer === d.dealer;
  return (
    <AccordionItem value={d.dealer} data-testid="credit-dealer" data-dealer={d.dealer}>
      <AccordionHeader size="small">
        <span className={styles.header}>
          <span className={layout.breakable}>{d.dealer}</span>
          <Caption1 className={layout.breakable} data-testid="credit-dealer-summary">
            {s.points(sc.score)} · {s.gradeOf(sc.grade)} · {s.suggestion(money(d.suggestion.limit), d.suggestion.termDays)} · <span className={styles[exposure.status]}>{exposure.statusText}</span>
          </Caption1>
        </span>
      </AccordionHeader>
      <AccordionPanel>
        <div className={layout.section}>
          <table className={styles.table} data-testid="credit-breakdown">
            <thead>
              <tr>
                <th className={styles.item}>{s.item}</th>
                <th>{s.value}</th>
                <th className={styles.num}>{s.got}</th>
                <th className={styles.num}>{s.max}</th>
              </tr>
            </thead>
            <tbody>
              {shown.breakdown.map((b) => (
                <tr key={b.label}>
                  <td>{b.label}</td>
                  <td>{b.value}</td>
                  <td className={styles.num}>{b.points}</td>
                  <td className={styles.num}>{b.max}</td>
                </tr>
              ))}
              <tr className={styles.total}>
                <td>{s.total}</td>
                <td>{sc.grade}</td>
                <td className={styles.num}>{sc.score}</td>
                <td className={styles.num}>{sc.breakdown.reduce((t, b) => t + b.max, 0)}</td>
              </tr>
            </tbody>
          </table>
          {sc.cappedFrom ? <Caption1>{s.capped(sc.cappedFrom, sc.grade)}</Caption1> : null}
          <ResultList dense testId="credit-suggestion">
            {shown.suggestion.map((line) => (
              <li key={line} className={layout.breakable}>
                <Caption1>{line}</Caption1>
              </li>
            ))}
          </ResultList>
          <Text className={layout.breakable} data-testid="credit-limit" data-status={exposure.status}>
            {s.limitInForce(money(d.limit), d.limitSource === "register", exposure.exposure)} · <span className={styles[exposure.status]}>{exposure.statusText}</span>
          </Text>
          <ExposureWhy why={exposure.why} />
          <Link onClick={() => w.goTo({ sheet: d.application.source.sheet, row: d.application.source.row })} data-testid="credit-source-link">
            {s.source(d.application.source.sheet, d.application.source.row)}
          </Link>
          <Actions>
            <Button size="small" appearance="primary" disabled={w.busy !== null || w.running || w.choices.approver.trim() === ""} title={w.choices.approver.trim() === "" ? s.approveHint : undefined} onClick={() => void w.approve(d)} data-testid="credit-approve">
              {s.approve}
            </Button>
            {undoable ? (
              <Button size="small" disabled={w.busy !== null} onClick={() => void w.undoApproval()} data-testid="credit-undo-approval">
                {s.undoApproval}
              </Button>
            ) : null}
          </Actions>
          <ActionNote at={CREDIT_NOTE.approve(d.dealer)} />
        </div>
      </AccordionPanel>
    </AccordionItem>
  );
}

function ReviewList({ s, review, asOf, register, goTo }: { s: CreditStrings; review: readonly ReviewLine[]; asOf: string; register: string | null; goTo: (t: Selection) => void }): JSX.Element {
  const locale = useLocale();
  const layout = useLayoutStyles();
  const styles = useStyles();
  return (
    <Section id="credit-review" title={s.review} testId="credit-review">
      {register === null ? <Caption1 className={layout.muted}>{s.noRegister}</Caption1> : review.length === 0 ? <Caption1 className={layout.muted}>{s.reviewNone}</Caption1> : null}
      <ResultList testId="credit-review-list">
        {review.map((v) => (
          <li key={v.registerRow} className={layout.breakable} data-testid="credit-review-item">
            <Text weight="semibold">{v.dealer}</Text> <Caption1>{s.gradeOf(v.grade)}</Caption1>
            <br />
            <Caption1>
              {s.nextReview(v.nextReview, v.nextReview !== null && v.nextReview < asOf)} · {v.fresh ? s.fresh(v.fresh.score, v.fresh.grade) : s.noFresh}
              {v.pastFinal.length > 0 ? ` · ${s.pastFinal(v.pastFinal.length)}` : ""}
            </Caption1>
            {v.proposal ? (
              <>
                <br />
                <span className={v.pastFinal.length > 0 ? styles.over : undefined} data-testid="credit-proposed">
                  {render(v.proposal, locale)}
                </span>
              </>
            ) : null}{" "}
            <Link onClick={() => goTo({ sheet: register ?? "", row: v.registerRow })} data-testid="credit-review-link">
              {s.registerRow(v.registerRow)}
            </Link>
          </li>
        ))}
      </ResultList>
    </Section>
  );
}

/** Why a dealer's exposure cannot be read: each cell of its balance-table row at fault, and what to do. */
function ExposureWhy({ why }: { why: readonly string[] }): JSX.Element | null {
  const layout = useLayoutStyles();
  if (why.length === 0) return null;
  return (
    <ResultList dense testId="credit-exposure-why">
      {why.map((text, i) => (
        <li key={i} className={layout.breakable}>
          <Caption1>{text}</Caption1>
        </li>
      ))}
    </ResultList>
  );
}

/** The exposure list: each dealer's status against its limit (an unknown exposure in its own, neutral look). */
export function ExposureList({ s, lines }: { s: CreditStrings; lines: readonly ExposureLine[] }): JSX.Element {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const locale = useLocale();
  const sorted = useMemo(
    () => lines.map((e) => ({ e, shown: exposureShown(e, locale) })).sort((a, b) => STATUS_ORDER[a.shown.status] - STATUS_ORDER[b.shown.status] || (b.e.exposure ?? 0) - (a.e.exposure ?? 0)),
    [lines, locale],
  );
  if (sorted.length === 0) return <Caption1 className={layout.muted}>{s.exposureNoneListed}</Caption1>;
  return (
    <ResultList dense testId="credit-exposure-list">
      {sorted.map(({ e, shown }) => (
        <li key={e.dealer} className={layout.breakable} data-testid="credit-exposure-item" data-status={shown.status}>
          <span className={styles[shown.status]}>{shown.statusText}</span> {e.dealer}
          <br />
          <Caption1>{s.exposureLine(shown.exposure, formatFenGrouped(e.limit), e.limitSource === "register")}</Caption1>
          <ExposureWhy why={shown.why} />
        </li>
      ))}
    </ResultList>
  );
}

/** The run's warnings about its figures, said in the pane's language of the moment (a switch says them again). */
export function CreditWarnings({ warnings, locale }: { warnings: readonly Message[]; locale: Locale }): JSX.Element | null {
  const layout = useLayoutStyles();
  if (warnings.length === 0) return null;
  return (
    <Notice intent="warning" testId="credit-warnings">
      {CREDIT_STRINGS[locale].warnings}
      <ResultList dense>
        {warnings.map((m, i) => (
          <li key={i} className={layout.breakable}>
            {render(m, locale)}
          </li>
        ))}
      </ResultList>
    </Notice>
  );
}
