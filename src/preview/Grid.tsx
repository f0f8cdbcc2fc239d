/**
 * A plain view of the fake Excel's workbook, as the user would see it in Excel: sheet tabs, column
 * letters, row numbers, values in their number formats, the effective fill of each cell (the
 * user's own fill, or a conditional-format mark over it), hidden rows left out, merged titles, and
 * the current selection outlined. It redraws whenever the fake changes.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useLayoutEffect, useReducer, useRef, type CSSProperties } from "react";
import type { FakeExcel } from "../fake-excel";
import { parseArea, rectContains, splitSheet, type Rect } from "../fake-excel/model";
import { columnLetter } from "../core/read/columns";
import { displayText } from "./format";
import type { ObservedExcel } from "./observe";

/** Enough of a sheet to see what the pane did; a full 1,048,576-row sheet is not drawn. */
const MAX_ROWS = 400;
const MAX_COLUMNS = 26;
const MIN_ROWS = 30;
const MIN_COLUMNS = 8;
const DEFAULT_WIDTH_PX = 64;
const ROW_HEAD_PX = 40;
const SELECTION = "#217346";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    height: "100%",
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  bar: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
  },
  nameBox: {
    minWidth: "120px",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    fontFamily: tokens.fontFamilyMonospace,
  },
  scroller: {
    flexGrow: 1,
    overflow: "auto",
  },
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    fontSize: "13px",
  },
  corner: {
    position: "sticky",
    top: 0,
    left: 0,
    zIndex: 3,
    backgroundColor: "#e6e6e6",
    borderRight: "1px solid #c8c8c8",
    borderBottom: "1px solid #c8c8c8",
  },
  colHead: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: "#f3f3f3",
    color: "#444",
    fontWeight: "normal",
    textAlign: "center",
    borderRight: "1px solid #d4d4d4",
    borderBottom: "1px solid #c8c8c8",
    height: "20px",
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: "#f3f3f3",
    color: "#444",
    textAlign: "center",
    borderRight: "1px solid #c8c8c8",
    borderBottom: "1px solid #d4d4d4",
  },
  headActive: {
    backgroundColor: "#d2d2d2",
    color: SELECTION,
    fontWeight: "bold",
  },
  cell: {
    height: "20px",
    padding: "0 3px",
    borderRight: "1px solid #e1e1e1",
    borderBottom: "1px solid #e1e1e1",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "clip",
    cursor: "cell",
  },
  overflow: {
    // Excel lets text run on over empty cells to its right.
    overflow: "visible",
    position: "relative",
    zIndex: 0,
  },
  frozen: {
    borderBottom: "2px solid #b0b0b0",
  },
  selected: {
    outline: `2px solid ${SELECTION}`,
    outlineOffset: "-2px",
  },
  tabs: {
    display: "flex",
    columnGap: "2px",
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: "#f3f3f3",
  },
  tab: {
    border: "none",
    borderBottom: "2px solid transparent",
    backgroundColor: "transparent",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    cursor: "pointer",
    fontSize: tokens.fontSizeBase200,
  },
  tabActive: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `2px solid ${SELECTION}`,
    color: SELECTION,
    fontWeight: "bold",
  },
});

export interface GridProps {
  excel: FakeExcel;
  observed: ObservedExcel;
}

/** Redraws on every change of the fake, at most once per animation frame. */
function useFakeVersion(observed: ObservedExcel): number {
  const [version, bump] = useReducer((v: number) => v + 1, 0);
  useEffect(() => {
    let frame = 0;
    const unsubscribe = observed.subscribe(() => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        bump();
      });
    });
    return () => {
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [observed]);
  return version;
}

function selectionRects(excel: FakeExcel, sheet: string): Rect[] {
  const sel = excel.model.selection;
  if (!sel || sel.sheet !== sheet) return [];
  const rects: Rect[] = [];
  for (const part of sel.address.split(",")) {
    const { local } = splitSheet(part.trim());
    try {
      rects.push(parseArea(local));
    } catch {
      // An address the fake accepted but this view cannot draw is simply not outlined.
    }
  }
  return rects;
}

export function Grid({ excel, observed }: GridProps): JSX.Element {
  const styles = useStyles();
  const version = useFakeVersion(observed);
  const scroller = useRef<HTMLDivElement>(null);
  const model = excel.model;
  const tabs = model.sheets.filter((s) => s.visibility === "Visible");
  const active = tabs.find((s) => s.name === model.activeSheet) ?? tabs[0];
  const rects = active ? selectionRects(excel, active.name) : [];
  const selectionKey = `${active?.name ?? ""}|${model.selection?.sheet ?? ""}!${model.selection?.address ?? ""}`;

  // Bring a selection made from the pane into view, as Excel scrolls to it.
  useLayoutEffect(() => {
    const el = scroller.current?.querySelector<HTMLElement>("[data-selected-anchor]");
    el?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [selectionKey]);

  if (!active) return <div className={styles.root} data-testid="grid" />;

  const used = active.usedRange(false);
  const lastRow = Math.min(Math.max(used?.r2 ?? 0, MIN_ROWS), MAX_ROWS);
  const lastColumn = Math.min(Math.max(used?.c2 ?? 0, MIN_COLUMNS), MAX_COLUMNS);
  const anchor = rects[0];

  // Merged areas: the top-left cell spans, the others are not drawn.
  const spans = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const m of active.merges) {
    spans.set(`${m.r1}:${m.c1}`, { rows: m.r2 - m.r1 + 1, cols: Math.min(m.c2, lastColumn) - m.c1 + 1 });
    for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) covered.add(`${r}:${c}`);
  }
  const inSelection = (r: number, c: number): boolean => rects.some((rect) => rectContains(rect, r, c));
  const rowSelected = (r: number): boolean => rects.some((rect) => r >= rect.r1 && r <= rect.r2);
  const colSelected = (c: number): boolean => rects.some((rect) => c >= rect.c1 && c <= rect.c2);

  const columns: number[] = [];
  for (let c = 1; c <= lastColumn; c++) columns.push(c);
  const widthPx = (c: number): number => {
    const pt = active.columnWidths.get(c);
    return pt ? Math.round(pt / 0.75) : DEFAULT_WIDTH_PX;
  };
  // A fixed-layout table takes its column widths only when its own width is set.
  const tableWidth = ROW_HEAD_PX + columns.reduce((sum, c) => sum + widthPx(c), 0);
  const rows: number[] = [];
  for (let r = 1; r <= lastRow; r++) if (!active.hiddenRows.has(r)) rows.push(r);

  const choose = (sheet: string, address: string | null): void => {
    model.activeSheet = sheet;
    model.selection = address ? { sheet, address } : model.selection?.sheet === sheet ? model.selection : null;
    observed.notify();
  };

  return (
    <div className={styles.root} data-testid="grid" data-sheet={active.name} data-version={version}>
      <div className={styles.bar}>
        <span className={styles.nameBox} data-testid="name-box">
          {rects.length > 0 ? model.selection?.address : ""}
        </span>
        <span>{active.name}</span>
      </div>
      <div className={styles.scroller} ref={scroller}>
        <table className={styles.table} style={{ width: `${tableWidth}px` }}>
          <colgroup>
            <col style={{ width: `${ROW_HEAD_PX}px` }} />
            {columns.map((c) => (
              <col key={c} style={{ width: `${widthPx(c)}px` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className={styles.corner} />
              {columns.map((c) => (
                <th key={c} className={mergeClasses(styles.colHead, colSelected(c) && styles.headActive)}>
                  {columnLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r} data-row={r}>
                <th className={mergeClasses(styles.rowHead, rowSelected(r) && styles.headActive)} scope="row">
                  {r}
                </th>
                {columns.map((c) => {
                  const key = `${r}:${c}`;
                  if (covered.has(key)) return null;
                  const span = spans.get(key);
                  const value = active.getValue(r, c);
                  const style = active.style(r, c);
                  const fill = active.effectiveFill(r, c);
                  const color = active.effectiveFontColor(r, c);
                  const css: CSSProperties = {};
                  if (fill) css.backgroundColor = fill;
                  if (color) css.color = color;
                  if (style?.bold) css.fontWeight = "bold";
                  if (style?.fontSize) css.fontSize = `${Math.round((style.fontSize * 4) / 3)}px`;
                  css.textAlign = (style?.align as CSSProperties["textAlign"]) ?? (typeof value === "number" ? "right" : "left");
                  if (style?.border) css.boxShadow = "inset 0 0 0 1px #8a8a8a";
                  const selected = inSelection(r, c);
                  const spills =
                    typeof value === "string" && !span && c < lastColumn && active.getValue(r, c + 1) === undefined && !fill;
                  return (
                    <td
                      key={c}
                      rowSpan={span && span.rows > 1 ? span.rows : undefined}
                      colSpan={span && span.cols > 1 ? span.cols : undefined}
                      className={mergeClasses(
                        styles.cell,
                        spills && styles.overflow,
                        r === active.frozenRows && styles.frozen,
                        selected && styles.selected,
                      )}
                      style={css}
                      data-cell={`${columnLetter(c)}${r}`}
                      data-fill={fill ?? undefined}
                      data-selected={selected ? "" : undefined}
                      data-selected-anchor={anchor && anchor.r1 === r && anchor.c1 === c ? "" : undefined}
                      onClick={() => choose(active.name, `${columnLetter(c)}${r}`)}
                    >
                      {displayText(value, active.getNumberFormat(r, c))}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.tabs} role="tablist">
        {tabs.map((s) => (
          <button
            key={s.name}
            type="button"
            role="tab"
            aria-selected={s === active}
            className={mergeClasses(styles.tab, s === active && styles.tabActive)}
            onClick={() => choose(s.name, null)}
          >
            {s.name}
          </button>
        ))}
      </div>
    </div>
  );
}
