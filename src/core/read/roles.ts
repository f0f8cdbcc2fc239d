/**
 * Column names to roles. Debit and credit words depend on the side: on a dealer's statement their 贷方
 * (应付增加, 进货) is our debit and their 借方 (付款, 应付减少) our credit.
 */
import type { Side } from "../model";
import { toHalfWidth } from "../values/text";
import type { Role } from "./types";

export interface RoleMatch {
  role: Role;
  confidence: number;
}

type Table = Map<string, RoleMatch>;

function table(groups: [Role, number, string][]): Table {
  const map: Table = new Map();
  for (const [role, confidence, words] of groups) {
    for (const word of words.split(" ")) map.set(word, { role, confidence });
  }
  return map;
}

const COMMON = table([
  ["date", 1, "日期 业务日期 单据日期 发货日期 凭证日期 记账日期 交易日期 开票日期 制单日期 入账日期 出库日期 收款日期 回款日期 付款日期 发生日期 过账日期 date"],
  ["year", 1, "年 年份 year"],
  ["month", 1, "月 月份 month"],
  ["day", 1, "日 day"],
  ["voucher", 1, "凭证字号 凭证号 凭证号数 凭证编号 凭证字 凭证 记账凭证号 voucher voucherno"],
  ["ref", 1, "单号 单据号 单据编号 单据号码 发票号 发票号码 出库单号 发货单号 订单号 销售单号 业务单号 送货单号 票据号 参考号 原单号 源单号 合同号 ref reference docno documentno invoiceno invoice"],
  ["ref", 0.7, "编号 号码 单据"],
  ["description", 1, "摘要 说明 内容 业务摘要 事由 摘要说明 description memo summary"],
  ["description", 0.6, "备注 remark remarks"],
  ["amount", 1, "金额 发生额 本期发生额 发生金额 amount"],
  ["direction", 1, "方向 借贷方向 借或贷 借/贷 余额方向 借贷 dr/cr"],
  ["balance", 1, "余额 应收余额 应付余额 期末余额 结余 累计余额 往来余额 欠款余额 balance"],
  ["dealer", 1, "客户 客户名称 经销商 经销商名称 往来单位 往来单位名称 核算项目 单位名称 客户全称 客户简称 购货单位 收货单位 customer dealer"],
  ["rep", 1, "业务员 销售员 业务代表 销售代表 跟单员 负责人 salesman rep salesrep"],
  ["rep", 0.6, "经办人"],
  ["term", 1, "账期 信用期 信用天数 账期天数 付款期限 信用期限 结算期 term creditdays"],
  ["counterAccount", 1, "对方科目 对方科目名称 对方账户"],
]);

const LEDGER = table([
  ["debit", 1, "借方 借方金额 借方发生额 发货金额 销售金额 应收 应收金额 应收增加 增加 本期增加 出库金额 开票金额 debit"],
  ["credit", 1, "贷方 贷方金额 贷方发生额 回款金额 收款金额 实收 实收金额 应收减少 减少 本期减少 回款 收款 已收 已收金额 credit"],
]);

const STATEMENT = table([
  ["debit", 1, "进货金额 进货 应付增加 采购金额 购货金额 应付 应付金额 增加 本期增加 入库金额 收货金额 贷方 贷方金额 贷方发生额"],
  ["credit", 1, "付款金额 付款 应付减少 已付 已付金额 实付 实付金额 还款金额 减少 本期减少 借方 借方金额 借方发生额"],
]);

/** Partial matches, most specific first (`应收余额` is a balance, not a debit). */
const CONTAINS_COMMON: [RegExp, Role][] = [
  [/余额|结余|balance/, "balance"],
  [/日期|date/, "date"],
  [/凭证/, "voucher"],
  [/摘要/, "description"],
  [/方向/, "direction"],
  [/客户|经销商|往来单位|customer/, "dealer"],
  [/业务员|销售员/, "rep"],
  [/账期|信用期/, "term"],
  [/单号|单据号|发票号|编号|票号/, "ref"],
];
const CONTAINS_LEDGER: [RegExp, Role][] = [
  [/借方|发货|应收增加|销售额|debit/, "debit"],
  [/贷方|回款|收款|实收|credit/, "credit"],
];
const CONTAINS_STATEMENT: [RegExp, Role][] = [
  [/进货|应付增加|采购|购货|贷方/, "debit"],
  [/付款|应付减少|已付|还款|借方/, "credit"],
];

/** Words found only in a dealer's own statement of what they owe us. */
export const STATEMENT_HEADER_WORDS = /进货|应付|采购金额|购货金额|付款金额|已付|实付/;

const HEADER_NOISE = /[\s:：*]/g;
const UNIT_SUFFIX = /[(（][^)）]*[)）]$/;

/** Header text as compared: half-width, lower case, no spaces, no unit suffix such as `(元)` or `(天)`. */
export function normaliseHeader(text: string): string {
  const t = toHalfWidth(text).toLowerCase().replace(HEADER_NOISE, "");
  const stripped = t.replace(UNIT_SUFFIX, "");
  return stripped === "" ? t : stripped;
}

export function matchHeader(header: string, side: Side): RoleMatch | null {
  if (header === "") return null;
  const sideTable = side === "statement" ? STATEMENT : LEDGER;
  const exact = sideTable.get(header) ?? COMMON.get(header);
  if (exact) return exact;
  if (header.length > 12) return null;
  for (const [re, role] of CONTAINS_COMMON) if (re.test(header)) return { role, confidence: 0.7 };
  for (const [re, role] of side === "statement" ? CONTAINS_STATEMENT : CONTAINS_LEDGER) {
    if (re.test(header)) return { role, confidence: 0.7 };
  }
  if (header.includes("金额")) return { role: "amount", confidence: 0.5 };
  return null;
}

/** Either side's reading of a header, used while the side is not yet known. */
export function matchHeaderAnySide(header: string): RoleMatch | null {
  return matchHeader(header, "ledger") ?? matchHeader(header, "statement");
}
