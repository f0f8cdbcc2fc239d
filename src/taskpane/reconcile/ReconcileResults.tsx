import {
  Badge,
  Button,
  Caption1,
  Dropdown,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { MARK_KINDS, MARK_STYLES } from "../../app/reports/marks";
import { formatFenGrouped } from "../../core/money";
import { both } from "../../messages";
import { useLocale } from "../context";
import { usePaneStore } from "../store";
import { LETTERS_STRINGS } from "../letters/strings";
import { Legend, ResultList } from "../components/layout";
import {
  availableFilters,
  countByKind,
  dealerSummary,
  filterItems,
  itemTargets,
  type ItemTarget,
  type KindFilter,
  type ResultItem,
} from "./results";
import type { ReconcileStrings } from "./strings";
import { DECISION_STRINGS } from "./decisions";
import type { ReconcileReport } from "../../core/reconcile/types";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, wordBreak: "break-all" },
  money: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  heading: { fontWeight: tokens.fontWeightSemibold },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderLeftWidth: "4px",
    borderLeftStyle: "solid",
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusSmall,
  },
  itemHead: {
    display: "flex",
    alignItems: "baseline",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    textAlign: "start",
  },
  rows: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
  },
  actions: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  letter: { alignSelf: "flex-start", maxWidth: "100%" },
  good: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

export interface ReconcileResultsProps {
  s: ReconcileStrings;
  report: ReconcileReport;
  items: readonly ResultItem[];
  ledgerSheet: string;
  statementSheet: string;
  /** The ledger's monthly sheets when it was read from several (each row shown on its own sheet). */
  ledgerSheets?: readonly string[];
  filter: KindFilter;
  onFilter: (filter: KindFilter) => void;
  onGoTo: (target: ItemTarget) => void;
  onAnswer: (item: ResultItem, answer: "confirmed" | "rejected") => void;
  busy: boolean;
  /** The run's marks were cleared: the legend no longer speaks of colours in the sheets. */
  marksCleared?: boolean;
}

export function ReconcileResults(props: ReconcileResultsProps): JSX.Element {
  const { s, report, items, filter } = props;
  const styles = useStyles();
  const locale = useLocale();
  const store = usePaneStore();
  const text = (b: { zh: string; en: string }) => (locale === "en-US" ? b.en : b.zh);
  const counts = countByKind(items);
  const shown = filterItems(items, filter);
  const filters = availableFilters(items);
  const filterText = (f: KindFilter) => (f === "all" ? s.filterAll(items.length) : s.kindCount(s.kindNames[f], counts[f]));

  return (
    <div className={styles.root} data-testid="reconcile-results">
      {report.dealers.map((d, n) => {
        const sum = dealerSummary(d);
        return (
          <section key={n} className={styles.card} data-testid="reconcile-summary" aria-label={s.resultsTitle}>
            <Text className={styles.heading}>{s.dealerResult(sum.dealer)}</Text>
            <dl className={styles.facts}>
              <dt className={styles.term}>{s.cutoff}</dt>
              <dd className={styles.value} data-testid="summary-cutoff">
                {report.asOf ?? report.cutoff ?? s.noCutoff}
              </dd>
              <dt className={styles.term}>{s.matched}</dt>
              <dd className={styles.value} data-testid="summary-matched">
                {s.matchedCount(sum.matched)}
              </dd>
              {MARK_KINDS.filter((k) => sum.counts[k] > 0).map((k) => (
                <div key={k} style={{ display: "contents" }} data-kind-count={k}>
                  <dt className={styles.term}>{s.kindNames[k]}</dt>
                  <dd className={styles.value}>{sum.counts[k]}</dd>
                </div>
              ))}
              <dt className={styles.term}>{s.ledgerBalance}</dt>
              <dd className={mergeClasses(styles.value, styles.money)} data-testid="summary-ledger-balance">
                {formatFenGrouped(sum.ledgerBalance)}
              </dd>
              <dt className={styles.term}>{s.statementBalance}</dt>
              <dd className={mergeClasses(styles.value, styles.money)} data-testid="summary-statement-balance">
                {formatFenGrouped(sum.statementBalance)}
              </dd>
              <dt className={styles.term}>{s.adjustedBalance}</dt>
              <dd className={mergeClasses(styles.value, styles.money)} data-testid="summary-adjusted">
                {`${formatFenGrouped(sum.adjustedLedgerBalance)} / ${formatFenGrouped(sum.adjustedStatementBalance)}`}
              </dd>
            </dl>
            <Text className={sum.balanced ? styles.good : styles.bad} data-testid="summary-balanced">
              {/* Not balanced with nothing left over (a dealer one side lacks, unread cells): the note says why. */}
              {sum.balanced ? s.balanced : sum.remainder === 0 && sum.remainderNote ? "" : s.notBalanced(formatFenGrouped(sum.remainder))}
              {sum.remainderNote ? `${!sum.balanced && sum.remainder === 0 ? "" : " "}${text(sum.remainderNote)}` : ""}
            </Text>
            {sum.excludedAfterCutoff.ledger + sum.excludedAfterCutoff.statement > 0 ? (
              <Caption1 className={styles.muted}>
                {s.afterCutoff(sum.excludedAfterCutoff.ledger, sum.excludedAfterCutoff.statement)}
              </Caption1>
            ) : null}
            {d.subsetSearch.note ? <Caption1 className={styles.muted}>{text(both(d.subsetSearch.note))}</Caption1> : null}
            {d.dealer ? (
              <Button
                size="small"
                className={styles.letter}
                onClick={() => store.dispatch({ type: "letters/open", dealers: [d.dealer as string], asOf: report.asOf ?? report.cutoff ?? undefined })}
                data-testid="letter-for-dealer"
              >
                {LETTERS_STRINGS[locale].forDealer}
              </Button>
            ) : null}
          </section>
        );
      })}

      {report.staleDecisions.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{s.staleDecisions(report.staleDecisions.length)}</MessageBarBody>
        </MessageBar>
      ) : null}

      <section className={styles.card} aria-label={s.legendTitle} data-testid="legend">
        <Text className={styles.heading}>{s.legendTitle}</Text>
        <Legend lines={MARK_KINDS.map((k) => ({ key: k, fill: MARK_STYLES[k].fill, text: <Text size={200}>{s.kindNames[k]}</Text> }))} />
        <Caption1 className={styles.muted} data-testid="marks-note">
          {props.marksCleared ? DECISION_STRINGS[locale].legendMarksGone : s.marksNote}
        </Caption1>
      </section>

      <section className={styles.root} aria-label={s.listTitle}>
        <Text className={styles.heading}>{s.listTitle}</Text>
        {items.length === 0 ? (
          <Text data-testid="no-differences">{s.noDifferences}</Text>
        ) : (
          <>
            <Field label={s.filterLabel}>
              <Dropdown
                data-testid="kind-filter"
                size="small"
                value={filterText(filter)}
                selectedOptions={[filter]}
                onOptionSelect={(_, data) => {
                  if (data.optionValue) props.onFilter(data.optionValue as KindFilter);
                }}
              >
                {filters.map((f) => (
                  <Option key={f} value={f} text={filterText(f)}>
                    {filterText(f)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            {shown.length === 0 ? <Text className={styles.muted}>{s.nothingOfKind}</Text> : null}
            <ResultList testId="difference-list">
              {shown.map((item) => (
                <DifferenceItem
                  key={item.key}
                  {...props}
                  item={item}
                  text={text}
                  targets={itemTargets(item, props.ledgerSheet, props.statementSheet, props.ledgerSheets)}
                />
              ))}
            </ResultList>
          </>
        )}
      </section>
    </div>
  );
}

function DifferenceItem(
  props: ReconcileResultsProps & { item: ResultItem; targets: ItemTarget[]; text: (b: { zh: string; en: string }) => string },
): JSX.Element {
  const { s, item, targets, text } = props;
  const styles = useStyles();
  const kind = s.kindNames[item.kind];
  const amount = formatFenGrouped(item.amount);
  return (
    <li
      className={styles.item}
      style={{ borderLeftColor: MARK_STYLES[item.kind].fill }}
      data-kind={item.kind}
      data-ledger-rows={item.ledgerRows.join(",")}
      data-statement-rows={item.statementRows.join(",")}
    >
      <Link
        as="button"
        className={styles.itemHead}
        aria-label={s.itemLabel(kind, amount)}
        onClick={() => targets[0] && props.onGoTo(targets[0])}
        data-testid="difference-goto"
      >
        <Badge appearance="tint" color="informative" size="small" style={{ backgroundColor: MARK_STYLES[item.kind].fill }}>
          {kind}
        </Badge>
        <span className={styles.money}>{amount}</span>
      </Link>
      <Text size={200}>{text(item.reason)}</Text>
      {item.kind === "amount_mismatch" || item.kind === "suggestion" ? (
        <Caption1 className={mergeClasses(styles.muted, styles.money)}>
          {`${s.ours} ${formatFenGrouped(item.ledgerAmount)} · ${s.theirs} ${formatFenGrouped(item.statementAmount)}`}
        </Caption1>
      ) : null}
      <div className={styles.rows}>
        {targets.map((t) => (
          <Link
            key={`${t.side}:${t.selection.sheet}:${t.selection.row}`}
            as="button"
            onClick={() => props.onGoTo(t)}
            data-testid={`rows-${t.side}`}
          >
            {`${props.ledgerSheets && t.side === "ledger" ? `${t.selection.sheet} ` : ""}${s.rowsOf(t.side, t.selection.row, t.selection.rowEnd ?? t.selection.row)}`}
          </Link>
        ))}
      </div>
      {item.suggestion ? (
        <div className={styles.actions}>
          <Button size="small" appearance="primary" disabled={props.busy} onClick={() => props.onAnswer(item, "confirmed")} data-testid="confirm-suggestion">
            {s.confirm}
          </Button>
          <Button size="small" disabled={props.busy} onClick={() => props.onAnswer(item, "rejected")} data-testid="reject-suggestion">
            {s.reject}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

export function DegradedNotice({ s, rangeAreas, pageLayout }: { s: ReconcileStrings; rangeAreas: boolean; pageLayout: boolean }): JSX.Element | null {
  if (rangeAreas && pageLayout) return null;
  return (
    <MessageBar intent="info" layout="multiline" data-testid="degraded">
      <MessageBarBody>
        <MessageBarTitle>{s.degradedTitle}</MessageBarTitle>
        <ResultList dense>
          {pageLayout ? null : <li>{s.degradedPrint}</li>}
          {rangeAreas ? null : <li>{s.degradedMarks}</li>}
        </ResultList>
      </MessageBarBody>
    </MessageBar>
  );
}
