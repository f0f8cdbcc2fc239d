/** 催收（催款函、还款承诺书、诉讼时效）的文字（中文）。 */
import type { CollectMessages } from "../../core/collect/messages";
import type { MessageTable } from "../table";

export const collectZh: MessageTable<CollectMessages> = {
  "collect.level.within_grace": "最早逾期款项仍在三分之一账期内（到期 {oldestDue}，最终期限 {finalDate}）",
  "collect.level.past_final": "{ref}已过最终收款期限 {finalDate}",
  "collect.level.past_final.unnamed": "有款项已过最终收款期限 {finalDate}",
  "collect.level.level2_unanswered": "催款函 {number} 限期 {deadline} 已过，欠款仍未付清",
  "collect.level.commitment_missed": "还款承诺书 {number} 第 {installment} 期（{date}）未按期付款：承诺未履行",
  "collect.level.chosen": "用户指定",
  "collect.skip.nothing_overdue": "截至日没有逾期未收款项，未生成催款函",
  "collect.skip.all_under_reconciliation": "逾期款项均在待核对中（对账发现差异），未生成催款函",
  "collect.skip.amount_too_large": "逾期合计超出大写金额能写的范围，请检查账簿",
  "collect.basis_kind.due": "到期日",
  "collect.basis_kind.payment": "付款",
  "collect.basis_kind.reply_agreed": "对账函回函相符",
  "collect.basis_kind.reply_differs": "对账函回函不符（载明金额）",
  "collect.basis_kind.demand_signed": "催款函签收",
  "collect.basis_kind.commitment_signed": "还款承诺书签署",
  "collect.basis": "{kind:msg}（{date}）",
  "collect.basis.numbered": "{kind:msg} {number}（{date}）",
  "collect.limitation.running": "时效内",
  "collect.limitation.expiring": "时效将届满：请取得对方确认（对账函回执、还款承诺书或付款）",
  "collect.limitation.expired": "可能已过诉讼时效：请咨询法律意见",
  "collect.installment.paid": "已付",
  "collect.installment.partial": "部分已付",
  "collect.installment.missed": "逾期未付",
  "collect.installment.due": "未到期",
};
