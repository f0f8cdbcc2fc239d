/**
 * The 函证 view: company details, template, dealers, cut-off, generate with progress and cancel, the
 * letters made (each a click from its place in the sheet) and the register's summary (sent, 相符 / 不符,
 * overdue, each row a click away). The workflow is useLettersRun's; this renders it.
 */
import { Button, Caption1, Checkbox, Dropdown, Field, Input, Link, Option, Radio, RadioGroup, Spinner, Text } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { absFen, formatFenGrouped, type Fen } from "../../core/money";
import type { Selection, SheetInfo } from "../../port/workbook";
import type { SheetChoice } from "../choice";
import { Actions, DateField, FormRow, MAX_LISTED_ROWS, Notice, ResultList, RunProgressBar, Section, useLayoutStyles } from "../components/layout";
import { LedgerSheetsField, useLedgerSheets } from "../components/LedgerSheetsField";
import { LETTERS_MORE, type LettersMoreStrings } from "./balance-strings";
import { useLocale, useStrings } from "../context";
import type { PaneMessage } from "../messages";
import { LETTERS_STRINGS, type LettersStrings } from "./strings";
import { BUILTIN_KINDS, searchDealers, skippedOfRun, useLettersRun, type RowOff } from "./useLettersRun";
import type { BuiltinKind } from "../../core/letters/builtin";
import type { BalanceTable } from "../../core/read/balances";
import type { Locale } from "../i18n";
import type { Message } from "../../core/messages";
import { render } from "../../messages/render";

export interface LettersViewProps {
  sheets: readonly SheetInfo[];
  choice: SheetChoice;
  generation: number;
  report: (message: PaneMessage) => void;
  clear: (key: string) => void;
  onGoTo: (target: Selection) => void;
}

const builtinLabel = (s: LettersStrings, kind: BuiltinKind) =>
  kind === "positive" ? s.builtinPositive : kind === "negative" ? s.builtinNegative : s.builtinMovements;

/** Sheets that cannot be templates: ours and the register. */
const NOT_TEMPLATES = /^(对账函 \d{4}-\d{2}-\d{2}|函证登记簿|本公司信息)/;

export function LettersView({ sheets, choice, generation, report, clear, onGoTo }: LettersViewProps): JSX.Element {
  const locale = useLocale();
  const t = useStrings();
  const s = LETTERS_STRINGS[locale];
  const styles = useLayoutStyles();
  const more = LETTERS_MORE[locale];
  const ledgerSheets = useLedgerSheets(choice.ledger);
  const run = useLettersRun({ ledger: choice.ledger, ledgerSheets, report, clear, onGoTo, generation });
  const balances = run.balances ?? null;
  const [search, setSearch] = useState("");
  const { choices } = run;

  const templateOptions = useMemo(() => {
    const options = BUILTIN_KINDS.map((k) => ({ value: `builtin:${k}`, text: builtinLabel(s, k) }));
    for (const sheet of sheets) {
      if (ledgerSheets.includes(sheet.name) || sheet.name === choice.statement || NOT_TEMPLATES.test(sheet.name)) continue;
      options.push({ value: `sheet:${sheet.name}`, text: s.sheetTemplate(sheet.name) });
    }
    if (!options.some((o) => o.value === choices.template) && choices.template.startsWith("sheet:")) {
      options.push({ value: choices.template, text: s.sheetTemplate(choices.template.slice("sheet:".length)) });
    }
    return options;
  }, [sheets, choice, ledgerSheets, choices.template, s]);
  const templateText = templateOptions.find((o) => o.value === choices.template)?.text ?? "";
  const builtinChosen = choices.template.startsWith("builtin:") ? (choices.template.slice("builtin:".length) as BuiltinKind) : null;
  const shownDealers = useMemo(() => searchDealers(run.dealerList ?? [], search), [run.dealerList, search]);

  if (!choice.ledger) {
    return (
      <div className={styles.view} data-testid="letters-view">
        <Text>{s.intro}</Text>
        <Notice intent="info" testId="letters-no-ledger">
          {s.noLedger}
        </Notice>
      </div>
    );
  }

  const status = run.status;
  const cutoffDiffers = run.cutoffDiffers;
  const skipped = status.state === "done" ? skippedOfRun(status.run) : null;
  return (
    <div className={styles.view} data-testid="letters-view">
      <Caption1 className={styles.muted}>{s.intro}</Caption1>

      <Section id="letters-ledger" testId="letters-ledger" label={more.ledgerIs(ledgerSheets.join("、"))}>
        <Text className={styles.breakable}>{more.ledgerIs(ledgerSheets.join("、"))}</Text>
        <LedgerSheetsField sheets={sheets} ledger={choice.ledger} statement={choice.statement} generation={generation} disabled={run.running} />
        {balances ? <BalanceNotes more={more} table={balances} goTo={run.goTo} listRows={skipped === null} /> : null}
      </Section>

      <Section id="letters-company" title={s.company} testId="letters-company">
        {run.company.state === "checking" ? <Spinner size="tiny" /> : null}
        {run.company.state === "done" && run.company.sheet ? (
          <Text className={styles.breakable}>{s.companyFrom(run.company.sheet)}</Text>
        ) : null}
        {run.company.state === "done" && !run.company.sheet ? <Notice intent="warning">{s.companyMissing}</Notice> : null}
        {run.company.state === "done" && run.company.sheet && run.company.warnings.length > 0 ? (
          <Notice intent="warning" testId="letters-company-warnings">
            {run.company.warnings.join("；")}
          </Notice>
        ) : null}
        <Actions>
          <Button size="small" onClick={run.recheck} data-testid="letters-recheck">
            {s.recheck}
          </Button>
        </Actions>
      </Section>

      <Section id="letters-template" title={s.template} testId="letters-template">
        <Field>
          <Dropdown
            aria-labelledby="letters-template"
            className={styles.control}
            value={templateText}
            selectedOptions={[choices.template]}
            onOptionSelect={(_, d) => d.optionValue && run.choose({ template: d.optionValue })}
            data-testid="letters-template-choice"
          >
            {templateOptions.map((o) => (
              <Option key={o.value} value={o.value} text={o.text} disabled={balances !== null && o.value === "builtin:movements"}>
                <span className={styles.breakable}>{o.text}</span>
              </Option>
            ))}
          </Dropdown>
        </Field>
        {builtinChosen ? (
          <Actions>
            <Button size="small" disabled={run.writing} onClick={() => void run.writeBuiltin(builtinChosen)} data-testid="letters-write-builtin">
              {s.writeBuiltin}
            </Button>
          </Actions>
        ) : null}
        {balances !== null && choices.template === "builtin:movements" ? (
          <Notice intent="warning" testId="letters-movements-refused">
            {more.movementsNotOffered}
          </Notice>
        ) : null}
        {run.check.state === "checking" ? <Spinner size="tiny" /> : null}
        {run.check.state === "ok" ? <Caption1 data-testid="letters-template-ok">{s.templateOk}</Caption1> : null}
        {run.check.state === "problems" && run.check.messages.length > 0 ? (
          <Notice intent="error" testId="letters-template-problems">
            {s.templateProblems}
            <ResultList dense>
              {run.check.messages.map((m, i) => (
                <li key={i} className={styles.breakable}>
                  {m}
                </li>
              ))}
            </ResultList>
          </Notice>
        ) : null}
      </Section>

      <Section id="letters-dealers" title={s.dealers} testId="letters-dealers">
        <RadioGroup value={choices.mode} onChange={(_, d) => run.choose({ mode: d.value as typeof choices.mode })} data-testid="letters-mode">
          <Radio value="all" label={s.modeAll} />
          <Radio value="reconciled" label={s.modeReconciled} disabled={run.reconciled.length === 0} />
          <Radio value="picked" label={s.modePicked} />
        </RadioGroup>
        {choices.mode === "reconciled" ? (
          <Caption1 className={styles.breakable}>{run.reconciled.length > 0 ? run.reconciled.join("、") : s.noReconciled}</Caption1>
        ) : null}
        {choices.mode === "picked" ? (
          <>
            <Field label={s.search}>
              <Input className={styles.control} value={search} onChange={(_, d) => setSearch(d.value)} data-testid="letters-search" />
            </Field>
            <Caption1 data-testid="letters-picked-count">{s.pickedCount(choices.picked.length)}</Caption1>
            {run.dealerList === null ? <Spinner size="tiny" /> : null}
            <div data-testid="letters-dealer-list">
              {[...new Set([...choices.picked.filter((p) => !shownDealers.includes(p) && search === ""), ...shownDealers])].map((name) => (
                <Checkbox key={name} label={<span className={styles.breakable}>{name}</span>} checked={choices.picked.includes(name)} onChange={() => run.togglePicked(name)} />
              ))}
            </div>
          </>
        ) : null}
      </Section>

      <Section id="letters-run" title={s.generate} testId="letters-run">
        <FormRow>
          <DateField
            grow
            label={s.asOf}
            problem={run.asOfOk ? undefined : s.asOfProblem}
            value={choices.asOf}
            onChange={(value) => run.choose({ asOf: value })}
            testId="letters-asof"
          />
        </FormRow>
        {cutoffDiffers ? (
          <Notice
            intent="warning"
            testId="letters-cutoff-differs"
            actions={
              <Button size="small" onClick={() => run.choose({ asOf: cutoffDiffers.cutoff })} data-testid="letters-use-cutoff">
                {more.useCutoff(cutoffDiffers.cutoff)}
              </Button>
            }
          >
            {more.cutoffDiffers(cutoffDiffers.asOf, cutoffDiffers.cutoff)}
          </Notice>
        ) : null}
        {balances !== null && balances.cutoff === null ? <Caption1 className={styles.muted}>{more.noCutoff}</Caption1> : null}
        <Actions>
          <Button appearance="primary" disabled={!run.canGenerate} onClick={() => void run.generate()} data-testid="letters-generate">
            {s.generate}
          </Button>
          {run.running ? (
            <Button onClick={run.cancel} data-testid="letters-cancel">
              {s.cancel}
            </Button>
          ) : null}
        </Actions>
        {status.state === "running" ? (
          <RunProgressBar value={status.total > 0 ? status.done / status.total : 0} label={s.stage[status.stage]} stage={status.stage} testId="letters-progress" />
        ) : null}
        {status.state === "cancelled" ? <Notice intent="info" testId="letters-cancelled">{s.cancelled}</Notice> : null}
        {status.state === "refused" ? <RunRefused messages={status.messages} locale={locale} /> : null}
        {status.state === "failed" ? (
          <Notice intent="error" testId="letters-failed" title={s.failedTitle}>
            {status.message(t)}
          </Notice>
        ) : null}
      </Section>

      {status.state === "done" ? (
        <Section id="letters-results" title={s.results(status.run.letters.length, status.run.sheet)} testId="letters-results">
          {/* The run's warnings include the one about formats an older Excel cannot copy: said there, once. */}
          <RunWarnings warnings={status.run.warnings} locale={locale} />
          {skipped ? <RowsOffList more={more} s={s} locale={locale} rows={skipped.rowsOff} goTo={run.goTo} /> : null}
          <ResultList testId="letters-list">
            {status.run.letters.map((l) => (
              <li key={l.number} className={styles.breakable} data-testid="letter-item">
                <Link onClick={() => run.goTo({ sheet: l.sheet, row: l.firstRow, rowEnd: l.lastRow })} data-testid="letter-link">
                  {l.number}
                </Link>{" "}
                {l.dealer} ¥{formatFenGrouped(absFen(l.balanceFen))}{" "}
                <Link onClick={() => run.goTo({ sheet: REGISTER, row: l.registerRow })} data-testid="letter-register-link">
                  {s.registerRow(l.registerRow)}
                </Link>
              </li>
            ))}
          </ResultList>
          {skipped && skipped.others.length > 0 ? (
            <ResultList testId="letters-skipped">
              {skipped.others.map((k) => (
                <li key={k.dealer} className={styles.breakable}>
                  <Caption1>{s.skipped(k.dealer, render(k.reason, locale))}</Caption1>
                </li>
              ))}
            </ResultList>
          ) : null}
        </Section>
      ) : null}

      <RegisterSummary s={s} more={more} register={run.register} goTo={run.goTo} retry={run.retryRegister} />
    </div>
  );
}

const REGISTER = "函证登记簿";

/** What stopped a run (the template's or the register's problems…), said in the pane's language of the moment. */
export function RunRefused({ messages, locale }: { messages: readonly Message[]; locale: Locale }): JSX.Element {
  const styles = useLayoutStyles();
  return (
    <Notice intent="error" testId="letters-refused">
      <ResultList dense>
        {messages.map((m, i) => (
          <li key={i} className={styles.breakable}>
            {render(m, locale)}
          </li>
        ))}
      </ResultList>
    </Notice>
  );
}

/** The run's warnings, each a sentence, in the pane's language now (a switch of language says them again). */
export function RunWarnings({ warnings, locale }: { warnings: readonly Message[]; locale: Locale }): JSX.Element | null {
  const styles = useLayoutStyles();
  if (warnings.length === 0) return null;
  return (
    <Notice intent="warning" testId="letters-warnings">
      <ResultList dense>
        {warnings.map((w, i) => (
          <li key={i} className={styles.breakable}>
            {asSentence(render(w, locale))}
          </li>
        ))}
      </ResultList>
    </Notice>
  );
}

/**
 * A run's warning as an item of the list: a sentence. Some of the run's own texts (no 本公司信息 sheet, formats an
 * older Excel cannot copy) are made to follow a label on the command line, starting lower case without a full stop.
 */
export function asSentence(text: string): string {
  const said = text.charAt(0).toUpperCase() + text.slice(1);
  if (said === "" || /[.。!?！？]$/.test(said)) return said;
  return `${said}${/[\x20-\x7e]$/.test(said) ? "." : "。"}`;
}

/**
 * The letters come from a balance table; before a run (`listRows`), its rows that do not add up, as read, each a
 * click away: no letter is made for them. After a run the results list them, as the run skipped them, instead.
 */
export function BalanceNotes({ more, table, goTo, listRows }: { more: LettersMoreStrings; table: BalanceTable; goTo: (t: Selection) => void; listRows: boolean }): JSX.Element {
  const styles = useLayoutStyles();
  const rows = more.rows;
  return (
    <>
      <Notice intent="info" testId="letters-from-balances">
        {more.fromBalances(table.sheet, table.cutoff)}
      </Notice>
      {listRows && table.mismatches.length > 0 ? (
        <Notice intent="warning" testId="letters-mismatched">
          {more.mismatched(table.mismatches.length)}
          <ResultList dense>
            {table.mismatches.slice(0, MAX_LISTED_ROWS).map((m) => (
              <li key={m.row} className={styles.breakable}>
                <Link onClick={() => goTo({ sheet: m.sheet, row: m.row })}>{rows.mismatchRow(m.sheet, m.row, m.dealer, formatFenGrouped(m.expected), formatFenGrouped(m.found))}</Link>
              </li>
            ))}
          </ResultList>
          {table.mismatches.length > MAX_LISTED_ROWS ? rows.moreRows(table.mismatches.length - MAX_LISTED_ROWS) : null}
        </Notice>
      ) : null}
    </>
  );
}

/**
 * The dealers of a run from a balance table that got no letter because their row does not add up, as the run
 * skipped them: the first few, each a click from its row, and how many more.
 */
export function RowsOffList({ more, s, locale, rows, goTo }: { more: LettersMoreStrings; s: LettersStrings; locale: Locale; rows: readonly RowOff[]; goTo: (t: Selection) => void }): JSX.Element | null {
  const styles = useLayoutStyles();
  if (rows.length === 0) return null;
  return (
    <Notice intent="warning" testId="letters-excluded">
      <span data-testid="letters-excluded-count">{more.excludedAfterRun(rows.length)}</span>
      <ResultList dense>
        {rows.slice(0, MAX_LISTED_ROWS).map((r) => {
          const target = r.target;
          const text = s.skipped(r.dealer, render(r.reason, locale));
          return (
            <li key={r.dealer} className={styles.breakable} data-testid="letters-excluded-row">
              {target ? <Link onClick={() => goTo(target)}>{text}</Link> : text}
            </li>
          );
        })}
      </ResultList>
      {rows.length > MAX_LISTED_ROWS ? <span data-testid="letters-excluded-more">{more.rows.moreRows(rows.length - MAX_LISTED_ROWS)}</span> : null}
    </Notice>
  );
}

function RegisterSummary({
  s,
  more,
  register,
  goTo,
  retry,
}: {
  s: LettersStrings;
  more: LettersMoreStrings;
  register: ReturnType<typeof useLettersRun>["register"];
  goTo: (t: Selection) => void;
  retry: () => void;
}): JSX.Element {
  const styles = useLayoutStyles();
  const t = useStrings();
  if (register === null) return <Spinner size="tiny" data-testid="letters-register-loading" />;
  if (typeof register === "object" && "failed" in register) {
    return (
      <Section id="letters-register" title={s.register} testId="letters-register">
        <Notice
          intent="error"
          testId="letters-register-failed"
          title={more.registerFailedTitle}
          actions={
            <Button size="small" onClick={retry} data-testid="letters-register-retry">
              {more.retry}
            </Button>
          }
        >
          {register.failed(t)}
        </Notice>
      </Section>
    );
  }
  if (register === "none") {
    return (
      <Section id="letters-register" title={s.register} testId="letters-register">
        <Caption1>{s.noRegister}</Caption1>
      </Section>
    );
  }
  const { status, sheet } = register;
  const row = (key: string, r: number, number: string, dealer: string, extra: string) => (
    <li key={key} className={styles.breakable} data-testid="register-item">
      <Link onClick={() => goTo({ sheet, row: r })} data-testid="register-link">
        {number || `#${r}`}
      </Link>{" "}
      {dealer} <Caption1>{extra}</Caption1>
    </li>
  );
  const money = (f: Fen | null) => (f === null ? "—" : formatFenGrouped(f));
  return (
    <Section id="letters-register" title={s.register} testId="letters-register">
      <Text data-testid="register-counts">{s.counts(status.counts)}</Text>
      {status.overdue.length > 0 ? (
        <>
          <Text weight="semibold">{s.overdue}</Text>
          <ResultList testId="register-overdue">{status.overdue.map((o) => row(`o${o.row}`, o.row, o.number, o.dealer, s.daysOverdue(o.daysOverdue)))}</ResultList>
        </>
      ) : null}
      {status.mismatched.length > 0 ? (
        <>
          <Text weight="semibold">{s.mismatched}</Text>
          <ResultList testId="register-mismatched">{status.mismatched.map((m) => row(`m${m.row}`, m.row, m.number, m.dealer, s.theirs(money(m.ours), money(m.theirs))))}</ResultList>
        </>
      ) : null}
      {status.confirmed.length > 0 ? (
        <>
          <Text weight="semibold">{s.confirmed}</Text>
          <ResultList testId="register-confirmed">{status.confirmed.map((c) => row(`c${c.row}`, c.row, c.number, c.dealer, c.acknowledgedOn ? s.acknowledged(c.acknowledgedOn) : ""))}</ResultList>
        </>
      ) : null}
    </Section>
  );
}
