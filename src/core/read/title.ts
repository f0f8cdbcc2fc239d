/**
 * What the rows above the header say: the dealer of a one-dealer sheet, the period, the year, the side.
 */
import type { IsoDate } from "../model";
import { daysInMonth, isValidYmd, ymdToIso } from "../dates";
import { toHalfWidth } from "../values/text";

export interface TitleInfo {
  /** The dealer as our own books name it (核算项目, 客户, 对方单位 …, else the `X对账单` title). */
  dealer: string | null;
  /** The dealer as their own statement names itself (`X对账单` title first, then 编制单位/本单位). */
  statementDealer: string | null;
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
const DEALER_KIND_PREFIX = /^(?:客户|经销商|往来单位)\s*[-—－_:：]\s*/;
const DEALER_CODE_PREFIX = /^[A-Za-z]{0,4}[0-9][0-9.-]*\s*[-—\s_]\s*/;
const DEALER_END = /\s{2,}.*$|\s+(?:币别|币种|期间|日期|单位|制表|打印)\s*[:：].*$/;
const STATEMENT_TITLE = /^(.{2,40}?)(?:往来|应付账款|应付|客户)?对账单/;
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
  const info: TitleInfo = { dealer: null, statementDealer: null, year: null, periodFrom: null, periodTo: null, statementWords: null, receivable: false };
  let titleDealer: string | null = null;
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
    const own = OWN_LABEL.exec(text);
    let ownName: string | null = null;
    if (own) ownName = cleanDealerLabel(own[1]) || null;
    if (ownName !== null && ownLabelDealer === null) ownLabelDealer = ownName;
    const statement = STATEMENT_TITLE.exec(text.replace(/\s+/g, ""));
    if (statement && titleDealer === null && !GENERIC_TITLE_PREFIX.test(statement[1]) && !/[:：]/.test(statement[1])) {
      titleDealer = statement[1];
    }
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
  if (info.dealer === null && titleDealer !== null) info.dealer = titleDealer;
  info.statementDealer = titleDealer ?? ownLabelDealer;
  return info;
}
