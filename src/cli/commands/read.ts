import { fen, formatFen, formatFenGrouped, subFen, sumFen, type Fen } from "../../core/money";
import { columnLetter, entriesOf, type BalanceTable, type ReadResult, type Role, type SkipReason } from "../../core/read";
import { combinedOf, sheetsOf } from "../../core/read/sheets-of";
import { balanceCellIssue } from "../../core/read/balances";
import { describeReadIssue, describeSkipReason } from "../../messages/read";
import { fatalReadIssue, readBalanceSheet, readSheet } from "../../app/read";
import type { Lang } from "../../app/lang";
import type { Context, Values } from "../options";
import { optionalDate, optionalString, parseMap, say, stringList } from "../options";
import { EXIT_OK, UsageError } from "../errors";
import { chooseLedgerSheets, openInputFile } from "../files";
import { writeJson } from "../json-stream";
import { renderTable } from "../table";

export async function commandRead(ctx: Context, values: Values, positionals: string[]): Promise<number> {
  const file = positionals[0];
  if (!file) throw new UsageError(say(ctx.lang, "缺少文件：duizhang read FILE", "missing file: duizhang read FILE"));
  const side = optionalString(values, "side");
  if (side !== undefined && side !== "ledger" && side !== "statement") {
    throw new UsageError(say(ctx.lang, `--side 须为 ledger 或 statement：${side}`, `--side must be ledger or statement: ${side}`));
  }
  const map = parseMap(ctx, optionalString(values, "map"));
  const asOf = optionalDate(ctx, values, "as-of");
  const opened = await openInputFile(file, ctx.io.cwd, ctx.lang);
  const sheets = await chooseLedgerSheets(opened, stringList(values, "sheet"), optionalString(values, "sheets"), ctx.lang, file);
  const result = await readSheet(opened.port, sheets[0], { side, dealer: optionalString(values, "dealer"), map, asOf, ...(sheets.length > 1 ? { sheets } : {}) });
  // A sheet that is no ledger may be a balance table: one row per dealer, no dates.
  const table = sheets.length === 1 && fatalReadIssue(result) !== null ? await readBalanceSheet(opened.port, sheets[0], asOf) : null;
  if (table !== null) {
    if (values.json) await writeJson(ctx.io, balanceTableJson(table));
    else ctx.io.out(balanceTableText(table, ctx.lang));
    return EXIT_OK;
  }
  if (values.json) {
    await writeJson(ctx.io, readJson(result, ctx.lang, values.entries === true));
  } else {
    ctx.io.out(readText(result, ctx.lang));
  }
  return EXIT_OK;
}

/** The JSON of `duizhang read`: what was understood, counted and found wrong. */
export function readJson(r: ReadResult, lang: Lang, withEntries: boolean): object {
  const json: Record<string, unknown> = {
    sheet: r.sheet,
    side: r.side,
    sideSource: r.sideSource,
    headerRows: r.headerRows,
    dealer: r.dealer,
    dealers: r.dealers,
    mapping: Object.fromEntries(
      Object.entries(r.mapping).map(([role, m]) => [role, { column: columnLetter(m!.column), columnNumber: m!.column, header: m!.header, confidence: m!.confidence, source: m!.source }]),
    ),
    counts: { entries: r.table.length, openings: r.openings.length, skipped: r.skipped.length, errors: r.errors.length, hiddenRows: r.hiddenRowCount },
    openingBalance: formatFen(r.openingBalance),
    closingBalance: formatFen(r.closingBalance),
    asOf: r.asOf ?? null,
    balanceCheck: {
      checked: r.balanceCheck.checked,
      firstMismatchRow: r.balanceCheck.firstMismatchRow,
      expected: r.balanceCheck.expected === undefined ? null : formatFen(r.balanceCheck.expected),
      found: r.balanceCheck.found === undefined ? null : formatFen(r.balanceCheck.found),
      mismatches: r.balanceCheck.mismatches,
      ...(r.balanceCheck.firstMismatchSheet !== undefined ? { firstMismatchSheet: r.balanceCheck.firstMismatchSheet } : {}),
    },
    blocks: (r.blocks ?? []).map((b) => ({
      dealer: b.dealer,
      titleRow: b.titleRow,
      lastRow: b.lastRow,
      entries: b.entries,
      openingBalance: formatFen(b.openingBalance),
      closingBalance: formatFen(b.closingBalance),
    })),
    skipped: r.skipped.map((s) => ({ ...(s.sheet !== undefined ? { sheet: s.sheet } : {}), row: s.row, reason: s.reason, text: s.text })),
    errors: r.errors.map((e) => ({ ...e, message: describeReadIssue(e, lang) })),
  };
  Object.assign(json, sheetsJson(r));
  if (withEntries) {
    json.entries = entriesOf(r.table).map((e) => ({ sheet: e.sheet, row: e.row, date: e.date, ref: e.ref, refs: e.refs, voucher: e.voucher, description: e.description, amount: formatFen(e.amount), dealer: e.dealer, rep: e.rep, termDays: e.termDays, afterAsOf: e.afterAsOf }));
  }
  return json;
}

/** For a ledger read over several sheets: the sheets, the carry-overs checked and the layouts that differ; else nothing. */
export function sheetsJson(r: ReadResult): Record<string, unknown> {
  const combined = combinedOf(r);
  if (combined === null) return {};
  return {
    sheets: combined.sheets,
    carried: combined.carried.map((c) => ({ sheet: c.sheet, row: c.row, dealer: c.dealer, expected: formatFen(c.expected), found: formatFen(c.found), agrees: c.agrees })),
    layoutDifferences: combined.layoutDifferences,
  };
}

const ROLE_TEXT: Record<Role, [string, string]> = {
  date: ["日期", "date"],
  year: ["年", "year"],
  month: ["月", "month"],
  day: ["日", "day"],
  ref: ["单号", "reference"],
  voucher: ["凭证号", "voucher"],
  description: ["摘要", "description"],
  debit: ["借方/增加", "debit"],
  credit: ["贷方/减少", "credit"],
  amount: ["金额", "amount"],
  direction: ["方向", "direction"],
  balance: ["余额", "balance"],
  dealer: ["经销商", "dealer"],
  rep: ["业务员", "rep"],
  term: ["账期", "term"],
  counterAccount: ["对方科目", "counter account"],
};

export function roleText(role: Role, lang: Lang): string {
  return ROLE_TEXT[role][lang === "en-US" ? 1 : 0];
}

function readText(r: ReadResult, lang: Lang): string {
  const s = (zh: string, en: string) => (lang === "en-US" ? en : zh);
  const sideText = r.side === "ledger" ? s("我方台账", "our ledger") : s("经销商对账单", "dealer's statement");
  const lines: string[] = [];
  const read = sheetsOf(r);
  const many = read.length > 1;
  lines.push(many ? `${s("工作表", "Sheets")}: ${read.join("、")}  (${sideText}, ${s("合并为一本台账", "read as one ledger")})` : `${s("工作表", "Sheet")}: ${r.sheet}  (${sideText})`);
  lines.push(`${s("表头行", "Header rows")}: ${r.headerRows.join(", ") || s("未找到", "not found")}`);
  const mapRows = Object.entries(r.mapping).map(([role, m]) => [roleText(role as Role, lang), `${columnLetter(m!.column)}`, m!.header, `${Math.round(m!.confidence * 100)}%`, m!.source === "user" ? s("用户指定", "user") : s("自动识别", "detected")]);
  if (mapRows.length > 0) lines.push("", renderTable([s("角色", "Role"), s("列", "Col"), s("表头", "Header"), s("把握", "Conf."), s("来源", "Source")], mapRows, [3]));
  lines.push("");
  if (r.dealer) lines.push(`${s("经销商", "Dealer")}: ${r.dealer}`);
  else if (r.dealers.length > 0) lines.push(`${s("经销商", "Dealers")}: ${r.dealers.length} (${r.dealers.slice(0, 5).join("、")}${r.dealers.length > 5 ? "…" : ""})`);
  if ((r.blocks ?? []).length > 0) lines.push(...blocksText(r.blocks ?? [], lang));
  lines.push(`${s("分录", "Entries")}: ${r.table.length}`);
  lines.push(`${s("期初余额", "Opening balance")}: ${formatFenGrouped(r.openingBalance)}`);
  lines.push(`${s("期末余额", "Closing balance")}${r.asOf ? ` (${r.asOf})` : ""}: ${formatFenGrouped(r.closingBalance)}`);
  if (r.balanceCheck.checked) {
    lines.push(
      r.balanceCheck.firstMismatchRow === null
        ? s("余额列核对：逐行一致", "Balance column: agrees on every row")
        : s(`余额列核对：${r.balanceCheck.firstMismatchSheet !== undefined ? `工作表“${r.balanceCheck.firstMismatchSheet}”` : ""}第 ${r.balanceCheck.firstMismatchRow} 行起不一致（共 ${r.balanceCheck.mismatches} 处），可能漏记或错记一行`, `Balance column: first disagrees at row ${r.balanceCheck.firstMismatchRow} (${r.balanceCheck.mismatches} in all): a row may be missing or mistyped`),
    );
  }
  lines.push(...sheetsText(r, lang));
  const byReason = new Map<SkipReason, string[]>();
  for (const k of r.skipped) byReason.set(k.reason, [...(byReason.get(k.reason) ?? []), many && k.sheet !== undefined ? `${k.sheet}!${k.row}` : String(k.row)]);
  if (byReason.size > 0) {
    lines.push(`${s("跳过的行", "Skipped rows")}: ${r.skipped.length}`);
    for (const [reason, rows] of byReason) lines.push(`  ${describeSkipReason(reason, lang)}: ${rows.slice(0, 12).join(", ")}${rows.length > 12 ? " …" : ""}`);
  }
  if (r.errors.length > 0) {
    lines.push(`${s("问题", "Problems")}: ${r.errors.length}`);
    for (const e of r.errors.slice(0, 50)) lines.push(`  ${describeReadIssue(e, lang)}`);
    if (r.errors.length > 50) lines.push(s(`  ……另有 ${r.errors.length - 50} 处`, `  … and ${r.errors.length - 50} more`));
  } else {
    lines.push(s("问题：无", "Problems: none"));
  }
  return lines.join("\n");
}

/** Carry-over rows checked and sheets whose columns differ, for a ledger read over several sheets; nothing for one sheet. */
export function sheetsText(result: ReadResult, lang: Lang): string[] {
  const r = combinedOf(result);
  if (r === null || r.sheets.length < 2) return [];
  const s = (zh: string, en: string) => (lang === "en-US" ? en : zh);
  const lines: string[] = [];
  const opened = r.openings.map((o) => `${o.sheet}!${o.row}`).join(", ");
  if (opened !== "") lines.push(s(`期初余额取自：${opened}（只计一次）`, `Opening balance from: ${opened} (counted once)`));
  for (const c of r.carried) {
    const who = c.dealer ? `${c.dealer} ` : "";
    lines.push(
      c.agrees
        ? s(`  工作表“${c.sheet}”第 ${c.row} 行 ${who}期初/结转 ${formatFenGrouped(c.found)}：与上月结余一致`, `  sheet "${c.sheet}" row ${c.row} ${who}opening/carried ${formatFenGrouped(c.found)}: agrees with the balance carried`)
        : s(`  工作表“${c.sheet}”第 ${c.row} 行 ${who}期初/结转 ${formatFenGrouped(c.found)}，与前面各表结余 ${formatFenGrouped(c.expected)} 不符（差 ${formatFenGrouped(subFen(c.found, c.expected))}）：请核对是否漏记或重记`, `  sheet "${c.sheet}" row ${c.row} ${who}opening/carried ${formatFenGrouped(c.found)} differs from the balance carried from the sheets before, ${formatFenGrouped(c.expected)} (by ${formatFenGrouped(subFen(c.found, c.expected))}): check for a missing or doubled entry`),
    );
  }
  if (r.layoutDifferences.length === 0) lines.push(s("各表列结构相同", "All sheets have the same layout"));
  for (const d of r.layoutDifferences) {
    const parts: string[] = [];
    if (d.missing.length > 0) parts.push(s(`缺少 ${d.missing.map((x) => roleText(x, lang)).join("、")} 列`, `lacks ${d.missing.map((x) => roleText(x, lang)).join(", ")}`));
    if (d.extra.length > 0) parts.push(s(`多出 ${d.extra.map((x) => roleText(x, lang)).join("、")} 列`, `also has ${d.extra.map((x) => roleText(x, lang)).join(", ")}`));
    for (const n of d.renamed) parts.push(s(`${roleText(n.role, lang)} 列名为“${n.here}”（首表为“${n.first}”）`, `${roleText(n.role, lang)} is "${n.here}" (first sheet: "${n.first}")`));
    if (d.otherSide) parts.push(s("读作另一方（对账单/台账）", "reads as the other side (statement/ledger)"));
    lines.push(s(`列结构与首表“${r.sheets[0]}”不同：工作表“${d.sheet}”${parts.join("；")}`, `layout differs from the first sheet "${r.sheets[0]}": sheet "${d.sheet}" ${parts.join("; ")}`));
  }
  return lines;
}

/** A block export's blocks, one line each (the first 30), so the user sees every dealer was found. */
function blocksText(blocks: readonly NonNullable<ReadResult["blocks"]>[number][], lang: Lang): string[] {
  const s = (zh: string, en: string) => (lang === "en-US" ? en : zh);
  const rows = blocks.slice(0, 30).map((b) => [b.dealer ?? s("（未写明）", "(none named)"), `${b.titleRow}-${b.lastRow}`, String(b.entries), formatFenGrouped(b.openingBalance), formatFenGrouped(b.closingBalance)]);
  const lines = [s(`按客户分块：${blocks.length} 块`, `Blocks by dealer: ${blocks.length}`)];
  lines.push(renderTable([s("经销商", "Dealer"), s("行", "Rows"), s("分录", "Entries"), s("期初余额", "Opening"), s("期末余额", "Closing")], rows, [2, 3, 4]));
  if (blocks.length > rows.length) lines.push(s(`  ……另有 ${blocks.length - rows.length} 块`, `  … and ${blocks.length - rows.length} more`));
  return lines;
}

/** The JSON of `duizhang read` on a balance table (kind 余额表). */
export function balanceTableJson(t: BalanceTable): object {
  const sum = (pick: (r: BalanceTable["rows"][number]) => Fen | null) => formatFen(sumFen(t.rows, (r) => pick(r) ?? fen(0)));
  return {
    sheet: t.sheet,
    kind: "余额表",
    cutoff: t.cutoff,
    cutoffSource: t.cutoffSource,
    headerRows: t.headerRows,
    hasOpening: t.hasOpening,
    counts: { dealers: t.rows.length, mismatches: t.mismatches.length, skipped: t.skipped.length, unreadable: t.unreadable.length },
    totals: { opening: t.hasOpening ? sum((r) => r.opening) : null, debit: sum((r) => r.debit), credit: sum((r) => r.credit), closing: sum((r) => r.closing) },
    rows: t.rows.map((r) => ({ row: r.row, dealer: r.dealer, opening: r.opening === null ? null : formatFen(r.opening), debit: formatFen(r.debit), credit: formatFen(r.credit), closing: formatFen(r.closing) })),
    mismatches: t.mismatches.map((m) => ({ row: m.row, dealer: m.dealer, expected: formatFen(m.expected), found: formatFen(m.found) })),
    skipped: t.skipped,
    unreadable: t.unreadable.map((u) => ({ row: u.row, column: columnLetter(u.column), found: u.found, code: u.code, dealer: u.dealer })),
  };
}

function balanceTableText(t: BalanceTable, lang: Lang): string {
  const s = (zh: string, en: string) => (lang === "en-US" ? en : zh);
  const lines: string[] = [];
  lines.push(`${s("工作表", "Sheet")}: ${t.sheet}  (${s("余额表", "余额表, a balance table")})`);
  lines.push(`${s("表头行", "Header rows")}: ${t.headerRows.join(", ")}`);
  const source = t.cutoffSource === "user" ? s("（--as-of）", " (--as-of)") : t.cutoffSource === "title" ? s("（取自标题）", " (from the title)") : "";
  lines.push(`${s("截止日期", "Cut-off")}: ${t.cutoff ?? s("未写明（可用 --as-of 指定）", "not stated (give it with --as-of)")}${t.cutoff ? source : ""}`);
  lines.push(`${s("经销商", "Dealers")}: ${t.rows.length}`);
  const total = (pick: (r: BalanceTable["rows"][number]) => Fen | null) => formatFenGrouped(sumFen(t.rows, (r) => pick(r) ?? fen(0)));
  lines.push(
    renderTable(
      [s("行", "Row"), s("经销商", "Dealer"), s("期初余额", "Opening"), s("本期借方", "Debit"), s("本期贷方", "Credit"), s("期末余额", "Closing")],
      [
        ...t.rows.slice(0, 30).map((r) => [String(r.row), r.dealer, r.opening === null ? "-" : formatFenGrouped(r.opening), formatFenGrouped(r.debit), formatFenGrouped(r.credit), formatFenGrouped(r.closing)]),
        ["", s("合计", "Total"), t.hasOpening ? total((r) => r.opening) : "-", total((r) => r.debit), total((r) => r.credit), total((r) => r.closing)],
      ],
      [2, 3, 4, 5],
    ),
  );
  if (t.rows.length > 30) lines.push(s(`  ……另有 ${t.rows.length - 30} 家`, `  … and ${t.rows.length - 30} more`));
  if (!t.hasOpening) lines.push(s("逐行核对：表中没有期初余额列，无法核对", "Row check: the table has no opening column, so rows cannot be checked"));
  else if (t.mismatches.length === 0) lines.push(s("逐行核对：期初 + 借方 − 贷方 = 期末，每行一致", "Row check: opening + debit − credit = closing on every row"));
  else {
    lines.push(s(`逐行核对：${t.mismatches.length} 行不符`, `Row check: ${t.mismatches.length} rows do not add up`));
    for (const m of t.mismatches) {
      lines.push(s(`  第 ${m.row} 行 ${m.dealer}：期初 + 借方 − 贷方 = ${formatFenGrouped(m.expected)}，期末余额却为 ${formatFenGrouped(m.found)}（差 ${formatFenGrouped(subFen(m.found, m.expected))}）`, `  row ${m.row} ${m.dealer}: opening + debit − credit = ${formatFenGrouped(m.expected)}, but the closing balance is ${formatFenGrouped(m.found)} (by ${formatFenGrouped(subFen(m.found, m.expected))})`));
    }
  }
  for (const k of t.skipped) lines.push(s(`  跳过第 ${k.row} 行（${k.reason === "total" ? "合计行" : "无经销商"}${k.text ? `：${k.text}` : ""}）`, `  skipped row ${k.row} (${k.reason === "total" ? "totals" : "no dealer"}${k.text ? `: ${k.text}` : ""})`));
  for (const u of t.unreadable) {
    // A formula without its result or showing an error, or a dealer cell, is said as the reader says it.
    if (u.code !== "bad_amount" || u.expected !== "amount") lines.push(`  ${describeReadIssue(balanceCellIssue(u), lang)}`);
    else lines.push(s(`  第 ${u.row} 行 ${columnLetter(u.column)} 列的金额无法识别（“${u.found}”），该行未计入`, `  row ${u.row}: the amount in column ${columnLetter(u.column)} cannot be read ("${u.found}"); the row is left out`));
  }
  return lines.join("\n");
}
