/** The English message table: the text of every code core returns. */
import type { Language } from "./table";
import { agingEn } from "./en/aging";
import { collectEn } from "./en/collect";
import { creditEn } from "./en/credit";
import { filesEn } from "./en/files";
import { lettersEn } from "./en/letters";
import { readEn } from "./en/read";
import { reconcileEn } from "./en/reconcile";

export const en: Language = {
  list: ", ",
  clauses: "; ",
  sentences: "; ",
  rows: (rows, sheet) => (sheet === null ? `row ${rows}` : `sheet ${sheet}, row ${rows}`),
  sheetRows: "; ",
  messages: {
    ...reconcileEn,
    ...lettersEn,
    ...readEn,
    ...collectEn,
    ...creditEn,
    ...agingEn,
    ...filesEn,
  },
};
