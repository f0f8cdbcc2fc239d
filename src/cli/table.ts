/** Plain-text tables for a terminal, aligned by display width (a Chinese character takes two columns). */

export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

function pad(text: string, width: number, right: boolean): string {
  const gap = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? gap + text : text + gap;
}

/** Columns listed in `numeric` are right-aligned. */
export function renderTable(header: string[], rows: string[][], numeric: number[] = []): string {
  // A loop, not Math.max(...rows): a full-sheet ledger's list has more rows than a call takes arguments.
  const widths = header.map((h) => displayWidth(h));
  for (const r of rows) for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i], displayWidth(r[i] ?? ""));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c ?? "", widths[i], numeric.includes(i)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
