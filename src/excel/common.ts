/**
 * What only the office-js implementation needs: request sizes (Excel Online refuses requests over its
 * payload limit) and the keys that let neighbouring cells share one format command. What both
 * implementations share (marks, addresses, ownership, cells, widths, serials) lives in src/port.
 */
import type { PlannedCell } from "../port/cells";

export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
}

/** A key equal for cells that look the same, so neighbouring cells share one format command. */
export function styleKey(c: PlannedCell): string | null {
  if (!c.bold && !c.fill && !c.color && !c.align && !c.border && !c.fontSize && !c.wrap) return null;
  return JSON.stringify([c.bold ?? false, c.fill ?? "", c.color ?? "", c.align ?? "", c.border ?? false, c.fontSize ?? 0, c.wrap ?? false]);
}
