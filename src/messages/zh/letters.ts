/** 函证（对账函、登记簿、本公司信息）的文字（中文）。 */
import type { LettersMessages } from "../../core/letters/messages";
import type { MessageTable } from "../table";

export const lettersZh: MessageTable<LettersMessages> = {
  "letters.at": "工作表“{sheet}”单元格 {cell}",
  "letters.at.header": "工作表“{sheet}”单元格 {cell}（{header}）",
  "letters.template.unknown_placeholder": "{at:msg}：不认识占位符 {found}。请改为可用的字段名（如 {{客户名称}}、{{余额}}、{{余额大写}}），或删去花括号。",
  "letters.template.unclosed_placeholder": "{at:msg}：“{found}”中的花括号不成对。占位符应写成 {{字段名}}。",
  "letters.template.detail_field_outside_block": "{at:msg}：明细字段 {found} 只能写在 {{#明细}} 与 {{/明细}} 两行之间。",
  "letters.template.unknown_block": "{at:msg}：不认识区块 {found}，可重复的区块只有 {{#明细}}……{{/明细}}。",
  "letters.template.unclosed_block": "{at:msg}：{{#明细}} 之后没有 {{/明细}}。请在明细行下方加一行写 {{/明细}}。",
  "letters.template.block_end_without_start": "{at:msg}：{{/明细}} 之前没有 {{#明细}}。",
  "letters.template.nested_block": "{at:msg}：明细区块不能套在另一个明细区块里，请先用 {{/明细}} 结束上一个。",
  "letters.template.marker_row_has_text": "{at:msg}：写有 {{#明细}} 或 {{/明细}} 的行不会出现在函件中，这一行的“{found}”会丢失。请把它移到别的行。",
  "letters.template.merge_crosses_block": "{at:msg}：合并单元格 {found} 跨过了明细区块的边界。请让合并单元格完全在区块之内或之外。",
  "letters.fill.missing_company_detail": "“本公司信息”中没有“{field}”，函件中已留出横线待手工填写。请在“本公司信息”工作表中补上。",
  "letters.fill.missing_dealer_detail": "客户的“{field}”未知，函件中已留出横线待手工填写。",
  "letters.fill.missing_field": "字段“{field}”没有值，函件中已留出横线待手工填写。",
  "letters.letter.balance_mismatch":
    "客户“{dealer}”：期初余额 {opening:money} 加本期发生额 {movements:money} 不等于截至日余额 {balance:money}，未生成对账函。请检查期间起始日和明细。",
  "letters.letter.amount_too_large": "客户“{dealer}”：余额 {balance:money} 超出大写金额能写的范围（999,999,999,999.99），请检查账簿。",
  "letters.letter.period_after_cutoff": "客户“{dealer}”：明细起始日 {periodStart} 晚于截至日期 {asOf}。",
  "letters.template.sheet_missing": "找不到模板工作表：{sheet}",
  "letters.skip.zero_balance": "截至日余额为零，未生成对账函",
  "letters.skip.not_in_ledger": "台账“{sheet}”中没有这家经销商",
  "letters.skip.balance_row_unreadable": "{problem:msg} 余额表的这一行无法读取，不知道这家经销商的余额，未生成对账函",
  "letters.skip.balance_row_off": "余额表“{sheet}”第 {row} 行不平：期初 + 借方 − 贷方 = {expected:money}，期末余额却是 {found:money}；请先核对该行，未生成对账函",
  "letters.register.no_header": "工作表“{sheet}”不是函证登记簿：前 10 行中没有含“编号”和“客户名称”的表头。请改名或删除该表，以便重新建立登记簿。",
  "letters.register.bad_date": "{at:msg}：“{found}”不是有效日期，请写成 2026-12-01 这样的形式。",
  "letters.register.bad_amount": "{at:msg}：“{found}”不是有效金额，请写成 1234.50 这样的数字。",
  "letters.register.bad_result": "{at:msg}：“{found}”应为“相符”“不符”或“未回”。",
  "letters.register.already_sent": "客户“{dealer}”同一截至日的对账函 {number} 已发出（登记簿第 {row} 行），本次使用新编号。",
  "letters.register.already_sent.on": "客户“{dealer}”同一截至日的对账函 {number} 已于 {sentOn} 发出（登记簿第 {row} 行），本次使用新编号。",
  "letters.register.column_added": "登记簿缺少“{column}”列，已在 {at} 添加。",
  "letters.company.account_stored_as_number":
    "{at:msg}：账号“{found}”以数字形式保存，Excel 只保留 15 位有效数字，后几位已丢失。请把该单元格设为文本格式后重新输入。",
  "letters.company.missing": "没有找到“{sheet}”工作表（两列：项目 | 内容）：函中本公司名称、地址、电话、开户行、账号留空待手填",
  "letters.formats_not_carried":
    "这个版本的 Excel 不能复制格式：对账函只写入了内容，模板的字体、边框和数字格式未带过来（Microsoft 365、Office 2021 及更新版本的 Excel 和 Excel 网页版可以带上）",
};
