/** The two languages the product speaks; Chinese first. */
export type Lang = "zh-CN" | "en-US";

/** A text in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

export function pick(text: Bilingual, lang: Lang): string {
  return lang === "en-US" ? text.en : text.zh;
}

/** `Office.context.displayLanguage` (or any BCP 47 tag) to one of ours: English for `en-*`, else Chinese. */
export function langFromTag(tag: string | null | undefined): Lang {
  return tag && /^en\b/i.test(tag) ? "en-US" : "zh-CN";
}
