import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

/** The parts of scripts/make-icons.js the tests use (it is plain JavaScript so node runs it directly). */
interface IconScript {
  ICON_SIZES: number[];
  iconFileName(size: number): string;
  renderIcon(size: number): Buffer;
  encodePng(width: number, height: number, rgba: Uint8Array): Buffer;
  decodePng(png: Buffer): { width: number; height: number; rgba: Buffer };
  crc32(bytes: Uint8Array): number;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const icons = require("../../scripts/make-icons.js") as IconScript;

const ASSETS = path.join(__dirname, "..", "..", "assets");

function pixel(rgba: Buffer, size: number, x: number, y: number): number[] {
  const i = (y * size + x) * 4;
  return [...rgba.subarray(i, i + 4)];
}

describe("the icon script (scripts/make-icons.js)", () => {
  it("computes the CRC-32 PNG chunks use (the IEND chunk's CRC is AE426082)", () => {
    expect(icons.crc32(Buffer.from("IEND", "ascii"))).toBe(0xae426082);
    expect(icons.crc32(Buffer.from("123456789", "ascii"))).toBe(0xcbf43926);
  });

  it("writes a PNG that a decoder reads back pixel for pixel", () => {
    const rgba = Buffer.from([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 10, 20, 30, 40, 1, 2, 3, 4, 5, 6, 7, 8]);
    const png = icons.encodePng(3, 2, rgba);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR straight after the signature: 3 x 2, 8 bits, colour type 6 (RGBA).
    expect(png.toString("ascii", 12, 16)).toBe("IHDR");
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([3, 2, 8, 6]);
    // The image data inflates (with node's own zlib) to filter byte 0 + the row, twice.
    const idatAt = png.indexOf("IDAT", 0, "ascii");
    const idat = png.subarray(idatAt + 4, idatAt + 4 + png.readUInt32BE(idatAt - 4));
    expect(zlib.inflateSync(idat)).toEqual(Buffer.concat([Buffer.from([0]), rgba.subarray(0, 12), Buffer.from([0]), rgba.subarray(12)]));
    expect(icons.decodePng(png)).toEqual({ width: 3, height: 2, rgba });
  });

  it("decodes rows written with the Sub, Up, Average and Paeth filters", () => {
    // 2x4 image, one row per filter type 1..4, built by hand.
    const rows = [
      [1, 10, 20, 30, 40, 5, 5, 5, 5], // Sub: second pixel = first + 5
      [2, 1, 1, 1, 1, 0, 0, 0, 0], // Up: previous row + 1 / + 0
      [3, 0, 0, 0, 0, 0, 0, 0, 0], // Average of left and up
      [4, 0, 0, 0, 0, 0, 0, 0, 0], // Paeth
    ];
    const raw = Buffer.from(rows.flat());
    const good = icons.encodePng(2, 4, Buffer.alloc(32));
    const idatAt = good.indexOf("IDAT", 0, "ascii");
    const data = zlib.deflateSync(raw);
    const header = Buffer.alloc(8);
    header.writeUInt32BE(data.length);
    header.write("IDAT", 4, "ascii");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(icons.crc32(Buffer.concat([Buffer.from("IDAT"), data])));
    const idatEnd = idatAt + 4 + good.readUInt32BE(idatAt - 4) + 4;
    const png = Buffer.concat([good.subarray(0, idatAt - 4), header, data, crc, good.subarray(idatEnd)]);
    const { rgba } = icons.decodePng(png);
    expect([...rgba]).toEqual([
      10, 20, 30, 40, 15, 25, 35, 45, // Sub
      11, 21, 31, 41, 15, 25, 35, 45, // Up
      // Average: floor((left + up) / 2); the first pixel has no left, so up / 2.
      5, 10, 15, 20, 10, 17, 25, 32,
      // Paeth with up-left: predictor picks the nearest of left, up, up-left.
      5, 10, 15, 20, 10, 17, 25, 32,
    ]);
  });

  it("refuses a PNG whose chunk CRC does not match", () => {
    const png = icons.encodePng(1, 1, Buffer.from([1, 2, 3, 4]));
    png[png.indexOf("IDAT", 0, "ascii") + 5] ^= 0xff;
    expect(() => icons.decodePng(png)).toThrow("bad CRC in PNG chunk IDAT");
  });

  it("draws a transparent corner, the teal tile and the white ledger sheet", () => {
    const size = 64;
    const rgba = icons.renderIcon(size);
    expect(pixel(rgba, size, 0, 0)[3]).toBe(0);
    const tile = pixel(rgba, size, 32, 4);
    expect(tile[3]).toBe(255);
    expect(tile[2]).toBeGreaterThan(tile[0] + 60); // blue-green, not grey or red
    expect(pixel(rgba, size, 16, 44)).toEqual([255, 255, 255, 255]); // front sheet, between the lines
  });

  it.each([16, 20, 24, 32, 40, 48, 64, 80, 128])("assets/icon-%i.png is exactly what the script draws at that size", (size) => {
    expect(icons.ICON_SIZES).toContain(size);
    const file = path.join(ASSETS, icons.iconFileName(size));
    const decoded = icons.decodePng(fs.readFileSync(file));
    expect([decoded.width, decoded.height]).toEqual([size, size]);
    // Pixels, not bytes: another zlib may compress the same pixels differently.
    expect(decoded.rgba.equals(icons.renderIcon(size))).toBe(true);
  });
});
