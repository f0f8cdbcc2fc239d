/**
 * A zip part started elsewhere (a worker thread deflating a sheet's rows) and finished in the zip: the head
 * deflated by `HeadDeflater` and the rest deflated by `ZipWriter.continued` read back as one part, byte for
 * byte with its CRC checked, by our reader and JSZip; with ZIP64 records where the sizes pass the bound
 * (lowered here), and refused as any part is when it passes 4 GiB without having been opened for ZIP64.
 */
import JSZip from "jszip";
import { HeadDeflater, ZipWriter, type DeflatedHead } from "../../src/xlsx/zip-writer";
import { PortError } from "../../src/port/workbook";
import { both } from "../../src/messages/render";
import { ZipReader } from "../../src/xlsx/zip";
import type { ByteSink } from "../../src/port/whole-file";

function memorySink(): { sink: ByteSink; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  return { sink: { write: async (c) => void chunks.push(Buffer.from(c as Uint8Array)) }, bytes: () => Buffer.concat(chunks) };
}

/** Text of `n` rows that deflate does not shrink to nothing. */
function rows(n: number, seed: number): string {
  let out = "";
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += `<row r="${i}"><c t="s"><v>${x}</v></c>经销商${x % 97}</row>`;
  }
  return out;
}

/** A head of `pieces` pieces of rows, deflated as a worker thread deflates it. */
async function headOf(pieces: number): Promise<{ head: DeflatedHead; text: string }> {
  const deflater = new HeadDeflater(1);
  let text = "";
  for (let k = 0; k < pieces; k++) {
    const piece = rows(400, k + 7);
    text += piece;
    await deflater.write(k % 2 ? piece : Buffer.from(piece, "utf8"));
  }
  return { head: await deflater.head(), text };
}

async function writeZip(head: DeflatedHead, rest: string, options: { zip64Above?: number; zip64?: boolean } = {}): Promise<Buffer> {
  const { sink, bytes } = memorySink();
  const zip = new ZipWriter(sink, { level: 1, ...(options.zip64Above !== undefined ? { zip64Above: options.zip64Above } : {}) });
  zip.add("before.xml", "<a>前</a>");
  const part = zip.continued("xl/worksheets/sheet1.xml", head, { zip64: options.zip64 ?? false });
  await part.write(rest.slice(0, 40));
  await part.write(Buffer.from(rest.slice(40), "utf8"));
  await part.end();
  const after = zip.stream("after.xml");
  await after.write("<b>后</b>");
  await after.end();
  await zip.finish();
  return bytes();
}

async function expectParts(bytes: Buffer, parts: Record<string, string>): Promise<void> {
  const reader = new ZipReader(bytes);
  const jszip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  expect([...reader.entries.keys()].sort()).toEqual(Object.keys(parts).sort());
  for (const [name, text] of Object.entries(parts)) {
    expect(reader.read(name)!.toString("utf8")).toBe(text);
    expect(await jszip.file(name)!.async("string")).toBe(text);
  }
}

const REST = `</sheetData><conditionalFormatting sqref="A1:F9"><cfRule type="expression" dxfId="0" priority="1"><formula>$A1="甲"</formula></cfRule></conditionalFormatting></worksheet>`;

describe("a zip part whose head was deflated elsewhere", () => {
  it("reads back as one part, its CRC-32 carried on from the head's", async () => {
    const { head, text } = await headOf(12);
    expect(head.size).toBe(Buffer.byteLength(text, "utf8"));
    expect(head.deflated.length).toBeLessThan(head.size / 2);
    const bytes = await writeZip(head, REST);
    await expectParts(bytes, { "before.xml": "<a>前</a>", "xl/worksheets/sheet1.xml": text + REST, "after.xml": "<b>后</b>" });
    // Streamed as the other large parts are: its sizes and CRC follow it in a data descriptor.
    expect(new ZipReader(bytes).entries.get("xl/worksheets/sheet1.xml")!.flags & 8).toBe(8);
  });

  it("takes an empty head (a sheet with no rows)", async () => {
    const { head } = await headOf(0);
    expect(head.size).toBe(0);
    await expectParts(await writeZip(head, REST), { "before.xml": "<a>前</a>", "xl/worksheets/sheet1.xml": REST, "after.xml": "<b>后</b>" });
  });

  it("gets the ZIP64 records when it passes the 32-bit sizes, opened for ZIP64", async () => {
    const { head, text } = await headOf(6);
    const bytes = await writeZip(head, REST, { zip64Above: 2000, zip64: true });
    expect(bytes.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBeGreaterThan(0);
    await expectParts(bytes, { "before.xml": "<a>前</a>", "xl/worksheets/sheet1.xml": text + REST, "after.xml": "<b>后</b>" });
  });

  it("is refused, said in both languages, when its head or its rest passes 4 GiB without ZIP64", async () => {
    const { head } = await headOf(6);
    const refusedHead = await writeZip(head, REST, { zip64Above: 2000 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refusedHead).toBeInstanceOf(PortError);
    expect((refusedHead as PortError).code).toBe("too_large");
    expect(both((refusedHead as PortError).said!).zh).toContain("结果工作簿的部件“xl/worksheets/sheet1.xml”超过 4 GiB");
    const small = await headOf(1);
    const refusedRest = await writeZip(small.head, REST + rows(200, 3), { zip64Above: small.head.size + 100 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refusedRest).toBeInstanceOf(PortError);
    expect(both((refusedRest as PortError).said!).en).toContain('part "xl/worksheets/sheet1.xml" of the result workbook is over 4 GiB');
  });
});
