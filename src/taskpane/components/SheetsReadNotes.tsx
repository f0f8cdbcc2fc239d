/**
 * What the read summary adds for the two kinds of sheets issue 17 brought: a ledger read from several monthly
 * sheets (the sheets, each sheet whose columns differ from the first's, and the 期初/上月结转 rows that do not
 * carry the balance on), and a balance table (余额表: its dealers, cut-off, the rows where 期初 + 借 − 贷 is
 * not 期末, and what it can and cannot be used for). Every row named is a click away.
 */
import { Caption1, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { formatFenGrouped } from "../../core/money";
import { balanceCellMessage, type BalanceTable } from "../../core/read/balances";
import type { CombinedReadResult, LayoutDifference } from "../../core/read/combine";
import { combinedOf } from "../../core/read/sheets-of";
import type { ReadResult, Role } from "../../core/read/types";
import { render } from "../../messages/render";
import type { Selection } from "../../port/workbook";
import { useLocale, useStrings } from "../context";
import type { Locale } from "../i18n";
import { BALANCE_ROW_STRINGS } from "./balance-rows";
import { MAX_LISTED_ROWS, ResultList, useLayoutStyles } from "./layout";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  title: { fontWeight: tokens.fontWeightSemibold },
  link: { textAlign: "start" },
  muted: { color: tokens.colorNeutralForeground3 },
});

const zh = {
  sheets: (names: string[]) => `合为一本台账的 ${names.length} 张工作表：${names.join("、")}（期初取自“${names[0]}”）`,
  layoutTitle: "格式与第一张不同的工作表",
  /** Between a sheet's name and what differs on it. */
  after: "：",
  layout: (d: LayoutDifference, role: (r: Role) => string) =>
    [
      d.otherSide ? "读作对方对账单" : "",
      d.missing.length > 0 ? `缺少 ${d.missing.map(role).join("、")} 列` : "",
      d.extra.length > 0 ? `多出 ${d.extra.map(role).join("、")} 列` : "",
      ...d.renamed.map((x) => `${role(x.role)}列名为“${x.here}”（第一张为“${x.first}”）`),
    ]
      .filter((x) => x !== "")
      .join("；"),
  carriedTitle: "与上月结转不符的期初行",
  carried: (sheet: string, row: number, found: string, expected: string) => `${sheet} 第${row}行：期初 ${found}，按前几张表应为 ${expected}`,
  carriedOk: (n: number) => `其后各表的 ${n} 个期初/上月结转行与前表余额相符，未重复计入。`,
  balanceTitle: "余额表（科目余额表 / 往来余额表）",
  balanceFacts: (dealers: number, cutoff: string | null, from: BalanceTable["cutoffSource"]) =>
    `${dealers} 家经销商；${cutoff ? `截止 ${cutoff}${from === "title" ? "（取自表头）" : "（您指定）"}` : "表头未写截止日期"}`,
  balanceUse: "余额表没有逐笔明细：可在“函证”页按期末余额生成对账函；逐笔对账和账龄需要明细账。",
  mismatchTitle: (n: number) => `${n} 行期初 + 借方 − 贷方 ≠ 期末（不生成对账函）`,
  skipped: (n: number) => `合计行、空白行 ${n} 行未读取。`,
  /** `problem`: the cell, what is wrong with it and what to do, as the reader says it. */
  unreadable: (problem: string) => `${problem}该行未读取。`,
  needsEntries: (sheet: string) => `“${sheet}”是余额表，没有逐笔明细：逐笔对账需要明细账。余额表可在“函证”页生成对账函。`,
};
type Said = typeof zh;
const en: Said = {
  sheets: (names) => `${names.length} sheets read as one ledger: ${names.join(", ")} (opening from "${names[0]}")`,
  layoutTitle: "Sheets whose columns differ from the first",
  after: ": ",
  layout: (d, role) =>
    [
      d.otherSide ? "read as a dealer's statement" : "",
      d.missing.length > 0 ? `no ${d.missing.map(role).join(", ")} column` : "",
      d.extra.length > 0 ? `extra ${d.extra.map(role).join(", ")} column` : "",
      ...d.renamed.map((x) => `${role(x.role)} headed "${x.here}" (first sheet: "${x.first}")`),
    ]
      .filter((x) => x !== "")
      .join("; "),
  carriedTitle: "Opening rows that do not carry the balance on",
  carried: (sheet, row, found, expected) => `${sheet} row ${row}: opening ${found}, the sheets before give ${expected}`,
  carriedOk: (n) => `The later sheets' ${n} opening/brought-forward rows agree with the balance carried and are not added again.`,
  balanceTitle: "Balance table (科目余额表 / 往来余额表)",
  balanceFacts: (dealers, cutoff, from) => `${dealers} dealers; ${cutoff ? `at ${cutoff}${from === "title" ? " (from the title)" : " (yours)"}` : "no cut-off in the title"}`,
  balanceUse: "A balance table has no entries: the 函证 view makes letters from its closing balances; item-by-item reconciliation and aging need the ledger.",
  mismatchTitle: (n) => `${n} rows where opening + debit − credit ≠ closing (no letter made)`,
  skipped: (n) => `${n} totals or blank rows not read.`,
  unreadable: (problem) => `${problem} The row is left out.`,
  needsEntries: (sheet) => `"${sheet}" is a balance table, without entries: item-by-item reconciliation needs the ledger. The 函证 view makes letters from a balance table.`,
};
export const NOTES_STRINGS: Record<Locale, Said> = { "zh-CN": zh, "en-US": en };

/** Whether a read result is several sheets read as one (by `combinedOf`, as the command line tells). */
export function isCombined(result: ReadResult): result is CombinedReadResult {
  return (combinedOf(result)?.sheets.length ?? 0) > 1;
}

function RowLink({ target, onGoTo, children }: { target: Selection; onGoTo: (t: Selection) => void; children: string }): JSX.Element {
  const styles = useStyles();
  return (
    <Link as="button" className={styles.link} onClick={() => onGoTo(target)}>
      {children}
    </Link>
  );
}

/** The sheets of a ledger read from several, what differs between them, and the carry-overs that do not agree. */
export function CombinedNotes({ result, onGoTo }: { result: CombinedReadResult; onGoTo: (t: Selection) => void }): JSX.Element {
  const locale = useLocale();
  const t = useStrings();
  const s = NOTES_STRINGS[locale];
  const rows = BALANCE_ROW_STRINGS[locale];
  const styles = useStyles();
  const layout = useLayoutStyles();
  const role = (r: Role) => t.roleNames[r];
  const wrong = result.carried.filter((c) => !c.agrees);
  const agreeing = result.carried.length - wrong.length;
  return (
    <div className={styles.section} data-testid="combined-notes">
      <Text>{s.sheets(result.sheets)}</Text>
      {result.layoutDifferences.length > 0 ? (
        <div className={styles.section} data-testid="layout-differences">
          <Text className={styles.title}>{s.layoutTitle}</Text>
          <ResultList dense>
            {result.layoutDifferences.map((d) => (
              <li key={d.sheet} className={layout.breakable} data-sheet={d.sheet}>
                <RowLink target={{ sheet: d.sheet, row: 1 }} onGoTo={onGoTo}>
                  {d.sheet}
                </RowLink>
                {`${s.after}${s.layout(d, role)}`}
              </li>
            ))}
          </ResultList>
        </div>
      ) : null}
      {wrong.length > 0 ? (
        <div className={styles.section} data-testid="carried-wrong">
          <Text className={styles.title}>{s.carriedTitle}</Text>
          <ResultList dense>
            {wrong.slice(0, MAX_LISTED_ROWS).map((c) => (
              <li key={`${c.sheet}!${c.row}`} className={layout.breakable}>
                <RowLink target={{ sheet: c.sheet, row: c.row }} onGoTo={onGoTo}>
                  {s.carried(c.sheet, c.row, formatFenGrouped(c.found), formatFenGrouped(c.expected))}
                </RowLink>
              </li>
            ))}
          </ResultList>
          {wrong.length > MAX_LISTED_ROWS ? <Caption1 className={styles.muted}>{rows.moreRows(wrong.length - MAX_LISTED_ROWS)}</Caption1> : null}
        </div>
      ) : null}
      {agreeing > 0 ? <Caption1 className={styles.muted}>{s.carriedOk(agreeing)}</Caption1> : null}
    </div>
  );
}

/** A balance table as read: dealers, cut-off, rows that do not add up (each a click away), and what it is for. */
export function BalanceTableSummary({ table, onGoTo }: { table: BalanceTable; onGoTo: (t: Selection) => void }): JSX.Element {
  const locale = useLocale();
  const s = NOTES_STRINGS[locale];
  const rows = BALANCE_ROW_STRINGS[locale];
  const styles = useStyles();
  const layout = useLayoutStyles();
  return (
    <div className={styles.section} data-testid="summary-balances">
      <Text className={styles.title}>{s.balanceTitle}</Text>
      <Text data-testid="balances-facts">{s.balanceFacts(table.rows.length, table.cutoff, table.cutoffSource)}</Text>
      {table.mismatches.length > 0 ? (
        <div className={styles.section} data-testid="balances-mismatches">
          <Text className={styles.title}>{s.mismatchTitle(table.mismatches.length)}</Text>
          <ResultList dense>
            {table.mismatches.slice(0, MAX_LISTED_ROWS).map((m) => (
              <li key={m.row} className={layout.breakable}>
                <RowLink target={{ sheet: m.sheet, row: m.row }} onGoTo={onGoTo}>
                  {rows.mismatchRow(m.sheet, m.row, m.dealer, formatFenGrouped(m.expected), formatFenGrouped(m.found))}
                </RowLink>
              </li>
            ))}
          </ResultList>
          {table.mismatches.length > MAX_LISTED_ROWS ? <Caption1 className={styles.muted}>{rows.moreRows(table.mismatches.length - MAX_LISTED_ROWS)}</Caption1> : null}
        </div>
      ) : null}
      {table.unreadable.length > 0 ? (
        <ResultList dense testId="balances-unreadable">
          {table.unreadable.slice(0, MAX_LISTED_ROWS).map((u) => (
            <li key={`${u.row}:${u.column}`} className={layout.breakable}>
              <RowLink target={{ sheet: u.sheet, row: u.row, column: u.column }} onGoTo={onGoTo}>
                {s.unreadable(render(balanceCellMessage(u), locale))}
              </RowLink>
            </li>
          ))}
        </ResultList>
      ) : null}
      {table.skipped.length > 0 ? <Caption1 className={styles.muted}>{s.skipped(table.skipped.length)}</Caption1> : null}
      <Caption1 className={styles.muted}>{s.balanceUse}</Caption1>
    </div>
  );
}
