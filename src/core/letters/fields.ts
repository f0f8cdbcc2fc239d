/**
 * The placeholders a template may use. Names are the user's words and part of the template contract:
 * add names, never rename. 联系人 and 电话 alone are ambiguous in a letter between two companies; here
 * 联系人 is the dealer's contact (as the issue lists it with the dealer's details) and the company's own
 * contact is 本公司联系人, while 电话 is the company's telephone for replies (the dealer's is 客户电话).
 */

/** Fields of the letter as a whole. */
export const LETTER_FIELDS = [
  "编号",
  "客户名称",
  "客户地址",
  "联系人",
  "客户电话",
  "本公司名称",
  "本公司地址",
  "本公司联系人",
  "电话",
  "开户行",
  "账号",
  "截至日期",
  "起始日期",
  "发函日期",
  "回函截止日期",
  "余额",
  "余额大写",
  "方向",
  "贵公司欠本公司",
  "本公司欠贵公司",
  "期初余额",
  "本期增加",
  "本期减少",
  "期末余额",
  // Demand letters (催款函) and payment commitments (还款承诺书).
  "等级",
  "函件名称",
  "合计",
  "合计大写",
  "限期付款日期",
  "分期期数",
] as const;

/** Fields of one line of the 明细 block. 增加 / 减少 split 金额 into the two columns letters often show. */
export const DETAIL_FIELDS = ["日期", "单号", "摘要", "金额", "增加", "减少", "余额", "到期日", "最终收款期限", "逾期天数", "未收金额", "期数", "累计"] as const;

export type LetterField = (typeof LETTER_FIELDS)[number];
export type DetailField = (typeof DETAIL_FIELDS)[number];

/** The only repeated block: the period's movements or the open items, as the caller chooses. */
export const DETAIL_BLOCK = "明细";
/**
 * Other names the same block may go by, as a demand letter's overdue items (逾期明细) or a commitment's
 * installments (还款计划) read better in the template; a block opened under one name closes under any.
 */
export const DETAIL_BLOCK_NAMES: readonly string[] = [DETAIL_BLOCK, "逾期明细", "还款计划"];

const LETTER_SET: ReadonlySet<string> = new Set(LETTER_FIELDS);
const DETAIL_SET: ReadonlySet<string> = new Set(DETAIL_FIELDS);

export function isLetterField(name: string): name is LetterField {
  return LETTER_SET.has(name);
}

export function isDetailField(name: string): name is DetailField {
  return DETAIL_SET.has(name);
}

/** Company details: the 本公司信息 sheet's rows (项目 | 内容), by the field they fill. */
export const COMPANY_FIELDS = ["本公司名称", "本公司地址", "本公司联系人", "电话", "开户行", "账号"] as const;
export type CompanyField = (typeof COMPANY_FIELDS)[number];

/** Dealer details beyond the name. */
export const DEALER_FIELDS = ["客户地址", "联系人", "客户电话"] as const;
export type DealerField = (typeof DEALER_FIELDS)[number];
