/**
 * The shape of a message table: one template per code. A template names the message's parameters in
 * braces, `{name}` or `{name:format}`:
 * - `{name}`: a string or a number as it is;
 * - `{name:money}`: fen, grouped with two places (`1,234.50`);
 * - `{name:list}`: an array, joined with the language's list separator;
 * - `{name:msg}`: a message, rendered in the same language; `{name:Msg}` the same with its first letter upper case;
 * - `{name:clauses}`, `{name:sentences}`: an array of messages, joined as clauses or as sentences;
 * - `{name:rows}`: a ledger row or an array of them, each a number or a label, `5` or `2026-08!5` (row 5 of the
 *   sheet 2026-08, where a ledger is read over several sheets), said as the language says rows (`第 5 行`,
 *   `「2026-08」表第 5、7 行`; `row 5`, `sheet 2026-08, rows 5, 7`), the rows of one sheet together.
 * - `{name:count|one|other}`: a count and the word for it, chosen from the count (`1 row`, `3 rows`);
 *   `{name:plural|one|other}`: the word alone (`is` / `are`). Chinese has no plural and does not use them.
 * Braces around anything but a plain ASCII name (`{{客户名称}}` in a hint about letter templates) are text.
 */
import type { MessageCode, MessageParams } from "../core/messages";

export type MessageTable<P = MessageParams> = { readonly [C in keyof P]: string };

export interface Language {
  /** Joins `{x:list}`. */
  list: string;
  /** Joins `{x:clauses}`: the parts of one sentence. */
  clauses: string;
  /** Joins `{x:sentences}`. */
  sentences: string;
  /**
   * Says `{x:rows}`'s rows of one sheet, of the first sheet when `sheet` is null: the language joins them
   * (with `list`) and chooses the word for one row or for several from how many there are.
   */
  rows: (rows: readonly string[], sheet: string | null) => string;
  /** Joins `{x:rows}`'s rows of different sheets. */
  sheetRows: string;
  messages: MessageTable<MessageParams>;
}

export const FORMATS = ["money", "list", "msg", "Msg", "clauses", "sentences", "rows", "count", "plural"] as const;
export type Format = (typeof FORMATS)[number];

/** A placeholder: `{name}` or `{name:format}`, or `{name:format|one|other}` for the words a count chooses from. */
export const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)(?::([A-Za-z]+)(?:\|([^{}|]*)\|([^{}|]*))?)?\}/g;

export type { MessageCode };
