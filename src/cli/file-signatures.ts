/**
 * What a file's first bytes say it is, whatever its name: a zip (an .xlsx workbook) or an OLE compound file
 * (an old .xls workbook, or an encrypted .xlsx). Its own module so that the CSV reading thread
 * (./read-worker) can tell a workbook from text without loading what opens workbooks (./files).
 */

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** Starts as a zip file does (a local file header): an .xlsx workbook, whatever it is named. */
export const isZip = (bytes: Uint8Array): boolean => startsWith(bytes, ZIP_SIGNATURE);

/** Starts as an OLE compound file does: an .xls workbook, an encrypted .xlsx, or another old Office file. */
export const isOle = (bytes: Uint8Array): boolean => startsWith(bytes, OLE_SIGNATURE);
