/**
 * References as match keys. The reader already normalises `refs`; the engine folds them once more to
 * letters and digits only, so `XSCK-2026-0101`, `xsck 2026 0101` and `ＸＳＣＫ２０２６０１０１` are one key
 * whatever separators each ERP uses.
 */

const MIN_REF_LENGTH = 4;
/** Longer runs in a description are cut: the substrings scanned grow with the square of the length. */
const MAX_RUN_LENGTH = 40;

export function refKey(text: string): string {
  // Runs once per row on a million rows: plain ASCII (the usual case) is folded by hand, anything else
  // (full-width forms) goes through NFKC first.
  let out = "";
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90)) {
      if (changed) out += text[i];
    } else if (c >= 97 && c <= 122) {
      if (!changed) out = text.slice(0, i);
      changed = true;
      out += String.fromCharCode(c - 32);
    } else if (c < 128) {
      if (!changed) out = text.slice(0, i);
      changed = true;
    } else {
      return text.normalize("NFKC").toUpperCase().replace(/[^0-9A-Z]/g, "");
    }
  }
  return changed ? out : text;
}

/** A usable key: long enough and not a plain word (a reference number carries a digit). */
export function isUsableRefKey(key: string): boolean {
  if (key.length < MIN_REF_LENGTH) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/**
 * Every substring of the description's letter-and-digit runs that could be a reference, for lookups in
 * the other side's reference index. Separators common inside document numbers (- _ / . and spaces)
 * are dropped; anything else (Chinese text, brackets) ends a run.
 */
export function descriptionRefCandidates(description: string, cache: Map<string, readonly string[]>): readonly string[] {
  // Descriptions repeat (收到货款, 付款 on thousands of rows): each distinct one is scanned once per
  // reconciliation (the caller's cache).
  const known = cache.get(description);
  if (known !== undefined) return known;
  const found = scanCandidates(description);
  if (cache.size >= CANDIDATE_CACHE_SIZE) cache.clear();
  cache.set(description, found);
  return found;
}

const CANDIDATE_CACHE_SIZE = 20_000;

function scanCandidates(description: string): string[] {
  const folded = description.normalize("NFKC").toUpperCase();
  const out = new Set<string>();
  for (const raw of folded.split(/[^0-9A-Z\-_/. ]+/)) {
    const run = raw.replace(/[^0-9A-Z]/g, "").slice(0, MAX_RUN_LENGTH);
    if (run.length < MIN_REF_LENGTH || !/[0-9]/.test(run)) continue;
    for (let start = 0; start + MIN_REF_LENGTH <= run.length; start++) {
      for (let end = start + MIN_REF_LENGTH; end <= run.length; end++) {
        const sub = run.slice(start, end);
        if (/[0-9]/.test(sub)) out.add(sub);
      }
    }
  }
  return [...out];
}
