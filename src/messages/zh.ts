/** 中文消息表：核心返回的每个代码的文字。 */
import type { Language } from "./table";
import { agingZh } from "./zh/aging";
import { collectZh } from "./zh/collect";
import { creditZh } from "./zh/credit";
import { filesZh } from "./zh/files";
import { lettersZh } from "./zh/letters";
import { readZh } from "./zh/read";
import { reconcileZh } from "./zh/reconcile";

const LIST = "、";

export const zh: Language = {
  list: LIST,
  clauses: "，",
  sentences: "；",
  rows: (rows, sheet) => (sheet === null ? `第 ${rows.join(LIST)} 行` : `「${sheet}」表第 ${rows.join(LIST)} 行`),
  sheetRows: "、",
  messages: {
    ...reconcileZh,
    ...lettersZh,
    ...readZh,
    ...collectZh,
    ...creditZh,
    ...agingZh,
    ...filesZh,
  },
};
