/**
 * A zip file written front to back into a `ByteSink`, for the .xlsx parts we write ourselves.
 *
 * Small parts are deflated whole and stored with their sizes in the local header. A large part (a sheet's
 * XML) is deflated as it is written, on libuv's thread pool, while the caller makes the next rows: its local
 * header says a data descriptor follows (bit 3), and the descriptor gives the CRC and sizes once known.
 * The deflate runs as gzip so that zlib computes the CRC-32 too; the gzip header and trailer are cut off
 * (the body is the raw deflate stream a zip holds) and the trailer's CRC goes into the descriptor.
 *
 * ZIP64: a streamed part that may pass 4 GiB is opened with `zip64`: its local header asks for version 4.5
 * and carries no extra field (zero sizes, as for any part with a data descriptor), and its descriptor has
 * 8-byte sizes if it did pass 4 GiB (4-byte ones if not, which is what a reader walking local headers
 * without a ZIP64 extra field expects); the central directory gives a ZIP64 extra field only for a size or offset that does not fit
 * in 32 bits. This is the layout Apache POI's streaming writer settled on for Excel ("Excel compatible
 * Zip64", opczip): Excel refuses or repairs a file whose local header carries a ZIP64 extra field for a part
 * that turns out small, which every streamed part opened with `zip64` may be. Offsets and counts past the
 * 32-bit fields get the ZIP64 end of central directory records. A part that passes 4 GiB without having
 * been opened so is refused (a `PortError` "too_large", said as `xlsx.write.part_too_large`): its descriptor
 * can no longer say so.
 *
 * A part may also be started elsewhere (a worker thread writing a large sheet's rows while this one does
 * other work): `HeadDeflater` deflates its first bytes as raw deflate ended by a sync flush (byte-aligned,
 * not final) and keeps them with their CRC-32 and length (a `DeflatedHead`); `ZipWriter.continued` puts
 * those bytes in the zip and deflates the rest of the part with a fresh deflater, which never refers back
 * into the head, so the two make one valid deflate stream. The part's CRC-32 goes on from the head's
 * (`zlib.crc32(rest, crcOfHead)`), which needs Node's `zlib.crc32` (Node 20.15 and later): without it
 * (`canContinueParts`), parts are written here only.
 */
import * as zlib from "zlib";
import type { ByteSink } from "../port/whole-file";
import { PortError } from "../port/workbook";
import { msg } from "../core/messages";

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const ZIP64_END_OF_CENTRAL = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
const FLAG_DESCRIPTOR = 0x0008;
const DEFLATE = 8;

/** Bytes handed to the sink but not yet written before `write` waits for the disk. */
const MAX_QUEUED_BYTES = 8 * 1024 * 1024;
/** Input bytes zlib may hold unprocessed before `write` waits for it. */
const MAX_PENDING_INPUT = 4 * 1024 * 1024;

/** Where a sheet's XML goes as it is made: a zip part (`ZipEntryStream`), or the head of one (`HeadDeflater`). */
export interface PartStream {
  write(data: string | Buffer): Promise<void>;
  end(): Promise<void>;
  destroy(): void;
}

/**
 * The first bytes of a part, deflated elsewhere: raw deflate ended by a sync flush (so more deflate blocks
 * may follow), with the CRC-32 and length of the bytes it holds. Plain data: it can be posted between threads.
 */
export interface DeflatedHead {
  deflated: Uint8Array;
  crc: number;
  size: number;
}

type Crc32 = (data: string | NodeJS.ArrayBufferView, value?: number) => number;
/** Node's own CRC-32 with a starting value (Node 20.15 and later; `engines` allows older 20s). */
const crc32: Crc32 | undefined = (zlib as { crc32?: Crc32 }).crc32;

/** Whether parts can be started elsewhere (`HeadDeflater`) and finished here (`ZipWriter.continued`). */
export function canContinueParts(): boolean {
  return crc32 !== undefined;
}

export class ZipWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipWriteError";
  }
}

interface Entry {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  descriptor: boolean;
  zip64: boolean;
}

export interface ZipWriterOptions {
  /** zlib level of every part (1 fastest … 9 smallest). */
  level?: number;
  /** Sizes and offsets from this many bytes on need ZIP64: 0xFFFFFFFF, lowered only by tests. */
  zip64Above?: number;
  /** Modification time written for every part; default now. */
  date?: Date;
}

/** MS-DOS date and time (local time, two-second steps), as zip headers keep them. */
function dosDateTime(d: Date): { date: number; time: number } {
  const year = Math.max(1980, Math.min(2107, d.getFullYear()));
  return {
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
  };
}

/** Deflates `data` whole with zlib's gzip, which also gives its CRC-32: the raw deflate body and the CRC. */
function deflateWhole(data: Buffer, level: number): { body: Buffer; crc: number } {
  const gz = zlib.gzipSync(data, { level });
  checkGzipHeader(gz);
  return { body: gz.subarray(10, gz.length - 8), crc: gz.readUInt32LE(gz.length - 8) };
}

/** Node's gzip header is ten bytes with no optional fields; anything else would shift the deflate body. */
function checkGzipHeader(head: Buffer): void {
  if (head[0] !== 0x1f || head[1] !== 0x8b || head[2] !== 8 || head[3] !== 0) throw new ZipWriteError("unexpected gzip header from zlib");
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
}

export class ZipWriter {
  private readonly entries: Entry[] = [];
  private readonly names = new Set<string>();
  private readonly level: number;
  private readonly zip64Above: number;
  private readonly stamp: { date: number; time: number };
  /** Bytes handed to the sink so far: where the next one goes. */
  private offset = 0;
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;
  private failure: unknown = null;
  private open: ZipEntryStream | null = null;
  private finished = false;

  constructor(
    private readonly sink: ByteSink,
    options: ZipWriterOptions = {},
  ) {
    this.level = options.level ?? 6;
    this.zip64Above = options.zip64Above ?? MAX32;
    this.stamp = dosDateTime(options.date ?? new Date());
  }

  /** Hands bytes to the sink in order; a failed write fails every later step. */
  emit(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.offset += chunk.length;
    this.queued += chunk.length;
    this.queue = this.queue.then(async () => {
      if (this.failure !== null) return;
      try {
        await this.sink.write(chunk);
      } catch (e) {
        this.failure = e;
      } finally {
        this.queued -= chunk.length;
      }
    });
  }

  /** Waits while too much is queued for the disk; throws what a write failed with. */
  async settle(all = false): Promise<void> {
    if (all || this.queued > MAX_QUEUED_BYTES) await this.queue;
    this.check();
  }

  check(): void {
    if (this.failure !== null) throw this.failure;
  }

  private begin(name: string): Buffer {
    if (this.finished) throw new ZipWriteError(`${name}: the zip is finished`);
    if (this.open !== null) throw new ZipWriteError(`${name}: ${this.open.name} is still being written`);
    if (this.names.has(name)) throw new ZipWriteError(`${name}: already in the zip`);
    this.names.add(name);
    return Buffer.from(name, "utf8");
  }

  private localHeader(name: Buffer, e: { crc: number; compressed: number; size: number; descriptor: boolean; zip64: boolean }): Buffer {
    // A part given whole past 4 GiB has its sizes in the extra field; a streamed one has them in its descriptor only.
    const extra = e.zip64 && !e.descriptor ? Buffer.concat([u16(0x0001), u16(16), u64(e.size), u64(e.compressed)]) : Buffer.alloc(0);
    const sizesElsewhere = e.zip64 && !e.descriptor;
    return Buffer.concat([
      u32(LOCAL_HEADER),
      u16(e.zip64 ? 45 : 20),
      u16(e.descriptor ? FLAG_DESCRIPTOR : 0),
      u16(DEFLATE),
      u16(this.stamp.time),
      u16(this.stamp.date),
      u32(e.crc),
      u32(sizesElsewhere ? MAX32 : e.compressed),
      u32(sizesElsewhere ? MAX32 : e.size),
      u16(name.length),
      u16(extra.length),
      name,
      extra,
    ]);
  }

  /** A part given whole: deflated now, sizes in its local header. */
  add(name: string, data: string | Uint8Array): void {
    const nameBytes = this.begin(name);
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const { body, crc } = deflateWhole(bytes, this.level);
    const zip64 = bytes.length >= this.zip64Above || body.length >= this.zip64Above;
    const entry: Entry = { name: nameBytes, crc, compressed: body.length, size: bytes.length, offset: this.offset, descriptor: false, zip64 };
    this.emit(this.localHeader(nameBytes, entry));
    this.emit(body);
    this.entries.push(entry);
  }

  /**
   * A part written in pieces (`write`, then `end`), deflated as it comes. `zip64`: the part may pass
   * 4 GiB (else passing it fails the write).
   */
  stream(name: string, options: { zip64?: boolean } = {}): ZipEntryStream {
    const nameBytes = this.begin(name);
    const zip64 = options.zip64 === true;
    const entry: Entry = { name: nameBytes, crc: 0, compressed: 0, size: 0, offset: this.offset, descriptor: true, zip64 };
    this.emit(this.localHeader(nameBytes, entry));
    const stream = new ZipEntryStream(this, name, entry, this.level, this.zip64Above, () => {
      this.open = null;
      this.entries.push(entry);
    });
    this.open = stream;
    return stream;
  }

  /**
   * A part whose first bytes were deflated elsewhere (`head`, see `HeadDeflater`): its local header and those
   * bytes go out now; what is written to the returned stream is deflated here after them. `zip64` as for
   * `stream`; a head already past 4 GiB without it is refused as `stream` refuses a part that grows past it.
   */
  continued(name: string, head: DeflatedHead, options: { zip64?: boolean } = {}): ZipEntryStream {
    if (crc32 === undefined) throw new ZipWriteError(`${name}: this Node has no zlib.crc32 to continue a part`);
    const zip64 = options.zip64 === true;
    if (!zip64 && (head.size >= this.zip64Above || head.deflated.length >= this.zip64Above)) {
      throw new PortError("too_large", `${name}: more than 4 GiB`, msg("xlsx.write.part_too_large", { part: name }));
    }
    const nameBytes = this.begin(name);
    const entry: Entry = { name: nameBytes, crc: 0, compressed: 0, size: 0, offset: this.offset, descriptor: true, zip64 };
    this.emit(this.localHeader(nameBytes, entry));
    const deflated = Buffer.from(head.deflated.buffer, head.deflated.byteOffset, head.deflated.byteLength);
    entry.compressed = deflated.length;
    this.emit(deflated);
    const stream = new ZipEntryStream(
      this,
      name,
      entry,
      this.level,
      this.zip64Above,
      () => {
        this.open = null;
        this.entries.push(entry);
      },
      head,
    );
    this.open = stream;
    return stream;
  }

  /** Writes the central directory (and the ZIP64 records when needed) and waits until the sink has every byte. */
  async finish(): Promise<void> {
    if (this.open !== null) throw new ZipWriteError(`${this.open.name} is still being written`);
    this.finished = true;
    const start = this.offset;
    for (const e of this.entries) {
      // Values past the 32-bit fields go into the ZIP64 extra field (tests lower the bound to see it done).
      const limit = this.zip64Above;
      const big = { size: e.size >= limit, compressed: e.compressed >= limit, offset: e.offset >= limit };
      const fields: Buffer[] = [];
      if (big.size) fields.push(u64(e.size));
      if (big.compressed) fields.push(u64(e.compressed));
      if (big.offset) fields.push(u64(e.offset));
      const extra = fields.length > 0 ? Buffer.concat([u16(0x0001), u16(fields.length * 8), ...fields]) : Buffer.alloc(0);
      const needs64 = e.zip64 || fields.length > 0;
      this.emit(
        Buffer.concat([
          u32(CENTRAL_HEADER),
          u16(needs64 ? 45 : 20),
          u16(needs64 ? 45 : 20),
          u16(e.descriptor ? FLAG_DESCRIPTOR : 0),
          u16(DEFLATE),
          u16(this.stamp.time),
          u16(this.stamp.date),
          u32(e.crc),
          u32(big.compressed ? MAX32 : e.compressed),
          u32(big.size ? MAX32 : e.size),
          u16(e.name.length),
          u16(extra.length),
          u16(0), // comment
          u16(0), // disk
          u16(0), // internal attributes
          u32(0), // external attributes
          u32(big.offset ? MAX32 : e.offset),
          e.name,
          extra,
        ]),
      );
    }
    const size = this.offset - start;
    const count = this.entries.length;
    if (count >= MAX16 || size >= this.zip64Above || start >= this.zip64Above) {
      const record = this.offset;
      this.emit(
        Buffer.concat([u32(ZIP64_END_OF_CENTRAL), u64(44), u16(45), u16(45), u32(0), u32(0), u64(count), u64(count), u64(size), u64(start)]),
      );
      this.emit(Buffer.concat([u32(ZIP64_LOCATOR), u32(0), u64(record), u32(1)]));
    }
    this.emit(
      Buffer.concat([
        u32(END_OF_CENTRAL),
        u16(0),
        u16(0),
        u16(count >= MAX16 ? MAX16 : count),
        u16(count >= MAX16 ? MAX16 : count),
        u32(size >= this.zip64Above ? MAX32 : size),
        u32(start >= this.zip64Above ? MAX32 : start),
        u16(0),
      ]),
    );
    await this.settle(true);
  }
}

/**
 * One part being deflated as it is written; see `ZipWriter.stream`. A part continued from a head deflated
 * elsewhere (`ZipWriter.continued`) runs raw deflate instead of gzip, its CRC-32 carried on from the head's.
 */
export class ZipEntryStream implements PartStream {
  private readonly deflater: zlib.Gzip | zlib.DeflateRaw;
  /** Gzip bytes seen so far (the ten-byte header is skipped, the last eight held back as the trailer). */
  private seen = 0;
  private tail: Buffer = Buffer.alloc(0);
  private ended: Promise<void>;
  private failure: unknown = null;
  private written = 0;
  /** A continued part: the CRC-32 of its bytes so far (head and rest); null for a gzip part. */
  private crc: number | null = null;

  constructor(
    private readonly zip: ZipWriter,
    readonly name: string,
    private readonly entry: Entry,
    level: number,
    private readonly zip64Above: number,
    private readonly done: () => void,
    head?: DeflatedHead,
  ) {
    if (head !== undefined) {
      this.crc = head.crc;
      this.written = head.size;
      this.deflater = zlib.createDeflateRaw({ level, chunkSize: 256 * 1024 });
    } else this.deflater = zlib.createGzip({ level, chunkSize: 256 * 1024 });
    this.deflater.on("data", (chunk: Buffer) => (this.crc !== null ? this.takeRaw(chunk) : this.take(chunk)));
    this.ended = new Promise<void>((resolve, reject) => {
      this.deflater.on("end", resolve);
      this.deflater.on("error", (e) => {
        this.failure = e;
        reject(e);
      });
    });
    this.ended.catch(() => undefined);
  }

  /** Deflated bytes out of zlib: the body goes on to the zip; the gzip header is dropped, the trailer kept. */
  private take(chunk: Buffer): void {
    let data = chunk;
    if (this.seen < 10) {
      const head = Math.min(10 - this.seen, data.length);
      if (this.seen === 0 && data.length >= 4) {
        try {
          checkGzipHeader(data);
        } catch (e) {
          this.failure = e;
        }
      }
      this.seen += head;
      data = data.subarray(head);
    }
    this.seen += data.length;
    const all = this.tail.length > 0 ? Buffer.concat([this.tail, data]) : data;
    const keep = Math.min(8, all.length);
    const body = all.subarray(0, all.length - keep);
    // A copy: zlib may reuse its output buffer, and the tail must outlive this chunk.
    this.tail = Buffer.from(all.subarray(all.length - keep));
    if (body.length > 0) {
      this.entry.compressed += body.length;
      this.zip.emit(body);
    }
  }

  /** Raw deflate out of zlib (a continued part): all of it is body. */
  private takeRaw(chunk: Buffer): void {
    this.entry.compressed += chunk.length;
    this.zip.emit(chunk);
  }

  /** Bytes of the part (uncompressed) handed over so far. */
  get size(): number {
    return this.written;
  }

  /**
   * Adds text (as UTF-8) or bytes. Returns at once while zlib and the disk keep up, so the caller can make
   * the next piece while this one is deflated; waits when either is too far behind.
   */
  async write(data: string | Buffer): Promise<void> {
    if (this.failure !== null) throw this.failure;
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    this.written += bytes.length;
    if (!this.entry.zip64 && this.written >= this.zip64Above) {
      throw new PortError("too_large", `${this.name}: more than 4 GiB`, msg("xlsx.write.part_too_large", { part: this.name }));
    }
    if (this.crc !== null) this.crc = crc32!(bytes, this.crc);
    this.deflater.write(bytes);
    if (this.deflater.writableNeedDrain && this.deflater.writableLength > MAX_PENDING_INPUT) {
      await new Promise<void>((resolve) => this.deflater.once("drain", resolve));
    }
    await this.zip.settle();
    if (this.failure !== null) throw this.failure;
  }

  /** Flushes the deflate stream and writes the data descriptor. */
  async end(): Promise<void> {
    this.deflater.end();
    await this.ended;
    if (this.failure !== null) throw this.failure;
    let crc: number;
    if (this.crc !== null) crc = this.crc;
    else {
      if (this.tail.length !== 8) throw new ZipWriteError(`${this.name}: gzip trailer missing`);
      crc = this.tail.readUInt32LE(0);
      const size = this.tail.readUInt32LE(4);
      if (size !== this.written % 0x100000000) throw new ZipWriteError(`${this.name}: ${this.written} bytes written, zlib saw ${size}`);
    }
    this.entry.crc = crc;
    this.entry.size = this.written;
    const e = this.entry;
    if (!e.zip64 && e.compressed >= this.zip64Above) throw new PortError("too_large", `${this.name}: more than 4 GiB deflated`, msg("xlsx.write.part_too_large", { part: this.name }));
    // 8-byte sizes only where 4 bytes cannot hold them: a part that stayed small has the descriptor any reader
    // walking the local headers expects when they carry no ZIP64 extra field (as Java's ZipInputStream decides).
    const wide = e.compressed >= this.zip64Above || e.size >= this.zip64Above;
    this.zip.emit(
      wide ? Buffer.concat([u32(DATA_DESCRIPTOR), u32(crc), u64(e.compressed), u64(e.size)]) : Buffer.concat([u32(DATA_DESCRIPTOR), u32(crc), u32(e.compressed), u32(e.size)]),
    );
    this.done();
    await this.zip.settle();
  }

  /** Stops deflating (the zip is being given up). */
  destroy(): void {
    this.deflater.destroy();
  }
}

/**
 * The start of a part deflated away from its zip (on a worker thread): raw deflate, kept in memory, with
 * the CRC-32 and length of what was written; `head()` ends it with a sync flush and hands it over, for
 * `ZipWriter.continued` to put in the zip and go on from. Needs `canContinueParts()`.
 */
export class HeadDeflater implements PartStream {
  private readonly deflater: zlib.DeflateRaw;
  private readonly chunks: Buffer[] = [];
  private deflatedBytes = 0;
  private crc = 0;
  private written = 0;
  private failure: unknown = null;

  constructor(level: number) {
    if (crc32 === undefined) throw new ZipWriteError("this Node has no zlib.crc32 to start a part elsewhere");
    this.deflater = zlib.createDeflateRaw({ level, chunkSize: 256 * 1024 });
    this.deflater.on("data", (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.deflatedBytes += chunk.length;
    });
    this.deflater.on("error", (e) => (this.failure = e));
  }

  /** Bytes (uncompressed) written so far. */
  get size(): number {
    return this.written;
  }

  /** Adds text (as UTF-8) or bytes; waits while zlib is too far behind. */
  async write(data: string | Buffer): Promise<void> {
    if (this.failure !== null) throw this.failure;
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    this.written += bytes.length;
    this.crc = crc32!(bytes, this.crc);
    this.deflater.write(bytes);
    if (this.deflater.writableNeedDrain && this.deflater.writableLength > MAX_PENDING_INPUT) {
      await new Promise<void>((resolve) => this.deflater.once("drain", resolve));
    }
    if (this.failure !== null) throw this.failure;
  }

  /** A head is not ended here: `head()` flushes it for the zip's own thread to finish. */
  async end(): Promise<void> {
    throw new ZipWriteError("a part's head is handed over with head(), not ended");
  }

  /**
   * Everything written, deflated and ended by a sync flush (an empty stored block: byte-aligned, not
   * final), as one buffer of its own (to be posted to another thread without a copy).
   */
  async head(): Promise<DeflatedHead> {
    await new Promise<void>((resolve, reject) => {
      this.deflater.flush(zlib.constants.Z_SYNC_FLUSH, () => (this.failure !== null ? reject(this.failure) : resolve()));
    });
    // The flushed bytes' "data" events have run by the next turn of the loop.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const deflated = new Uint8Array(new ArrayBuffer(this.deflatedBytes));
    let at = 0;
    for (const chunk of this.chunks) {
      deflated.set(chunk, at);
      at += chunk.length;
    }
    this.chunks.length = 0;
    this.deflater.close();
    return { deflated, crc: this.crc >>> 0, size: this.written };
  }

  destroy(): void {
    this.deflater.destroy();
  }
}
