/** 信用（申请表、评分标准、信用档案）的文字（中文）。 */
import type { CreditMessages } from "../../core/credit/messages";
import type { MessageTable } from "../table";

export const creditZh: MessageTable<CreditMessages> = {
  "credit.application.error": "工作表“{sheet}”单元格 {cell}（{field}）：{what:msg}",
  "credit.field.blank": "必填，未填写",
  "credit.field.missing": "找不到“{label}”这一项（必填）",
  "credit.field.not_choice": "“{found}”不是可选值（{choices:list}）",
  "credit.field.not_date": "“{found}”不是有效日期（如 2026-11-30）",
  "credit.field.not_yuan": "“{found}”须为大于或等于 0 的整数金额（元）",
  "credit.field.not_wan": "“{found}”须为大于或等于 0 的数（万元）",
  "credit.field.not_days": "“{found}”须为 0 到 3650 的整数天数",
  "credit.scorecard.unknown_item": "第 {row} 行：不认识的项目“{found}”",
  "credit.scorecard.bad_condition": "第 {row} 行（B列）：条件“{found}”应写成“≥ 3”“≤ 30”“其他”或“无记录”",
  "credit.scorecard.bad_points": "第 {row} 行（C列）：分值须为 0 或以上的数",
  "credit.scorecard.bad_grade": "第 {row} 行：等级“{grade}”的最低分、额度系数、账期须为 0 或以上的数（账期为整数天）",
  "credit.scorecard.bad_cap": "“{label}”须是表中的一个等级（{grades:list}）",
  "credit.register.bad_limit": "{sheet} {cell}：信用额度“{found}”不是有效金额",
  "credit.register.bad_term": "{sheet} {cell}：账期“{found}”不是有效天数",
};
