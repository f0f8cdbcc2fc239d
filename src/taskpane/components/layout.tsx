/**
 * Layout parts every view of the pane uses, so each of them fits the narrowest pane Office gives
 * (320 px) without sideways scrolling: stacked sections, form rows that wrap instead of pushing the
 * pane wider, controls that shrink with the pane, and the run bar that stays in reach.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

export const useLayoutStyles = makeStyles({
  /** A view: sections one under the other. */
  view: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    minWidth: 0,
  },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  heading: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
  },
  /**
   * Fields side by side where the pane is wide enough, one under the other where it is not: each
   * field asks for at least 10em and the row wraps rather than growing past the pane.
   */
  formRow: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  /** A field in a form row that takes the room left. */
  grow: { flexGrow: 1, flexShrink: 1, flexBasis: "10em", minWidth: 0 },
  /** A field in a form row that keeps its own size. */
  fixed: { flexGrow: 0, flexShrink: 0, minWidth: 0, maxWidth: "100%" },
  /**
   * Fluent's Dropdown, Combobox and Input ask for a minimum width (250 px for a Dropdown) wider than
   * what a field gets in a narrow pane: they take the field's width instead.
   */
  control: { minWidth: 0, width: "100%", maxWidth: "100%", boxSizing: "border-box" },
  /** Buttons of one step, wrapping onto a second line when their labels do not fit. */
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  /**
   * A step's buttons kept in reach: while the step lies below the visible part of the pane (long
   * checks above it), the bar stays at the pane's bottom edge; once scrolled to, it sits in its place.
   */
  stickyBar: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})`,
    marginRight: `calc(-1 * ${tokens.spacingHorizontalM})`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  /** Long words (sheet names, document numbers) break rather than widen the pane. */
  breakable: { overflowWrap: "anywhere", minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Fields side by side that wrap in a narrow pane. */
export function FormRow({ children }: { children: ReactNode }): JSX.Element {
  const styles = useLayoutStyles();
  return <div className={styles.formRow}>{children}</div>;
}
