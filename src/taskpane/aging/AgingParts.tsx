/**
 * The presentational pieces of the 账龄 / 逾期 view: the stage summary (also the legend of the
 * ledger's colours), the term sources and the week's action list. They get plain lines from
 * model.ts and callbacks; none of them touches the workbook.
 */
import {
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Tooltip,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { Selection } from "../../port/workbook";
import { ResultList, Swatch } from "../components/layout";
import type { ActionLine, ReviewLegendLine, ReviewLine, StageLine, TermLine, UnreadableLine } from "./model";
import type { AgingStrings } from "./strings";
import { LimitationBadge } from "./CollectParts";

const useStyles = makeStyles({
  table: { tableLayout: "auto" },
  number: {
    textAlign: "end",
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
  },
  numberHead: { justifyContent: "flex-end" },
  stageCell: {
    display: "flex",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalS,
  },
  stageName: { display: "flex", flexDirection: "column", minWidth: 0 },
  explanation: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100 },
  // The swatch sits level with the stage's name, not with its explanation under it.
  swatchAligned: { display: "inline-flex", marginTop: "3px" },
  total: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: "2px",
    width: "100%",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `4px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: "inherit",
    fontSize: "inherit",
    textAlign: "start",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  line: {
    display: "flex",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
  },
  dealer: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    wordBreak: "break-all",
  },
  amount: {
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
  },
  stage: {
    display: "inline-block",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    whiteSpace: "nowrap",
  },
  action: { fontSize: tokens.fontSizeBase200 },
  due: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  apart: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  note: { color: tokens.colorPaletteDarkOrangeForeground1, overflowWrap: "anywhere" },
  apartTitle: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalS} 0 0`,
  },
  wrapText: { overflowWrap: "anywhere", fontSize: tokens.fontSizeBase200 },
});

/** One row of the stage table: swatch, name (with its explanation for an aging stage), count and amount. */
function StageRow({ stage, testId, line, explanation }: { stage: string; testId?: string; line: Pick<StageLine, "text" | "count" | "amountText" | "fill" | "color">; explanation?: string }): JSX.Element {
  const styles = useStyles();
  return (
    <TableRow data-stage={stage} data-testid={testId}>
      <TableCell>
        <span className={styles.stageCell}>
          <span className={styles.swatchAligned}>
            <Swatch fill={line.fill} color={line.color} />
          </span>
          <span className={styles.stageName}>
            <span data-testid="stage-name">{line.text}</span>
            {explanation !== undefined ? (
              <span className={styles.explanation} data-testid="stage-explanation">
                {explanation}
              </span>
            ) : null}
          </span>
        </span>
      </TableCell>
      <TableCell className={styles.number} data-testid="count">
        {line.count}
      </TableCell>
      <TableCell className={styles.number} data-testid="amount">
        {line.amountText}
      </TableCell>
    </TableRow>
  );
}

export interface StageSummaryProps {
  s: AgingStrings;
  lines: readonly StageLine[];
  totalText: string;
  /** Unapplied receipts, shown only when there are some. */
  unappliedText: string | null;
  /** 待核对 items (open, flagged by a reconciliation): their own colour in the ledger; they are counted in the stages above too. */
  review?: ReviewLegendLine | null;
  /** The 时效 mark (period ending within 180 days or ended): shown first, being the most urgent. */
  limitation?: ReviewLegendLine | null;
}

/** Count and open amount per stage, most urgent first; the swatches are the ledger's mark colours. */
export function StageSummary({ s, lines, totalText, unappliedText, review, limitation }: StageSummaryProps): JSX.Element {
  const styles = useStyles();
  return (
    <Table size="extra-small" className={styles.table} aria-label={s.columnStage} data-testid="aging-summary">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{s.columnStage}</TableHeaderCell>
          <TableHeaderCell className={styles.number} button={{ className: styles.numberHead }}>
            {s.columnCount}
          </TableHeaderCell>
          <TableHeaderCell className={styles.number} button={{ className: styles.numberHead }}>
            {s.columnAmount}
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {limitation ? <StageRow stage="limitation" testId="aging-limitation-legend" line={limitation} /> : null}
        {lines.map((l) => (
          <StageRow key={l.stage} stage={l.stage} line={l} explanation={l.explanation} />
        ))}
        {review ? <StageRow stage="under_review" testId="aging-review-legend" line={review} /> : null}
        {unappliedText !== null ? (
          <TableRow data-stage="unapplied">
            <TableCell>{s.unapplied}</TableCell>
            <TableCell />
            <TableCell className={styles.number} data-testid="amount">
              {unappliedText}
            </TableCell>
          </TableRow>
        ) : null}
        <TableRow data-stage="total">
          <TableCell className={styles.total}>{s.openBalance}</TableCell>
          <TableCell />
          <TableCell className={mergeClasses(styles.number, styles.total)} data-testid="amount">
            {totalText}
          </TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}

/** Each dealer's term and where it came from (credit register, 账期表 row, ledger column, default). */
export function TermTable({ s, lines }: { s: AgingStrings; lines: readonly TermLine[] }): JSX.Element {
  const styles = useStyles();
  return (
    <Table size="extra-small" className={styles.table} aria-label={s.termsTitle} data-testid="aging-terms">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{s.columnDealer}</TableHeaderCell>
          <TableHeaderCell className={styles.number} button={{ className: styles.numberHead }}>
            {s.columnTerm}
          </TableHeaderCell>
          <TableHeaderCell>{s.columnSource}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {lines.map((l) => (
          <TableRow key={l.dealer} data-dealer={l.dealer} data-source={l.source}>
            <TableCell>{l.dealer}</TableCell>
            <TableCell className={styles.number}>{s.days(l.termDays)}</TableCell>
            <TableCell>
              <span data-testid="term-source">{l.sourceText}</span>
              {l.otherTerms.length > 0 ? (
                <>
                  <br />
                  <Caption1 className={styles.muted}>{s.otherRowTerms(l.otherTerms)}</Caption1>
                </>
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export interface ActionListProps {
  s: AgingStrings;
  lines: readonly ActionLine[];
  /** Fills per stage, so an item wears its row's colour. */
  fills: Readonly<Record<string, { fill: string | null; color: string | null }>>;
  onSelect: (target: Selection) => void;
}

/** The items to follow up this week; clicking one selects its row in the ledger. */
export function ActionList({ s, lines, fills, onSelect }: ActionListProps): JSX.Element {
  const styles = useStyles();
  if (lines.length === 0) return <Text className={styles.muted}>{s.noActions}</Text>;
  return (
    <ResultList dense testId="aging-actions">
      {lines.map((l) => {
        const look = fills[l.stage] ?? { fill: null, color: null };
        const late = l.stage === "overdue" || l.stage === "past_final";
        const details = [
          l.ref ? `${s.ref} ${l.ref}` : null,
          `${s.rep} ${l.rep ?? s.noRep}`,
          `${s.dueDate} ${l.dueDate}`,
          late ? `${s.finalDate} ${l.finalDate}` : null,
        ]
          .filter((x): x is string => x !== null)
          .join(" · ");
        return (
          <li key={l.key}>
            <button
              type="button"
              className={styles.item}
              style={{ borderLeftColor: look.fill ?? tokens.colorNeutralStroke1 }}
              onClick={() => onSelect(l.target)}
              data-testid="aging-action"
              data-row={l.target.row}
              data-stage={l.stage}
            >
              <span className={styles.line}>
                <span className={styles.dealer}>{l.dealer}</span>
                <span className={styles.amount} data-testid="open">
                  {l.openText}
                </span>
              </span>
              <span className={styles.line}>
                <span data-testid="details">{details}</span>
              </span>
              {l.limitation ? <LimitationBadge s={s.collect} limitation={l.limitation} /> : null}
              <span className={styles.action}>
                <Tooltip content={l.stageExplanation} relationship="description" withArrow>
                  <span
                    className={styles.stage}
                    style={look.fill ? { backgroundColor: look.fill, color: look.color ?? undefined } : undefined}
                    data-testid="stage"
                  >
                    {l.stageText}
                  </span>
                </Tooltip>{" "}
                <span data-testid="next-action">
                  {l.actionText}
                  <span className={l.actionDue ? styles.due : undefined}>{s.actionOn(l.actionDate, l.actionDue)}</span>
                </span>
              </span>
            </button>
          </li>
        );
      })}
    </ResultList>
  );
}

/** Rows listed at most, one by one; past that a line says how many more (the sheets list them all). */
const MAX_APART = 50;

export interface KeptApartProps {
  s: AgingStrings;
  /** What the totals exclude and which reconciliation the 待核对 items come from. */
  notes: readonly string[];
  review: readonly ReviewLine[];
  unreadable: readonly UnreadableLine[];
  /** Total rows behind `unreadable` (one row may have two unreadable cells). */
  unreadableRows: number;
  onSelect: (target: Selection) => void;
}

/**
 * What the aging keeps apart from its figures: the lines saying so, the rows under reconciliation
 * (待核对: not chased until checked) with their reason, and the cells that could not be read. Each
 * selects its row or cell in the ledger. Nothing when there is nothing to say.
 */
export function KeptApart({ s, notes, review, unreadable, unreadableRows, onSelect }: KeptApartProps): JSX.Element | null {
  const styles = useStyles();
  if (notes.length === 0 && review.length === 0 && unreadable.length === 0) return null;
  return (
    <div className={styles.apart} data-testid="aging-apart">
      {notes.map((n) => (
        <Caption1 key={n} className={styles.note} data-testid="aging-apart-note">
          {n}
        </Caption1>
      ))}
      {review.length > 0 ? (
        <>
          <h3 className={styles.apartTitle}>{s.reviewTitle(review.length)}</h3>
          <Caption1 className={styles.muted}>{s.reviewHint}</Caption1>
          <ResultList dense testId="aging-review">
            {review.slice(0, MAX_APART).map((l) => (
              <li key={l.key}>
                <button type="button" className={styles.item} onClick={() => onSelect(l.target)} data-testid="aging-review-item" data-row={l.target.row}>
                  <span className={styles.line}>
                    <span className={styles.dealer}>{l.dealer}</span>
                    <span className={styles.amount}>{l.openText}</span>
                  </span>
                  <span className={styles.line}>
                    <span>{[l.ref, l.statusText, l.kindText].filter((x) => x !== "").join(" · ")}</span>
                  </span>
                  <span className={styles.wrapText} data-testid="reason">
                    {l.reason}
                  </span>
                </button>
              </li>
            ))}
          </ResultList>
          {review.length > MAX_APART ? <Caption1 className={styles.muted}>{s.moreIssues(review.length - MAX_APART)}</Caption1> : null}
        </>
      ) : null}
      {unreadable.length > 0 ? (
        <>
          <h3 className={styles.apartTitle}>{s.unreadableTitle(unreadableRows)}</h3>
          <Caption1 className={styles.muted}>{s.unreadableHint}</Caption1>
          <ResultList dense testId="aging-unreadable">
            {unreadable.slice(0, MAX_APART).map((l) => (
              <li key={l.key}>
                <button type="button" className={styles.item} onClick={() => onSelect(l.target)} data-testid="aging-unreadable-item" data-row={l.target.row}>
                  <span className={styles.line}>
                    <span className={styles.dealer}>{l.place}</span>
                    <span className={styles.wrapText}>“{l.found}”</span>
                  </span>
                  <span className={styles.wrapText}>{l.text}</span>
                </button>
              </li>
            ))}
          </ResultList>
          {unreadable.length > MAX_APART ? <Caption1 className={styles.muted}>{s.moreIssues(unreadable.length - MAX_APART)}</Caption1> : null}
        </>
      ) : null}
    </div>
  );
}
