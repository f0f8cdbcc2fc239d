/** The English message table: the text of every code core returns. */
import type { Language } from "./table";
import { agingEn } from "./en/aging";
import { collectEn } from "./en/collect";
import { creditEn } from "./en/credit";
import { filesEn } from "./en/files";
import { lettersEn } from "./en/letters";
import { readEn } from "./en/read";
import { reconcileEn } from "./en/reconcile";

const LIST = ", ";

export const en: Language = {
  list: LIST,
  clauses: "; ",
  sentences: "; ",
  // "row 5", "rows 5, 7": the word follows how many rows are said.
  rows: (rows, sheet) => {
    const said = `${rows.length === 1 ? "row" : "rows"} ${rows.join(LIST)}`;
    return sheet === null ? said : `sheet ${sheet}, ${said}`;
  },
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
