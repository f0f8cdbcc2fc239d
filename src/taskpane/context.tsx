/**
 * What components receive instead of reaching for Excel or src/app: the workbook port, the use cases
 * (./use-cases) and the pane's language. The entry (index.tsx) or the preview decides which port and
 * which use cases; components and workflow hooks only ever see this context.
 */
import { createContext, useContext, type ReactNode } from "react";
import type { WorkbookPort } from "../port/workbook";
import { STRINGS, type Locale, type Strings } from "./i18n";
import type { UseCases } from "./use-cases";

export type { ReadUseCases, UseCases } from "./use-cases";

export interface PaneServices {
  port: WorkbookPort;
  useCases: UseCases;
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

/** The use cases, as the entry handed them to the pane. */
export function useUseCases(): UseCases {
  return useServices().useCases;
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
