/**
 * Dealer names as a key, so 「某某商贸有限公司」 on our ledger and 「某某商贸 有限责任公司」 on the
 * statement reconcile as one dealer. The folding itself is the reader's `normaliseDealerName` (one rule
 * for reading and reconciling: widths, spaces, punctuation, brackets, the Chinese legal-form suffix);
 * the key adds what only matching needs: an English legal form (`Co., Ltd.`) dropped too, and Latin
 * letters in upper case, the form the reports have always shown.
 */
import { normaliseDealerName as foldDealerName } from "../values/refs";

/** `Co., Ltd.`, `CO.LTD`, `Ltd.` after the reader's folding has dropped their spaces and dots. */
const LATIN_LEGAL_FORM = /(?:coltd|ltd)$/;
const CHINESE_LEGAL_FORM = /(?:股份有限公司|有限责任公司|有限公司|公司)$/;

export function normaliseDealerName(text: string): string {
  let key = foldDealerName(text);
  const stripped = key.replace(LATIN_LEGAL_FORM, "");
  if (stripped !== "" && stripped !== key) {
    key = stripped;
    // `某某有限公司 Ltd.`: the Chinese form is the last word once the English one is gone.
    const inner = key.replace(CHINESE_LEGAL_FORM, "");
    if (inner !== "") key = inner;
  }
  return key.toUpperCase();
}
