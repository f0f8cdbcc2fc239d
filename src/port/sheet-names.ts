/**
 * Excel's rules for sheet names: at most 31 characters, none of `[ ] * ? : \ /`, not starting or ending
 * with an apostrophe, not "History", unique regardless of case.
 */
const FORBIDDEN = /[[\]*?:\\/]/g;
const MAX = 31;

/** A name Excel accepts, close to `wanted`, and not among `taken` (compared ignoring case). */
export function freeSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  let base = wanted.replace(FORBIDDEN, "_").replace(/^'+|'+$/g, "").trim();
  if (base === "" || base.toLowerCase() === "history") base = `${base || "Sheet"}_`;
  let name = base.slice(0, MAX);
  for (let i = 2; used.has(name.toLowerCase()); i++) {
    const suffix = `(${i})`;
    name = `${base.slice(0, MAX - suffix.length)}${suffix}`;
  }
  return name;
}
