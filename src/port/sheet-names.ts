/**
 * Excel's rules for sheet names: at most 31 characters, none of `[ ] * ? : \ /`, not starting or ending
 * with an apostrophe, not "History", unique regardless of case.
 */
const FORBIDDEN = /[[\]*?:\\/]/g;
const MAX = 31;

/** A name Excel accepts, close to `wanted`, and not among `taken` (compared ignoring case). */
export function freeSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  let base = ends(wanted.replace(FORBIDDEN, "_"));
  if (base === "" || base.toLowerCase() === "history") base = `${base || "Sheet"}_`;
  // Cut to 31 characters, then cleaned again: the cut may end the name just after an apostrophe or a space.
  let name = ends(base.slice(0, MAX));
  for (let i = 2; used.has(name.toLowerCase()); i++) {
    const suffix = `(${i})`;
    name = `${base.slice(0, MAX - suffix.length)}${suffix}`;
  }
  return name;
}

/** `s` without apostrophes or spaces at either end (Excel refuses a name starting or ending with an apostrophe). */
function ends(s: string): string {
  return s.replace(/^[\s']+|[\s']+$/g, "");
}
