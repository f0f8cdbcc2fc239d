import {
  Button,
  Caption1,
  Dropdown,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState, type ReactNode } from "react";
import { formatFenGrouped } from "../../core/money";
import { ROLES, type ReadResult, type Role } from "../../core/read";
import { describeReadIssue, describeSkipReason } from "../../messages/read";
import type { Selection } from "../../port/workbook";
import { useLocale, useStrings } from "../context";
import type { Strings } from "../i18n";
import { entryCounts, issueTarget, reviewMapping, skippedByReason, type ColumnChoice } from "../summary";
import { MAX_LISTED_ROWS, ResultList } from "./layout";

/** Errors listed one by one; beyond this the rest is counted, so a broken sheet does not bury the pane. */
const MAX_LISTED_ERRORS = 20;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: {
    color: tokens.colorNeutralForeground3,
  },
  value: {
    margin: 0,
    wordBreak: "break-all",
  },
  money: {
    fontVariantNumeric: "tabular-nums",
  },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  sectionTitle: {
    fontWeight: tokens.fontWeightSemibold,
  },
  issues: {
    margin: `${tokens.spacingVerticalXS} 0`,
  },
  issueLink: {
    textAlign: "start",
  },
  mapping: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  roleRow: {
    display: "contents",
  },
  roleCell: {
    display: "flex",
    flexDirection: "column",
  },
  dropdown: {
    minWidth: "0",
    width: "100%",
  },
  foldButton: {
    justifyContent: "flex-start",
    textAlign: "start",
    height: "auto",
    minWidth: 0,
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
});

export interface ReadSummaryProps {
  result: ReadResult;
  columns: readonly ColumnChoice[];
  onRemap: (role: Role, column: number) => void;
  onGoTo: (target: Selection) => void;
  busy?: boolean;
  /**
   * Whether the sure columns are unfolded; kept by the caller so it survives a read again. Without
   * it the summary keeps it itself, folded at first.
   */
  mappingOpen?: boolean;
  onMappingOpen?: (open: boolean) => void;
  /** Shown at the end of the mapping section: the confirmation of a saved column choice. */
  mappingNote?: ReactNode;
}

function columnLabel(t: Strings, c: ColumnChoice): string {
  return t.columnOption(c.letter, c.header);
}

/** What the reader understood of one sheet, with the means to correct its column choices. */
export function ReadSummary({ result, columns, onRemap, onGoTo, busy, mappingOpen, onMappingOpen, mappingNote }: ReadSummaryProps): JSX.Element {
  const t = useStrings();
  const locale = useLocale();
  const styles = useStyles();
  const [showAllRoles, setShowAllRoles] = useState(false);
  const [ownOpen, setOwnOpen] = useState(false);
  const showSure = mappingOpen ?? ownOpen;
  const setShowSure = (open: boolean) => (onMappingOpen ? onMappingOpen(open) : setOwnOpen(open));
  const counts = entryCounts(result);
  const skipped = skippedByReason(result);
  // Columns recognised by their exact header are folded, so the next step stays in reach; guesses stay open.
  const { needsLook, confident, unmapped } = reviewMapping(result.mapping, ROLES);
  const check = result.balanceCheck;
  const mismatchRow = check.firstMismatchRow;

  const dealerFact =
    result.dealers.length > 1 ? (
      <>
        <dt className={styles.term}>{t.dealers(result.dealers.length)}</dt>
        <dd className={styles.value}>{result.dealers.join("、")}</dd>
      </>
    ) : (
      <>
        <dt className={styles.term}>{t.dealer}</dt>
        <dd className={styles.value}>{result.dealer ?? result.dealers[0] ?? t.noDealer}</dd>
      </>
    );

  const roleRow = (role: Role): JSX.Element => {
    const m = result.mapping[role];
    const selected = m ? columns.find((c) => c.column === m.column) : undefined;
    return (
      <div key={role} className={styles.roleRow} data-role={role}>
        <div className={styles.roleCell}>
          <Text size={200}>{t.roleNames[role]}</Text>
          {m ? (
            <Caption1 className={styles.muted}>
              {m.source === "user" ? t.mappedByUser : t.confidence(Math.round(m.confidence * 100))}
            </Caption1>
          ) : null}
        </div>
        <Dropdown
          className={styles.dropdown}
          size="small"
          aria-label={t.roleNames[role]}
          placeholder={t.notMapped}
          value={selected ? columnLabel(t, selected) : ""}
          selectedOptions={m ? [String(m.column)] : []}
          disabled={busy}
          onOptionSelect={(_, data) => {
            const column = Number(data.optionValue);
            // Choosing the column already guessed confirms it: it is then the user's, and folds away.
            if (Number.isInteger(column) && (column !== m?.column || m.source !== "user")) onRemap(role, column);
          }}
        >
          {columns.map((c) => (
            <Option key={c.column} value={String(c.column)} text={columnLabel(t, c)}>
              {columnLabel(t, c)}
            </Option>
          ))}
        </Dropdown>
      </div>
    );
  };

  const listedErrors = result.errors.slice(0, MAX_LISTED_ERRORS);
  const blocks = result.blocks ?? [];

  return (
    <div className={styles.root} data-testid={`summary-${result.side}`}>
      <dl className={styles.facts}>
        {dealerFact}
        {blocks.length > 0 ? (
          <>
            <dt className={styles.term}>{t.blocks(blocks.length)}</dt>
            <dd className={styles.value} data-testid="blocks">
              <ResultList dense>
                {blocks.slice(0, MAX_LISTED_ROWS).map((b) => (
                  <li key={b.titleRow}>
                    <Link as="button" className={styles.issueLink} onClick={() => onGoTo({ sheet: result.sheet, row: b.titleRow })}>
                      {t.blockItem(b.dealer, b.titleRow, b.lastRow, b.entries)}
                    </Link>
                  </li>
                ))}
              </ResultList>
              {blocks.length > MAX_LISTED_ROWS ? t.moreBlocks(blocks.length - MAX_LISTED_ROWS) : null}
            </dd>
          </>
        ) : null}
        <dt className={styles.term}>{t.entries}</dt>
        <dd className={styles.value}>
          {t.entryCounts(counts.total, counts.increases, counts.decreases)}
        </dd>
        <dt className={styles.term}>{t.openingBalance}</dt>
        <dd className={`${styles.value} ${styles.money}`} data-testid="opening">
          {result.openings.length > 0 || result.openingBalance !== 0 ? formatFenGrouped(result.openingBalance) : t.noOpening}
        </dd>
        <dt className={styles.term}>{t.closingBalance}</dt>
        <dd className={`${styles.value} ${styles.money}`} data-testid="closing">
          {formatFenGrouped(result.closingBalance)}
        </dd>
      </dl>

      {result.errors.length > 0 ? (
        <MessageBar intent="error" layout="multiline" data-testid="read-errors">
          <MessageBarBody>
            <MessageBarTitle>{t.errorsTitle(result.errors.length)}</MessageBarTitle>
            <div className={styles.issues}>
              <ResultList dense>
                {listedErrors.map((issue, i) => (
                  <li key={`${issue.row}-${issue.column ?? ""}-${i}`}>
                    <Link as="button" className={styles.issueLink} onClick={() => onGoTo(issueTarget(issue))}>
                      {describeReadIssue(issue, locale)}
                    </Link>
                  </li>
                ))}
              </ResultList>
            </div>
            {result.errors.length > listedErrors.length ? t.moreErrors(result.errors.length - listedErrors.length) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {mismatchRow !== null && check.expected !== undefined && check.found !== undefined ? (
        <MessageBar intent="warning" layout="multiline" data-testid="balance-mismatch">
          <MessageBarBody>
            <MessageBarTitle>{t.warningTitle}</MessageBarTitle>
            <Link as="button" onClick={() => onGoTo({ sheet: result.sheet, row: mismatchRow })}>
              {t.balanceMismatch(
                result.sheet,
                mismatchRow,
                formatFenGrouped(check.expected),
                formatFenGrouped(check.found),
                check.mismatches,
              )}
            </Link>
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {skipped.length > 0 ? (
        <section className={styles.section} data-testid="skipped">
          <Text className={styles.sectionTitle}>{t.skippedRows(result.skipped.length)}</Text>
          <ResultList dense>
            {skipped.map((g) => (
              <li key={g.reason}>
                <Text size={200}>
                  {t.skippedReason(describeSkipReason(g.reason, locale), g.count)}
                  <span className={styles.muted}>
                    {t.rowList(g.rows.slice(0, MAX_LISTED_ROWS), Math.max(0, g.rows.length - MAX_LISTED_ROWS))}
                  </span>
                </Text>
              </li>
            ))}
          </ResultList>
          {result.hiddenRowCount > 0 ? (
            <Caption1 className={styles.muted}>{t.hiddenRowsRead(result.hiddenRowCount)}</Caption1>
          ) : null}
        </section>
      ) : null}

      <section className={styles.section} data-testid="mapping">
        <Text className={styles.sectionTitle}>{t.mappingTitle}</Text>
        {needsLook.length > 0 ? (
          <>
            <Caption1 data-testid="mapping-needs-look">{t.mappingNeedsLook(needsLook.length)}</Caption1>
            <div className={styles.mapping}>{needsLook.map(roleRow)}</div>
          </>
        ) : null}
        {confident.length > 0 ? (
          <Button
            appearance="subtle"
            size="small"
            className={styles.foldButton}
            aria-expanded={showSure}
            onClick={() => setShowSure(!showSure)}
            data-testid="mapping-fold"
          >
            {(showSure ? "▾ " : "▸ ") + (needsLook.length > 0 ? t.mappingOtherSure(confident.length) : t.mappingAllSure(confident.length))}
          </Button>
        ) : null}
        {showSure || needsLook.length > 0 ? <Caption1 className={styles.muted}>{t.mappingHint}</Caption1> : null}
        {showSure ? <div className={styles.mapping}>{confident.map(roleRow)}</div> : null}
        {(showSure || confident.length === 0) && unmapped.length > 0 ? (
          <>
            <Button
              appearance="subtle"
              size="small"
              aria-expanded={showAllRoles}
              onClick={() => setShowAllRoles((v) => !v)}
            >
              {(showAllRoles ? "▾ " : "▸ ") + t.otherRoles(unmapped.length)}
            </Button>
            {showAllRoles ? <div className={styles.mapping}>{unmapped.map(roleRow)}</div> : null}
          </>
        ) : null}
        {mappingNote}
      </section>
    </div>
  );
}
