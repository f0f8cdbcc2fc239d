import {
  Badge,
  Button,
  Dropdown,
  Field,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { Side } from "../../core/model";
import type { SheetInfo } from "../../port/workbook";
import type { SheetChoice } from "../choice";
import { useStrings } from "../context";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  table: {
    // Narrow panes (320 px) still show the whole name column; sizes get just what digits need.
    tableLayout: "auto",
  },
  number: {
    textAlign: "end",
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
  },
  numberHead: {
    justifyContent: "flex-end",
  },
  nameCell: {
    wordBreak: "break-all",
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
  badges: {
    display: "inline-flex",
    columnGap: tokens.spacingHorizontalXS,
    marginLeft: tokens.spacingHorizontalXS,
  },
  actions: {
    display: "flex",
    justifyContent: "flex-end",
  },
});

export interface SheetPickerProps {
  sheets: readonly SheetInfo[];
  choice: SheetChoice;
  onChoose: (side: Side, name: string) => void;
  onRefresh: () => void;
  busy?: boolean;
  /** Shown under the ledger field: the ledger's other monthly sheets. */
  ledgerExtra?: ReactNode;
  /** Every sheet read as the ledger (a ledger kept one sheet per month), each badged as the ledger. */
  ledgerSheets?: readonly string[];
}

/** The first screen: the workbook's sheets with their sizes, and which is the ledger and which the statement. */
export function SheetPicker({ sheets, choice, onChoose, onRefresh, busy, ledgerExtra, ledgerSheets }: SheetPickerProps): JSX.Element {
  const t = useStrings();
  const styles = useStyles();

  const picker = (side: Side, label: string, hint: string): JSX.Element => {
    const selected = side === "ledger" ? choice.ledger : choice.statement;
    const info = sheets.find((s) => s.name === selected);
    return (
      <Field label={label} hint={hint}>
        <Dropdown
          data-testid={`pick-${side}`}
          placeholder={t.chooseSheet}
          value={info ? t.sheetOption(info.name, info.rowCount, info.columnCount) : ""}
          selectedOptions={selected ? [selected] : []}
          onOptionSelect={(_, data) => {
            if (data.optionValue !== undefined) onChoose(side, data.optionValue);
          }}
          disabled={busy}
        >
          {sheets.map((s) => (
            <Option key={s.name} value={s.name} text={t.sheetOption(s.name, s.rowCount, s.columnCount)}>
              {t.sheetOption(s.name, s.rowCount, s.columnCount)}
            </Option>
          ))}
        </Dropdown>
      </Field>
    );
  };

  return (
    <section className={styles.root} aria-label={t.viewSheets}>
      <Text>{t.sheetsIntro}</Text>
      {sheets.length === 0 ? (
        <Text className={styles.muted}>{t.noSheets}</Text>
      ) : (
        <Table size="extra-small" aria-label={t.sheetsTableLabel} className={styles.table} data-testid="sheet-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.columnSheet}</TableHeaderCell>
              <TableHeaderCell className={styles.number} button={{ className: styles.numberHead }}>
                {t.columnRows}
              </TableHeaderCell>
              <TableHeaderCell className={styles.number} button={{ className: styles.numberHead }}>
                {t.columnColumns}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {sheets.map((s) => (
              <TableRow key={s.name} data-sheet={s.name}>
                <TableCell className={styles.nameCell}>
                  <span className={s.visible ? undefined : styles.muted}>{s.name}</span>
                  {s.visible ? null : <span className={styles.muted}>{t.hidden}</span>}
                  <span className={styles.badges}>
                    {choice.ledger === s.name || ledgerSheets?.includes(s.name) ? (
                      <Badge appearance="tint" color="brand" size="small">
                        {t.ledger}
                      </Badge>
                    ) : null}
                    {choice.statement === s.name ? (
                      <Badge appearance="tint" color="important" size="small">
                        {t.statement}
                      </Badge>
                    ) : null}
                  </span>
                </TableCell>
                <TableCell className={styles.number}>{s.rowCount}</TableCell>
                <TableCell className={styles.number}>{s.columnCount}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {picker("ledger", t.ledgerField, t.ledgerHint)}
      {ledgerExtra}
      {picker("statement", t.statementField, t.statementHint)}
      <div className={styles.actions}>
        <Button size="small" onClick={onRefresh} disabled={busy}>
          {t.refresh}
        </Button>
      </div>
    </section>
  );
}
