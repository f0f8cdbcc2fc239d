/**
 * The zip caps: what an .xlsx file may inflate to, checked on the declared sizes first and on the real
 * output after, so a zip bomb is refused without being inflated.
 */
import { ZipError, ZipReader, ZIP_LIMITS } from "../../src/xlsx/zip";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { PortError } from "../../src/port/workbook";
import { deflatedZeros, minimalWorkbook, writeZip } from "./zip-fixtures";

const SHEET = `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`;

test("entries inflate to their bytes, stored or deflated", () => {
  const zip = new ZipReader(writeZip([{ name: "a.xml", data: "<a>汉字</a>" }, { name: "b.bin", data: Buffer.from([1, 2, 3]), stored: true }]));
  expect(zip.read("a.xml")?.toString("utf8")).toBe("<a>汉字</a>");
  expect([...(zip.read("b.bin") ?? [])]).toEqual([1, 2, 3]);
  expect(zip.read("missing")).toBeNull();
});

test("declared sizes past the total cap are refused before anything is inflated", () => {
  // Two parts of 2 MiB against a cap of 3 MiB (the real cap is 1 GiB: the same check, smaller numbers).
  const parts = [0, 1].map((i) => ({ name: `p${i}.xml`, data: "", deflated: deflatedZeros(2) }));
  const limits = { ...ZIP_LIMITS, totalBytes: 3 * 1024 * 1024 };
  // The reader's constructor reads only the directory: the refusal comes before any entry is touched.
  expect(() => new ZipReader(writeZip(parts), limits)).toThrow(expect.objectContaining({ reason: "too_large", entry: "p1.xml" }));
  expect(() => new ZipReader(writeZip(parts.slice(0, 1)), limits)).not.toThrow();
});

test("a ratio no workbook reaches is refused; a small part may compress as well as it likes", () => {
  expect(() => new ZipReader(writeZip([{ name: "z.xml", data: "", deflated: deflatedZeros(32) }]))).toThrow(expect.objectContaining({ reason: "too_large" }));
  const small = new ZipReader(writeZip([{ name: "z.xml", data: "", deflated: deflatedZeros(4) }]));
  expect(small.read("z.xml")?.length).toBe(4 * 1024 * 1024);
  expect(ZIP_LIMITS.maxRatio).toBeLessThan(1032);
});

test("an entry that inflates past its declared size stops there; one that fails its checksum is corrupt", () => {
  const lying = new ZipReader(writeZip([{ name: "z.xml", data: "", deflated: { ...deflatedZeros(8), size: 1000 } }]));
  expect(() => lying.read("z.xml")).toThrow(expect.objectContaining({ reason: "too_large" }));
  const bent = new ZipReader(writeZip([{ name: "z.xml", data: "", deflated: { ...deflatedZeros(1), crc: 12345 } }]));
  expect(() => bent.read("z.xml")).toThrow(ZipError);
  expect(() => bent.read("z.xml")).toThrow(expect.objectContaining({ reason: "corrupt" }));
});

test("a bomb outside the sheets is refused when the whole workbook is loaded, before ExcelJS sees it", async () => {
  const bytes = writeZip([...minimalWorkbook(SHEET), { name: "xl/media/image1.png", data: "", deflated: { ...deflatedZeros(16), size: 2048 } }]);
  const x = await XlsxWorkbook.openBytes(bytes, "picture.xlsx");
  // The values are read without the picture.
  expect((await x.readSheet("明细")).values).toEqual([[1]]);
  const refused = x.load();
  await expect(refused).rejects.toBeInstanceOf(PortError);
  await expect(refused).rejects.toMatchObject({ code: "too_large", detail: expect.stringContaining("picture.xlsx") });
});
