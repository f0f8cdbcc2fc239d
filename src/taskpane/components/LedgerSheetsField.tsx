/**
 * The ledger's other monthly sheets: beside the ledger field of a view, a multi-select of the workbook's
 * sheets read with it as one ledger. Sheets read with the same columns as the ledger sheet say so (同样的格式),
 * others say their columns differ; a button chooses every sheet named like the ledger sheet (all `2026-*`,
 * all `N月`). The choice is the pane store's, so every view and a switch of views keep it, and the workbook's
 * (../saved-ledger-sheets), so it comes back when the workbook is opened again.
 */
import { Badge, Button, Dropdown, Field, Option, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { sameLayout } from "../../core/read/combine";
import type { ColumnMapping } from "../../core/read/types";
import type { SheetInfo } from "../../port/workbook";
import { useLocale, useServices } from "../context";
import type { Locale } from "../i18n";
import { inWorkbookOrder, ledgerSheetsOf, sheetsLike, toggleSheet } from "../ledger-sheets";
import { usePane, usePaneStore } from "../store";

const STRINGS: Record<Locale, {
  label: string;
  hint: string;
  placeholder: string;
  same: string;
  differs: string;
  allLike: (name: string, n: number) => string;
  chosen: (n: number) => string;
}> = {
  "zh-CN": {
    label: "按月分表的台账：一并读取的工作表",
    hint: "多选同一台账的各月工作表，合为一本台账读取：期初取自第一张，其后各表的期初/上月结转只作核对。",
    placeholder: "只读台账这一张表",
    same: "同样的格式",
    differs: "格式不同",
    allLike: (name, n) => `选择所有类似“${name}”的工作表（${n} 张）`,
    chosen: (n) => `${n} 张工作表合为一本台账`,
  },
  "en-US": {
    label: "Ledger kept one sheet per month: sheets read with it",
    hint: "Choose the ledger's monthly sheets to read them as one ledger: the opening comes from the first, later opening/brought-forward rows are only checked.",
    placeholder: "The ledger sheet only",
    same: "same layout",
    differs: "other columns",
    allLike: (name, n) => `Select all sheets like "${name}" (${n})`,
    chosen: (n) => `${n} sheets read as one ledger`,
  },
};

const useStyles = makeStyles({
  control: { minWidth: 0, width: "100%", maxWidth: "100%", boxSizing: "border-box" },
  option: { display: "inline-flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalXS, overflowWrap: "anywhere", minWidth: 0 },
  actions: { display: "flex", flexWrap: "wrap" },
});

/** The sheets chosen as the ledger (at least the ledger sheet), from the pane store. */
export function useLedgerSheets(ledger: string | null): string[] {
  const stored = usePane((p) => p.ledgerSheets ?? null);
  return useMemo(() => ledgerSheetsOf(ledger, stored), [ledger, stored]);
}

type Layouts = Record<string, ColumnMapping | null>;

/**
 * Each candidate sheet's columns as the reader finds them (null: not readable as a ledger), read once per
 * sheet list: the sheets named like the ledger sheet and those chosen.
 */
function useLayouts(sheets: readonly SheetInfo[], ledger: string, chosen: readonly string[], generation: number): Layouts {
  const { port, useCases } = useServices();
  const [layouts, setLayouts] = useState<{ key: string; map: Layouts }>({ key: "", map: {} });
  const candidates = useMemo(() => inWorkbookOrder(sheets, new Set([ledger, ...sheetsLike(sheets, ledger), ...chosen])), [sheets, ledger, chosen]);
  const key = `${generation}|${candidates.join("\u0000")}`;
  useEffect(() => {
    let live = true;
    const known = layouts.key.split("|")[0] === String(generation) ? layouts.map : {};
    const missing = candidates.filter((n) => !(n in known));
    // Nothing to compare the ledger with: its sheet is not read again just for this (it may be large).
    if (missing.length === 0 || candidates.length < 2) return;
    void (async () => {
      const map: Layouts = { ...known };
      for (const name of missing) {
        try {
          const read = await useCases.readSheet(port, name, { side: "ledger" });
          map[name] = read.errors.some((e) => e.code === "no_header" || e.code === "no_amount_column") ? null : read.mapping;
        } catch {
          map[name] = null;
        }
        if (!live) return;
      }
      setLayouts({ key, map });
    })();
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, port, useCases]);
  return layouts.map;
}

export interface LedgerSheetsFieldProps {
  sheets: readonly SheetInfo[];
  ledger: string | null;
  statement: string | null;
  generation: number;
  disabled?: boolean;
}

/** Shown once a ledger is chosen and the workbook has other sheets to add. */
export function LedgerSheetsField({ sheets, ledger, statement, generation, disabled }: LedgerSheetsFieldProps): JSX.Element | null {
  const locale = useLocale();
  const s = STRINGS[locale];
  const styles = useStyles();
  const store = usePaneStore();
  const chosen = useLedgerSheets(ledger);
  const usable = sheets.filter((x) => x.rowCount > 0 && x.columnCount > 0 && x.name !== statement);
  const layouts = useLayouts(sheets, ledger ?? "", chosen, generation);
  if (ledger === null || usable.length < 2) return null;
  const like = sheetsLike(sheets, ledger).filter((n) => n !== statement);
  const first = layouts[chosen[0]] ?? layouts[ledger];
  const badge = (name: string): JSX.Element | null => {
    if (name === chosen[0] || !first || !(name in layouts)) return null;
    const mine = layouts[name];
    return mine && sameLayout(first, mine) ? (
      <Badge appearance="tint" color="success" size="small" data-layout="same">
        {s.same}
      </Badge>
    ) : (
      <Badge appearance="tint" color="warning" size="small" data-layout="differs">
        {s.differs}
      </Badge>
    );
  };
  const set = (next: string[]) => store.dispatch({ type: "ledger/sheets", sheets: next.length > 1 ? next : null });
  return (
    <>
      <Field label={s.label} hint={chosen.length > 1 ? s.chosen(chosen.length) : s.hint}>
        <Dropdown
          multiselect
          className={styles.control}
          data-testid="ledger-sheets"
          placeholder={s.placeholder}
          value={chosen.length > 1 ? chosen.join("、") : ""}
          selectedOptions={chosen}
          disabled={disabled}
          onOptionSelect={(_, data) => {
            if (data.optionValue !== undefined) set(toggleSheet(sheets, chosen, ledger, data.optionValue, statement));
          }}
        >
          {usable.map((x) => (
            <Option key={x.name} value={x.name} text={x.name} disabled={x.name === ledger} data-sheet={x.name}>
              <span className={styles.option}>
                {x.name}
                {badge(x.name)}
              </span>
            </Option>
          ))}
        </Dropdown>
      </Field>
      {like.length > 1 && like.some((n) => !chosen.includes(n)) ? (
        <div className={styles.actions}>
          <Button size="small" disabled={disabled} onClick={() => set(inWorkbookOrder(sheets, new Set([...chosen, ...like])))} data-testid="ledger-sheets-like">
            {s.allLike(ledger, like.length)}
          </Button>
        </div>
      ) : null}
    </>
  );
}
