/**
 * Dealer names as a key, so 「某某商贸有限公司」 on our ledger and 「某某商贸 有限责任公司」 on the
 * statement reconcile as one dealer. A stand-in until the reader's `normaliseDealerName`
 * (src/core/values/names.ts) is wired in through `ReconcileOptions.dealerKey`.
 */

// Longest first, so 有限责任公司 is not left as 责任 after stripping 有限公司.
const LEGAL_SUFFIXES = ["股份有限公司", "有限责任公司", "有限公司", "公司", "CO.,LTD.", "CO.,LTD", "CO.LTD", "LTD.", "LTD"];

export function normaliseDealerName(text: string): string {
  // NFKC folds full-width letters, digits and brackets to their ASCII forms.
  let key = text.normalize("NFKC").toUpperCase().replace(/\s+/g, "");
  key = key.replace(/[()[\]【】〔〕「」『』<>《》"'“”‘’·•]/g, "");
  let stripped = true;
  while (stripped) {
    stripped = false;
    for (const suffix of LEGAL_SUFFIXES) {
      if (key.length > suffix.length && key.endsWith(suffix)) {
        key = key.slice(0, key.length - suffix.length).replace(/[,.]+$/, "");
        stripped = true;
        break;
      }
    }
  }
  return key;
}
