/**
 * Every string the task pane shows, in Chinese (primary) and English.
 *
 * Both tables are typed as `Strings`, so a key missing from either language fails to compile.
 * Messages with values are functions, so the word order can differ between languages.
 */
import type { Role } from "../core/read/types";
import type { PortErrorCode } from "../port/workbook";

export type Locale = "zh-CN" | "en-US";

export const LOCALES: readonly Locale[] = ["zh-CN", "en-US"];

export interface Strings {
  /** The language these strings are in: what renders a message of the message tables alongside them. */
  locale: Locale;
  appTitle: string;
  /** Label of the language button: names the language it switches TO, in that language. */
  switchLanguage: string;
  switchLanguageHint: string;

  viewSheets: string;
  viewCredit: string;

  sheetsIntro: string;
  sheetsTableLabel: string;
  columnSheet: string;
  columnRows: string;
  columnColumns: string;
  columnRole: string;
  hidden: string;
  ledger: string;
  statement: string;
  ledgerField: string;
  statementField: string;
  ledgerHint: string;
  statementHint: string;
  chooseSheet: string;
  sheetOption: (name: string, rows: number, columns: number) => string;
  refresh: string;
  loadingWorkbook: string;
  /** While a view's code loads, the first time it is shown. */
  loadingView: string;
  /** A view's code could not be fetched. */
  viewFailed: string;
  noSheets: string;

  errorTitle: string;
  warningTitle: string;
  dismiss: string;
  goToCell: string;
  emptySheet: (sheet: string) => string;
  sameSheet: (sheet: string) => string;
  /** Sheets of the saved monthly-sheet choice no longer in the workbook: dropped; `kept` the sheets still read as one ledger. */
  ledgerSheetsGone: (gone: readonly string[], kept: readonly string[] | null) => string;
  portError: (code: PortErrorCode, detail: string) => string;
  unexpectedError: (message: string) => string;

  readingSheet: (sheet: string) => string;
  summaryTitle: (sheet: string) => string;
  mappingTitle: string;
  mappingHint: string;
  notMapped: string;
  columnOption: (letter: string, header: string) => string;
  confidence: (percent: number) => string;
  mappingSaved: string;
  mappedByUser: string;
  otherRoles: (count: number) => string;
  /** Folded mapping: every recognised column is sure. */
  mappingAllSure: (count: number) => string;
  /** Folded rest of the mapping when some columns need a look. */
  mappingOtherSure: (count: number) => string;
  mappingNeedsLook: (count: number) => string;
  roleNames: Record<Role, string>;
  sideNames: Record<"ledger" | "statement", string>;
  summaryItem: (side: string, sheet: string) => string;
  dealer: string;
  dealers: (count: number) => string;
  /** A block export: one block per dealer down the sheet. */
  blocks: (count: number) => string;
  blockItem: (dealer: string | null, from: number, to: number, entries: number) => string;
  moreBlocks: (count: number) => string;
  noDealer: string;
  entries: string;
  entryCounts: (total: number, increases: number, decreases: number) => string;
  openingBalance: string;
  closingBalance: string;
  noOpening: string;
  skippedRows: (count: number) => string;
  skippedReason: (reason: string, count: number) => string;
  rowList: (rows: number[], more: number) => string;
  hiddenRowsRead: (count: number) => string;
  errorsTitle: (count: number) => string;
  noErrors: string;
  balanceMismatch: (sheet: string, row: number, expected: string, found: string, count: number) => string;
  moreErrors: (count: number) => string;
}

const zhCN: Strings = {
  locale: "zh-CN",
  appTitle: "对账助手",
  switchLanguage: "English",
  switchLanguageHint: "Switch the pane to English",

  viewSheets: "工作表",
  viewCredit: "信用",

  sheetsIntro: "选择我方的应收台账和经销商发来的对账单。",
  sheetsTableLabel: "工作簿中的工作表",
  columnSheet: "工作表",
  columnRows: "行数",
  columnColumns: "列数",
  columnRole: "用途",
  hidden: "（隐藏）",
  ledger: "台账",
  statement: "对账单",
  ledgerField: "台账（我方明细账）",
  statementField: "对账单（经销商）",
  ledgerHint: "我方的应收账款明细账或手工台账。",
  statementHint: "经销商发来的对账单，按他们的应付记账。",
  chooseSheet: "选择工作表",
  sheetOption: (name, rows, columns) => `${name}（${rows} 行 × ${columns} 列）`,
  refresh: "刷新列表",
  loadingWorkbook: "正在读取工作簿…",
  loadingView: "正在打开…",
  viewFailed: "这一页未能加载（网络或服务器中断）。请关闭任务窗格后重新打开。",
  noSheets: "这个工作簿里没有可用的工作表。",

  errorTitle: "出错了",
  warningTitle: "请注意",
  dismiss: "关闭",
  goToCell: "定位",
  emptySheet: (sheet) => `工作表「${sheet}」是空的，请选择有数据的工作表。`,
  sameSheet: (sheet) => `台账和对账单选了同一个工作表「${sheet}」，请为对账单另选一个工作表。`,
  ledgerSheetsGone: (gone, kept) =>
    `按月分表的台账中，${gone.map((n) => `「${n}」`).join("、")}已不在工作簿中（可能已被重命名或删除），已从一并读取的工作表中去掉${
      kept ? `；现在合为一本台账的是：${kept.join("、")}` : "；台账现在只读一张工作表"
    }。`,
  portError: (code, detail) => {
    switch (code) {
      case "no_sheet":
        return `找不到工作表「${detail}」，它可能已被重命名或删除。请点“刷新列表”后重新选择。`;
      case "not_ours":
        return `工作表「${detail}」是您自己的工作表，对账助手不会覆盖它。请先改名或删除后再试。`;
      case "too_large":
        return `「${detail}」的数据太多，超出了 Excel 一次能传送的大小。请缩小范围后再试。`;
      case "unsupported":
        return `这个版本的 Excel 做不到这一步：${detail}。请在 Microsoft 365、Office 2021 及更新版本的 Excel 或 Excel 网页版中使用对账助手。`;
      case "cancelled":
        return `操作已取消：${detail}。`;
      case "io":
        return `读写工作簿时出错：${detail}。`;
    }
  },
  unexpectedError: (message) => `意外错误：${message}。请重试；如果问题仍在，请把这段文字发给技术支持。`,

  readingSheet: (sheet) => `正在读取「${sheet}」…`,
  summaryTitle: (sheet) => `「${sheet}」的识别结果`,
  mappingTitle: "列的用途",
  mappingHint: "识别有误时，请为该用途另选一列；更改会保存在工作簿中，下次自动使用。",
  notMapped: "（无）",
  columnOption: (letter, header) => (header ? `${letter} 列：${header}` : `${letter} 列`),
  confidence: (percent) => `可信度 ${percent}%`,
  mappingSaved: "列的用途已保存到本工作簿。",
  mappedByUser: "手动指定",
  otherRoles: (count) => `其他用途（${count}）`,
  mappingAllSure: (count) => `${count} 列的用途都已确定（表头明确或由您指定）；查看或修改`,
  mappingOtherSure: (count) => `其余 ${count} 列已确定；查看或修改`,
  mappingNeedsLook: (count) => `以下 ${count} 列是按表头推测的，请核对：`,
  roleNames: {
    date: "日期",
    year: "年",
    month: "月",
    day: "日",
    ref: "单据号",
    voucher: "凭证字号",
    description: "摘要",
    debit: "借方（增加）",
    credit: "贷方（减少）",
    amount: "金额（带正负号）",
    direction: "方向",
    balance: "余额",
    dealer: "客户",
    rep: "业务员",
    term: "账期",
    counterAccount: "对方科目",
  },
  sideNames: { ledger: "台账", statement: "对账单" },
  summaryItem: (side, sheet) => `${side}：${sheet}`,
  dealer: "客户",
  dealers: (count) => `客户（${count} 家）`,
  blocks: (count) => `按客户分块（${count} 块）`,
  blockItem: (dealer, from, to, entries) => `${dealer ?? "（未写明客户）"}：第 ${from}–${to} 行，${entries} 笔`,
  moreBlocks: (count) => `另有 ${count} 块未列出。`,
  noDealer: "未识别出客户",
  entries: "业务笔数",
  entryCounts: (total, increases, decreases) => `${total} 笔（增加 ${increases} 笔，减少 ${decreases} 笔）`,
  openingBalance: "期初余额",
  closingBalance: "期末余额",
  noOpening: "无（按 0 计）",
  skippedRows: (count) => `跳过的行（${count}）`,
  skippedReason: (reason, count) => `${reason}：${count} 行`,
  rowList: (rows, more) => `（第 ${rows.join("、")} 行${more > 0 ? `，另有 ${more} 行` : ""}）`,
  hiddenRowsRead: (count) => `其中 ${count} 行是隐藏行，也已读取。`,
  errorsTitle: (count) => `需要修改的单元格（${count}）`,
  noErrors: "没有发现需要修改的单元格。",
  balanceMismatch: (sheet, row, expected, found, count) =>
    `「${sheet}」第 ${row} 行的余额是 ${found}，逐笔累计应为 ${expected}；通常是上面漏记或记错了一笔。` +
    (count > 1 ? `共有 ${count} 处余额对不上。` : ""),
  moreErrors: (count) => `另有 ${count} 处未列出。`,
};

const enUS: Strings = {
  locale: "en-US",
  appTitle: "Duizhang receivables",
  switchLanguage: "中文",
  switchLanguageHint: "切换为中文界面",

  viewSheets: "Sheets",
  viewCredit: "Credit",

  sheetsIntro: "Choose our receivables ledger and the statement the dealer sent.",
  sheetsTableLabel: "Sheets in this workbook",
  columnSheet: "Sheet",
  columnRows: "Rows",
  columnColumns: "Columns",
  columnRole: "Used as",
  hidden: " (hidden)",
  ledger: "Ledger",
  statement: "Statement",
  ledgerField: "Ledger (our books)",
  statementField: "Statement (the dealer's)",
  ledgerHint: "Our receivables ledger or hand-made list.",
  statementHint: "The dealer's statement, kept as their payable to us.",
  chooseSheet: "Choose a sheet",
  sheetOption: (name, rows, columns) => `${name} (${rows} rows × ${columns} columns)`,
  refresh: "Refresh list",
  loadingWorkbook: "Reading the workbook…",
  loadingView: "Opening…",
  viewFailed: "This page could not load (network or server interrupted). Close the task pane and open it again.",
  noSheets: "This workbook has no sheets to use.",

  errorTitle: "Something went wrong",
  warningTitle: "Please check",
  dismiss: "Dismiss",
  goToCell: "Go to cell",
  emptySheet: (sheet) => `Sheet "${sheet}" is empty. Choose a sheet that holds data.`,
  sameSheet: (sheet) =>
    `The ledger and the statement are the same sheet, "${sheet}". Choose another sheet for the statement.`,
  ledgerSheetsGone: (gone, kept) =>
    `${gone.map((n) => `"${n}"`).join(", ")} ${gone.length === 1 ? "is" : "are"} no longer in the workbook (renamed or deleted?), so ${
      gone.length === 1 ? "it was" : "they were"
    } dropped from the ledger's monthly sheets${kept ? `; read as one ledger now: ${kept.join(", ")}` : "; the ledger is read from one sheet now"}.`,
  portError: (code, detail) => {
    switch (code) {
      case "no_sheet":
        return `Sheet "${detail}" was not found; it may have been renamed or deleted. Click "Refresh list" and choose again.`;
      case "not_ours":
        return `Sheet "${detail}" is one of your own sheets, so it is left alone. Rename or delete it, then try again.`;
      case "too_large":
        return `"${detail}" holds more data than Excel can send at once. Use a smaller range and try again.`;
      case "unsupported":
        return `This version of Excel cannot do this: ${detail}. Use Duizhang in Excel from Microsoft 365, Office 2021 or later, or in Excel on the web.`;
      case "cancelled":
        return `Cancelled: ${detail}.`;
      case "io":
        return `Reading or writing the workbook failed: ${detail}.`;
    }
  },
  unexpectedError: (message) =>
    `Unexpected error: ${message}. Try again; if it persists, send this text to support.`,

  readingSheet: (sheet) => `Reading "${sheet}"…`,
  summaryTitle: (sheet) => `What was read from "${sheet}"`,
  mappingTitle: "Columns",
  mappingHint:
    "If a column was recognised wrongly, choose another one. The change is saved in this workbook and used next time.",
  notMapped: "(none)",
  columnOption: (letter, header) => (header ? `Column ${letter}: ${header}` : `Column ${letter}`),
  confidence: (percent) => `confidence ${percent}%`,
  mappingSaved: "The column mapping was saved in this workbook.",
  mappedByUser: "set by you",
  otherRoles: (count) => `Other roles (${count})`,
  mappingAllSure: (count) => `All ${count} columns settled (clear headers or chosen by you); view or change`,
  mappingOtherSure: (count) => `${count} more settled; view or change`,
  mappingNeedsLook: (count) => `${count === 1 ? "This column was" : `These ${count} columns were`} guessed from the header; please check:`,
  roleNames: {
    date: "Date",
    year: "Year",
    month: "Month",
    day: "Day",
    ref: "Document no.",
    voucher: "Voucher no.",
    description: "Description",
    debit: "Debit (increase)",
    credit: "Credit (decrease)",
    amount: "Signed amount",
    direction: "Direction",
    balance: "Balance",
    dealer: "Dealer",
    rep: "Sales rep",
    term: "Credit term",
    counterAccount: "Contra account",
  },
  sideNames: { ledger: "Ledger", statement: "Statement" },
  summaryItem: (side, sheet) => `${side}: ${sheet}`,
  dealer: "Dealer",
  dealers: (count) => `Dealers (${count})`,
  blocks: (count) => `Blocks by dealer (${count})`,
  blockItem: (dealer, from, to, entries) => `${dealer ?? "(no dealer named)"}: rows ${from}–${to}, ${entries} entr${entries === 1 ? "y" : "ies"}`,
  moreBlocks: (count) => `${count} more not listed.`,
  noDealer: "No dealer found",
  entries: "Entries",
  entryCounts: (total, increases, decreases) =>
    `${total} (${increases} ${increases === 1 ? "increase" : "increases"}, ${decreases} ${decreases === 1 ? "decrease" : "decreases"})`,
  openingBalance: "Opening balance",
  closingBalance: "Closing balance",
  noOpening: "none (taken as 0)",
  skippedRows: (count) => `Skipped rows (${count})`,
  skippedReason: (reason, count) => `${reason}: ${count} ${count === 1 ? "row" : "rows"}`,
  rowList: (rows, more) =>
    ` (${rows.length === 1 && more === 0 ? "row" : "rows"} ${rows.join(", ")}${more > 0 ? ` and ${more} more` : ""})`,
  hiddenRowsRead: (count) => `${count} of them ${count === 1 ? "is a hidden row" : "are hidden rows"}, read as well.`,
  errorsTitle: (count) => `Cells to fix (${count})`,
  noErrors: "No cells need fixing.",
  balanceMismatch: (sheet, row, expected, found, count) =>
    `"${sheet}" row ${row} shows a balance of ${found}, but the entries above add up to ${expected}; a row above is usually missing or mistyped.` +
    (count > 1 ? ` ${count} balances disagree in all.` : ""),
  moreErrors: (count) => `${count} more not listed.`,
};

export const STRINGS: Readonly<Record<Locale, Strings>> = { "zh-CN": zhCN, "en-US": enUS };

/**
 * The pane's language from Office's display language: English for any `en-*`, Chinese otherwise,
 * since Chinese is the product's primary language and the only other one it has.
 */
export function localeFromDisplayLanguage(displayLanguage: string | null | undefined): Locale {
  const tag = (displayLanguage ?? "").trim().toLowerCase();
  return tag === "en" || tag.startsWith("en-") || tag.startsWith("en_") ? "en-US" : "zh-CN";
}

export function otherLocale(locale: Locale): Locale {
  return locale === "zh-CN" ? "en-US" : "zh-CN";
}
