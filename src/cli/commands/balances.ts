/**
 * `duizhang reconcile --balances FILE --statement FILE`: a balance table (科目余额表 / 往来余额表) has each
 * dealer's balance and no entries, so it is compared with the dealer's statement on the closing balance only.
 * Item-by-item reconciliation needs the ledger's entries, and says so.
 */
import type { IsoDate } from "../../core/model";
import { formatFen, formatFenGrouped, subFen } from "../../core/money";
import { balanceRowOf, columnLetter } from "../../core/read";
import { balanceCellMessage } from "../../core/read/balances";
import { dealerKey } from "../../core/values/refs";
import { render } from "../../messages/render";
import { describeReadIssue } from "../../messages/read";
import { fatalReadIssue, readBalanceSheet, readSheet } from "../../app/read";
import type { Lang } from "../../app/lang";
import type { Context, Values } from "../options";
import { optionalDate, optionalString, requireString, say } from "../options";
import { EXIT_OK, UsageError } from "../errors";
import { chooseSheet, openInputFile, type OpenedFile } from "../files";
import { writeJson } from "../json-stream";

/** One line for a ledger given to item-by-item reconciliation that is a balance table, or null. */
export async function balanceTableRefusal(file: OpenedFile, sheet: string, display: string, lang: Lang): Promise<string | null> {
  const table = await readBalanceSheet(file.port, sheet);
  if (table === null) return null;
  return say(
    lang,
    `${display}（工作表“${sheet}”）是余额表：只有每家经销商的余额，没有逐笔分录，不能逐笔对账。逐笔对账请用明细账；只核对余额请用 --balances ${display} --statement 对账单`,
    `${display} (sheet "${sheet}") is a balance table: it has each dealer's balance and no entries, so it cannot be reconciled item by item. Use the ledger of entries for that; to compare balances only, use --balances ${display} --statement FILE`,
  );
}

/** A balance table's own cut-off (from its title) and the `--as-of` given, when the two differ. */
export interface CutoffMismatch {
  tableCutoff: IsoDate;
  asOf: IsoDate;
}

export function cutoffMismatch(tableCutoff: IsoDate | null | undefined, asOf: IsoDate | undefined): CutoffMismatch | null {
  return tableCutoff && asOf !== undefined && tableCutoff !== asOf ? { tableCutoff, asOf } : null;
}

/**
 * The one line on stderr: both dates, and which one the figures are. `asOfGiven` false: the as-of date is
 * today's, taken because --as-of was left out.
 */
export function cutoffMismatchText(m: CutoffMismatch, file: string, lang: Lang, asOfGiven = true): string {
  const zhAsOf = asOfGiven ? ` --as-of ${m.asOf} ` : `截至日期 ${m.asOf}（未写 --as-of，取今天）`;
  const enAsOf = asOfGiven ? `--as-of ${m.asOf}` : `the as-of date ${m.asOf} (today, as --as-of was left out)`;
  return say(
    lang,
    `注意：余额表 ${file} 的截止日期为 ${m.tableCutoff}，与${zhAsOf}不同：表中余额是 ${m.tableCutoff} 的余额，请确认日期或换用对应日期的余额表`,
    `note: the balance table ${file} is cut off at ${m.tableCutoff}, not at ${enAsOf}: its balances are those of ${m.tableCutoff}; check the date or use the table for that date`,
  );
}

export async function commandBalancesOnly(ctx: Context, values: Values): Promise<number> {
  const { lang } = ctx;
  const balancesFile = requireString(ctx, values, "balances");
  const statementFile = requireString(ctx, values, "statement");
  if (optionalString(values, "ledger") !== undefined) throw new UsageError(say(lang, "--balances 与 --ledger 只能用其一", "use either --balances or --ledger, not both"));
  if (optionalString(values, "out") !== undefined) {
    throw new UsageError(say(lang, "只核对余额时没有结果工作簿：去掉 --out", "a balances-only comparison has no result workbook: leave out --out"));
  }
  const userCutoff = optionalDate(ctx, values, "as-of");
  const opened = await openInputFile(balancesFile, ctx.io.cwd, lang);
  const sheet = await chooseSheet(opened, undefined, lang, balancesFile);
  // Read with the title's cut-off first, so a --as-of that differs from it can be said.
  const titled = await readBalanceSheet(opened.port, sheet);
  const asOfMismatch = titled?.cutoffSource === "title" ? cutoffMismatch(titled.cutoff, userCutoff) : null;
  const table = titled === null || userCutoff === undefined ? titled : { ...titled, cutoff: userCutoff, cutoffSource: "user" as const };
  if (table === null) {
    throw new UsageError(
      say(lang, `${balancesFile}（工作表“${sheet}”）不是余额表：应有经销商列以及本期借方、本期贷方、期末余额列`, `${balancesFile} (sheet "${sheet}") is not a balance table: it needs a dealer column and debit, credit and closing balance columns`),
    );
  }
  const cutoff = table.cutoff ?? undefined;
  const statement = await openInputFile(statementFile, ctx.io.cwd, lang);
  const statementSheet = await chooseSheet(statement, optionalString(values, "statement-sheet"), lang, statementFile);
  const read = await readSheet(statement.port, statementSheet, { side: "statement", ...(cutoff ? { asOf: cutoff } : {}) });
  const fatal = fatalReadIssue(read);
  if (fatal) throw new UsageError(`${statementFile}: ${describeReadIssue(fatal, lang)}`);
  const dealer = optionalString(values, "dealer") ?? read.dealer;
  if (dealer === null) {
    throw new UsageError(say(lang, `看不出 ${statementFile} 是哪家经销商的对账单：请用 --dealer 指定`, `cannot tell whose statement ${statementFile} is: name the dealer with --dealer`));
  }
  // The dealer's row left out for a cell that cannot be read (a formula without its result, an error…): its
  // balance is not known, so no agreement is claimed; each cell is said, with what to do.
  const unread = table.unreadable.filter((c) => c.dealer !== "" && dealerKey(c.dealer) === dealerKey(dealer));
  if (unread.length > 0) {
    if (asOfMismatch) ctx.io.err(`duizhang: ${cutoffMismatchText(asOfMismatch, balancesFile, lang)}`);
    const problems = unread.map((c) => ({ row: c.row, cell: `${columnLetter(c.column)}${c.row}`, code: c.code, found: c.found, message: render(balanceCellMessage(c), lang) }));
    const cannot = say(
      lang,
      `余额表 ${balancesFile} 中“${unread[0]!.dealer}”的行无法读取，不知道其期末余额，不能确认一致：请按上述改正后重新核对。`,
      `The row of "${unread[0]!.dealer}" in the balance table ${balancesFile} cannot be read, so its closing balance is not known and agreement cannot be confirmed: correct it as said above and compare again.`,
    );
    if (values.json) {
      await writeJson(ctx.io, {
        mode: "balances",
        dealer: unread[0]!.dealer,
        cutoff: table.cutoff,
        cutoffSource: table.cutoffSource,
        balances: { file: balancesFile, sheet, row: unread[0]!.row, closing: null, unreadable: problems },
        statement: { file: statementFile, sheet: statementSheet, closing: formatFen(read.closingBalance), entries: read.table.length },
        difference: null,
        agrees: null,
        rowCheck: "unreadable",
        note: cannot,
        ...(asOfMismatch ? { cutoffMismatch: asOfMismatch } : {}),
      });
      return EXIT_OK;
    }
    ctx.io.out([...problems.map((p) => p.message), `${say(lang, "对账单期末余额", "Statement, closing")}: ${formatFenGrouped(read.closingBalance)}  (${statementFile})`, cannot].join("\n"));
    return EXIT_OK;
  }
  const row = balanceRowOf(table, dealer);
  if (row === null) {
    const names = table.rows.slice(0, 10).map((r) => r.dealer).join("、");
    throw new UsageError(say(lang, `余额表 ${balancesFile} 中没有经销商“${dealer}”（有：${names}${table.rows.length > 10 ? "…" : ""}）`, `no dealer "${dealer}" in the balance table ${balancesFile} (has: ${names}${table.rows.length > 10 ? "…" : ""})`));
  }
  const ours = row.closing;
  const theirs = read.closingBalance;
  if (asOfMismatch) ctx.io.err(`duizhang: ${cutoffMismatchText(asOfMismatch, balancesFile, lang)}`);
  const note = say(lang, "仅核对余额：余额表没有逐笔分录，逐笔对账需要明细账", "balances only: a balance table has no entries; item-by-item reconciliation needs the ledger of entries");
  if (values.json) {
    await writeJson(ctx.io, {
      mode: "balances",
      note,
      dealer: row.dealer,
      cutoff: table.cutoff,
      cutoffSource: table.cutoffSource,
      balances: { file: balancesFile, sheet, row: row.row, closing: formatFen(ours) },
      statement: { file: statementFile, sheet: statementSheet, closing: formatFen(theirs), entries: read.table.length },
      difference: formatFen(subFen(ours, theirs)),
      agrees: ours === theirs,
      rowCheck: table.mismatches.find((m) => m.row === row.row) ? "mismatch" : table.hasOpening ? "ok" : "unchecked",
      ...(asOfMismatch ? { cutoffMismatch: asOfMismatch } : {}),
    });
    return EXIT_OK;
  }
  const lines = [
    note,
    `${say(lang, "经销商", "Dealer")}: ${row.dealer}   ${say(lang, "截止日期", "Cut-off")}: ${table.cutoff ?? say(lang, "未写明", "not stated")}`,
    `${say(lang, "余额表期末余额", "Balance table, closing")}: ${formatFenGrouped(ours)}  (${balancesFile}, ${say(lang, `第 ${row.row} 行`, `row ${row.row}`)})`,
    `${say(lang, "对账单期末余额", "Statement, closing")}: ${formatFenGrouped(theirs)}  (${statementFile})`,
    ours === theirs
      ? say(lang, "余额一致。", "The balances agree.")
      : say(lang, `余额不一致，差额 ${formatFenGrouped(subFen(ours, theirs))}：逐笔查找原因需要明细账（duizhang reconcile --ledger 明细账 --statement ${statementFile}）`, `The balances differ by ${formatFenGrouped(subFen(ours, theirs))}: finding the items needs the ledger of entries (duizhang reconcile --ledger LEDGER --statement ${statementFile})`),
  ];
  const mismatch = table.mismatches.find((m) => m.row === row.row);
  if (mismatch) lines.push(say(lang, `注意：余额表第 ${row.row} 行本身不平（期初 + 借方 − 贷方 = ${formatFenGrouped(mismatch.expected)}）`, `Note: row ${row.row} of the balance table does not add up itself (opening + debit − credit = ${formatFenGrouped(mismatch.expected)})`));
  ctx.io.out(lines.join("\n"));
  return EXIT_OK;
}
