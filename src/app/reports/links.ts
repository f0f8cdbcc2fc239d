/**
 * Result sheets within Excel's limit on links (`capLinks` in ../../port/links): every result sheet a use case
 * writes passes `capSheetLinks` on its way to the port. A sheet that had links dropped says so in a line under
 * its title, frozen with the header where the sheet freezes it, so whoever clicks down the rows learns why the
 * later ones do not go anywhere and how to find their rows instead.
 */
import { capLinks, cappedRow, linkCap, LINKS_PER_SHEET, type CappedLinks, type LinkCap } from "../../port/links";
import { specWidth, type SheetOfRows, type SheetRows } from "../../port/cells";
import type { OutRow, SheetSpec } from "../../port/workbook";
import { pick, type Bilingual, type Lang } from "../lang";

const NOTE_COLOR = "#C50F1F";

/** What a reader of each result sheet finds an unlinked row by: the column naming its rows. */
export const FIND_ROWS_BY = {
  plan: { zh: "台账行", en: "ledger row" },
  differences: { zh: "台账行、对账单行", en: "ledger and statement rows" },
  reconciliation: { zh: "行号", en: "rows" },
} satisfies Record<string, Bilingual>;

/** The line under the title: `rows` is the sheet's last row (1-based, counting the line) whose links stay. */
export function linkCapNote(rows: number, findBy: Bilingual | null, lang: Lang): string {
  if (lang === "en-US") {
    const rest = findBy ? `; find the rest by their ${findBy.en}` : "; the rows after them have none";
    return `Only the first ${rows.toLocaleString("en-US")} rows of this sheet carry links (Excel allows about ${LINKS_PER_SHEET.toLocaleString("en-US")} links per sheet)${rest}.`;
  }
  const rest = findBy ? `，其余各行请按“${pick(findBy, lang)}”查找` : "，其后各行不带链接";
  return `本表前 ${rows} 行带链接；Excel 每张工作表最多约 ${LINKS_PER_SHEET / 10_000} 万个链接${rest}。`;
}

/**
 * The line under the title when every row still links but some cells lost a link they shared with another
 * cell of their row (`capLinks` keeps one link to each place a row links to): which cell keeps it.
 */
export function linkDoubleNote(findBy: Bilingual | null, lang: Lang): string {
  if (lang === "en-US") {
    const keeps = findBy ? `keeps its link on its ${findBy.en} only` : "keeps one link to each place it links to";
    return `Excel allows about ${LINKS_PER_SHEET.toLocaleString("en-US")} links per sheet: each row of this sheet ${keeps}; the other cells of the row that led to the same place have none.`;
  }
  const keeps = findBy ? `只在“${pick(findBy, lang)}”上保留链接` : "指向同一处的链接只保留一个";
  return `Excel 每张工作表最多约 ${LINKS_PER_SHEET / 10_000} 万个链接：本表每行${keeps}，同一行中指向同一处的其他单元格不带链接。`;
}

/** Links a written result sheet left out for Excel's limit (`capSheetLinks`), for the message after writing. */
export interface DroppedLinks {
  sheet: string;
  dropped: number;
}

/** The sheets of `capped` that had links dropped, with how many; empty when none had. */
export function droppedLinksOf(capped: readonly { spec: SheetSpec; links: { dropped: number } }[]): DroppedLinks[] {
  return capped.filter((c) => c.links.dropped > 0).map((c) => ({ sheet: c.spec.name, dropped: c.links.dropped }));
}

/** What the command line and the pane say after writing sheets that had links dropped: one sentence per sheet. */
export function droppedLinksText(dropped: readonly DroppedLinks[], lang: Lang): string {
  return dropped
    .map((d) =>
      lang === "en-US"
        ? `${d.dropped.toLocaleString("en-US")} ${d.dropped === 1 ? "link" : "links"} of "${d.sheet}" left out (Excel allows about ${LINKS_PER_SHEET.toLocaleString("en-US")} per sheet): row 2 of the sheet says which cells still link.`
        : `“${d.sheet}”有 ${d.dropped.toLocaleString("en-US")} 个链接未写入（Excel 每张工作表最多约 ${LINKS_PER_SHEET / 10_000} 万个链接），该表第 2 行说明了哪些单元格仍带链接。`,
    )
    .join(lang === "en-US" ? " " : "");
}

export interface CappedSheet {
  spec: SheetSpec;
  /** What `capLinks` did to the sheet's rows (before the note was put in). */
  links: CappedLinks;
}

/**
 * The sheet with at most `limit` links (`capLinks`); when any link was dropped, a note under the title
 * (row 2, the rows below moving down one, with every row the spec names: frozen rows, filter, print rows and
 * area, page breaks, charts, merges, heights). A sheet within the limit comes back as it was.
 */
export function capSheetLinks(spec: SheetSpec, lang: Lang, findBy: Bilingual | null, limit: number = LINKS_PER_SHEET): CappedSheet {
  const links = capLinks(spec.rows, limit);
  if (links.rows === spec.rows) return { spec, links };
  const { note, height } = capNote(spec, links, lang, findBy);
  return { spec: withRowAt({ ...spec, rows: links.rows }, 1, note, height), links };
}

/** A sheet given row by row (`SheetOfRows`) within the limit on links, as `capSheetLinks` leaves it; `links` says what was dropped. */
export interface CappedRows extends SheetOfRows {
  links: LinkCap;
}

/**
 * `capSheetLinks` for a sheet whose rows are given one at a time: its rows are gone over once to count their
 * links, then given on as written (`cappedRow`), the note in row 2 when links were dropped, none of them kept.
 */
export function capSheetRowsLinks(sheet: SheetOfRows, lang: Lang, findBy: Bilingual | null, limit: number = LINKS_PER_SHEET): CappedRows {
  const source = sheet.rows;
  const links = linkCap(source, limit);
  if (!links.capped) return { ...sheet, links };
  const first: OutRow[] = [];
  for (let i = 0; i < Math.min(10, source.length); i++) first.push(source.row(i));
  const { note, height } = capNote({ ...sheet.spec, rows: first }, links, lang, findBy);
  const rows: SheetRows = {
    length: source.length + 1,
    width: Math.max(source.width, specWidth([note])),
    row(index: number): OutRow {
      if (index === 1) return note;
      const at = index < 1 ? index : index - 1;
      return cappedRow(links, at, source.row(at));
    },
  };
  return { spec: { ...withRowAt({ ...sheet.spec, rows: [] }, 1, note, height), rows: [] }, rows, links };
}

/** The note under the title of a sheet that had links dropped, and the height of its row. `spec.rows`: at least its first ten rows. */
function capNote(spec: SheetSpec, links: Omit<CappedLinks, "rows">, lang: Lang, findBy: Bilingual | null): { note: OutRow; height: number | undefined } {
  // The note comes in above every linked row but the title's, so the last linked row moves down one. Rows
  // that all keep a link but lost a second one to the same place (a reference beside its 台账行) say which stays.
  const lastLinked = links.lastLinkedRow + 1 + (links.lastLinkedRow >= 1 ? 1 : 0);
  const text = links.rowsUnlinked > 0 ? linkCapNote(lastLinked, findBy, lang) : linkDoubleNote(findBy, lang);
  const width = noteWidth(spec);
  const note: OutRow = [{ value: text, numberFormat: "@", color: NOTE_COLOR, wrap: true, ...(width > 1 ? { mergeAcross: width - 1 } : {}) }];
  return { note, height: noteHeight(text, spec, width) };
}

/** Columns the note spans: the title's when it is merged across, else the sheet's. */
function noteWidth(spec: SheetSpec): number {
  const title = spec.rows[0]?.[0];
  const span = title !== null && typeof title === "object" && "value" in title ? title.mergeAcross ?? 0 : 0;
  return span > 0 ? span + 1 : Math.max(1, spec.columnWidths?.length ?? 0, specWidth(spec.rows.slice(0, 10)));
}

/**
 * Height of the note's row in points when its text needs more than one line in the merged width (a merged
 * cell is not made taller by its wrapped text); undefined keeps the row's own height.
 */
function noteHeight(text: string, spec: SheetSpec, width: number): number | undefined {
  const chars = [...text].reduce((n, ch) => n + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
  const room = Array.from({ length: width }, (_, i) => spec.columnWidths?.[i] ?? 8.43).reduce((a, b) => a + b, 0);
  const lines = Math.ceil((chars * 1.05) / Math.max(1, room));
  if (lines <= 1) return undefined;
  const size = spec.fontSize ?? 11;
  return Math.ceil(lines * size * 1.35);
}

/**
 * `row` put in at index `at` (0-based) of the spec's rows, and every later row the spec names (1-based) moved
 * down one: frozen rows, filter rows, print rows, area and breaks, charts, merges, heights, template rows, inputs.
 */
export function withRowAt(spec: SheetSpec, at: number, row: OutRow, height?: number): SheetSpec {
  const down = (r: number) => (r > at ? r + 1 : r);
  const block = <T extends { fromRow: number; toRow: number }>(b: T): T => ({ ...b, fromRow: down(b.fromRow), toRow: down(b.toRow) });
  const rows = [...spec.rows.slice(0, at), row, ...spec.rows.slice(at)];
  const out: SheetSpec = { ...spec, rows };
  if (spec.freezeRows !== undefined && spec.freezeRows > at) out.freezeRows = spec.freezeRows + 1;
  if (spec.filterRow !== undefined) out.filterRow = down(spec.filterRow);
  if (spec.filterLastRow !== undefined) out.filterLastRow = down(spec.filterLastRow);
  if (spec.print) {
    const p = { ...spec.print };
    if (p.repeatRows) p.repeatRows = [down(p.repeatRows[0]), down(p.repeatRows[1])];
    if (p.area && p.area !== "used") p.area = block(p.area);
    if (p.breakBefore) p.breakBefore = p.breakBefore.map(down);
    out.print = p;
  }
  if (spec.charts) out.charts = spec.charts.map((c) => ({ ...c, source: block(c.source), at: { ...c.at, row: down(c.at.row) } }));
  if (spec.merges) out.merges = spec.merges.map(block);
  if (spec.rowHeights || height !== undefined) {
    const heights = [...(spec.rowHeights ?? [])];
    while (heights.length < at) heights.push(undefined);
    heights.splice(at, 0, height);
    out.rowHeights = heights;
  }
  if (spec.templateFormats) {
    const sourceRows = [...spec.templateFormats.sourceRows];
    if (sourceRows.length >= at) sourceRows.splice(at, 0, null);
    out.templateFormats = { ...spec.templateFormats, sourceRows };
  }
  if (spec.form) out.form = { ...spec.form, inputs: spec.form.inputs.map((i) => ({ ...i, row: down(i.row) })) };
  return out;
}
