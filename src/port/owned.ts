/**
 * Which sheets are ours (result sheets Duizhang made, and so may replace or delete), as both workbook
 * implementations keep it in the file's settings.
 */

/** Settings key listing the sheets Duizhang created (and so may replace or delete). */
export const OWNED_SHEETS_KEY = "duizhang.ownedSheets";
/**
 * Settings key listing the worksheet ids (Excel's `worksheet.id`) of the sheets Duizhang created. A name
 * can be taken again by the user's own sheet after ours was deleted; an id cannot, so where this key
 * exists it alone decides which sheets are ours. Workbooks from before it get it on their next write,
 * seeded with the ids of the sheets then named in the names list.
 */
export const OWNED_SHEET_IDS_KEY = "duizhang.ownedSheetIds";

/** The owned-sheets list from a stored setting; anything unreadable counts as "none". */
export function parseOwned(value: unknown): string[] {
  let v = value;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch {
      return [];
    }
  }
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}
