/**
 * What the letters part tells the user, in Chinese first and English, from the codes the core returns.
 */
import { formatFenGrouped } from "../money";
import type { CompanyProblem } from "./company";
import type { LetterProblem } from "./letter";
import type { RegisterNotice, RegisterProblem } from "./register";
import type { FillWarning, Lang, TemplateProblem } from "./types";

const at = (p: { sheet: string; cell: string }, zh: boolean) => (zh ? `工作表“${p.sheet}”单元格 ${p.cell}` : `Sheet "${p.sheet}", cell ${p.cell}`);

/** One sentence naming the cell, what was found and what to do. */
export function describeTemplateProblem(p: TemplateProblem, lang: Lang): string {
  const zh = lang === "zh-CN";
  const where = at(p, zh);
  const f = p.found;
  switch (p.code) {
    case "unknown_placeholder":
      return zh
        ? `${where}：不认识占位符 ${f}。请改为可用的字段名（如 {{客户名称}}、{{余额}}、{{余额大写}}），或删去花括号。`
        : `${where}: unknown placeholder ${f}. Use one of the available fields (e.g. {{客户名称}}, {{余额}}, {{余额大写}}) or remove the braces.`;
    case "unclosed_placeholder":
      return zh
        ? `${where}：“${f}”中的花括号不成对。占位符应写成 {{字段名}}。`
        : `${where}: the braces in "${f}" do not pair up. Write a placeholder as {{字段名}}.`;
    case "detail_field_outside_block":
      return zh
        ? `${where}：明细字段 ${f} 只能写在 {{#明细}} 与 {{/明细}} 两行之间。`
        : `${where}: the detail field ${f} may only stand between the {{#明细}} and {{/明细}} rows.`;
    case "unknown_block":
      return zh ? `${where}：不认识区块 ${f}，可重复的区块只有 {{#明细}}……{{/明细}}。` : `${where}: unknown block ${f}; the only repeated block is {{#明细}} … {{/明细}}.`;
    case "unclosed_block":
      return zh ? `${where}：{{#明细}} 之后没有 {{/明细}}。请在明细行下方加一行写 {{/明细}}。` : `${where}: {{#明细}} is never closed. Add a row holding {{/明细}} below the detail rows.`;
    case "block_end_without_start":
      return zh ? `${where}：{{/明细}} 之前没有 {{#明细}}。` : `${where}: {{/明细}} has no {{#明细}} above it.`;
    case "nested_block":
      return zh ? `${where}：明细区块不能套在另一个明细区块里，请先用 {{/明细}} 结束上一个。` : `${where}: a 明细 block cannot sit inside another; close the first with {{/明细}}.`;
    case "marker_row_has_text":
      return zh
        ? `${where}：写有 {{#明细}} 或 {{/明细}} 的行不会出现在函件中，这一行的“${f}”会丢失。请把它移到别的行。`
        : `${where}: the row holding {{#明细}} or {{/明细}} is not copied into the letters, so "${f}" would be lost. Move it to another row.`;
    case "merge_crosses_block":
      return zh
        ? `${where}：合并单元格 ${f} 跨过了明细区块的边界。请让合并单元格完全在区块之内或之外。`
        : `${where}: the merged cells ${f} cross the edge of the 明细 block. Keep merges wholly inside or outside the block.`;
  }
}

export function describeFillWarning(w: FillWarning, lang: Lang): string {
  const zh = lang === "zh-CN";
  switch (w.code) {
    case "missing_company_detail":
      return zh
        ? `“本公司信息”中没有“${w.field}”，函件中已留出横线待手工填写。请在“本公司信息”工作表中补上。`
        : `The company details have no ${w.field}; the letters leave a line to fill in by hand. Add it on the 本公司信息 sheet.`;
    case "missing_dealer_detail":
      return zh ? `客户的“${w.field}”未知，函件中已留出横线待手工填写。` : `The dealer's ${w.field} is not known; the letters leave a line to fill in by hand.`;
    case "missing_field":
      return zh ? `字段“${w.field}”没有值，函件中已留出横线待手工填写。` : `The field ${w.field} has no value; the letters leave a line to fill in by hand.`;
  }
}

export function describeLetterProblem(p: LetterProblem, lang: Lang): string {
  const zh = lang === "zh-CN";
  switch (p.code) {
    case "balance_mismatch":
      return zh
        ? `客户“${p.dealer}”：期初余额 ${formatFenGrouped(p.opening)} 加本期发生额 ${formatFenGrouped(p.movements)} 不等于截至日余额 ${formatFenGrouped(p.balance)}，未生成对账函。请检查期间起始日和明细。`
        : `Dealer "${p.dealer}": the opening balance ${formatFenGrouped(p.opening)} plus the period's movements ${formatFenGrouped(p.movements)} do not make the balance ${formatFenGrouped(p.balance)}; no letter was made. Check the period's start and its entries.`;
    case "amount_too_large":
      return zh
        ? `客户“${p.dealer}”：余额 ${formatFenGrouped(p.balance)} 超出大写金额能写的范围（999,999,999,999.99），请检查账簿。`
        : `Dealer "${p.dealer}": the balance ${formatFenGrouped(p.balance)} is beyond what 大写 can write (999,999,999,999.99); check the ledger.`;
    case "period_after_cutoff":
      return zh
        ? `客户“${p.dealer}”：明细起始日 ${p.periodStart} 晚于截至日期 ${p.asOf}。`
        : `Dealer "${p.dealer}": the period starts on ${p.periodStart}, after the cut-off ${p.asOf}.`;
  }
}

export function describeRegisterProblem(p: RegisterProblem, lang: Lang): string {
  const zh = lang === "zh-CN";
  const where = at(p, zh);
  const head = p.header ? (zh ? `（${p.header}）` : ` (${p.header})`) : "";
  switch (p.code) {
    case "no_header":
      return zh
        ? `工作表“${p.sheet}”不是函证登记簿：前 10 行中没有含“编号”和“客户名称”的表头。请改名或删除该表，以便重新建立登记簿。`
        : `Sheet "${p.sheet}" is not a letter register: no header with 编号 and 客户名称 in its first 10 rows. Rename or remove it so the register can be made.`;
    case "bad_date":
      return zh ? `${where}${head}：“${p.found}”不是有效日期，请写成 2026-12-01 这样的形式。` : `${where}${head}: "${p.found}" is not a valid date; write it as 2026-12-01.`;
    case "bad_amount":
      return zh ? `${where}${head}：“${p.found}”不是有效金额，请写成 1234.50 这样的数字。` : `${where}${head}: "${p.found}" is not a valid amount; write a number such as 1234.50.`;
    case "bad_result":
      return zh ? `${where}${head}：“${p.found}”应为“相符”“不符”或“未回”。` : `${where}${head}: "${p.found}" should be 相符 (agreed), 不符 (differs) or 未回 (no reply).`;
  }
}

export function describeRegisterNotice(n: RegisterNotice, lang: Lang): string {
  const zh = lang === "zh-CN";
  switch (n.code) {
    case "already_sent":
      return zh
        ? `客户“${n.dealer}”同一截至日的对账函 ${n.number} 已${n.sentOn ? `于 ${n.sentOn} ` : ""}发出（登记簿第 ${n.row} 行），本次使用新编号。`
        : `A letter for "${n.dealer}" at this cut-off (${n.number}, register row ${n.row}) was already sent${n.sentOn ? ` on ${n.sentOn}` : ""}; this one gets a new number.`;
    case "column_added":
      return zh ? `登记簿缺少“${n.column}”列，已在 ${n.at} 添加。` : `The register had no ${n.column} column; it was added at ${n.at}.`;
  }
}

export function describeCompanyProblem(p: CompanyProblem, lang: Lang): string {
  return lang === "zh-CN"
    ? `${at(p, true)}：账号“${p.found}”以数字形式保存，Excel 只保留 15 位有效数字，后几位已丢失。请把该单元格设为文本格式后重新输入。`
    : `${at(p, false)}: the account "${p.found}" is stored as a number, and Excel keeps only 15 significant figures, so its last figures are lost. Format the cell as text and type it again.`;
}

export type LetterSkipReason = "zero_balance";

export function describeLetterSkip(reason: LetterSkipReason, lang: Lang): string {
  switch (reason) {
    case "zero_balance":
      return lang === "zh-CN" ? "截至日余额为零，未生成对账函" : "the balance at the cut-off is zero; no letter made";
  }
}
