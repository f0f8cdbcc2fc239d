/**
 * The sample workbook: a small but realistic receivables file of a manufacturer, 浙江恒达电器有限公司,
 * with three sheets as accountants really have them:
 *  - 应收明细账: a Kingdee-style 明细账 export for one dealer, 杭州美达商贸有限公司;
 *  - 美达对账单: that dealer's own statement of its payable to us, in its own layout;
 *  - 发货回款登记: a hand-made list of shipments and receipts for several dealers, with terms and reps;
 *  - 本公司信息: the company's own details (name, address, contact, bank, account) the letters print.
 *
 * The two sides disagree in the ways real ones do, so the demo has something to explain: goods in
 * transit at the cut-off, a bank acceptance draft in transit, a rebate only the dealer booked, a wrong
 * amount, a transposed amount, a duplicate posting, a receipt the dealer paid in two transfers, and a
 * return both sides booked.
 *
 * Pure data: the command line writes it to an .xlsx file, the browser preview loads it into its fake Excel.
 */
import type { OutRow, SheetSpec } from "../port/workbook";
import type { Fen } from "../core/model";
import { addFen, fen, fenToYuan, negFen, subFen, sumFen, yuan, yuanToFen, type Yuan } from "../core/money";

export const SAMPLE_COMPANY = "浙江恒达电器有限公司";
export const SAMPLE_DEALER = "杭州美达商贸有限公司";
export const SAMPLE_AS_OF = "2026-10-31";
/** The month end a finance head reviews the sample's aging at. */
export const SAMPLE_AGING_AS_OF = "2026-11-30";
export const SAMPLE_LEDGER_SHEET = "应收明细账";
export const SAMPLE_STATEMENT_SHEET = "美达对账单";
export const SAMPLE_LIST_SHEET = "发货回款登记";
/** The company's own details the letters (对账函) print: 项目 | 内容. */
export const SAMPLE_COMPANY_SHEET = "本公司信息";

interface Txn {
  date: string;
  voucher?: string;
  summary: string;
  /** Our sign: sale > 0, receipt < 0. */
  amount: Fen;
}

/** An amount written in yuan, as the sample's books give it. */
const inFen = (v: number): Fen => yuanToFen(yuan(v));
const NONE = fen(0);

/** Our books for the dealer, July to October 2026. */
const LEDGER: Txn[] = [
  { date: "2026-07-06", voucher: "记-0012", summary: "销售出库 XSCK-2026-0706", amount: inFen(86_400) },
  { date: "2026-07-18", voucher: "记-0047", summary: "销售出库 XSCK-2026-0718", amount: inFen(42_350.5) },
  { date: "2026-07-28", voucher: "记-0081", summary: "收到货款 工行转账", amount: negFen(inFen(120_000)) },
  { date: "2026-08-05", voucher: "记-0015", summary: "销售出库 XSCK-2026-0805", amount: inFen(63_000) },
  { date: "2026-08-12", voucher: "记-0039", summary: "销售出库 XSCK-2026-0812", amount: inFen(27_800) },
  // Posted twice by mistake: the dealer has it once.
  { date: "2026-08-12", voucher: "记-0040", summary: "销售出库 XSCK-2026-0812", amount: inFen(27_800) },
  { date: "2026-08-26", voucher: "记-0093", summary: "收到货款 建行转账", amount: negFen(inFen(90_000)) },
  { date: "2026-09-03", voucher: "记-0008", summary: "销售出库 XSCK-2026-0903", amount: inFen(25_630) },
  // One receipt here; the dealer paid it in two transfers.
  { date: "2026-09-10", voucher: "记-0031", summary: "收到货款 工行转账", amount: negFen(inFen(80_000)) },
  { date: "2026-09-15", voucher: "记-0052", summary: "销售出库 XSCK-2026-0915", amount: inFen(36_800) },
  { date: "2026-09-24", voucher: "记-0077", summary: "销售出库 XSCK-2026-0924", amount: inFen(51_260) },
  { date: "2026-10-09", voucher: "记-0019", summary: "收到货款 工行转账", amount: negFen(inFen(60_000)) },
  { date: "2026-10-15", voucher: "记-0044", summary: "销售退回 XSTH-2026-1015", amount: negFen(inFen(3_200)) },
  { date: "2026-10-20", voucher: "记-0063", summary: "销售出库 XSCK-2026-1020", amount: inFen(47_500) },
  // Shipped at the cut-off; the goods reach the dealer in November.
  { date: "2026-10-30", voucher: "记-0098", summary: "销售出库 XSCK-2026-1030", amount: inFen(58_000) },
];
const LEDGER_OPENING = inFen(120_000);

/** The dealer's books for us, in its sign: purchase (进货) raises its payable, payment (付款) lowers it. */
interface StatementLine {
  date: string;
  doc: string;
  summary: string;
  purchase: Fen;
  payment: Fen;
}

const STATEMENT: StatementLine[] = [
  { date: "2026-07-08", doc: "XSCK-2026-0706", summary: "进货", purchase: inFen(86_400), payment: NONE },
  { date: "2026-07-20", doc: "XSCK-2026-0718", summary: "进货", purchase: inFen(42_350.5), payment: NONE },
  { date: "2026-07-27", doc: "FK-0727", summary: "付货款", purchase: NONE, payment: inFen(120_000) },
  { date: "2026-08-07", doc: "XSCK-2026-0805", summary: "进货", purchase: inFen(63_000), payment: NONE },
  { date: "2026-08-14", doc: "XSCK-2026-0812", summary: "进货", purchase: inFen(27_800), payment: NONE },
  { date: "2026-08-25", doc: "FK-0825", summary: "付货款", purchase: NONE, payment: inFen(90_000) },
  // Transposed digits: 25,630 keyed as 26,530.
  { date: "2026-09-05", doc: "XSCK-2026-0903", summary: "进货", purchase: inFen(26_530), payment: NONE },
  { date: "2026-09-08", doc: "FK-0908", summary: "付货款", purchase: NONE, payment: inFen(50_000) },
  { date: "2026-09-10", doc: "FK-0910", summary: "付货款", purchase: NONE, payment: inFen(30_000) },
  // Wrong amount: 90 yuan short.
  { date: "2026-09-17", doc: "XSCK-2026-0915", summary: "进货", purchase: inFen(36_710), payment: NONE },
  { date: "2026-09-26", doc: "XSCK-2026-0924", summary: "进货", purchase: inFen(51_260), payment: NONE },
  { date: "2026-10-09", doc: "FK-1009", summary: "付货款", purchase: NONE, payment: inFen(60_000) },
  { date: "2026-10-16", doc: "XSTH-2026-1015", summary: "退货", purchase: negFen(inFen(3_200)), payment: NONE },
  { date: "2026-10-22", doc: "XSCK-2026-1020", summary: "进货", purchase: inFen(47_500), payment: NONE },
  // Only the dealer booked these two.
  { date: "2026-10-25", doc: "FL-2026Q3", summary: "三季度返利冲抵货款", purchase: NONE, payment: inFen(12_000) },
  { date: "2026-10-31", doc: "CD-1031", summary: "银行承兑汇票付款", purchase: NONE, payment: inFen(100_000) },
];
const STATEMENT_OPENING = inFen(120_000);

/** Several dealers in one hand-kept list, with terms and reps, for aging. */
interface ListLine {
  dealer: string;
  date: string;
  doc: string;
  summary: string;
  shipped: Fen;
  received: Fen;
  term: number;
  rep: string;
}

const LIST: ListLine[] = [
  { dealer: "杭州美达商贸有限公司", date: "2026-08-05", doc: "XSCK-2026-0805", summary: "发货", shipped: inFen(63_000), received: NONE, term: 30, rep: "王磊" },
  { dealer: "宁波顺和电器有限公司", date: "2026-06-18", doc: "XSCK-2026-0618", summary: "发货", shipped: inFen(74_500), received: NONE, term: 60, rep: "李娜" },
  { dealer: "宁波顺和电器有限公司", date: "2026-07-30", doc: "HK-0730", summary: "回款", shipped: NONE, received: inFen(40_000), term: 60, rep: "李娜" },
  { dealer: "温州瑞丰五金经营部", date: "2026-09-12", doc: "XSCK-2026-0912", summary: "发货", shipped: inFen(18_260), received: NONE, term: 45, rep: "王磊" },
  { dealer: "宁波顺和电器有限公司", date: "2026-09-20", doc: "XSCK-2026-0920", summary: "发货", shipped: inFen(56_800), received: NONE, term: 60, rep: "李娜" },
  { dealer: "绍兴百佳家电有限公司", date: "2026-10-08", doc: "XSCK-2026-1008", summary: "发货", shipped: inFen(32_400), received: NONE, term: 30, rep: "张强" },
  { dealer: "温州瑞丰五金经营部", date: "2026-10-10", doc: "HK-1010", summary: "回款", shipped: NONE, received: inFen(10_000), term: 45, rep: "王磊" },
  { dealer: "绍兴百佳家电有限公司", date: "2026-10-26", doc: "XSCK-2026-1026", summary: "发货", shipped: inFen(21_900), received: NONE, term: 30, rep: "张强" },
  { dealer: "杭州美达商贸有限公司", date: "2026-10-20", doc: "XSCK-2026-1020", summary: "发货", shipped: inFen(47_500), received: NONE, term: 30, rep: "王磊" },
  { dealer: "绍兴百佳家电有限公司", date: "2026-11-02", doc: "HK-1102", summary: "回款", shipped: NONE, received: inFen(20_000), term: 30, rep: "张强" },
  { dealer: "宁波顺和电器有限公司", date: "2026-11-06", doc: "XSCK-2026-1106", summary: "发货", shipped: inFen(29_700), received: NONE, term: 60, rep: "李娜" },
  { dealer: "温州瑞丰五金经营部", date: "2026-11-15", doc: "XSCK-2026-1115", summary: "发货", shipped: inFen(12_880), received: NONE, term: 45, rep: "王磊" },
];

const MONEY = "#,##0.00";
const DATE = "yyyy-mm-dd";

const money = (amount: Fen): Yuan => fenToYuan(amount);
const moneyOrBlank = (amount: Fen): Yuan | null => (amount === 0 ? null : money(amount));
const monthOf = (iso: string): string => iso.slice(0, 7);
const direction = (balance: number): string => (balance > 0 ? "借" : balance < 0 ? "贷" : "平");

function kingdeeLedger(): SheetSpec {
  const rows: OutRow[] = [
    [{ value: "应收账款明细账", bold: true, fontSize: 14, align: "center", mergeAcross: 7 }],
    [`核算项目：客户-${SAMPLE_DEALER}`],
    ["期间：2026年7期至2026年10期", null, null, null, null, null, "币别：人民币"],
    ["日期", "凭证字号", "摘要", "对方科目", "借方", "贷方", "方向", "余额"].map((h) => ({ value: h, bold: true, align: "center" as const, border: true })),
    [{ date: "2026-07-01" }, null, "期初余额", null, null, null, direction(LEDGER_OPENING), money(LEDGER_OPENING)],
  ];
  let balance = LEDGER_OPENING;
  let yearDebit = NONE;
  let yearCredit = NONE;
  const months = [...new Set(LEDGER.map((t) => monthOf(t.date)))];
  for (const month of months) {
    let debit = NONE;
    let credit = NONE;
    for (const t of LEDGER.filter((x) => monthOf(x.date) === month)) {
      balance = addFen(balance, t.amount);
      // A return is a red-ink (negative) debit in Kingdee, not a credit.
      const isReturn = t.summary.startsWith("销售退回");
      const d = t.amount > 0 || isReturn ? t.amount : NONE;
      const c = t.amount < 0 && !isReturn ? negFen(t.amount) : NONE;
      debit = addFen(debit, d);
      credit = addFen(credit, c);
      rows.push([{ date: t.date }, t.voucher ?? null, t.summary, d !== 0 ? "主营业务收入" : "银行存款", moneyOrBlank(d), moneyOrBlank(c), direction(balance), money(balance)]);
    }
    yearDebit = addFen(yearDebit, debit);
    yearCredit = addFen(yearCredit, credit);
    const lastDay = `${month}-${month.endsWith("09") ? "30" : "31"}`;
    rows.push([{ date: lastDay }, null, "本月合计", null, money(debit), money(credit), direction(balance), money(balance)]);
    rows.push([{ date: lastDay }, null, "本年累计", null, money(yearDebit), money(yearCredit), direction(balance), money(balance)]);
  }
  return {
    name: SAMPLE_LEDGER_SHEET,
    rows,
    columnWidths: [12, 10, 28, 14, 14, 14, 6, 14],
    columnFormats: [DATE, null, null, null, MONEY, MONEY, null, MONEY],
    freezeRows: 4,
  };
}

function dealerStatement(): SheetSpec {
  const rows: OutRow[] = [
    [{ value: `${SAMPLE_DEALER} 往来对账单`, bold: true, fontSize: 14, align: "center", mergeAcross: 5 }],
    [`供应商：${SAMPLE_COMPANY}`, null, null, "期间：2026-07-01 至 2026-10-31"],
    ["日期", "单据号", "摘要", "进货金额", "付款金额", "余额"].map((h) => ({ value: h, bold: true, align: "center" as const, border: true })),
    ["2026/7/1", null, "上期结余", null, null, money(STATEMENT_OPENING)],
  ];
  let balance = STATEMENT_OPENING;
  for (const s of STATEMENT) {
    balance = addFen(balance, subFen(s.purchase, s.payment));
    // Dealers type dates as text more often than not.
    const [y, m, d] = s.date.split("-").map(Number);
    rows.push([`${y}/${m}/${d}`, s.doc, s.summary, moneyOrBlank(s.purchase), moneyOrBlank(s.payment), money(balance)]);
  }
  rows.push([null, null, "合计", money(sumFen(STATEMENT, (s) => s.purchase)), money(sumFen(STATEMENT, (s) => s.payment)), money(balance)]);
  rows.push([]);
  rows.push(["制表：财务部 陈静", null, null, "日期：2026年11月3日"]);
  return {
    name: SAMPLE_STATEMENT_SHEET,
    rows,
    columnWidths: [12, 18, 22, 14, 14, 14],
    columnFormats: [null, null, null, MONEY, MONEY, MONEY],
    freezeRows: 3,
  };
}

function handList(): SheetSpec {
  const rows: OutRow[] = [
    ["客户名称", "日期", "单号", "摘要", "发货金额", "回款金额", "账期(天)", "业务员"].map((h) => ({ value: h, bold: true, border: true })),
  ];
  for (const l of [...LIST].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    rows.push([l.dealer, { date: l.date }, l.doc, l.summary, moneyOrBlank(l.shipped), moneyOrBlank(l.received), l.term, l.rep]);
  }
  return {
    name: SAMPLE_LIST_SHEET,
    rows,
    columnWidths: [24, 12, 16, 10, 14, 14, 10, 10],
    columnFormats: [null, DATE, null, null, MONEY, MONEY, "0", null],
    freezeRows: 1,
    filterRow: 1,
  };
}

/** The sample workbook's sheets, in tab order. */
/** 本公司信息 as finance staff keep it; the account is text, so Excel keeps all its figures. */
function companySheet(): SheetSpec {
  const details: Record<string, string> = {
    本公司名称: SAMPLE_COMPANY,
    本公司地址: "浙江省杭州市余杭区良渚街道恒达路 18 号",
    本公司联系人: "财务部 陈静",
    电话: "0571-8888 6021",
    开户行: "中国工商银行杭州余杭支行",
    账号: "1202 0210 0920 0012 345",
  };
  const rows: OutRow[] = [
    [{ value: "项目", bold: true }, { value: "内容", bold: true }],
    ...Object.entries(details).map(([k, v]): OutRow => [k, v]),
  ];
  return { name: SAMPLE_COMPANY_SHEET, rows, columnWidths: [14, 40] };
}

export function sampleSheets(): SheetSpec[] {
  return [kingdeeLedger(), dealerStatement(), handList(), companySheet()];
}
