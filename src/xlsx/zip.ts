/**
 * The zip container of an .xlsx file, read with a cap on what it may inflate to.
 *
 * A zip bomb (a few kilobytes that inflate to gigabytes) must be refused, not inflated until memory runs
 * out. Every entry is checked twice: its declared sizes, before anything is inflated, and its real output,
 * which is never allowed past the size it declares (nor past the caps), so a lying entry stops at that size.
 * The caps are far beyond any real workbook: `ZIP_LIMITS.totalBytes` of contents in all, and a compression
 * ratio of `ZIP_LIMITS.maxRatio` for any entry large enough to matter (deflate's own limit is about 1032:1;
 * sheet XML reaches 10–50:1, an empty styled grid well under 200:1).
 */
import * as zlib from "zlib";

export const ZIP_LIMITS = {
  /** All entries together, inflated: 1 GiB. */
  totalBytes: 1024 * 1024 * 1024,
  /** Inflated ÷ compressed size of one entry, above which it is refused ... */
  maxRatio: 500,
  /** ... unless it inflates to no more than this (small parts may compress very well). */
  ratioFloorBytes: 16 * 1024 * 1024,
};

export type ZipLimits = typeof ZIP_LIMITS;

/**
 * What exactly is wrong, for the message naming the file: past the caps (`total`, `ratio` with the ratio
 * found, `declared`: an entry growing past its declared size), or damaged (`directory`, a `part` that
 * cannot be unpacked, an unknown compression `method`, a `missing` part), or an `encrypted` part.
 */
export type ZipFault =
  | { kind: "total"; limitBytes: number }
  | { kind: "ratio"; ratio: number }
  | { kind: "declared" }
  | { kind: "directory" }
  | { kind: "part" }
  | { kind: "method"; method: number }
  | { kind: "missing" }
  | { kind: "encrypted" };

/**
 * Why a zip was refused: `too_large` (past a cap: a zip bomb, or a file far beyond any workbook), `corrupt`
 * or `encrypted`; `fault` says which check failed, `entry` on which part. The message is for logs: what the
 * user reads is made from `fault` (see `zipFailure` in ./workbook).
 */
export class ZipError extends Error {
  constructor(
    readonly reason: "too_large" | "corrupt" | "encrypted",
    readonly entry: string | null,
    message: string,
    readonly fault: ZipFault = reason === "encrypted" ? { kind: "encrypted" } : reason === "too_large" ? { kind: "declared" } : entry === null ? { kind: "directory" } : { kind: "part" },
  ) {
    super(message);
    this.name = "ZipError";
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function u64(buf: Buffer, at: number): number {
  return buf.readUInt32LE(at) + buf.readUInt32LE(at + 4) * 0x1_0000_0000;
}

function findEndOfDirectory(buf: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  throw new ZipError("corrupt", null, "no zip directory");
}

/** The entries of a zip, from its central directory; nothing is inflated. */
function listZip(buf: Buffer): ZipEntry[] {
  if (buf.length < 22) throw new ZipError("corrupt", null, "too short for a zip");
  const end = findEndOfDirectory(buf);
  let count = buf.readUInt16LE(end + 10);
  let dirSize = buf.readUInt32LE(end + 12);
  let dirOffset = buf.readUInt32LE(end + 16);
  if ((count === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff) && end >= 20 && buf.readUInt32LE(end - 20) === ZIP64_LOCATOR) {
    const at = u64(buf, end - 12);
    if (at + 56 > buf.length || buf.readUInt32LE(at) !== ZIP64_EOCD) throw new ZipError("corrupt", null, "bad zip64 directory");
    count = u64(buf, at + 32);
    dirSize = u64(buf, at + 40);
    dirOffset = u64(buf, at + 48);
  }
  if (dirOffset + dirSize > buf.length) throw new ZipError("corrupt", null, "zip directory past the end of the file");
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new ZipError("corrupt", null, "bad zip directory entry");
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const entry: ZipEntry = {
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString("utf8", p + 46, p + 46 + nameLength),
    };
    // Zip64: the sizes and offset that did not fit are in extra field 0x0001, in this order.
    let x = p + 46 + nameLength;
    const extraEnd = x + extraLength;
    while (x + 4 <= extraEnd) {
      const id = buf.readUInt16LE(x);
      const length = buf.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (entry.size === 0xffffffff) {
          entry.size = u64(buf, q);
          q += 8;
        }
        if (entry.compressedSize === 0xffffffff) {
          entry.compressedSize = u64(buf, q);
          q += 8;
        }
        if (entry.localOffset === 0xffffffff) entry.localOffset = u64(buf, q);
      }
      x += 4 + length;
    }
    entries.push(entry);
    p = extraEnd + commentLength;
  }
  return entries;
}

/**
 * Checks the declared sizes of every entry against the caps, before anything is inflated: a bomb that
 * says what it is, is refused at once.
 */
function checkDeclaredSizes(entries: readonly ZipEntry[], limits: ZipLimits = ZIP_LIMITS): void {
  let total = 0;
  for (const e of entries) {
    if (e.flags & 1) throw new ZipError("encrypted", e.name, `${e.name} is encrypted`);
    total += e.size;
    if (total > limits.totalBytes) throw new ZipError("too_large", e.name, `contents inflate to more than ${limits.totalBytes} bytes`, { kind: "total", limitBytes: limits.totalBytes });
    if (e.size > limits.ratioFloorBytes && e.size > e.compressedSize * limits.maxRatio) {
      const ratio = Math.round(e.size / Math.max(1, e.compressedSize));
      throw new ZipError("too_large", e.name, `${e.name} inflates ${ratio} times its size`, { kind: "ratio", ratio });
    }
  }
}

/** Inflates entries, keeping count: the total never passes the cap, and no entry its declared size. */
export class ZipReader {
  readonly entries: ReadonlyMap<string, ZipEntry>;
  /** Entries inflated once already, so known to fit. */
  private readonly checked = new Set<string>();

  constructor(
    private readonly buf: Buffer,
    limits: ZipLimits = ZIP_LIMITS,
  ) {
    const list = listZip(buf);
    checkDeclaredSizes(list, limits);
    this.entries = new Map(list.map((e) => [e.name, e]));
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** An entry's bytes, inflated under the caps; null when there is no such entry. */
  read(name: string): Buffer | null {
    const e = this.entries.get(name);
    if (!e) return null;
    const at = e.localOffset;
    if (at + 30 > this.buf.length || this.buf.readUInt32LE(at) !== LOCAL) throw new ZipError("corrupt", name, `bad local header for ${name}`);
    const start = at + 30 + this.buf.readUInt16LE(at + 26) + this.buf.readUInt16LE(at + 28);
    if (start + e.compressedSize > this.buf.length) throw new ZipError("corrupt", name, `${name} runs past the end of the file`);
    const data = this.buf.subarray(start, start + e.compressedSize);
    // The entry may not grow past what it declares, and the declared sizes passed the caps.
    const limit = e.size;
    let out: Buffer;
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw new ZipError("corrupt", name, `${name}: stored sizes differ`);
      out = data;
    } else if (e.method === 8) {
      try {
        // One byte more than allowed, so that an entry which is too large is told apart from one that fits exactly.
        // Large chunks: the default 16 KiB ones cost a copy each when they are joined.
        const chunkSize = Math.min(Math.max(64 * 1024, limit + 1), 8 * 1024 * 1024);
        out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, limit + 1), chunkSize });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw new ZipError("too_large", name, `${name} inflates to more than it declares`);
        throw new ZipError("corrupt", name, `${name} cannot be inflated`);
      }
    } else throw new ZipError("corrupt", name, `${name}: compression method ${e.method} is not supported`, { kind: "method", method: e.method });
    if (out.length > limit) throw new ZipError("too_large", name, `${name} inflates to more than it declares`);
    if (out.length !== e.size) throw new ZipError("corrupt", name, `${name} is shorter than it declares`);
    const crc32 = (zlib as unknown as { crc32?: (b: Buffer) => number }).crc32;
    if (crc32 && crc32(out) >>> 0 !== e.crc >>> 0) throw new ZipError("corrupt", name, `${name} fails its checksum`);
    this.checked.add(name);
    return out;
  }

  /** Inflates every entry once and drops it: what a full reader of the file (ExcelJS) will meet is then known to fit. */
  checkAll(): void {
    for (const name of this.entries.keys()) if (!this.checked.has(name)) this.read(name);
  }
}
