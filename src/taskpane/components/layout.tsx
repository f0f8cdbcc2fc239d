/**
 * The parts every view of the pane is built from, so each of them fits the narrowest pane Office gives
 * (320 px) without sideways scrolling and all views look alike: stacked sections with their heading,
 * form rows that wrap instead of pushing the pane wider, controls that shrink with the pane, rows of
 * buttons, the run bar that stays in reach, the progress bar of a run, the message area of a step,
 * result lists and the legend of the colours laid on the sheets.
 */
import { Field, Input, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { forwardRef, type ReactNode } from "react";

/**
 * Rows listed one by one in a note (the read summary's blocks and skipped rows, a balance table's rows that do
 * not add up); past this the rest are counted, so a long list does not bury the pane.
 */
export const MAX_LISTED_ROWS = 8;

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
  /** A list of results (differences, actions, rows to check), one card under the other. */
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  /** Short lines (answers given, rows to check) closer together. */
  listDense: { rowGap: tokens.spacingVerticalXS },
  legend: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  legendRow: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  swatch: {
    display: "inline-block",
    width: "12px",
    height: "12px",
    flexShrink: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
  },
  /** A state the sheets leave uncoloured: an empty, dashed box. */
  swatchNone: { borderTopStyle: "dashed", borderRightStyle: "dashed", borderBottomStyle: "dashed", borderLeftStyle: "dashed" },
});

export interface DateFieldProps {
  label: string;
  /** `YYYY-MM-DD`, or empty. */
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  /** Said under the field when the date cannot be used. */
  problem?: string;
  /** `warning` for a date that can be used but deserves a look. */
  problemIntent?: "error" | "warning";
  disabled?: boolean;
  /** Takes the room left in a form row. */
  grow?: boolean;
  testId?: string;
}

/**
 * A date to type or pick (the browser's date picker), the same in every view (对账 cut-off, 账龄 as-of date,
 * 函证 截至日期): the value is always `YYYY-MM-DD` or empty, whatever the user's locale shows.
 */
export function DateField({ label, value, onChange, hint, problem, problemIntent = "error", disabled, grow, testId }: DateFieldProps): JSX.Element {
  const styles = useLayoutStyles();
  return (
    <Field
      className={grow ? styles.grow : undefined}
      label={label}
      hint={problem ? undefined : hint}
      validationState={problem ? problemIntent : "none"}
      validationMessage={problem}
    >
      <Input className={styles.control} type="date" value={value} onChange={(_, data) => onChange(data.value)} disabled={disabled} data-testid={testId} />
    </Field>
  );
}

/** Fields side by side that wrap in a narrow pane. */
export function FormRow({ children }: { children: ReactNode }): JSX.Element {
  const styles = useLayoutStyles();
  return <div className={styles.formRow}>{children}</div>;
}

export interface SectionProps {
  /** The heading's id, for `aria-labelledby`; without a title the section has none. */
  id?: string;
  title?: ReactNode;
  /** Kept at the pane's bottom edge while the user scrolls above it (the run bar). */
  sticky?: boolean;
  label?: string;
  testId?: string;
  children: ReactNode;
}

/** One step of a view: its heading, then its parts one under the other. */
export const Section = forwardRef<HTMLElement, SectionProps>(function Section({ id, title, sticky, label, testId, children }, ref) {
  const styles = useLayoutStyles();
  return (
    <section
      ref={ref}
      className={sticky ? styles.stickyBar : styles.section}
      aria-labelledby={title !== undefined && id ? id : undefined}
      aria-label={label}
      data-testid={testId}
    >
      {title !== undefined ? (
        <h2 id={id} className={styles.heading}>
          {title}
        </h2>
      ) : null}
      {children}
    </section>
  );
});

/** A step's buttons, wrapping in a narrow pane. */
export function Actions({ children }: { children: ReactNode }): JSX.Element {
  const styles = useLayoutStyles();
  return <div className={styles.actions}>{children}</div>;
}

/** A run's progress: the bar, and under it what the run is doing. */
export function RunProgressBar({ value, label, stage, testId }: { value: number; label: string; stage?: string; testId?: string }): JSX.Element {
  return (
    <Field validationMessage={label} validationState="none">
      <ProgressBar value={value} max={1} thickness="large" data-testid={testId} data-stage={stage} />
    </Field>
  );
}

/**
 * The message area of a step: what happened, with the button that acts on it if there is one. `title` names
 * what failed or what to look at (生成对账函失败); the body then says it whole, as the port or the run said it.
 */
export function Notice({
  intent,
  testId,
  title,
  actions,
  children,
}: {
  intent: "info" | "warning" | "error" | "success";
  testId?: string;
  title?: string;
  actions?: ReactNode;
  children: ReactNode;
}): JSX.Element {
  return (
    <MessageBar intent={intent} layout="multiline" data-testid={testId}>
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {children}
      </MessageBarBody>
      {actions ? <MessageBarActions>{actions}</MessageBarActions> : null}
    </MessageBar>
  );
}

/**
 * Results one under the other: every list of the pane, so all look and read alike. Its items are `<li>`s;
 * what selects a row in them is a button (a Fluent `Link` without `href`), reached with Tab. `role="list"`
 * keeps it a list for screen readers (WebKit drops the role of a list drawn without bullets).
 */
export function ResultList({ testId, dense, children }: { testId?: string; dense?: boolean; children: ReactNode }): JSX.Element {
  const styles = useLayoutStyles();
  return (
    <ul role="list" className={mergeClasses(styles.list, dense && styles.listDense)} data-testid={testId}>
      {children}
    </ul>
  );
}

/**
 * A colour as the sheets carry it, in a legend or beside a result: `fill` the cell's fill (null for a state the
 * sheets leave uncoloured), `color` the mark's text colour, drawn as the outline.
 */
export function Swatch({ fill, color }: { fill: string | null; color?: string | null }): JSX.Element {
  const styles = useLayoutStyles();
  return (
    <span
      className={mergeClasses(styles.swatch, fill === null && styles.swatchNone)}
      style={fill !== null ? { backgroundColor: fill, ...(color ? { borderColor: color } : {}) } : undefined}
      data-fill={fill ?? undefined}
      aria-hidden="true"
    />
  );
}

export interface LegendLine {
  key: string;
  fill: string;
  text: ReactNode;
}

/** What each colour laid on the user's sheets means. */
export function Legend({ lines }: { lines: readonly LegendLine[] }): JSX.Element {
  const styles = useLayoutStyles();
  return (
    <ul role="list" className={styles.legend}>
      {lines.map((l) => (
        <li key={l.key} className={styles.legendRow} data-legend={l.key}>
          <Swatch fill={l.fill} />
          {l.text}
        </li>
      ))}
    </ul>
  );
}
