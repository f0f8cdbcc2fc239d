/**
 * The credit application (信用申请表): its fields, and reading filled applications from sheet grids by
 * their labels, never by fixed cells. A form is a sheet with "客户名称" (or "客户名称：") in one cell and the
 * value beside it or under it; a table has the labels as a header row and one dealer per row below.
 */
import { msg, type Message } from "../messages";
import type { CellValue, Fen, Grid, IsoDate } from "../model";
import { fen, fenToYuan } from "../money";
import { columnLetter } from "../read/columns";
import { parseAmount } from "../values/amount";
import { parseDate } from "../values/date";
import { cellText } from "../values/text";

export type FieldKind = "text" | "date" | "money" | "wan" | "days" | "choice";

export type FieldKey =
  | "dealer"
  | "creditCode"
  | "address"
  | "legalRep"
  | "contact"
  | "phone"
  | "nature"
  | "founded"
  | "capital"
  | "revenue"
  | "since"
  | "products"
  | "monthly"
  | "guarantee"
  | "guaranteeNote"
  | "requestedLimit"
  | "requestedTerm"
  | "rep"
  | "applied";

export interface ApplicationField {
  key: FieldKey;
  /** The label as the template writes it. */
  label: string;
  kind: FieldKind;
  required: boolean;
  /** Drop-down values (企业性质, 担保方式). */
  choices?: readonly string[];
  /** Other ways a hand-made form or table names the field (compared without width, spaces, colons and units). */
  aliases: readonly string[];
}

export const NATURE_CHOICES = ["有限责任公司", "股份有限公司", "个人独资企业", "合伙企业", "个体工商户", "国有企业", "其他"] as const;
export const GUARANTEE_CHOICES = ["无", "保证", "抵押"] as const;
export type Guarantee = (typeof GUARANTEE_CHOICES)[number];

export const APPLICATION_FIELDS: readonly ApplicationField[] = [
  { key: "dealer", label: "客户名称", kind: "text", required: true, aliases: ["客户", "经销商", "经销商名称", "客户全称", "单位名称", "公司名称", "申请单位"] },
  { key: "creditCode", label: "统一社会信用代码", kind: "text", required: false, aliases: ["信用代码", "社会信用代码"] },
  { key: "address", label: "地址", kind: "text", required: false, aliases: ["公司地址", "经营地址", "注册地址"] },
  { key: "legalRep", label: "法定代表人", kind: "text", required: false, aliases: ["法人", "法人代表"] },
  { key: "contact", label: "联系人", kind: "text", required: false, aliases: [] },
  { key: "phone", label: "电话", kind: "text", required: false, aliases: ["联系电话", "手机"] },
  { key: "nature", label: "企业性质", kind: "choice", required: true, choices: NATURE_CHOICES, aliases: ["公司性质", "企业类型"] },
  { key: "founded", label: "成立日期", kind: "date", required: true, aliases: ["成立时间", "注册日期"] },
  { key: "capital", label: "注册资本（万元）", kind: "wan", required: true, aliases: ["注册资本", "注册资金"] },
  { key: "revenue", label: "年销售额（万元）", kind: "wan", required: true, aliases: ["年销售额", "年营业额", "年销售收入"] },
  { key: "since", label: "合作起始日期", kind: "date", required: true, aliases: ["合作开始日期", "合作起始时间", "开始合作日期"] },
  { key: "products", label: "主营产品", kind: "text", required: false, aliases: ["主营业务", "经营范围"] },
  { key: "monthly", label: "预计月采购额（元）", kind: "money", required: true, aliases: ["预计月采购额", "月采购额", "预计月进货额"] },
  { key: "guarantee", label: "担保方式", kind: "choice", required: true, choices: GUARANTEE_CHOICES, aliases: ["担保"] },
  { key: "guaranteeNote", label: "担保说明", kind: "text", required: false, aliases: ["担保情况"] },
  { key: "requestedLimit", label: "申请额度（元）", kind: "money", required: true, aliases: ["申请额度", "申请信用额度", "申请授信额度"] },
  { key: "requestedTerm", label: "申请账期（天）", kind: "days", required: true, aliases: ["申请账期", "申请信用期", "账期"] },
  { key: "rep", label: "业务员", kind: "text", required: true, aliases: ["销售代表", "业务代表", "经办人"] },
  { key: "applied", label: "申请日期", kind: "date", required: true, aliases: ["申请时间"] },
];

/** A filled application, in the core's units: money in fen, 万元 as numbers, dates as ISO strings. */
export interface Application {
  dealer: string;
  creditCode: string;
  address: string;
  legalRep: string;
  contact: string;
  phone: string;
  nature: string;
  founded: IsoDate;
  /** 注册资本 in 万元 (10,000 yuan). */
  capitalWan: number;
  revenueWan: number;
  since: IsoDate;
  products: string;
  monthly: Fen;
  guarantee: Guarantee;
  guaranteeNote: string;
  requestedLimit: Fen;
  requestedTerm: number;
  rep: string;
  applied: IsoDate;
  /** Where it was read: the sheet and the row of the 客户名称 value (a form) or of the dealer's row (a table). */
  source: { sheet: string; row: number; layout: "form" | "table" };
}

export interface ApplicationError {
  sheet: string;
  /** The cell at fault (`B7`), or the label's cell when the value is missing. */
  cell: string;
  field: string;
  /** The place, the field and what is wrong, to show the user. */
  text: Message;
}

export interface ApplicationsRead {
  applications: Application[];
  errors: ApplicationError[];
}

/** Labels compared without width, spaces, a trailing colon, a unit in brackets or an asterisk for "required". */
export function labelKey(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/^[*＊]+|[*＊]+$/g, "")
    .replace(/[:：]+$/, "")
    .replace(/\((万元|元|天|日|万|人民币万元|人民币元)\)$/, "")
    .replace(/[*＊]+$/, "");
}

const FIELD_BY_LABEL: ReadonlyMap<string, ApplicationField> = (() => {
  const m = new Map<string, ApplicationField>();
  for (const f of APPLICATION_FIELDS) for (const l of [f.label, ...f.aliases]) m.set(labelKey(l), f);
  return m;
})();

/** The field a cell labels, if it is a label: "客户名称", "客户名称：", "*客户名称 (必填)" … */
export function fieldOfLabel(value: CellValue | undefined): ApplicationField | null {
  if (typeof value !== "string") return null;
  const text = value.replace(/[(（]必填[)）]/g, "");
  // A label never runs long; a sentence that mentions a label is not one.
  if (text.length > 20) return null;
  return FIELD_BY_LABEL.get(labelKey(text)) ?? null;
}

/** "客户名称：成都蜀丰" in one cell: the label and its value together. */
function inlineValue(value: CellValue | undefined): { field: ApplicationField; value: string } | null {
  if (typeof value !== "string") return null;
  const m = /^([^:：]{2,16})[:：]\s*(.+)$/.exec(value.trim());
  if (!m) return null;
  const field = FIELD_BY_LABEL.get(labelKey(m[1]));
  return field ? { field, value: m[2].trim() } : null;
}

function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

type Place = { r: number; c: number };

const SECTION = /^([一二三四五六七八九十]+|\d+)[、.．]/;

/**
 * Find an application table in a grid: a row (within the first 20) naming 客户名称 and at least four other
 * fields as column headers. Returns the header row index and the column of each field.
 */
function findTable(values: CellValue[][]): { header: number; columns: Map<FieldKey, number> } | null {
  for (let r = 0; r < Math.min(values.length, 20); r++) {
    const columns = new Map<FieldKey, number>();
    (values[r] ?? []).forEach((v, c) => {
      const f = fieldOfLabel(v);
      if (f && !columns.has(f.key)) columns.set(f.key, c);
    });
    if (columns.has("dealer") && columns.size >= 5) {
      // A form's label column also lists many fields, but down a column, not along a row.
      return { header: r, columns };
    }
  }
  return null;
}

/**
 * Read every application in one sheet's grid: a table (one dealer per row) or a form (labels with the
 * value to their right, or under them when the right is blank). A grid with neither gives nothing.
 */
export function readApplications(grid: Grid): ApplicationsRead {
  const out: ApplicationsRead = { applications: [], errors: [] };
  const table = findTable(grid.values);
  if (table) {
    for (let r = table.header + 1; r < grid.values.length; r++) {
      const row = grid.values[r] ?? [];
      if ([...table.columns.values()].every((c) => isBlank(row[c]))) continue;
      const found = new Map<FieldKey, { value: CellValue; at: Place; labelAt: Place }>();
      for (const [key, c] of table.columns) found.set(key, { value: row[c] ?? null, at: { r, c }, labelAt: { r: table.header, c } });
      const app = build(grid, found, { r, c: table.columns.get("dealer")! }, "table", out.errors);
      if (app) out.applications.push(app);
    }
    return out;
  }
  const found = new Map<FieldKey, { value: CellValue; at: Place; labelAt: Place }>();
  const values = grid.values;
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const inline = inlineValue(row[c]);
      if (inline && !found.has(inline.field.key)) {
        found.set(inline.field.key, { value: inline.value, at: { r, c }, labelAt: { r, c } });
        continue;
      }
      const field = fieldOfLabel(row[c]);
      if (!field || found.has(field.key)) continue;
      // The value: the first non-blank cell to the right before the next label, else the cell below.
      let at: Place | null = null;
      for (let k = c + 1; k < Math.min(row.length, c + 4); k++) {
        if (fieldOfLabel(row[k])) break;
        if (!isBlank(row[k])) {
          at = { r, c: k };
          break;
        }
      }
      // Under the label only when neither its own row nor the row below holds another label (a form of
      // label-over-value pairs), and the cell below is not a section heading ("三、审批意见").
      if (!at && r + 1 < values.length && !isBlank(values[r + 1]?.[c]) && !row.some((v, k) => k !== c && fieldOfLabel(v)) && !(values[r + 1] ?? []).some((v) => fieldOfLabel(v) || inlineValue(v)) && !SECTION.test(cellText(values[r + 1][c]))) {
        at = { r: r + 1, c };
      }
      found.set(field.key, { value: at ? values[at.r][at.c] : null, at: at ?? { r, c: c + 1 }, labelAt: { r, c } });
    }
  }
  // A form needs its 客户名称 and most of its fields; a sheet that merely mentions one label is not a form.
  if (!found.has("dealer") || found.size < 5) return out;
  const app = build(grid, found, found.get("dealer")!.at, "form", out.errors);
  if (app) out.applications.push(app);
  return out;
}

function cellRef(grid: Grid, p: Place): string {
  return `${columnLetter(grid.left + p.c)}${grid.top + p.r}`;
}

function build(
  grid: Grid,
  found: Map<FieldKey, { value: CellValue; at: Place; labelAt: Place }>,
  sourceAt: Place,
  layout: "form" | "table",
  errors: ApplicationError[],
): Application | null {
  const values: Partial<Record<FieldKey, unknown>> = {};
  let ok = true;
  const fail = (field: ApplicationField, p: Place, what: Message) => {
    ok = false;
    const cell = cellRef(grid, p);
    errors.push({ sheet: grid.sheet, cell, field: field.label, text: msg("credit.application.error", { sheet: grid.sheet, cell, field: field.label, name: msg(`credit.field_name.${field.key}`, {}), what }) });
  };
  for (const field of APPLICATION_FIELDS) {
    const hit = found.get(field.key);
    const v = hit?.value ?? null;
    const place = hit?.at ?? sourceAt;
    if (isBlank(v)) {
      if (field.required) {
        if (hit) fail(field, place, msg("credit.field.blank", {}));
        else fail(field, sourceAt, msg("credit.field.missing", { label: field.label }));
      }
      values[field.key] = field.kind === "text" ? "" : null;
      continue;
    }
    const parsed = parseField(field, v);
    if (parsed.ok) values[field.key] = parsed.value;
    else fail(field, place, parsed.what);
  }
  if (!ok) return null;
  const s = (k: FieldKey) => (values[k] as string | null) ?? "";
  return {
    dealer: s("dealer"),
    creditCode: s("creditCode"),
    address: s("address"),
    legalRep: s("legalRep"),
    contact: s("contact"),
    phone: s("phone"),
    nature: s("nature"),
    founded: values.founded as IsoDate,
    capitalWan: values.capital as number,
    revenueWan: values.revenue as number,
    since: values.since as IsoDate,
    products: s("products"),
    monthly: fen(values.monthly as number),
    guarantee: values.guarantee as Guarantee,
    guaranteeNote: s("guaranteeNote"),
    requestedLimit: fen(values.requestedLimit as number),
    requestedTerm: values.requestedTerm as number,
    rep: s("rep"),
    applied: values.applied as IsoDate,
    source: { sheet: grid.sheet, row: grid.top + sourceAt.r, layout },
  };
}

type Parsed = { ok: true; value: unknown } | { ok: false; what: Message };

function parseField(field: ApplicationField, v: CellValue): Parsed {
  const found = cellText(v);
  switch (field.kind) {
    case "text":
      return { ok: true, value: cellText(v).trim() };
    case "choice": {
      const text = cellText(v).normalize("NFKC").trim();
      const choice = field.choices!.find((c) => c === text);
      return choice ? { ok: true, value: choice } : { ok: false, what: msg("credit.field.not_choice", { found, choices: field.choices! }) };
    }
    case "date": {
      const d = parseDate(v);
      return d.ok ? { ok: true, value: d.date } : { ok: false, what: msg("credit.field.not_date", { found }) };
    }
    case "money": {
      const a = parseAmount(v);
      if (!a.ok || a.fen < 0 || a.fen % 100 !== 0) return { ok: false, what: msg("credit.field.not_yuan", { found }) };
      return { ok: true, value: a.fen };
    }
    case "wan": {
      const a = parseAmount(v);
      if (!a.ok || a.fen < 0) return { ok: false, what: msg("credit.field.not_wan", { found }) };
      // The figure as written (in 万元), read like any amount: the same digits as yuan.
      return { ok: true, value: fenToYuan(a.fen) };
    }
    case "days": {
      const text = typeof v === "number" ? v : Number(cellText(v).normalize("NFKC").replace(/天$/, "").trim());
      if (!Number.isInteger(text) || text < 0 || text > 3650) return { ok: false, what: msg("credit.field.not_days", { found }) };
      return { ok: true, value: text };
    }
  }
}
