/**
 * Renders core's messages (a code and its parameters) from the message table of a language.
 */
import type { Message } from "../core/messages";
import { fen, formatFenGrouped } from "../core/money";
import type { Bilingual, Lang } from "../app/lang";
import { en } from "./en";
import { PLACEHOLDER, type Language } from "./table";
import { zh } from "./zh";

const TABLES: Readonly<Record<Lang, Language>> = { "zh-CN": zh, "en-US": en };

/** A template cut at its placeholders: its text pieces, and between each two the parameter and its format. */
interface Compiled {
  texts: string[];
  names: string[];
  formats: (string | undefined)[];
  /** The words `{x:count|one|other}` and `{x:plural|one|other}` choose from, where given. */
  words: ([one: string, other: string] | undefined)[];
}

/**
 * Each template cut once, by language: a report of many thousand differences renders the same few
 * templates over and over.
 */
const COMPILED: Readonly<Record<Lang, Map<string, Compiled>>> = { "zh-CN": new Map(), "en-US": new Map() };

function compile(template: string): Compiled {
  const compiled: Compiled = { texts: [], names: [], formats: [], words: [] };
  let at = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    compiled.texts.push(template.slice(at, m.index));
    compiled.names.push(m[1]);
    compiled.formats.push(m[2]);
    compiled.words.push(m[3] !== undefined && m[4] !== undefined ? [m[3], m[4]] : undefined);
    at = (m.index as number) + m[0].length;
  }
  compiled.texts.push(template.slice(at));
  return compiled;
}

/** The message's text in `lang`. */
export function render(m: Message, lang: Lang): string {
  const table = TABLES[lang];
  let compiled = COMPILED[lang].get(m.code);
  if (compiled === undefined) {
    const template = table.messages[m.code];
    if (template === undefined) throw new Error(`no ${lang} text for message ${m.code}`);
    compiled = compile(template);
    COMPILED[lang].set(m.code, compiled);
  }
  const params = m.params as Readonly<Record<string, unknown>>;
  const { texts, names, formats, words } = compiled;
  let text = texts[0];
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (!(name in params)) throw new Error(`message ${m.code} has no parameter ${name}`);
    text += formatValue(params[name], formats[i], words[i], table, lang, m.code) + texts[i + 1];
  }
  return text;
}

/** The message in both languages, for code that shows `{ zh, en }` pairs. */
export function both(m: Message): Bilingual {
  return { zh: render(m, "zh-CN"), en: render(m, "en-US") };
}

/** The word for `count` things: `one` for exactly one, `other` for any other count (0 rows, 2 rows). */
export function plural(count: number, one: string, other: string): string {
  return count === 1 ? one : other;
}

/** `count` and the word for that many: `1 row`, `3 rows`. */
export function counted(count: number, one: string, other: string): string {
  return `${count} ${plural(count, one, other)}`;
}

function formatValue(value: unknown, format: string | undefined, words: [string, string] | undefined, table: Language, lang: Lang, code: string): string {
  switch (format) {
    case undefined:
      return String(value);
    case "money":
      return formatFenGrouped(fen(value as number));
    case "list":
      return (value as readonly unknown[]).join(table.list);
    case "msg":
      return render(value as Message, lang);
    case "Msg": {
      const text = render(value as Message, lang);
      return text.charAt(0).toUpperCase() + text.slice(1);
    }
    case "clauses":
      return (value as readonly Message[]).map((x) => render(x, lang)).join(table.clauses);
    case "sentences":
      return (value as readonly Message[]).map((x) => render(x, lang)).join(table.sentences);
    case "rows":
      return rowsText(value, table);
    case "count":
    case "plural": {
      if (words === undefined) throw new Error(`message ${code}: {x:${format}} needs the words for one and for more, {x:${format}|one|other}`);
      return format === "count" ? counted(value as number, words[0], words[1]) : plural(value as number, words[0], words[1]);
    }
    default:
      throw new Error(`message ${code}: unknown format ${format}`);
  }
}

/** `{x:rows}`: each run of one sheet's rows (`5`, `2026-08!5`: see app/sheet-rows' `rowLabel`) as the language says rows. */
function rowsText(value: unknown, table: Language): string {
  const runs: { sheet: string | null; rows: string[] }[] = [];
  for (const label of Array.isArray(value) ? value : [value]) {
    const text = String(label);
    const at = text.lastIndexOf("!");
    const sheet = at < 0 ? null : text.slice(0, at);
    const last = runs[runs.length - 1];
    if (last !== undefined && last.sheet === sheet) last.rows.push(text.slice(at + 1));
    else runs.push({ sheet, rows: [text.slice(at + 1)] });
  }
  return runs.map((r) => table.rows(r.rows, r.sheet)).join(table.sheetRows);
}
