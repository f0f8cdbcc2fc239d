/**
 * The user's answers to suggestions as the pane lists them, each with an undo, and the texts of what
 * the reconcile view confirms beside its actions. Kept apart from strings.ts so the view's other
 * texts grow without touching these. Pure, so it is tested without a browser.
 */
import type { Decision } from "../../core/reconcile/types";
import type { Locale } from "../i18n";
import { sheetRowOf } from "../../app/sheet-rows";

export interface DecisionLine {
  id: string;
  decision: Decision["decision"];
  ledgerRows: number[];
  statementRows: number[];
  /** The rows changed since: the answer no longer applies (a confirmed match the engine could not use). */
  stale: boolean;
  /** A ledger over several sheets, whose run numbered each sheet's rows apart: the rows are said as `2026-08!5`. */
  ledgerSheets?: readonly string[];
}

/** Saved answers, latest first (the one the user just gave is on top). */
export function decisionLines(decisions: readonly Decision[], staleIds: readonly string[], ledgerSheets?: readonly string[]): DecisionLine[] {
  const stale = new Set(staleIds);
  return [...decisions].reverse().map((d) => ({
    id: d.id,
    decision: d.decision,
    ledgerRows: [...(d.ledgerRows ?? [])],
    statementRows: [...(d.statementRows ?? [])],
    stale: stale.has(d.id),
    ...(ledgerSheets && ledgerSheets.length > 1 ? { ledgerSheets } : {}),
  }));
}

/** Rows as `3、5–7` (zh) or `3, 5–7` (en): runs of consecutive rows joined. */
export function rowRuns(rows: readonly number[], locale: Locale): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return runs.join(locale === "en-US" ? ", " : "、");
}

/** English says "row" before one row and "rows" before several (`row 3`, `rows 3, 5–7`). */
function rowWord(rows: readonly number[]): string {
  return new Set(rows).size === 1 ? "row" : "rows";
}

/**
 * The ledger's rows of an answer as the user reads them: `台账第 3、5–7 行`; over several sheets each later
 * sheet's rows on their own, `台账第 3 行、「2026-08」表第 5–6 行` (`ledger row 3; sheet 2026-08, rows 5–6`).
 */
function ledgerRowsText(rows: readonly number[], locale: Locale, sheets?: readonly string[]): string {
  const zh = locale === "zh-CN";
  const bySheet = new Map<string, number[]>();
  for (const row of [...rows].sort((a, b) => a - b)) {
    const at = sheets ? sheetRowOf(sheets, row) : { sheet: "", row };
    bySheet.set(at.sheet, [...(bySheet.get(at.sheet) ?? []), at.row]);
  }
  const first = sheets?.[0] ?? "";
  const parts = [...bySheet].map(([sheet, own], i) => {
    const runs = rowRuns(own, locale);
    if (sheet === first) return zh ? `台账第 ${runs} 行` : `ledger ${rowWord(own)} ${runs}`;
    const on = zh ? `「${sheet}」表第 ${runs} 行` : `sheet ${sheet}, ${rowWord(own)} ${runs}`;
    return i === 0 ? (zh ? `台账${on}` : `ledger ${on}`) : on;
  });
  return parts.join(zh ? "、" : "; ");
}

export interface DecisionStrings {
  title: (count: number) => string;
  hint: string;
  confirmed: string;
  rejected: string;
  /** What the answer was about: the rows on both sides, or the suggestion's id for an answer saved without rows. */
  pair: (line: DecisionLine) => string;
  stale: string;
  undo: string;
  undoLabel: (line: DecisionLine) => string;
  saved: (confirmed: boolean) => string;
  undone: (confirmed: boolean) => string;
  /** Said in the results once the marks of the run are cleared. */
  marksGone: string;
  legendMarksGone: string;
}

function pairText(line: DecisionLine, locale: Locale): string {
  const zh = locale === "zh-CN";
  const parts: string[] = [];
  if (line.ledgerRows.length > 0) parts.push(ledgerRowsText(line.ledgerRows, locale, line.ledgerSheets));
  if (line.statementRows.length > 0) parts.push(zh ? `对账单第 ${rowRuns(line.statementRows, locale)} 行` : `statement ${rowWord(line.statementRows)} ${rowRuns(line.statementRows, locale)}`);
  if (parts.length === 0) return zh ? `建议 ${line.id}` : `suggestion ${line.id}`;
  return parts.join(" ↔ ");
}

export const DECISION_STRINGS: Readonly<Record<Locale, DecisionStrings>> = {
  "zh-CN": {
    title: (count) => `已处理的建议（${count}）`,
    hint: "答复保存在本工作簿中，每次对账都会用到；撤销后该建议重新列出。",
    confirmed: "已确认匹配",
    rejected: "已答复不匹配",
    pair: (line) => pairText(line, "zh-CN"),
    stale: "相关行已修改，此答复已不适用",
    undo: "撤销",
    undoLabel: (line) => `撤销“${line.decision === "confirmed" ? "确认匹配" : "不匹配"}”：${pairText(line, "zh-CN")}`,
    saved: (confirmed) => (confirmed ? "已确认匹配并保存在工作簿中，已重新对账。" : "已记下“不匹配”并保存在工作簿中，已重新对账。"),
    undone: (confirmed) =>
      confirmed ? "已撤销“确认匹配”，已重新对账：相关行重新列为待确认的建议。" : "已撤销“不匹配”，已重新对账：该建议重新列出。",
    marksGone: "标记已清除：两张表上已没有本次对账的标记。下面的差异仍可点击查看；需要标记时请重新对账。",
    legendMarksGone: "这些颜色目前不在表中（标记已清除）。",
  },
  "en-US": {
    title: (count) => `Answered suggestions (${count})`,
    hint: "Answers are saved in this workbook and used by every run; undo one and its suggestion is listed again.",
    confirmed: "Confirmed match",
    rejected: "Answered: not a match",
    pair: (line) => pairText(line, "en-US"),
    stale: "The rows changed; this answer no longer applies",
    undo: "Undo",
    undoLabel: (line) => `Undo "${line.decision === "confirmed" ? "confirm match" : "not a match"}": ${pairText(line, "en-US")}`,
    saved: (confirmed) =>
      confirmed ? "Match confirmed and saved in the workbook; reconciled again." : "\"Not a match\" saved in the workbook; reconciled again.",
    undone: (confirmed) =>
      confirmed
        ? "\"Confirm match\" undone and reconciled again: the rows are listed as a suggestion to answer."
        : "\"Not a match\" undone and reconciled again: the suggestion is listed again.",
    marksGone: "Marks cleared: neither sheet carries this run's marks any more. The differences below still select their rows; reconcile again to mark them.",
    legendMarksGone: "These colours are not in the sheets now (marks cleared).",
  },
};
