/**
 * Block exports: ERP detail ledgers (Kingdee 明细账 over several 核算项目, Yonyou 三栏式 by 客户) and
 * statements that put one dealer after another down one sheet, each block under a title line naming its
 * dealer, with its own header, 期初余额, entries and totals.
 *
 * The title line says whose block follows. On our ledger any dealer label names the dealer (核算项目,
 * 客户, 往来单位 …). On a dealer's statement 往来单位/供应商/核算项目 name us, the keeper's other party:
 * such a line is a block title that leaves the dealer as it was; the dealer is named by a customer line
 * (客户名称：…), the statement's own title (`X对账单`, `X 应付账款明细账`) or its 单位名称 line.
 */
import type { CellValue, Fen, Side } from "../model";
import { toHalfWidth } from "../values/text";
import { cleanDealerLabel, parseTitles } from "./title";

/** One dealer's block of a block export, as the read summary shows it. */
export interface DealerBlock {
  /** The dealer the block's title names, as written (cleaned of codes and kind prefixes); null when it names none. */
  dealer: string | null;
  /** Excel row of the block's title line (the first block's may be among the sheet's title rows). */
  titleRow: number;
  /** Excel row of the block's last non-blank row. */
  lastRow: number;
  /** The block's own opening (期初余额), our sign; 0 when it has none. */
  openingBalance: Fen;
  /** Entries read in the block. */
  entries: number;
  /** Opening plus the block's entries up to the cut-off (`asOf`), like the sheet's `closingBalance`. */
  closingBalance: Fen;
}

/** A quick look before the patterns: every title the reader knows has one of these. */
const MAYBE_TITLE = /[:：]|对账单|明细|往来|应付/;
/** 核算项目：客户-X names a customer whoever wrote it: the kind says so. */
const CUSTOMER_ITEM = /核算项目\s*[:：]\s*(?:客户|经销商)\s*[-—－_]\s*(.+)$/;

/**
 * What a row of text cells says as a block title: `{ dealer }` when it is one (dealer null for a line
 * naming us on a statement), null when it is not a title line.
 */
export function blockTitleOf(row: readonly CellValue[], side: Side): { dealer: string | null; text: string } | null {
  for (const v of row) {
    if (typeof v !== "string") continue;
    const raw = v.trim();
    if (raw === "" || raw.length > 120 || !MAYBE_TITLE.test(raw)) continue;
    const text = toHalfWidth(raw);
    const item = CUSTOMER_ITEM.exec(text);
    if (item) {
      const name = cleanDealerLabel(item[1]);
      if (name !== "") return { dealer: name, text: raw };
    }
    const info = parseTitles([text]);
    if (side === "ledger") {
      if (info.dealer !== null) return { dealer: info.dealer, text: raw };
      continue;
    }
    if (info.statementDealer !== null) return { dealer: info.statementDealer, text: raw };
    if (info.counterparty !== null) return { dealer: null, text: raw };
  }
  return null;
}
