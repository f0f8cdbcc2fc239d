/**
 * Text into the XML of an .xlsx part we write ourselves (./xlsx-writer). The text is already XML-safe
 * (./xml-safe); here it is escaped, and DEL is dropped as ExcelJS drops it, so both writers keep the same text.
 */

const TEXT_SPECIAL = /[&<>\x7F]/;
const TEXT_SPECIAL_ALL = /[&<>\x7F]/g;
const ATTRIBUTE_SPECIAL = /[&<>"'\x7F\t\n\r]/;
const ATTRIBUTE_SPECIAL_ALL = /[&<>"'\x7F\t\n\r]/g;

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\x7F": "",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/** Text as element content. */
export function escapeText(text: string): string {
  return TEXT_SPECIAL.test(text) ? text.replace(TEXT_SPECIAL_ALL, (ch) => ENTITIES[ch]) : text;
}

/** Text as an attribute value (between double quotes); tabs and line breaks as references, so they survive. */
export function escapeAttribute(text: string): string {
  return ATTRIBUTE_SPECIAL.test(text) ? text.replace(ATTRIBUTE_SPECIAL_ALL, (ch) => ENTITIES[ch]) : text;
}

const ESCAPE_LIKE = /_(x[0-9A-Fa-f]{4}_)/;
const ESCAPE_LIKE_ALL = /_(x[0-9A-Fa-f]{4}_)/g;

/**
 * A cell's text as a string item's content: readers (Excel, ExcelJS, LibreOffice) decode `_xHHHH_` there,
 * so text that only looks like such an escape (a dealer's `_x0041_`) has its underscore escaped as `_x005F_`.
 */
export function stringItemText(text: string): string {
  const escaped = ESCAPE_LIKE.test(text) ? text.replace(ESCAPE_LIKE_ALL, "_x005F_$1") : text;
  return escapeText(escaped);
}
