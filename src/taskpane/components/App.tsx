import {
  Button,
  Spinner,
  Tab,
  TabList,
  Text,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { Side } from "../../core/model";
import type { Selection, SheetInfo, WorkbookPort } from "../../port/workbook";
import { CHOICE_SETTING, NO_CHOICE, applyChoice, checkChoice, choiceFromSetting, choiceMessageKey, keepUsable, type SheetChoice } from "../choice";
import { LocaleProvider, ServicesProvider, useServices, type PaneServices, type UseCases } from "../context";
import { STRINGS, otherLocale, type Locale, type Strings } from "../i18n";
import { messageFromError, withMessage, withoutMessage, type PaneMessage } from "../messages";
import { useSavedLedgerSheets } from "../saved-ledger-sheets";
import { PaneStoreProvider, usePane, type PaneStore } from "../store";
import { MessageList } from "./MessageList";
import { RECONCILE_STRINGS } from "../reconcile/strings";
import { AGING_STRINGS } from "../aging/strings";
import { LETTERS_STRINGS } from "../letters/strings";
import { AgingView, CreditView, LettersView, ReconcileView, SheetsView, ViewLoading, preloadFirstView } from "./views";

preloadFirstView();

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100%",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  // Five views' names do not fit one line of a 320 px pane in every language: the tabs wrap instead of
  // pushing the pane sideways.
  tabs: {
    flexWrap: "wrap",
  },
  body: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
});

/** What every view gets: the shared state of the pane and the means to report problems. */
export interface ViewProps {
  sheets: readonly SheetInfo[];
  choice: SheetChoice;
  report: (message: PaneMessage) => void;
  clear: (key: string) => void;
  /** Bumped when the user refreshes the sheet list, so views read their sheets again. */
  generation: number;
  /** Chooses the ledger or the statement for every view (checked, saved in the workbook). */
  choose: (side: Side, name: string) => void;
  /** Selects a cell or rows in the sheet, reporting a failure. */
  goTo: (target: Selection) => void;
}

/** What the 对账 and 账龄 views take: the shared state, with the actions named as their props name them. */
function stepProps(p: ViewProps) {
  return { sheets: p.sheets, choice: p.choice, generation: p.generation, report: p.report, clear: p.clear, onChoose: p.choose, onGoTo: p.goTo };
}

/**
 * A view of the pane. Later steps (对账, 账龄) add themselves here; the tab list only appears once
 * there is more than one, so users never see a tab that leads nowhere.
 */
interface PaneView {
  id: string;
  title: (t: Strings) => string;
  render: (props: ViewProps) => ReactNode;
}

export interface AppProps {
  port: WorkbookPort;
  /** The use cases the pane calls (../use-cases: APP_USE_CASES in Excel and the preview; stand-ins in tests). */
  useCases: UseCases;
  /** The pane's store; one of its own when not given (tests hand one in to look at it). */
  store?: PaneStore;
  /** The language to start in (from Office's display language); the user can switch in the pane. */
  initialLocale: Locale;
  /** Told when the user switches language, so the entry can remember it for next time. */
  onLocaleChange?: (locale: Locale) => void;
}

export function App({ port, useCases, store, initialLocale, onLocaleChange }: AppProps): JSX.Element {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const services = useMemo<PaneServices>(() => ({ port, useCases }), [port, useCases]);
  return (
    <LocaleProvider locale={locale}>
      <ServicesProvider services={services}>
        <PaneStoreProvider store={store}>
          <Shell
            locale={locale}
            onSwitchLocale={() => {
              const next = otherLocale(locale);
              setLocale(next);
              onLocaleChange?.(next);
            }}
          />
        </PaneStoreProvider>
      </ServicesProvider>
    </LocaleProvider>
  );
}

function Shell({ locale, onSwitchLocale }: { locale: Locale; onSwitchLocale: () => void }): JSX.Element {
  const t = STRINGS[locale];
  const styles = useStyles();
  const { port } = useServices();
  // null until the workbook first answered; kept while refreshing so the list does not flicker.
  const [listed, setListed] = useState<SheetInfo[] | null>(null);
  const [busy, setBusy] = useState(true);
  const [choice, setChoice] = useState<SheetChoice>(NO_CHOICE);
  const [messages, setMessages] = useState<PaneMessage[]>([]);
  const [viewId, setViewId] = useState("sheets");
  const [generation, setGeneration] = useState(0);
  // "为该经销商生成对账函" in another view asks, through the pane store, for the 函证 view.
  const lettersOpened = usePane((p) => p.letters?.opened ?? 0);
  useEffect(() => {
    if (lettersOpened > 0) setViewId("letters");
  }, [lettersOpened]);
  // The pane may be closed while a request is out; a late answer must not touch a gone component.
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const clear = useCallback((key: string) => setMessages((ms) => withoutMessage(ms, key)), []);
  // Confirmations of actions are not reported here: they show beside their action (ActionNote).
  const report = useCallback((m: PaneMessage) => setMessages((ms) => withMessage(ms, m)), []);

  // The monthly-sheet choice (按月分表的台账), kept in the workbook for the next opening.
  const syncLedgerSheets = useSavedLedgerSheets(report);

  const refresh = useCallback(
    async (restoreSaved: boolean) => {
      setBusy(true);
      try {
        const sheets = await port.listSheets();
        const saved = restoreSaved ? await port.getSetting(CHOICE_SETTING) : undefined;
        if (!alive.current) return;
        await syncLedgerSheets(sheets, restoreSaved);
        if (!alive.current) return;
        setListed(sheets);
        setGeneration((g) => g + 1);
        setChoice((c) => (restoreSaved ? choiceFromSetting(saved, sheets) : keepUsable(c, sheets)));
        clear("load");
      } catch (err) {
        if (!alive.current) return;
        report(messageFromError(err, "load"));
      } finally {
        if (alive.current) setBusy(false);
      }
    },
    [port, report, clear, syncLedgerSheets],
  );

  useEffect(() => {
    void refresh(true);
  }, [refresh]);

  const sheets = useMemo(() => listed ?? [], [listed]);

  const choose = useCallback(
    (side: Side, name: string) => {
      const problem = checkChoice(sheets, choice, side, name);
      if (problem) {
        report(problem);
        return;
      }
      clear(choiceMessageKey(side));
      const next = applyChoice(choice, side, name);
      setChoice(next);
      port.setSetting(CHOICE_SETTING, next).catch((err: unknown) => report(messageFromError(err, "save-choice")));
    },
    [sheets, choice, port, report, clear],
  );

  // Ledger and statement the other way round in one step: choosing either alone would be refused as the same sheet.
  const swap = useCallback(() => {
    const next: SheetChoice = { ledger: choice.statement, statement: choice.ledger };
    setChoice(next);
    port.setSetting(CHOICE_SETTING, next).catch((err: unknown) => report(messageFromError(err, "save-choice")));
  }, [choice, port, report]);

  const goTo = useCallback(
    (target: Selection) => {
      port.select(target).catch((err: unknown) => report(messageFromError(err, "select")));
    },
    [port, report],
  );

  const views: PaneView[] = [
    {
      id: "sheets",
      title: (s) => s.viewSheets,
      render: (p) => <SheetsView {...stepProps(p)} busy={busy} onRefresh={() => void refresh(false)} />,
    },
    {
      id: "reconcile",
      title: () => RECONCILE_STRINGS[locale].viewTitle,
      render: (p) => (
        <ReconcileView {...stepProps(p)} onSwap={swap} />
      ),
    },
    {
      id: "aging",
      title: () => AGING_STRINGS[locale].viewTitle,
      render: (p) => (
        <AgingView {...stepProps(p)} />
      ),
    },
    {
      id: "letters",
      title: () => LETTERS_STRINGS[locale].viewTitle,
      render: (p) => <LettersView sheets={p.sheets} choice={p.choice} generation={p.generation} report={p.report} clear={p.clear} onGoTo={p.goTo} />,
    },
    {
      id: "credit",
      title: (s) => s.viewCredit,
      render: (p) => <CreditView choice={p.choice} generation={p.generation} report={p.report} clear={p.clear} onGoTo={p.goTo} />,
    },
  ];
  const current = views.find((v) => v.id === viewId) ?? views[0];
  const viewProps: ViewProps = { sheets, choice, report, clear, generation, choose, goTo };

  return (
    <div className={styles.root} lang={locale} data-testid="taskpane">
      <header className={styles.header}>
        <Text as="h1" className={styles.title}>
          {t.appTitle}
        </Text>
        <Tooltip content={t.switchLanguageHint} relationship="description">
          <Button appearance="subtle" size="small" onClick={onSwitchLocale} data-testid="switch-language">
            {t.switchLanguage}
          </Button>
        </Tooltip>
      </header>
      {views.length > 1 ? (
        <TabList className={styles.tabs} selectedValue={current.id} onTabSelect={(_, data) => setViewId(String(data.value))} size="small">
          {views.map((v) => (
            <Tab key={v.id} value={v.id}>
              {v.title(t)}
            </Tab>
          ))}
        </TabList>
      ) : null}
      <main className={styles.body}>
        <MessageList messages={messages} onDismiss={clear} onGoTo={goTo} />
        {listed === null && busy ? <Spinner size="small" label={t.loadingWorkbook} /> : null}
        {listed !== null ? (
          <ViewLoading key={current.id} label={t.loadingView} failed={t.viewFailed}>
            {current.render(viewProps)}
          </ViewLoading>
        ) : null}
        {listed === null && !busy ? (
          <Button onClick={() => void refresh(true)} data-testid="retry">
            {t.refresh}
          </Button>
        ) : null}
      </main>
    </div>
  );
}

