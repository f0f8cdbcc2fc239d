/**
 * The scorecard (评分标准): items with their bands, grades with their minimum score, factor and term,
 * and the cap for dealers of under a year. The default is written to a 评分标准 sheet the user may edit;
 * every run reads it back (`scorecardRows` / `parseScorecard` are each other's inverse).
 */
import { msg, type Message } from "../messages";
import type { CellValue } from "../model";
import { columnLetter as columnName } from "../read/columns";
import { cellDisplay, cellText } from "../values/text";

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
  /** Excel row and column of the cell to fix. */
  row: number;
  column: number;
  text: Message;
}

/**
 * A label as compared: width, case, spaces, a trailing colon and anything in brackets (a unit: （万元）, (天),
 * (days)) do not count, so "注册资本(万元)", "注册资本 ：" and "Registered capital (10k yuan)" read alike.
 */
export function scorecardKey(v: CellValue | undefined): string {
  return cellText(v ?? null)
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/\([^)]*\)/g, "")
    .replace(/[:：]+$/, "");
}

const keys = (labels: readonly string[]) => new Set(labels.map((l) => scorecardKey(l)));

/** Other ways a user names the default items (Chinese and English; the English as the pane says them). */
const ITEM_ALIASES: Readonly<Record<ItemKey, readonly string[]>> = {
  cooperation: ["合作年限", "合作年数", "合作时间", "合作期限", "Years of cooperation", "Cooperation", "Cooperation years"],
  founded: ["成立年限", "成立年数", "成立时间", "经营年限", "Years since founded", "Founded", "Company age", "Years in business"],
  capital: ["注册资本", "注册资金", "Registered capital", "Capital"],
  revenue: ["年销售额", "年营业额", "年销售收入", "Annual sales", "Revenue", "Annual revenue"],
  guarantee: ["担保方式", "担保", "Guarantee", "Security", "Collateral"],
  onTime: ["按期回款率", "按时回款率", "准时回款率", "回款率", "Paid on time", "On-time payment", "On-time rate", "On time"],
  overdue: ["逾期记录", "逾期天数", "逾期", "Overdue record", "Overdue", "Days overdue"],
};

const ITEM_BY_LABEL: ReadonlyMap<string, ItemKey> = new Map(
  (Object.keys(ITEM_LABELS) as ItemKey[]).flatMap((k) => [ITEM_LABELS[k].label, ...ITEM_ALIASES[k]].map((l) => [scorecardKey(l), k] as [string, ItemKey])),
);

// The headings of the two tables and the cap's label, each with the variants a user writes.
const ITEM_HEAD = keys(["项目", "评分项目", "评分项", "指标", "评分指标", "Item", "Items"]);
const CONDITION_HEAD = keys(["条件", "标准", "分档", "档次", "区间", "取值", "Condition", "Band", "When", "Range"]);
const POINTS_HEAD = keys(["分值", "分", "分数", "得分", "Points", "Score", "Pts"]);
const GRADE_HEAD = keys(["等级", "信用等级", "Grade", "Grades"]);
const MIN_HEAD = keys(["最低分", "最低分数", "最低得分", "最低", "分数下限", "起评分", "Min score", "Minimum score", "Min", "From"]);
const FACTOR_HEAD = keys(["额度系数", "系数", "Factor", "Limit factor"]);
const TERM_HEAD = keys(["账期", "账期天数", "信用期", "Term", "Term days", "Days"]);
const CAP_LABELS = keys([
  "合作不满一年最高等级",
  "合作不满1年最高等级",
  "合作不足一年最高等级",
  "合作不足1年最高等级",
  "不满一年最高等级",
  "新客户最高等级",
  "Best grade under one year",
  "Best grade under a year",
  "Top grade under one year",
  "New dealer cap",
]);

const UNIT = "(?:%|年|万元|万|天|日|分|个月|days?|years?|yrs?|points?|pts)?";
const NUM = "(-?\\d+(?:\\.\\d+)?)";
const GE_BEFORE = new RegExp(`^(?:≥|>=|=>|≧|大于等于|大于或等于|不少于|不低于|不小于|至少|atleast)${NUM}${UNIT}$`);
const LE_BEFORE = new RegExp(`^(?:≤|<=|=<|≦|小于等于|小于或等于|不超过|不多于|不高于|不大于|至多|最多|atmost)${NUM}${UNIT}$`);
const GE_AFTER = new RegExp(`^${NUM}${UNIT}(?:及以上|或以上|以上|\\+|ormore|andabove|orabove)$`);
const LE_AFTER = new RegExp(`^${NUM}${UNIT}(?:及以下|或以下|以下|以内|之内|orless|andbelow|orbelow)$`);
const ELSE_WORDS = keys(["其他", "其它", "其余", "其他情况", "以上都不是", "else", "other", "others", "otherwise", "any"]);
const NONE_WORDS = keys(["无记录", "没有记录", "无历史", "无销售记录", "no record", "none", "n/a"]);
const NOT_OVERDUE_WORDS = keys(["无", "没有", "none", "no", "n/a"]);
/** A guarantee band's choice as the application's drop-down writes it. */
const GUARANTEE_WORDS: ReadonlyMap<string, string> = new Map([
  ...["抵押", "抵押担保", "mortgage", "collateral"].map((w) => [scorecardKey(w), "抵押"] as [string, string]),
  ...["保证", "保证担保", "保证人", "担保人", "guarantor", "personal guarantee"].map((w) => [scorecardKey(w), "保证"] as [string, string]),
  ...["无", "无担保", "没有", "none", "no"].map((w) => [scorecardKey(w), "无"] as [string, string]),
]);

function parseCondition(v: CellValue | undefined, item: ItemKey): Condition | null {
  const t = scorecardKey(v);
  if (t === "") return null;
  if (ELSE_WORDS.has(t)) return { op: "else" };
  if (item === "guarantee") {
    const choice = GUARANTEE_WORDS.get(t);
    return choice ? { op: "is", text: choice } : null;
  }
  // Of 逾期记录, a bare 无 / none says "no overdue" as often as "no record": the user writes ≤ 0 or 无记录.
  if (item === "overdue" && NOT_OVERDUE_WORDS.has(t)) return null;
  if (NONE_WORDS.has(t) || t === "无") return { op: "none" };
  const ge = GE_BEFORE.exec(t) ?? GE_AFTER.exec(t);
  if (ge) return { op: "ge", value: Number(ge[1]) };
  const le = LE_BEFORE.exec(t) ?? LE_AFTER.exec(t);
  if (le) return { op: "le", value: Number(le[1]) };
  return null;
}

const WAN_UNITS = keys(["万元", "万", "万元人民币", "人民币万元", "10k yuan", "10,000 yuan", "ten thousand yuan", "rmb 10k", "10k rmb"]);

/** The money unit in brackets after a 注册资本 / 年销售额 label when it is not 万元 (元, 千元, 亿元, yuan …), else null. */
function wrongMoneyUnit(item: ItemKey, label: CellValue | undefined): string | null {
  if (item !== "capital" && item !== "revenue") return null;
  const unit = /[(（]([^)）]*)[)）]/.exec(cellDisplay(label ?? null))?.[1]?.trim() ?? "";
  const k = scorecardKey(unit);
  return /元|yuan|rmb|亿/.test(k) && !WAN_UNITS.has(k) ? unit : null;
}

/** A number as typed: 10, "10", "10 分", "45天", "85 points"; a percentage ("120%") when `percent`. */
function numberOf(v: CellValue | undefined, percent = false): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  const t = scorecardKey(v).replace(/^(?:≥|>=|×|x|\*)/, "");
  const m = new RegExp(`^${NUM}(%|倍|分|天|日|days?|points?|pts)?$`).exec(t);
  if (!m) return null;
  const n = Number(m[1]);
  return m[2] === "%" ? (percent ? n / 100 : null) : n;
}

/** The column (0-based in the row) of the first cell whose label is in `heads`, or -1. */
function columnOf(row: CellValue[], heads: ReadonlySet<string>): number {
  return row.findIndex((v) => heads.has(scorecardKey(v)));
}

/**
 * The columns (0-based in the row) of a table's headings after its first (at `first`): each where its heading
 * is, else its place in the layout the sheet is written in (`first` + 1, + 2 …) when no other heading is there,
 * else the next column no heading holds, so a heading left out never reads another heading's column.
 */
function columnsOf(row: CellValue[], first: number, heads: readonly ReadonlySet<string>[]): number[] {
  const found = heads.map((h) => columnOf(row, h));
  const taken = new Set([first, ...found.filter((c) => c >= 0)]);
  return found.map((c, k) => {
    if (c >= 0) return c;
    let at = first + 1 + k;
    while (taken.has(at)) at++;
    taken.add(at);
    return at;
  });
}

/**
 * Read a 评分标准 sheet back. Headings, item names, conditions and numbers are read as users write them
 * (with or without units, in Chinese or English, with spaces and full-width brackets); the columns follow the
 * headings. Items missing from the sheet keep the default's bands. A row that cannot be read is a problem naming
 * the sheet, its cell and what to write there (the run stops: a half-read scorecard would score wrongly).
 */
export function parseScorecard(values: CellValue[][], top = 1, sheet = SCORECARD_SHEET, left = 1): { card: Scorecard; problems: ScorecardProblem[] } {
  const card = defaultScorecard();
  const problems: ScorecardProblem[] = [];
  const bands = new Map<ItemKey, Band[]>();
  const grades: GradeSpec[] = [];
  // Grades whose row could not be read: already a problem, so the cap naming one is not another.
  const unreadGrades = new Set<string>();
  let lastGradeRow: number | null = null;
  let capFound: { row: number; column: number; text: string } | null = null;
  let section: "none" | "items" | "grades" = "none";
  let itemCols = { item: 0, condition: 1, points: 2 };
  let gradeCols = { grade: 0, min: 1, factor: 2, term: 3 };
  const cell = (row: number, c: number) => `${columnName(left + c)}${row}`;
  const problem = (row: number, c: number, text: Message) => problems.push({ row, column: left + c, text });
  values.forEach((row = [], i) => {
    const at = top + i;
    const first = row.findIndex((v) => scorecardKey(v) !== "");
    if (first < 0) return;
    const head = scorecardKey(row[first]);
    // The headings and the cap's label wherever they are in the row: a table may have a column of its own
    // left of them (序号, No.), which its rows then have too.
    const itemAt = columnOf(row, ITEM_HEAD);
    if (itemAt >= 0 && (columnOf(row, CONDITION_HEAD) >= 0 || columnOf(row, POINTS_HEAD) >= 0)) {
      section = "items";
      const [condition, points] = columnsOf(row, itemAt, [CONDITION_HEAD, POINTS_HEAD]);
      itemCols = { item: itemAt, condition, points };
      return;
    }
    const gradeAt = columnOf(row, GRADE_HEAD);
    if (gradeAt >= 0 && (columnOf(row, MIN_HEAD) >= 0 || columnOf(row, FACTOR_HEAD) >= 0 || columnOf(row, TERM_HEAD) >= 0)) {
      section = "grades";
      const [min, factor, term] = columnsOf(row, gradeAt, [MIN_HEAD, FACTOR_HEAD, TERM_HEAD]);
      gradeCols = { grade: gradeAt, min, factor, term };
      return;
    }
    const capAt = columnOf(row, CAP_LABELS);
    if (capAt >= 0) {
      const c = row.findIndex((v, k) => k > capAt && scorecardKey(v) !== "");
      capFound = { row: at, column: left + (c >= 0 ? c : capAt + 1), text: c >= 0 ? cellText(row[c]).normalize("NFKC").trim() : "" };
      return;
    }
    // A row naming an item is an item's band even where the heading row was deleted.
    if (section === "items" || (section === "none" && ITEM_BY_LABEL.has(head))) {
      const item = ITEM_BY_LABEL.get(scorecardKey(row[itemCols.item]));
      if (!item) {
        return void problem(at, itemCols.item, msg("credit.scorecard.unknown_item", { sheet, row: at, cell: cell(at, itemCols.item), found: cellDisplay(row[itemCols.item] ?? null), items: (Object.keys(ITEM_LABELS) as ItemKey[]).map((k) => ITEM_LABELS[k].label) }));
      }
      // 注册资本 and 年销售额 are compared in 万元 (as the application asks them): a label in another money unit
      // would have its bands compared with 万元 figures.
      const unit = wrongMoneyUnit(item, row[itemCols.item]);
      if (unit !== null) {
        return void problem(at, itemCols.item, msg("credit.scorecard.not_wan", { sheet, row: at, cell: cell(at, itemCols.item), found: cellDisplay(row[itemCols.item] ?? null), unit }));
      }
      const when = parseCondition(row[itemCols.condition], item);
      if (!when) {
        const found = cellDisplay(row[itemCols.condition] ?? null);
        const code = item === "guarantee" ? "credit.scorecard.bad_guarantee" : "credit.scorecard.bad_condition";
        return void problem(at, itemCols.condition, msg(code, { sheet, row: at, cell: cell(at, itemCols.condition), found }));
      }
      // 按期回款率 is compared in %: a bound between 0 and 1 is a fraction (0.95 for 95%) that every rate would pass.
      if (item === "onTime" && (when.op === "ge" || when.op === "le") && when.value > 0 && when.value < 1) {
        return void problem(at, itemCols.condition, msg("credit.scorecard.rate_fraction", { sheet, row: at, cell: cell(at, itemCols.condition), found: cellDisplay(row[itemCols.condition] ?? null), percent: Math.round(when.value * 1000) / 10 }));
      }
      const points = numberOf(row[itemCols.points]);
      if (points === null || points < 0) {
        return void problem(at, itemCols.points, msg("credit.scorecard.bad_points", { sheet, row: at, cell: cell(at, itemCols.points), found: cellDisplay(row[itemCols.points] ?? null) }));
      }
      const list = bands.get(item) ?? [];
      list.push({ when, points });
      bands.set(item, list);
      return;
    }
    if (section === "grades") {
      const grade = cellText(row[gradeCols.grade] ?? null).normalize("NFKC").replace(/\s+/g, "").replace(/级$/, "").toUpperCase();
      if (grade === "") return void problem(at, gradeCols.grade, msg("credit.scorecard.bad_grade_name", { sheet, row: at, cell: cell(at, gradeCols.grade) }));
      const min = numberOf(row[gradeCols.min]);
      const factor = numberOf(row[gradeCols.factor], true);
      const term = numberOf(row[gradeCols.term]);
      const bad = (c: number, code: "credit.scorecard.bad_grade_min" | "credit.scorecard.bad_grade_factor" | "credit.scorecard.bad_grade_term") => {
        unreadGrades.add(grade);
        problem(at, c, msg(code, { sheet, row: at, cell: cell(at, c), grade, found: cellDisplay(row[c] ?? null) }));
      };
      if (min === null || min < 0) return bad(gradeCols.min, "credit.scorecard.bad_grade_min");
      if (factor === null || factor < 0) return bad(gradeCols.factor, "credit.scorecard.bad_grade_factor");
      if (term === null || term < 0 || !Number.isInteger(term)) return bad(gradeCols.term, "credit.scorecard.bad_grade_term");
      grades.push({ grade, minScore: min, factor, termDays: term });
      lastGradeRow = at;
    }
  });
  for (const item of card.items) {
    const b = bands.get(item.key);
    if (b) item.bands = b;
  }
  if (grades.length > 0) card.grades = grades.sort((a, b) => b.minScore - a.minScore);
  const cap = capFound as { row: number; column: number; text: string } | null;
  if (cap) card.newDealerCap = cap.text.replace(/\s+/g, "").replace(/级$/, "").toUpperCase();
  if (!card.grades.some((g) => g.grade === card.newDealerCap) && !unreadGrades.has(card.newDealerCap)) {
    const gradeNames = card.grades.map((g) => g.grade);
    if (cap) problems.push({ row: cap.row, column: cap.column, text: msg("credit.scorecard.bad_cap", { sheet, row: cap.row, label: CAP_LABEL, found: cap.text, grades: gradeNames }) });
    else {
      // No cap row: the default's grade is not the sheet's; the row under the grades is where one goes.
      const under = lastGradeRow as number | null;
      const row = under === null ? top : under + 1;
      problems.push({ row, column: left + gradeCols.grade, text: msg("credit.scorecard.no_cap", { sheet, row, label: CAP_LABEL, found: card.newDealerCap, grades: gradeNames }) });
    }
  }
  return { card, problems };
}
