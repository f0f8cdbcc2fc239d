/** What every command gets, and the option parsing the commands share. */
import { isIsoDate } from "../core/dates";
import { decimalTextToFen } from "../core/money";
import { ROLES, type Role } from "../core/read";
import type { Lang } from "../app/lang";
import { UsageError } from "./errors";
import type { CliIO } from "./io";

export interface Context {
  io: CliIO;
  lang: Lang;
}

export type Values = Record<string, string | boolean | undefined>;

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

export function optionalDays(ctx: Context, values: Values, name: string, max = 3650): number | undefined {
  const v = optionalString(values, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) > max) throw new UsageError(say(ctx.lang, `--${name} 须为 0 到 ${max} 之间的整数天数：${v}`, `--${name} must be a whole number of days from 0 to ${max}: ${v}`));
  return Number(v);
}

export function optionalYuan(ctx: Context, values: Values, name: string): number | undefined {
  const v = optionalString(values, name);
  if (v === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(v)) throw new UsageError(say(ctx.lang, `--${name} 须为不小于 0 的金额（元）：${v}`, `--${name} must be an amount in yuan, 0 or more: ${v}`));
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

