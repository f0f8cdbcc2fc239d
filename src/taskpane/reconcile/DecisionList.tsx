/**
 * The user's answers to suggestions, latest first, each with an undo: a wrong "confirm match" must
 * be as easy to take back as it was to give.
 */
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ActionNote } from "../components/ActionNote";
import { ResultList, useLayoutStyles } from "../components/layout";
import { useLocale } from "../context";
import { DECISION_STRINGS, type DecisionLine } from "./decisions";

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusSmall,
  },
  what: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1, flexBasis: "12em" },
  stale: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** Where the view's confirmations about answers show. */
export const DECISIONS_NOTE = "reconcile-decisions";

export interface DecisionListProps {
  lines: readonly DecisionLine[];
  onUndo: (line: DecisionLine) => void;
  busy: boolean;
}

export function DecisionList({ lines, onUndo, busy }: DecisionListProps): JSX.Element | null {
  const locale = useLocale();
  const d = DECISION_STRINGS[locale];
  const styles = useStyles();
  const layout = useLayoutStyles();
  return (
    <section className={layout.section} aria-label={d.title(lines.length)} data-testid="decision-list">
      {lines.length > 0 ? (
        <>
          <Text weight="semibold" data-testid="decision-title">
            {d.title(lines.length)}
          </Text>
          <Caption1 className={layout.muted}>{d.hint}</Caption1>
          <ResultList dense>
            {lines.map((line) => (
              <li key={line.id} className={styles.item} data-testid="decision" data-decision={line.decision} data-id={line.id}>
                <span className={styles.what}>
                  <Text size={200} weight="semibold">
                    {line.decision === "confirmed" ? d.confirmed : d.rejected}
                  </Text>
                  <Text size={200} className={layout.breakable} data-testid="decision-rows">
                    {d.pair(line)}
                  </Text>
                  {line.stale ? (
                    <Caption1 className={styles.stale} data-testid="decision-stale">
                      {d.stale}
                    </Caption1>
                  ) : null}
                </span>
                <Button size="small" disabled={busy} onClick={() => onUndo(line)} aria-label={d.undoLabel(line)} data-testid="undo-decision">
                  {d.undo}
                </Button>
              </li>
            ))}
          </ResultList>
        </>
      ) : null}
      <ActionNote at={DECISIONS_NOTE} />
    </section>
  );
}
