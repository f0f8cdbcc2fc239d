/**
 * Built-in templates of the collection papers, as data like the confirmation letters': 提醒函 (level 1),
 * 催款函 (level 2), 最后通知 (level 3), each with a 签收回执 strip to cut off and return signed (a demand shown
 * to have arrived restarts the limitation period), and the 还款承诺书.
 *
 * Page budget as for the letters (A4 portrait, 733 pt of rows): a demand's fixed rows take at most 552 pt,
 * leaving room for ten overdue items at 18 pt on its one page; a commitment's 494 pt, room for twelve
 * installments. Longer lists run on to a second page (the print area and fit-to-width keep the
 * width). Every wrapped row is tall enough for its longest filling at 40 characters a line.
 */
import { build, COLUMNS, type RowSpec } from "../letters/builtin";
import type { Template } from "../letters/types";
import type { DemandLevel } from "./demand";

export type CollectKind = "reminder" | "demand" | "final" | "commitment";

export const COLLECT_SHEETS: Record<CollectKind, string> = {
  reminder: "提醒函",
  demand: "催款函",
  final: "最后通知",
  commitment: "还款承诺书",
};

export const LEVEL_KIND: Record<DemandLevel, CollectKind> = { 1: "reminder", 2: "demand", 3: "final" };

const line = (height: number, text: string, style: string): RowSpec => ({ height, cells: [[1, text, style]], merges: [[1, COLUMNS]] });
const blank = (height: number): RowSpec => ({ height, cells: [] });

const OPENING: Record<DemandLevel, string> = {
  1:
    "　　感谢贵公司一直以来的支持与合作。据本公司账面记录，截至{{截至日期}}，下列货款已过约定付款日期，合计人民币{{合计}}元（大写：{{合计大写}}）。" +
    "想必是贵公司事务繁忙有所疏忽，烦请于{{限期付款日期}}前安排付款。",
  2:
    "　　据本公司账面记录，截至{{截至日期}}，贵公司尚欠本公司下列已逾期货款，合计人民币{{合计}}元（大写：{{合计大写}}），其中部分款项已超过最终收款期限。" +
    "经本公司多次联系，上述款项至今未付。",
  3:
    "　　本公司此前已就下列逾期货款多次向贵公司催告，截至{{截至日期}}，贵公司仍欠本公司货款合计人民币{{合计}}元（大写：{{合计大写}}）。" +
    "现正式通知贵公司：",
};

const DEMAND: Record<DemandLevel, string> = {
  1: "　　款项请汇至以下账户。如贵公司已付款，请忽略本函，并将付款凭证告知我们，谢谢！",
  2: "　　请贵公司于{{限期付款日期}}前将上述款项全额汇至以下账户：",
  3: "　　请贵公司务必于{{限期付款日期}}前将上述欠款全额汇至以下账户。本通知为最后一次书面催告，逾期本公司将不再另行通知。",
};

const CONSEQUENCES: Record<DemandLevel, string | null> = {
  1: null,
  2:
    "　　如贵公司逾期仍未付款，本公司将按合同约定计收逾期付款违约金，暂停向贵公司发货并取消信用额度，并保留通过法律途径追收欠款的权利。" +
    "如贵公司对上述款项有异议，请于收到本函之日起三日内书面告知。",
  3:
    "　　逾期仍未付清的，本公司将依法向人民法院提起诉讼或申请支付令，追收全部欠款及逾期付款违约金，" +
    "由此产生的诉讼费、保全费、律师费等一切费用由贵公司承担。",
};

const TITLE: Record<DemandLevel, string> = { 1: "提　醒　函", 2: "催　款　函", 3: "最　后　通　知" };

/** The overdue list: 单号 | 单据日期 | 到期日 | 最终收款期限 | 逾期天数 | 未收金额. */
function overdueTable(): RowSpec[] {
  return [
    {
      height: 22,
      cells: [[1, "单号", "th"], [3, "单据日期", "th"], [4, "到期日", "th"], [5, "最终收款期限", "th"], [6, "逾期天数", "th"], [7, "未收金额", "th"]],
      merges: [[1, 2], [7, 8]],
    },
    line(16, "{{#逾期明细}}", "marker"),
    {
      height: 18,
      cells: [[1, "{{单号}}", "dtText"], [3, "{{日期}}", "dtDate"], [4, "{{到期日}}", "dtDate"], [5, "{{最终收款期限}}", "dtDate"], [6, "{{逾期天数}}", "td"], [7, "{{未收金额}}", "dtAmount"]],
      merges: [[1, 2], [7, 8]],
    },
    line(16, "{{/逾期明细}}", "marker"),
    { height: 20, cells: [[1, "合　　计", "th"], [7, "{{合计}}", "tdAmount"]], merges: [[1, 6], [7, 8]] },
  ];
}

function receiptStrip(title: string): RowSpec[] {
  return [
    blank(8),
    line(20, "沿此线剪开，将以下回执签字盖章后寄回", "cut"),
    line(24, "签 收 回 执", "slipTitle"),
    line(32, `致{{本公司名称}}：本公司已于下列日期收到贵公司编号为 {{编号}} 的《${title}》。`, "body"),
    {
      height: 48,
      cells: [[1, "收件人签字：", "sign"], [4, "（盖章）", "sign"], [6, "日期：　　　年　　月　　日", "sign"]],
      merges: [[1, 3], [4, 5], [6, 8]],
    },
  ];
}

function demandTemplate(level: DemandLevel): Template {
  const consequences = CONSEQUENCES[level];
  const specs: RowSpec[] = [
    line(28, "{{本公司名称}}", "letterhead"),
    line(30, TITLE[level], "title"),
    line(18, "编号：{{编号}}　　等级：{{等级}}", "number"),
    line(22, "致：{{客户名称}}", "to"),
    line(62, OPENING[level], "body"),
    ...overdueTable(),
    line(32, DEMAND[level], "body"),
    line(18, "户名：{{本公司名称}}", "plain"),
    line(18, "开户行：{{开户行}}", "plain"),
    line(18, "账号：{{账号}}", "plain"),
    ...(consequences ? [line(level === 3 ? 48 : 62, consequences, "body")] : []),
    line(18, "联系人：{{本公司联系人}}　　电话：{{电话}}", "plain"),
    blank(12),
    { height: 20, cells: [[3, "{{本公司名称}}（盖章）", "sealName"]], merges: [[3, 8]] },
    { height: 20, cells: [[3, "{{发函日期}}", "sealDate"]], merges: [[3, 8]] },
    ...receiptStrip(TITLE[level].replace(/\u3000/g, "")),
  ];
  const t = build(COLLECT_SHEETS[LEVEL_KIND[level]], specs);
  // Three date columns side by side: a date is 10 figures, which a 10-wide column prints as ### in some
  // fonts; the 单号 pair and 逾期天数 give up the width (the whole stays 80, as the letters').
  t.columnWidths = [8, 7, 12, 12, 12, 8, 10.5, 10.5];
  return t;
}

function commitmentTemplate(): Template {
  const specs: RowSpec[] = [
    line(30, "还　款　承　诺　书", "title"),
    line(18, "编号：{{编号}}", "number"),
    line(22, "致：{{本公司名称}}", "to"),
    line(
      62,
      "　　截至{{截至日期}}，本公司（{{客户名称}}）确认尚欠贵公司货款人民币{{合计}}元（大写：{{合计大写}}），对该欠款的真实性及金额均无异议。" +
        "现承诺按下列计划分{{分期期数}}期付清：",
      "body",
    ),
    {
      height: 22,
      cells: [[1, "期数", "th"], [2, "付款日期", "th"], [4, "金额", "th"], [6, "累计", "th"], [8, "备注", "th"]],
      merges: [[2, 3], [4, 5], [6, 7]],
    },
    line(16, "{{#还款计划}}", "marker"),
    {
      height: 18,
      cells: [[1, "{{期数}}", "td"], [2, "{{日期}}", "dtDate"], [4, "{{金额}}", "dtAmount"], [6, "{{累计}}", "dtAmount"], [8, "", "dtText"]],
      merges: [[2, 3], [4, 5], [6, 7]],
    },
    line(16, "{{/还款计划}}", "marker"),
    { height: 20, cells: [[1, "合　　计", "th"], [4, "{{合计}}", "tdAmount"], [6, "", "td"]], merges: [[1, 3], [4, 5], [6, 8]] },
    line(32, "　　付款账户：户名 {{本公司名称}}，开户行 {{开户行}}，账号 {{账号}}。", "body"),
    line(46, "　　如本公司任何一期未按期足额付款，剩余未付款项即视为全部到期，贵公司有权要求本公司立即一次性付清，并依法追偿。", "body"),
    line(22, "　　逾期付款的，另按以下约定支付逾期付款违约金：", "plain"),
    line(22, "", "writeLine"),
    line(
      46,
      "　　本公司确认以下地址为贵公司寄送通知、函件及人民法院送达诉讼文书的地址：{{客户地址}}。地址如有变更，本公司将书面通知贵公司，未通知的，按上述地址送达即视为送达。",
      "body",
    ),
    blank(20),
    { height: 24, cells: [[1, "承诺人（盖章）：{{客户名称}}", "sign"]], merges: [[1, 8]] },
    {
      height: 36,
      cells: [[1, "法定代表人（签字）：", "sign"], [5, "日期：　　　年　　月　　日", "sign"]],
      merges: [[1, 4], [5, 8]],
    },
    blank(12),
    { height: 36, cells: [[1, "担保人（如有，签字或盖章）：", "sign"], [5, "日期：　　　年　　月　　日", "sign"]], merges: [[1, 4], [5, 8]] },
    line(24, "担保人身份证号码或统一社会信用代码：", "sign"),
  ];
  return build(COLLECT_SHEETS.commitment, specs);
}

/** A built-in collection template as data. */
export function collectTemplate(kind: CollectKind): Template {
  switch (kind) {
    case "reminder":
      return demandTemplate(1);
    case "demand":
      return demandTemplate(2);
    case "final":
      return demandTemplate(3);
    case "commitment":
      return commitmentTemplate();
  }
}
