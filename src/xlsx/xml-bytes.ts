/**
 * XML written straight into bytes, for the sheet parts of ./xlsx-writer: a sheet's rows are almost all
 * ASCII (its text is in the shared strings), so pieces are copied a character at a time into a buffer that
 * goes to the deflate stream when full, instead of being joined into strings and encoded again.
 */
export class XmlBytes {
  private buf: Buffer;
  /** Bytes written into `buf`. */
  length = 0;

  constructor(private readonly size = 256 * 1024) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** Whether the bytes so far are worth handing on. */
  get full(): boolean {
    return this.length >= this.size;
  }

  private room(bytes: number): void {
    if (this.length + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + bytes));
    this.buf.copy(bigger, 0, 0, this.length);
    this.buf = bigger;
  }

  /** Text as UTF-8 (ASCII copied directly). */
  text(s: string): void {
    const len = s.length;
    if (this.length + len * 3 > this.buf.length) this.room(len * 3);
    const b = this.buf;
    let n = this.length;
    for (let i = 0; i < len; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) b[n++] = c;
      else {
        n += b.write(s.slice(i), n, "utf8");
        break;
      }
    }
    this.length = n;
  }

  /** A whole number ≥ 0 in decimal. */
  int(v: number): void {
    if (!(v >= 0 && v <= 0x7fffffff && Math.floor(v) === v)) {
      this.text(String(v));
      return;
    }
    this.room(10);
    const b = this.buf;
    if (v < 10) {
      b[this.length++] = 48 + v;
      return;
    }
    let digits = 1;
    for (let p = 10; p <= v; p *= 10) digits++;
    let n = this.length + digits;
    this.length = n;
    while (v > 0) {
      const q = (v / 10) | 0;
      b[--n] = 48 + v - q * 10;
      v = q;
    }
  }

  /**
   * A number as `String(v)` writes it, without making the string for the common cases: whole numbers, and
   * amounts in yuan (at most two decimals and 15 significant digits, whose shortest form is those digits).
   */
  num(v: number): void {
    if (v >= 0 && v <= 0x7fffffff && Math.floor(v) === v) {
      this.int(v);
      return;
    }
    const neg = v < 0;
    const a = neg ? -v : v;
    const cents = Math.round(a * 100);
    if (!(cents < 1e15 && cents / 100 === a)) {
      this.text(String(v));
      return;
    }
    this.room(20);
    if (neg) this.buf[this.length++] = 45;
    const whole = Math.floor(cents / 100);
    if (whole <= 0x7fffffff) this.int(whole);
    else this.text(String(whole));
    const frac = cents - whole * 100;
    if (frac === 0) return;
    const b = this.buf;
    b[this.length++] = 46;
    const tens = (frac / 10) | 0;
    b[this.length++] = 48 + tens;
    if (frac !== tens * 10) b[this.length++] = 48 + frac - tens * 10;
  }

  /** Drops what was written after `length` was `to`. */
  rewind(to: number): void {
    this.length = to;
  }

  /** The bytes written, handed over; writing goes on into a new buffer. */
  take(): Buffer {
    const out = this.buf.subarray(0, this.length);
    this.buf = Buffer.allocUnsafe(this.size);
    this.length = 0;
    return out;
  }
}
