/** Excel column number (1 = A) to its letters. */
export function columnLetter(column: number): string {
  let n = Math.floor(column);
  if (!(n >= 1)) return "?";
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Column letters (`E`, `aa`) to the Excel column number, or null. */
export function columnNumber(letters: string): number | null {
  const t = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(t)) return null;
  let n = 0;
  for (const ch of t) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= 16384 ? n : null;
}
