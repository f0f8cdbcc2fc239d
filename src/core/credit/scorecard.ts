/**
 * The scorecard (评分标准): items with their bands, grades with their minimum score, factor and term,
 * and the cap for dealers of under a year. The default is written to a 评分标准 sheet the user may edit;
 * every run reads it back (`scorecardRows` / `parseScorecard` are each other's inverse).
 */
import { msg, type Message } from "../messages";
import type { CellValue } from "../model";
import { cellText } from "../values/text";

export type ItemKey = "cooperation" | "founded" | "capital" | "revenue" | "guarantee" | "onTime" | "overdue";

/** One band: `≥ n`, `≤ n`, a choice's text, `其他` (anything else) or `无记录` (no ledger history). */
export type Condition = { op: "ge" | "le"; value: number } | { op: "is"; text: string } | { op: "else" } | { op: "none" };

export interface Band {
  when: Condition;
  points: number;
}

export interface ScoreItemSpec {
  key: ItemKey;
  label: string;
  /** The unit the value is measured in, for the sheet's explanation. */
  unit: string;
  bands: Band[];
}

export interface GradeSpec {
  grade: string;
  minScore: number;
  factor: number;
  termDays: number;
}

export interface Scorecard {
  items: ScoreItemSpec[];
  /** Highest grade first. */
  grades: GradeSpec[];
  /** The best grade a dealer with under one year of cooperation may get. */
  newDealerCap: string;
}

export const SCORECARD_SHEET = "评分标准";

const ge = (value: number, points: number): Band => ({ when: { op: "ge", value }, points });
const le = (value: number, points: number): Band => ({ when: { op: "le", value }, points });
const other = (points: number): Band => ({ when: { op: "else" }, points });
const none = (points: number): Band => ({ when: { op: "none" }, points });
const is = (text: string, points: number): Band => ({ when: { op: "is", text }, points });

export const ITEM_LABELS: Readonly<Record<ItemKey, { label: string; unit: string }>> = {
  cooperation: { label: "合作年限", unit: "年" },
  founded: { label: "成立年限", unit: "年" },
  capital: { label: "注册资本（万元）", unit: "万元" },
  revenue: { label: "年销售额（万元）", unit: "万元" },
  guarantee: { label: "担保方式", unit: "" },
  onTime: { label: "按期回款率", unit: "%" },
  overdue: { label: "逾期记录", unit: "天" },
};

export function defaultScorecard(): Scorecard {
  const item = (key: ItemKey, bands: Band[]): ScoreItemSpec => ({ key, ...ITEM_LABELS[key], bands });
  return {
    items: [
      item("cooperation", [ge(3, 10), ge(1, 6), other(2)]),
      item("founded", [ge(5, 10), ge(2, 6), other(2)]),
      item("capital", [ge(500, 10), ge(100, 6), other(2)]),
      item("revenue", [ge(5000, 15), ge(1000, 10), ge(300, 6), other(2)]),
      item("guarantee", [is("抵押", 15), is("保证", 10), is("无", 0)]),
      item("onTime", [none(10), ge(95, 30), ge(85, 22), ge(70, 12), other(0)]),
      item("overdue", [none(5), le(0, 10), le(30, 5), other(0)]),
    ],
    grades: [
      { grade: "A", minScore: 85, factor: 1.2, termDays: 60 },
      { grade: "B", minScore: 70, factor: 1.0, termDays: 45 },
      { grade: "C", minScore: 60, factor: 0.6, termDays: 30 },
      { grade: "D", minScore: 0, factor: 0, termDays: 0 },
    ],
    newDealerCap: "B",
  };
}

/** The most an item can give: its best band. */
export function itemMax(item: ScoreItemSpec): number {
  return Math.max(0, ...item.bands.map((b) => b.points));
}

export function conditionText(c: Condition, unit: string): string {
  switch (c.op) {
    case "ge":
      return `≥ ${c.value}${unit === "%" ? "%" : ""}`;
    case "le":
      return `≤ ${c.value}${unit === "%" ? "%" : ""}`;
    case "is":
      return c.text;
    case "else":
      return "其他";
    case "none":
      return "无记录";
  }
}

const TITLE = "评分标准（可修改：改分值、界限、等级、系数、账期后重新计算即按新标准评分）";
const ITEM_HEADER = ["项目", "条件", "分值"];
const GRADE_HEADER = ["等级", "最低分", "额度系数", "账期（天）"];
const CAP_LABEL = "合作不满一年最高等级";
const NOTE =
  "说明：条件自上而下取第一个符合的；“≥ 3”表示大于或等于 3，“其他”表示以上都不符合，“无记录”用于台账中没有可评的销售。合作年限、成立年限单位为年；按期回款率单位为 %；逾期记录为超过最终期限（到期日 + 账期/3）的最多天数。";

/** The scorecard as sheet rows: title, note, the items' bands, the grades, the cap. */
export function scorecardRows(card: Scorecard): CellValue[][] {
  const rows: CellValue[][] = [[TITLE], [NOTE], [], ITEM_HEADER];
  for (const item of card.items) for (const b of item.bands) rows.push([item.label, conditionText(b.when, item.unit), b.points]);
  rows.push([], GRADE_HEADER);
  for (const g of card.grades) rows.push([g.grade, g.minScore, g.factor, g.termDays]);
  rows.push([], [CAP_LABEL, card.newDealerCap]);
  return rows;
}

export interface ScorecardProblem {
  row: number;
  text: Message;
}

function key(v: CellValue | undefined): string {
  return cellText(v ?? null).normalize("NFKC").replace(/\s+/g, "");
}

const ITEM_BY_LABEL: ReadonlyMap<string, ItemKey> = new Map(
  (Object.keys(ITEM_LABELS) as ItemKey[]).flatMap((k) => [
    [key(ITEM_LABELS[k].label), k] as [string, ItemKey],
    [key(ITEM_LABELS[k].label).replace(/\(.*\)$/, ""), k] as [string, ItemKey],
  ]),
);

function parseCondition(text: string, item: ItemKey): Condition | null {
  const t = text.normalize("NFKC").replace(/\s+/g, "");
  if (t === "其他" || t === "其它" || /^else$/i.test(t)) return { op: "else" };
  if (t === "无记录" || /^none$/i.test(t)) return { op: "none" };
  const m = /^(≥|>=|≤|<=)(-?\d+(?:\.\d+)?)(%|年|万元|天)?$/.exec(t);
  if (m) return { op: m[1] === "≥" || m[1] === ">=" ? "ge" : "le", value: Number(m[2]) };
  if (item === "guarantee" && t !== "") return { op: "is", text: t };
  return null;
}

/**
 * Read a 评分标准 sheet back. Items missing from the sheet keep the default's bands; a row that cannot be
 * read is a problem naming its row (the run stops: a half-read scorecard would score wrongly).
 */
export function parseScorecard(values: CellValue[][], top = 1): { card: Scorecard; problems: ScorecardProblem[] } {
  const card = defaultScorecard();
  const problems: ScorecardProblem[] = [];
  const bands = new Map<ItemKey, Band[]>();
  const grades: { g: GradeSpec; row: number }[] = [];
  let section: "none" | "items" | "grades" = "none";
  values.forEach((row, i) => {
    const at = top + i;
    const first = key(row[0]);
    if (first === "") return;
    if (first === "项目") return void (section = "items");
    if (first === "等级") return void (section = "grades");
    if (first === key(CAP_LABEL)) {
      const cap = key(row[1]).toUpperCase();
      card.newDealerCap = cap;
      return;
    }
    if (section === "items") {
      const item = ITEM_BY_LABEL.get(first) ?? ITEM_BY_LABEL.get(first.replace(/\(.*\)$/, ""));
      if (!item) return void problems.push({ row: at, text: msg("credit.scorecard.unknown_item", { row: at, found: cellText(row[0]) }) });
      const when = parseCondition(cellText(row[1] ?? null), item);
      const points = typeof row[2] === "number" ? row[2] : Number(key(row[2]));
      if (!when) return void problems.push({ row: at, text: msg("credit.scorecard.bad_condition", { row: at, found: cellText(row[1] ?? null) }) });
      if (!Number.isFinite(points) || points < 0) return void problems.push({ row: at, text: msg("credit.scorecard.bad_points", { row: at }) });
      const list = bands.get(item) ?? [];
      list.push({ when, points });
      bands.set(item, list);
      return;
    }
    if (section === "grades") {
      const nums = [row[1], row[2], row[3]].map((v) => (typeof v === "number" ? v : Number(key(v))));
      if (nums.some((n) => !Number.isFinite(n) || n < 0) || !Number.isInteger(nums[2])) {
        return void problems.push({ row: at, text: msg("credit.scorecard.bad_grade", { row: at, grade: cellText(row[0]) }) });
      }
      grades.push({ g: { grade: cellText(row[0]).trim().toUpperCase(), minScore: nums[0], factor: nums[1], termDays: nums[2] }, row: at });
    }
  });
  for (const item of card.items) {
    const b = bands.get(item.key);
    if (b) item.bands = b;
  }
  if (grades.length > 0) card.grades = grades.map((g) => g.g).sort((a, b) => b.minScore - a.minScore);
  if (!card.grades.some((g) => g.grade === card.newDealerCap)) {
    problems.push({ row: top, text: msg("credit.scorecard.bad_cap", { label: CAP_LABEL, grades: card.grades.map((g) => g.grade) }) });
  }
  return { card, problems };
}
