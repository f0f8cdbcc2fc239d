/**
 * What the rows above the header say: the dealer of a one-dealer sheet, the period, the year, the side.
 */
import type { IsoDate } from "../model";
import { daysInMonth, isValidYmd, ymdToIso } from "../dates";
import { dealerKey } from "../values/refs";
import { toHalfWidth } from "../values/text";

export interface TitleInfo {
  /** The dealer as our own books name it (核算项目, 客户, 对方单位 …, else the `X对账单` title). */
  dealer: string | null;
  dealerSource: "label" | "title";
  /**
   * The dealer as their own statement names itself: a 客户名称/经销商 line, then the book's title
   * (`X对账单`, `X 应付账款明细账`), then 编制单位/单位名称; never the name the statement gives us.
   */
  statementDealer: string | null;
  /** Where `statementDealer` came from. */
  statementDealerSource: "label" | "title" | null;
  /**
   * The other party of whoever keeps the book (往来单位, 对方单位, 供应商, 核算项目, 致): on a dealer's
   * statement this is us, on our ledger the dealer.
   */
  counterparty: string | null;
  /** The keeper's own name (编制单位, 本单位, 单位名称 …): on our ledger, us. */
  ownName: string | null;
  year: number | null;
  periodFrom: IsoDate | null;
  periodTo: IsoDate | null;
  /** Words of a payable view (应付, or 对账单 without 应收). */
  statementWords: string | null;
  /** The title speaks of receivables (应收): our own ledger. */
  receivable: boolean;
}

const DEALER_LABEL = /(?:核算项目|客户名称|客户|对方单位|往来单位|经销商|购货单位)\s*[:：]\s*(.+)$/;
/** On a dealer's statement 对方单位/供应商 is us: their own name is in the title or after these labels. */
const OWN_LABEL = /(?:编制单位|本单位|我方单位|单位名称|公司名称)\s*[:：]\s*(.+)$/;
/** Names our customer whoever wrote it: on a statement too, this is the dealer. */
const CUSTOMER_LABEL = /(?:客户名称|客户全称|客户|经销商名称|经销商|购货单位|购买方)\s*[:：]\s*(.+)$/;
/** The book keeper's other party: on a dealer's own books (their 应付 ledger) that is us. */
const PARTY_LABEL = /(?:核算项目|对方单位|往来单位名称|往来单位|供应商名称|供应商|供货单位|销售方|致)\s*[:：]\s*(.+)$/;
const DEALER_KIND_PREFIX = /^(?:客户|经销商|往来单位)\s*[-—－_:：]\s*/;
const DEALER_CODE_PREFIX = /^[A-Za-z]{0,4}[0-9][0-9.-]*\s*[-—\s_]\s*/;
const DEALER_END = /\s{2,}.*$|\s+(?:币别|币种|期间|日期|单位|制表|打印)\s*[:：].*$/;
const STATEMENT_TITLE = /^(.{2,40}?)(?:往来|应付账款|应付|客户)?对账单/;
/** A dealer's own book named after its keeper: `成都蜀丰建材有限公司 应付账款明细账`, `X 往来明细表`. */
const BOOK_TITLE = /^(.{2,40}?)(?:应付账款|应付|往来账款|往来|采购|供应商)(?:明细分类账|明细账|明细表|明细|余额表|账)/;
/** A year or period at the end of a title's name part: `X2026年`, `X2026年10月`, `X2026年度`. */
const TITLE_PERIOD_SUFFIX = /(?:\d{4}年(?:度|\d{1,2}月(?:份)?)?|\d{4}[-./]\d{1,2})$/;
const GENERIC_TITLE_PREFIX = /^(?:客户|往来|应收|应收账款|应付|应付账款|供应商|经销商|销售|采购|年度|月度|\d{4}年.*)$/;
const PERIOD_MONTHS = /(\d{4})\s*年\s*(\d{1,2})\s*[期月]?\s*(?:至|到|~|～|—|－|-)\s*(\d{4})\s*年\s*(\d{1,2})\s*[期月]/;
const PERIOD_DATES =
  /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*(?:至|到|~|～|—|－|-)\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
const PERIOD_ONE = /期间\s*[:：]?\s*(\d{4})\s*年\s*(\d{1,2})\s*[期月]/;
const YEAR = /(?:^|[^\d])((?:19|20)\d{2})\s*年/;

function monthStart(y: number, m: number): IsoDate | null {
  return isValidYmd(y, m, 1) ? ymdToIso(y, m, 1) : null;
}
function monthEnd(y: number, m: number): IsoDate | null {
  return isValidYmd(y, m, 1) ? ymdToIso(y, m, daysInMonth(y, m)) : null;
}

/** A dealer name written after a label: `客户-001 美达商贸  币别：人民币` → `美达商贸`. */
export function cleanDealerLabel(raw: string): string {
  let name = raw.replace(DEALER_END, "").trim().replace(DEALER_KIND_PREFIX, "").trim();
  const uncoded = name.replace(DEALER_CODE_PREFIX, "").trim();
  if (uncoded !== "" && uncoded !== name && /[^ -~\s]/.test(uncoded)) name = uncoded;
  return name;
}

export function parseTitles(texts: string[]): TitleInfo {
  const info: TitleInfo = {
    dealer: null,
    dealerSource: "label",
    statementDealer: null,
    statementDealerSource: null,
    counterparty: null,
    ownName: null,
    year: null,
    periodFrom: null,
    periodTo: null,
    statementWords: null,
    receivable: false,
  };
  let titleDealer: string | null = null;
  let bookDealer: string | null = null;
  let customer: string | null = null;
  let receivable = false;
  let ownLabelDealer: string | null = null;
  for (const raw of texts) {
    const text = toHalfWidth(raw).trim();
    if (text === "") continue;
    const label = DEALER_LABEL.exec(text);
    if (label && info.dealer === null) {
      const name = cleanDealerLabel(label[1]);
      if (name !== "") info.dealer = name;
    }
    if (customer === null) customer = labelName(CUSTOMER_LABEL.exec(text));
    if (info.counterparty === null) info.counterparty = labelName(PARTY_LABEL.exec(text));
    const own = OWN_LABEL.exec(text);
    let ownName: string | null = null;
    if (own) ownName = cleanDealerLabel(own[1]) || null;
    if (ownName !== null && ownLabelDealer === null) ownLabelDealer = ownName;
    const statement = STATEMENT_TITLE.exec(text.replace(/\s+/g, ""));
    if (statement && titleDealer === null && !GENERIC_TITLE_PREFIX.test(statement[1]) && !/[:：]/.test(statement[1])) {
      titleDealer = statement[1];
    }
    if (bookDealer === null) bookDealer = bookTitleName(text);
    if (info.periodFrom === null) {
      let m = PERIOD_DATES.exec(text);
      if (m && isValidYmd(+m[1], +m[2], +m[3]) && isValidYmd(+m[4], +m[5], +m[6])) {
        info.periodFrom = ymdToIso(+m[1], +m[2], +m[3]);
        info.periodTo = ymdToIso(+m[4], +m[5], +m[6]);
      } else if ((m = PERIOD_MONTHS.exec(text))) {
        info.periodFrom = monthStart(+m[1], +m[2]);
        info.periodTo = monthEnd(+m[3], +m[4]);
      } else if ((m = PERIOD_ONE.exec(text))) {
        info.periodFrom = monthStart(+m[1], +m[2]);
        info.periodTo = monthEnd(+m[1], +m[2]);
      }
    }
    if (info.year === null) {
      const y = YEAR.exec(text);
      if (y) info.year = Number(y[1]);
    }
    if (/应收/.test(text)) receivable = true;
    if (info.statementWords === null && /应付/.test(text)) info.statementWords = "应付";
    else if (info.statementWords === null && /对账单/.test(text)) info.statementWords = "对账单";
  }
  if (info.statementWords === "对账单" && receivable) info.statementWords = null;
  info.receivable = receivable;
  if (info.periodFrom !== null) info.year = Number(info.periodFrom.slice(0, 4));
  if (info.dealer === null && titleDealer !== null) {
    info.dealer = titleDealer;
    info.dealerSource = "title";
  }
  info.ownName = ownLabelDealer;
  // The name a statement gives us is never its dealer: a title like `美达五金 对账单` over 往来单位：美达五金
  // is our own statement form, sent back; the customer line then names the dealer.
  const us = info.counterparty === null ? null : dealerKey(info.counterparty);
  const notUs = (name: string | null): name is string => name !== null && (us === null || dealerKey(name) !== us);
  if (notUs(customer)) {
    info.statementDealer = customer;
    info.statementDealerSource = "label";
  } else if (notUs(titleDealer)) {
    info.statementDealer = titleDealer;
    info.statementDealerSource = "title";
  } else if (notUs(bookDealer)) {
    info.statementDealer = bookDealer;
    info.statementDealerSource = "title";
  } else if (notUs(ownLabelDealer)) {
    info.statementDealer = ownLabelDealer;
    info.statementDealerSource = "label";
  }
  return info;
}

function labelName(m: RegExpExecArray | null): string | null {
  if (!m) return null;
  const name = cleanDealerLabel(m[1]);
  return name === "" ? null : name;
}

/** The keeper named in a book title, or null when the title is generic (`应付账款明细账`). */
function bookTitleName(text: string): string | null {
  const m = BOOK_TITLE.exec(text.replace(/\s+/g, ""));
  if (!m) return null;
  const name = m[1].replace(TITLE_PERIOD_SUFFIX, "");
  if (name.length < 2 || /[:：]/.test(name) || GENERIC_TITLE_PREFIX.test(name) || !/[\u4e00-\u9fffA-Za-z]/.test(name)) return null;
  return name;
}
