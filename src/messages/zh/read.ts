/** 读表的文字（中文）。 */
import type { ReadMessages } from "../../core/read/messages";
import type { MessageTable } from "../table";

export const readZh: MessageTable<ReadMessages> = {
  "read.at.cell": "工作表“{sheet}”单元格 {cell}",
  "read.at.cell_header": "工作表“{sheet}”单元格 {cell}（{header}）",
  "read.at.row": "工作表“{sheet}”第 {row} 行",
  "read.issue.no_header": "{at:msg}：在前 60 行中没有找到表头（需要至少“日期”和“借方/贷方”或“金额”等列名）。请检查工作表，或手动指定各列。",
  "read.issue.no_amount_column": "{at:msg}：表头中没有金额列（借方、贷方、发货金额、回款金额或金额）。请手动指定金额列。",
  "read.issue.no_date_column": "{at:msg}：表头中没有日期列（日期，或“月”“日”两列）。请手动指定日期列。",
  "read.issue.map_not_found": "{at:msg}：找不到指定的列“{found}”。请使用表头中的列名、列字母（如 E）或列号。",
  "read.issue.bad_date": "{at:msg}：“{found}”不是有效日期。请写成 2026-01-05 或 2026年1月5日 这样的形式。",
  "read.issue.missing_date": "{at:msg}：这一行没有日期，上方也没有可沿用的日期。请填写日期。",
  "read.issue.missing_year": "{at:msg}：“{found}”没有年份，标题中也找不到年份。请在标题中写明年份（如“2026年”）或指定年份。",
  "read.issue.bad_amount": "{at:msg}：“{found}”不是有效金额。请写成 1234.50 或 1,234.50 这样的数字（负数可写作 -1234.50 或 (1,234.50)）。",
  "read.issue.bad_direction": "{at:msg}：方向“{found}”无法识别，应为“借”“贷”或“平”。",
  "read.issue.uncomputed_formula": "{at:msg}：公式没有保存结果：请在 Excel 中打开这个文件并保存，再读取。",
  "read.issue.formula_error": "{at:msg}：公式的结果是错误值“{found}”。请改正这个单元格的公式（或它引用的单元格），在 Excel 中保存后再读取。",
  "read.unread.what.uncomputed_formula": "的公式没有保存结果",
  "read.unread.what.formula_error": "的公式结果是错误值「{found}」",
  "read.unread.fix.uncomputed_formula": "请在 Excel 中打开这个文件并保存，再读取",
  "read.unread.fix.formula_error": "请改正这个单元格的公式（或它引用的单元格），保存后再读取",
  "read.skip.title": "标题行",
  "read.skip.blank": "空行",
  "read.skip.header": "重复的表头行",
  "read.skip.opening": "期初余额（计入期初，不作为发生额）",
  "read.skip.carried": "承前页余额（仅用于核对余额）",
  "read.skip.total": "合计/小计行",
  "read.skip.other-dealer": "其他客户的行",
  "read.skip.no-amount": "没有金额的行",
  "read.skip.sign-off": "制表、审核等签字行",
};
