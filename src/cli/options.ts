/** What every command gets, and the option parsing the commands share. */
import { isIsoDate } from "../core/dates";
import { decimalTextToFen, yuan, type Fen, type Yuan } from "../core/money";
import { ROLES, type Role } from "../core/read";
import type { Lang } from "../app/lang";
import { UsageError } from "./errors";
import type { CliIO } from "./io";

export interface Context {
  io: CliIO;
  lang: Lang;
}

export type Values = Record<string, string | boolean | string[] | undefined>;

/** A repeatable option's values (`--sheet A --sheet B`), trimmed, blanks left out. */
export function stringList(values: Values, name: string): string[] {
  const v = values[name];
  const list = Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
  return list.map((x) => x.trim()).filter((x) => x !== "");
}

export const say = (lang: Lang, zh: string, en: string): string => (lang === "en-US" ? en : zh);


export function requireString(ctx: Context, values: Values, name: string): string {
  const v = values[name];
  if (typeof v !== "string" || v === "") throw new UsageError(say(ctx.lang, `缺少 --${name}`, `missing --${name}`));
  return v;
}

export function optionalString(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === "string" && v !== "" ? v : undefined;
}

export function optionalDate(ctx: Context, values: Values, name: string): string | undefined {
  const v = optionalString(values, name);
  if (v === undefined) return undefined;
  if (!isIsoDate(v)) throw new UsageError(say(ctx.lang, `--${name} 须为 YYYY-MM-DD 格式的日期：${v}`, `--${name} must be a date as YYYY-MM-DD: ${v}`));
  return v;
}

/**
 * Upper bounds for day counts: a matching window of more than a year would pair unrelated entries, and a
 * credit term of more than ten years is a typing mistake.
 */
export const MAX_DAYS: Record<string, number> = { "date-window": 366, "term-days": 3650 };

export function optionalDays(ctx: Context, values: Values, name: string, max = MAX_DAYS[name] ?? 3650): number | undefined {
  const v = optionalString(values, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) > max) throw new UsageError(say(ctx.lang, `--${name} 须为 0 到 ${max} 之间的整数天数：${v}`, `--${name} must be a whole number of days from 0 to ${max}: ${v}`));
  return Number(v);
}

/** The largest amount option accepted, in yuan: a tolerance beyond it would call any two amounts equal. */
export const MAX_YUAN: Yuan = yuan(1_000_000);

/** An amount option written in yuan (`--amount-tolerance 0.05`), as fen; undefined when not given. */
export function optionalYuan(ctx: Context, values: Values, name: string, max: Yuan = MAX_YUAN): Fen | undefined {
  const v = optionalString(values, name);
  if (v === undefined) return undefined;
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(v);
  if (!m || yuan(Number(m[1]) + Number(`0.${m[2] ?? 0}`)) > max) {
    throw new UsageError(
      say(
        ctx.lang,
        `--${name} 须为 0 到 ${max.toLocaleString("en-US")} 之间的金额（元，最多两位小数）：${v}`,
        `--${name} must be an amount in yuan from 0 to ${max.toLocaleString("en-US")}, at most two decimals: ${v}`,
      ),
    );
  }
  return decimalTextToFen(v);
}

/** `date=日期,debit=E,credit=6` → the reader's column choices. */
export function parseMap(ctx: Context, text: string | undefined): Partial<Record<Role, string | number>> | undefined {
  if (text === undefined) return undefined;
  const map: Partial<Record<Role, string | number>> = {};
  for (const part of text.split(/[,，]/)) {
    if (part.trim() === "") continue;
    const m = /^\s*([a-zA-Z]+)\s*[=＝]\s*(.+?)\s*$/.exec(part);
    if (!m || !(ROLES as readonly string[]).includes(m[1])) {
      throw new UsageError(say(ctx.lang, `--map 写法有误：“${part}”（应为 角色=列名，角色可为 ${ROLES.join("/")}）`, `bad --map entry "${part}" (use role=column, roles: ${ROLES.join("/")})`));
    }
    map[m[1] as Role] = /^\d+$/.test(m[2]) ? Number(m[2]) : m[2];
  }
  return map;
}

