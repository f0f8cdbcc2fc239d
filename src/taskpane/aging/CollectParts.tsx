/**
 * The 账龄 view's collection parts: the 时效 badge of an item and the filter of the list, the demand
 * letter panel (one dealer or all past their final deadline, level, days to pay) and the payment
 * commitment form with its schedule previewed. They render what useCollect returns.
 */
import {
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  Option,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { formatFen, formatFenGrouped } from "../../core/money";
import type { DemandRun } from "../../app/collect";
import { render } from "../../messages/render";
import { ActionNote } from "../components/ActionNote";
import { useLocale } from "../context";
import type { Locale } from "../i18n";
import { Actions, ResultList, Section, useLayoutStyles } from "../components/layout";
import type { CollectStrings } from "./collect-strings";
import { COLLECT_NOTE, type CollectView, type HandRow, type LimitationFilter } from "./useCollect";
import type { ActionLine } from "./model";

const useStyles = makeStyles({
  badge: {
    alignSelf: "flex-start",
    display: "inline-block",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: "normal",
    overflowWrap: "anywhere",
  },
  running: { color: tokens.colorNeutralForeground3 },
  expiring: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1 },
  expired: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorPaletteRedForeground2, fontWeight: tokens.fontWeightSemibold },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  table: { tableLayout: "auto" },
  skipped: { color: tokens.colorPaletteDarkOrangeForeground1, overflowWrap: "anywhere" },
});

/** The 时效 of one item: when its period ends and what started it, coloured once it is near or past. */
export function LimitationBadge({ s, limitation }: { s: CollectStrings; limitation: NonNullable<ActionLine["limitation"]> }): JSX.Element {
  const styles = useStyles();
  return (
    <span
      className={`${styles.badge} ${styles[limitation.status]}`}
      data-testid="limitation"
      data-status={limitation.status}
      title={s.limitationTitle(limitation.expires, limitation.basisText)}
    >
      {s.limitation} {s.limitationBadge[limitation.status]} · {limitation.expires}
    </span>
  );
}

/** Lines a 时效 filter keeps: expiring keeps those ending within 180 days, expired those run out. */
export function filterByLimitation<T extends { limitation: ActionLine["limitation"] }>(lines: readonly T[], filter: LimitationFilter): T[] {
  if (filter === "all") return [...lines];
  return lines.filter((l) => l.limitation?.status === filter);
}

export function LimitationFilterField({ s, value, onChange }: { s: CollectStrings; value: LimitationFilter; onChange: (f: LimitationFilter) => void }): JSX.Element {
  const layout = useLayoutStyles();
  const text: Record<LimitationFilter, string> = { all: s.filterAll, expiring: s.filterExpiring, expired: s.filterExpired };
  return (
    <Field label={s.limitationFilter}>
      <Dropdown
        className={layout.control}
        data-testid="aging-limitation-filter"
        value={text[value]}
        selectedOptions={[value]}
        onOptionSelect={(_, data) => onChange((data.optionValue as LimitationFilter | undefined) ?? "all")}
      >
        <Option value="all">{s.filterAll}</Option>
        <Option value="expiring">{s.filterExpiring}</Option>
        <Option value="expired">{s.filterExpired}</Option>
      </Dropdown>
    </Field>
  );
}

const PAST_FINAL = "\u0000pastFinal";

/** 生成催款函: for one dealer or for every dealer past its final deadline. */
export function DemandPanel({ s, c }: { s: CollectStrings; c: CollectView }): JSX.Element {
  const locale = useLocale();
  const layout = useLayoutStyles();
  const target = c.demand.target;
  const targetValue = target === null ? "" : "pastFinal" in target ? PAST_FINAL : target.dealer;
  const targetText = target === null ? "" : "pastFinal" in target ? s.demandPastFinal(c.pastFinal.length) : target.dealer;
  const levelText = c.demand.level === "auto" ? s.levelAuto : s.levelNames[c.demand.level];
  return (
    <Section id="aging-demand-title" title={s.demandTitle} testId="aging-demand">
      <Caption1 className={layout.muted}>{s.demandHint}</Caption1>
      <Field label={s.demandFor}>
        <Dropdown
          className={layout.control}
          data-testid="aging-demand-target"
          placeholder={s.pickDealer}
          value={targetText}
          selectedOptions={targetValue ? [targetValue] : []}
          onOptionSelect={(_, data) => {
            if (data.optionValue === undefined) return;
            c.setDemand({ target: data.optionValue === PAST_FINAL ? { pastFinal: true } : { dealer: data.optionValue } });
          }}
        >
          <Option value={PAST_FINAL} text={s.demandPastFinal(c.pastFinal.length)} disabled={c.pastFinal.length === 0}>
            {s.demandPastFinal(c.pastFinal.length)}
          </Option>
          {c.owing.map((d) => (
            <Option key={d} value={d}>
              {d}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={layout.formRow}>
        <Field className={layout.grow} label={s.level}>
          <Dropdown
            className={layout.control}
            data-testid="aging-demand-level"
            value={levelText}
            selectedOptions={[String(c.demand.level)]}
            onOptionSelect={(_, data) => c.setDemand({ level: data.optionValue === "1" || data.optionValue === "2" || data.optionValue === "3" ? (Number(data.optionValue) as 1 | 2 | 3) : "auto" })}
          >
            <Option value="auto">{s.levelAuto}</Option>
            <Option value="1">{s.levelNames[1]}</Option>
            <Option value="2">{s.levelNames[2]}</Option>
            <Option value="3">{s.levelNames[3]}</Option>
          </Dropdown>
        </Field>
        <Field
          className={layout.grow}
          label={s.deadlineDays}
          hint={c.deadlineOk ? s.deadlineDaysHint : undefined}
          validationState={c.deadlineOk ? "none" : "error"}
          validationMessage={c.deadlineOk ? undefined : s.deadlineDaysProblem}
        >
          <Input className={layout.control} value={c.demand.deadlineDays} onChange={(_, data) => c.setDemand({ deadlineDays: data.value })} data-testid="aging-demand-days" />
        </Field>
      </div>
      <Actions>
        <Button appearance="primary" onClick={() => void c.generateDemands()} disabled={!c.canDemand} data-testid="aging-demand-generate">
          {s.generateDemands}
        </Button>
        {c.busy === "demand" ? <Spinner size="tiny" /> : null}
      </Actions>
      <ActionNote at={COLLECT_NOTE.demand} />
      {c.demandRun ? <DemandSkipped s={s} locale={locale} skipped={c.demandRun.skipped} /> : null}
    </Section>
  );
}

/** 还款承诺书: the dealer, the amount, the installments, the schedule as it will be written. */
/** The dealers a demand run made no letter for, each with why, said in the pane's language of the moment. */
export function DemandSkipped({ s, locale, skipped }: { s: CollectStrings; locale: Locale; skipped: DemandRun["skipped"] }): JSX.Element | null {
  const styles = useStyles();
  if (skipped.length === 0) return null;
  return (
    <ResultList testId="aging-demand-skipped">
      {skipped.map((x) => (
        <li key={x.dealer}>
          <Caption1 className={styles.skipped}>{s.skipped(x.dealer, render(x.reason, locale))}</Caption1>
        </li>
      ))}
    </ResultList>
  );
}

export function PromisePanel({ s, c }: { s: CollectStrings; c: CollectView }): JSX.Element {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const f = c.promise;
  const preview = c.preview;
  const hand = f.mode === "hand";
  const rows = f.rows ?? [];
  const setRow = (i: number, patch: Partial<HandRow>) => c.setPromise({ rows: rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  return (
    <Section id="aging-promise-title" title={s.promiseTitle} testId="aging-promise">
      <Caption1 className={layout.muted}>{s.promiseHint}</Caption1>
      <Field label={s.promiseDealer}>
        <Dropdown
          className={layout.control}
          data-testid="aging-promise-dealer"
          placeholder={s.pickDealer}
          value={f.dealer ?? ""}
          selectedOptions={f.dealer ? [f.dealer] : []}
          onOptionSelect={(_, data) => {
            if (data.optionValue !== undefined) c.setPromise({ dealer: data.optionValue });
          }}
        >
          {c.owing.map((d) => (
            <Option key={d} value={d}>
              {d}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {f.dealer !== null ? (
        <>
          <div className={layout.formRow}>
            <Field className={layout.grow} label={s.amount} hint={c.openBalance !== null ? s.amountHint(formatFenGrouped(c.openBalance)) : undefined}>
              <Input
                className={layout.control}
                value={f.amount}
                placeholder={c.openBalance !== null ? formatFen(c.openBalance) : undefined}
                onChange={(_, data) => c.setPromise({ amount: data.value })}
                data-testid="aging-promise-amount"
              />
            </Field>
            <Field className={layout.grow} label={s.scheduleMode}>
              <Dropdown
                className={layout.control}
                data-testid="aging-promise-mode"
                value={hand ? s.modeHand : s.modeEqual}
                selectedOptions={[hand ? "hand" : "equal"]}
                onOptionSelect={(_, data) => c.setPromise({ mode: data.optionValue === "hand" ? "hand" : "equal" })}
              >
                <Option value="equal">{s.modeEqual}</Option>
                <Option value="hand">{s.modeHand}</Option>
              </Dropdown>
            </Field>
          </div>
          {hand ? (
            <>
              {rows.map((r, i) => (
                <div className={layout.formRow} key={i} data-testid="aging-promise-row">
                  <Field className={layout.grow} label={s.handDate(i + 1)}>
                    <Input className={layout.control} type="date" value={r.date} onChange={(_, data) => setRow(i, { date: data.value })} data-testid="aging-promise-row-date" />
                  </Field>
                  <Field className={layout.grow} label={s.handAmount(i + 1)}>
                    <Input className={layout.control} value={r.amount} onChange={(_, data) => setRow(i, { amount: data.value })} data-testid="aging-promise-row-amount" />
                  </Field>
                  <Button
                    appearance="subtle"
                    aria-label={s.removeRow(i + 1)}
                    title={s.removeRow(i + 1)}
                    disabled={rows.length <= 1}
                    onClick={() => c.setPromise({ rows: rows.filter((_, j) => j !== i) })}
                    data-testid="aging-promise-row-remove"
                  >
                    ×
                  </Button>
                </div>
              ))}
              <Actions>
                <Button onClick={() => c.setPromise({ rows: [...rows, { date: "", amount: "" }] })} data-testid="aging-promise-row-add">
                  {s.addRow}
                </Button>
              </Actions>
            </>
          ) : (
          <>
          <div className={layout.formRow}>
            <Field className={layout.grow} label={s.count}>
              <Input className={layout.control} value={f.count} onChange={(_, data) => c.setPromise({ count: data.value })} data-testid="aging-promise-count" />
            </Field>
          </div>
          <div className={layout.formRow}>
            <Field className={layout.grow} label={s.first}>
              <Input className={layout.control} type="date" value={f.first} onChange={(_, data) => c.setPromise({ first: data.value })} data-testid="aging-promise-first" />
            </Field>
            <Field className={layout.grow} label={s.every}>
              <Dropdown
                className={layout.control}
                data-testid="aging-promise-every"
                value={f.every === "month" ? s.everyMonth : s.everyDays}
                selectedOptions={[f.every]}
                onOptionSelect={(_, data) => c.setPromise({ every: data.optionValue === "days" ? "days" : "month" })}
              >
                <Option value="month">{s.everyMonth}</Option>
                <Option value="days">{s.everyDays}</Option>
              </Dropdown>
            </Field>
            {f.every === "days" ? (
              <Field className={layout.grow} label={s.intervalDays}>
                <Input className={layout.control} value={f.days} onChange={(_, data) => c.setPromise({ days: data.value })} data-testid="aging-promise-days" />
              </Field>
            ) : null}
          </div>
          </>
          )}
          {preview && !preview.ok ? (
            <Caption1 className={styles.skipped} data-testid="aging-promise-problem">
              {preview.message}
            </Caption1>
          ) : null}
          {preview && preview.ok ? (
            <Table size="extra-small" className={styles.table} aria-label={s.preview} data-testid="aging-promise-preview">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{s.columnN}</TableHeaderCell>
                  <TableHeaderCell>{s.columnDate}</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>{s.columnAmount}</TableHeaderCell>
                  <TableHeaderCell className={styles.number}>{s.columnCumulative}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {preview.installments.map((i) => (
                  <TableRow key={i.n} data-n={i.n}>
                    <TableCell>{i.n}</TableCell>
                    <TableCell data-testid="date">{i.date}</TableCell>
                    <TableCell className={styles.number} data-testid="amount">
                      {formatFenGrouped(i.amount)}
                    </TableCell>
                    <TableCell className={styles.number}>{formatFenGrouped(i.cumulative)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : null}
          <Actions>
            <Button appearance="primary" onClick={() => void c.generatePromise()} disabled={!c.canPromise} data-testid="aging-promise-generate">
              {s.generatePromise}
            </Button>
            {c.busy === "promise" ? <Spinner size="tiny" /> : null}
          </Actions>
        </>
      ) : null}
      <ActionNote at={COLLECT_NOTE.promise} />
    </Section>
  );
}
