/**
 * What components receive instead of reaching for Excel: the workbook port, and the pane's language.
 * The entry (index.tsx) or the preview decides which port; components only ever see this context.
 */
import { createContext, useContext, type ReactNode } from "react";
import type { ReadOptions, ReadResult } from "../core/read/types";
import type { WorkbookPort } from "../port/workbook";
import { STRINGS, type Locale, type Strings } from "./i18n";
import type { ColumnMap } from "./summary";

/** The reading use cases (src/app/read.ts), passed in so the pane is tested over any port. */
export interface ReadUseCases {
  /** Reads a sheet with the mapping saved for it in the workbook, overridden by `options.map`. */
  readSheet(port: WorkbookPort, sheet: string, options: ReadOptions): Promise<ReadResult>;
  /** Saves the user's column choices for a sheet in the workbook settings. */
  saveMapping(port: WorkbookPort, sheet: string, map: ColumnMap): Promise<void>;
}

export interface PaneServices {
  port: WorkbookPort;
  /** Without it the pane lists and chooses sheets but does not read them. */
  read?: ReadUseCases;
}

const ServicesContext = createContext<PaneServices | null>(null);

export function ServicesProvider(props: { services: PaneServices; children: ReactNode }): JSX.Element {
  return <ServicesContext.Provider value={props.services}>{props.children}</ServicesContext.Provider>;
}

export function useServices(): PaneServices {
  const services = useContext(ServicesContext);
  // A programming error (a component rendered outside <App>), not a user-facing one.
  if (!services) throw new Error("useServices() outside ServicesProvider");
  return services;
}

interface LocaleValue {
  locale: Locale;
  t: Strings;
}

const LocaleContext = createContext<LocaleValue>({ locale: "zh-CN", t: STRINGS["zh-CN"] });

export function LocaleProvider(props: { locale: Locale; children: ReactNode }): JSX.Element {
  return (
    <LocaleContext.Provider value={{ locale: props.locale, t: STRINGS[props.locale] }}>
      {props.children}
    </LocaleContext.Provider>
  );
}

/** The current language's strings. */
export function useStrings(): Strings {
  return useContext(LocaleContext).t;
}

export function useLocale(): Locale {
  return useContext(LocaleContext).locale;
}
