/**
 * The zip writer of our own .xlsx files: parts given whole and parts deflated as they are written, read
 * back by our reader and by JSZip (which checks every CRC); ZIP64 records where sizes or offsets pass the
 * 32-bit fields (shown with the bound lowered, as a real 4 GiB part is too large for a test); a part that
 * outgrows a header written without ZIP64, and a sink that fails, stop the write.
 */
import JSZip from "jszip";
import { ZipWriter, ZipWriteError } from "../../src/xlsx/zip-writer";
import { PortError } from "../../src/port/workbook";
import { both } from "../../src/messages/render";
import { ZipReader } from "../../src/xlsx/zip";
import type { ByteSink } from "../../src/port/whole-file";

function memorySink(): { sink: ByteSink; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  return { sink: { write: async (c) => void chunks.push(Buffer.from(c as Uint8Array)) }, bytes: () => Buffer.concat(chunks) };
}

/** Text of `n` lines that deflate does not shrink to nothing. */
function lines(n: number, seed: number): string {
  let out = "";
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += `<row r="${i}"><c t="s"><v>${x}</v></c>经销商${x % 97}</row>\n`;
  }
  return out;
}

async function writeZip(options: { zip64Above?: number; zip64?: boolean } = {}): Promise<{ bytes: Buffer; parts: Map<string, string> }> {
  const { sink, bytes } = memorySink();
  const zip = new ZipWriter(sink, { level: 1, ...(options.zip64Above !== undefined ? { zip64Above: options.zip64Above } : {}) });
  const parts = new Map<string, string>();
  parts.set("small.xml", "<a>小</a>");
  zip.add("small.xml", parts.get("small.xml")!);
  const streamed = zip.stream("xl/worksheets/sheet1.xml", { zip64: options.zip64 ?? false });
  let text = "";
  for (let k = 0; k < 20; k++) {
    const piece = lines(500, k + 1);
    text += piece;
    await streamed.write(k % 2 ? piece : Buffer.from(piece, "utf8"));
  }
  await streamed.end();
  parts.set("xl/worksheets/sheet1.xml", text);
  parts.set("empty.xml", "");
  zip.add("empty.xml", "");
  const last = zip.stream("last.xml", { zip64: options.zip64 ?? false });
  await last.end();
  parts.set("last.xml", "");
  await zip.finish();
  return { bytes: bytes(), parts };
}

async function expectReadable(bytes: Buffer, parts: Map<string, string>): Promise<void> {
  const reader = new ZipReader(bytes);
  const jszip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  expect([...reader.entries.keys()].sort()).toEqual([...parts.keys()].sort());
  for (const [name, text] of parts) {
    expect(reader.read(name)!.toString("utf8")).toBe(text);
    expect(await jszip.file(name)!.async("string")).toBe(text);
  }
}

/** Where the local header of the part named `name` starts. */
function localHeaderOf(bytes: Buffer, name: Buffer): number {
  for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04])); at >= 0; at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), at + 4)) {
    const length = bytes.readUInt16LE(at + 26);
    if (length === name.length && bytes.subarray(at + 30, at + 30 + length).equals(name)) return at;
  }
  return -1;
}

describe("the zip writer", () => {
  it("writes parts whole and streamed that our reader and JSZip read back byte for byte, CRCs checked", async () => {
    const { bytes, parts } = await writeZip();
    expect(bytes.length).toBeLessThan(parts.get("xl/worksheets/sheet1.xml")!.length / 2);
    await expectReadable(bytes, parts);
    // A streamed part says so in its local header (a data descriptor follows); a whole part does not.
    const reader = new ZipReader(bytes);
    expect(reader.entries.get("xl/worksheets/sheet1.xml")!.flags & 8).toBe(8);
    expect(reader.entries.get("small.xml")!.flags & 8).toBe(0);
  });

  it("writes the ZIP64 records when sizes and offsets pass the 32-bit fields", async () => {
    const { bytes, parts } = await writeZip({ zip64Above: 200, zip64: true });
    // The ZIP64 end of central directory and its locator are there, and the end record points to them.
    expect(bytes.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBeGreaterThan(0);
    expect(bytes.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x07]))).toBeGreaterThan(0);
    expect(bytes.readUInt32LE(bytes.length - 22 + 16)).toBe(0xffffffff);
    await expectReadable(bytes, parts);
  });

  it("gives a streamed ZIP64 part a local header without the ZIP64 extra field (as Excel reads it), and 4-byte sizes in its descriptor while it stays small", async () => {
    // A part opened for ZIP64 that stays small: the common case for a large sheet, and the one Excel refuses
    // when the local header carries a ZIP64 extra field.
    const { bytes, parts } = await writeZip({ zip64: true });
    await expectReadable(bytes, parts);
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    const at = localHeaderOf(bytes, name);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(bytes.readUInt16LE(at + 4)).toBe(45); // version needed: 4.5
    expect(bytes.readUInt16LE(at + 6) & 8).toBe(8); // a data descriptor follows
    expect(bytes.readUInt32LE(at + 14)).toBe(0); // CRC, compressed and uncompressed sizes: in the descriptor
    expect(bytes.readUInt32LE(at + 18)).toBe(0);
    expect(bytes.readUInt32LE(at + 22)).toBe(0);
    expect(bytes.readUInt16LE(at + 28)).toBe(0); // no extra field
    // The descriptor (signature, CRC, 4-byte sizes) ends right where the next part's local header starts.
    const entry = new ZipReader(bytes).entries.get("xl/worksheets/sheet1.xml")!;
    const descriptor = localHeaderOf(bytes, Buffer.from("empty.xml")) - 16;
    expect(bytes.readUInt32LE(descriptor)).toBe(0x08074b50);
    expect(bytes.readUInt32LE(descriptor + 12)).toBe(Buffer.byteLength(parts.get("xl/worksheets/sheet1.xml")!, "utf8"));
    expect(bytes.readUInt32LE(descriptor + 8)).toBe(descriptor - (at + 30 + name.length));
    expect(entry.flags & 8).toBe(8);
    // Small as it stayed, no ZIP64 end records are needed.
    expect(bytes.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(-1);
  });

  it("gives a streamed ZIP64 part that passes the 32-bit sizes 8-byte sizes in its descriptor, and no extra field in its local header", async () => {
    const { bytes, parts } = await writeZip({ zip64Above: 200, zip64: true });
    await expectReadable(bytes, parts);
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    const at = localHeaderOf(bytes, name);
    expect(bytes.readUInt16LE(at + 4)).toBe(45);
    expect(bytes.readUInt16LE(at + 28)).toBe(0);
    const descriptor = localHeaderOf(bytes, Buffer.from("empty.xml")) - 24;
    expect(bytes.readUInt32LE(descriptor)).toBe(0x08074b50);
    expect(Number(bytes.readBigUInt64LE(descriptor + 16))).toBe(Buffer.byteLength(parts.get("xl/worksheets/sheet1.xml")!, "utf8"));
    expect(Number(bytes.readBigUInt64LE(descriptor + 8))).toBe(descriptor - (at + 30 + name.length));
  });

  it("refuses a streamed part that outgrows a local header written without ZIP64", async () => {
    const { sink } = memorySink();
    const zip = new ZipWriter(sink, { zip64Above: 1000 });
    const part = zip.stream("big.xml");
    const refused = await part.write(lines(100, 1)).then(() => null, (e: unknown) => e);
    part.destroy();
    // Said as a file message with what to do, not a bare English error.
    expect(refused).toBeInstanceOf(PortError);
    expect((refused as PortError).code).toBe("too_large");
    const said = both((refused as PortError).said!);
    expect(said.zh).toBe("结果工作簿的部件“big.xml”超过 4 GiB，超出 .xlsx 文件能存放的大小，无法写入，也没有留下结果文件：请缩小结果（例如用 --dealer 只选一个经销商，或只用较短期间的台账）后再试");
    expect(said.en).toContain('part "big.xml" of the result workbook is over 4 GiB');
    expect(said.en).toContain("one dealer with --dealer");
  });

  it("stops with the sink's error when a write to the file fails", async () => {
    let n = 0;
    const failing: ByteSink = {
      write: async () => {
        if (++n > 3) throw Object.assign(new Error("no space left"), { code: "ENOSPC" });
      },
    };
    const zip = new ZipWriter(failing);
    const part = zip.stream("a.xml");
    const written = (async () => {
      for (let k = 0; k < 200; k++) await part.write(lines(200, k));
      await part.end();
      await zip.finish();
    })();
    await expect(written).rejects.toMatchObject({ code: "ENOSPC" });
  });

  it("keeps one part open at a time and each name once", async () => {
    const { sink } = memorySink();
    const zip = new ZipWriter(sink);
    zip.add("a.xml", "a");
    expect(() => zip.add("a.xml", "again")).toThrow(ZipWriteError);
    const open = zip.stream("b.xml");
    expect(() => zip.add("c.xml", "c")).toThrow(ZipWriteError);
    await expect(zip.finish()).rejects.toBeInstanceOf(ZipWriteError);
    await open.end();
    await zip.finish();
  });
});
