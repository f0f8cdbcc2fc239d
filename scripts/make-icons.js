#!/usr/bin/env node
/**
 * Draws the add-in's icon (two overlapping ledger sheets and a green check badge on a teal
 * tile) and writes it as PNG files into assets/ at every size the manifest and the store use.
 *
 *   node scripts/make-icons.js            write assets/icon-<size>.png
 *   node scripts/make-icons.js --check    exit 1 if a file in assets/ differs from what it would write
 *
 * The mark is described as signed-distance shapes in a unit square and rasterised here, with
 * 4x4 supersampling for the anti-aliased edges, then encoded with node's zlib. Drawing it in
 * code keeps the icon rebuildable without image tools or fonts, and lets the tests prove that
 * the committed files are exactly what this script draws.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

/** 16/32/80 for the ribbon, 20/24/40/48/64 for high-DPI ribbons, 32/64 for the add-in list, 128 for the store. */
const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128];

const SUPERSAMPLE = 4;

function iconFileName(size) {
  return `icon-${size}.png`;
}

// ---------------------------------------------------------------------------------------------
// Shapes: signed distance in unit coordinates (negative inside), y pointing down.

function roundedRect(x0, y0, x1, y1, radius) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - radius;
  const hy = (y1 - y0) / 2 - radius;
  return (x, y) => {
    const qx = Math.abs(x - cx) - hx;
    const qy = Math.abs(y - cy) - hy;
    const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
    return outside + Math.min(Math.max(qx, qy), 0) - radius;
  };
}

function circle(cx, cy, radius) {
  return (x, y) => Math.hypot(x - cx, y - cy) - radius;
}

/** A stroked open path with round caps and joins. */
function polyline(points, width) {
  return (x, y) => {
    let best = Infinity;
    for (let i = 0; i + 1 < points.length; i++) {
      const [ax, ay] = points[i];
      const [bx, by] = points[i + 1];
      const dx = bx - ax;
      const dy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
    }
    return best - width / 2;
  };
}

function hex(rgb, alpha = 1) {
  const n = parseInt(rgb.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

const TEAL_TOP = hex("#178CA4");
const TEAL_BOTTOM = hex("#0B5B75");
const WHITE = hex("#FFFFFF");
const SHEET_BACK = hex("#FFFFFF", 0.55);
const LEDGER_LINE = hex("#9DBBC8");
const GREEN = hex("#1FA05A");

function tileColor(_x, y) {
  const t = Math.max(0, Math.min(1, y));
  return TEAL_TOP.map((c, i) => c + (TEAL_BOTTOM[i] - c) * t);
}

/**
 * The layers, back to front. Small sizes drop the ledger lines (they would blur into grey)
 * and thicken the check so it still reads at 16 px.
 */
function layersFor(size) {
  const small = size < 32;
  const layers = [
    // At small sizes the tile fills the square so its edge falls on whole pixels.
    { shape: small ? roundedRect(0, 0, 1, 1, 0.19) : roundedRect(0.03, 0.03, 0.97, 0.97, 0.2), color: tileColor },
    { shape: roundedRect(0.35, 0.14, 0.8, 0.66, 0.05), color: () => SHEET_BACK },
    { shape: roundedRect(0.18, 0.26, 0.63, 0.84, 0.05), color: () => WHITE },
  ];
  if (!small) {
    for (const y of [0.39, 0.5, 0.61]) {
      layers.push({ shape: roundedRect(0.25, y, 0.55, y + 0.045, 0.02), color: () => LEDGER_LINE });
    }
  }
  const badge = { cx: 0.69, cy: 0.7, r: small ? 0.25 : 0.22 };
  // A ring of the tile colour keeps the badge apart from the sheet it overlaps.
  layers.push({ shape: circle(badge.cx, badge.cy, badge.r + 0.05), color: tileColor });
  layers.push({ shape: circle(badge.cx, badge.cy, badge.r), color: () => GREEN });
  const s = badge.r;
  const check = [
    [badge.cx - 0.5 * s, badge.cy + 0.02 * s],
    [badge.cx - 0.12 * s, badge.cy + 0.4 * s],
    [badge.cx + 0.52 * s, badge.cy - 0.34 * s],
  ];
  layers.push({ shape: polyline(check, small ? 0.34 * s : 0.24 * s), color: () => WHITE });
  return layers;
}

/** The icon as straight (not premultiplied) RGBA bytes, row by row from the top. */
function renderIcon(size) {
  const layers = layersFor(size);
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Sum of premultiplied colour over the samples of this pixel.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let cr = 0;
          let cg = 0;
          let cb = 0;
          let ca = 0;
          for (const layer of layers) {
            if (layer.shape(x, y) > 0) continue;
            const [lr, lg, lb, la] = layer.color(x, y);
            cr = lr * la + cr * (1 - la);
            cg = lg * la + cg * (1 - la);
            cb = lb * la + cb * (1 - la);
            ca = la + ca * (1 - la);
          }
          r += cr;
          g += cg;
          b += cb;
          a += ca;
        }
      }
      const i = (py * size + px) * 4;
      const samples = n * n;
      const alpha = a / samples;
      if (alpha > 0) {
        rgba[i] = Math.round(r / samples / alpha);
        rgba[i + 1] = Math.round(g / samples / alpha);
        rgba[i + 2] = Math.round(b / samples / alpha);
      }
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return rgba;
}

// ---------------------------------------------------------------------------------------------
// PNG

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG chunks use it (ISO 3309). */
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** An 8-bit RGBA PNG, every scanline with filter type 0: icons are small, simplicity wins. */
function encodePng(width, height, rgba) {
  if (rgba.length !== width * height * 4) {
    throw new Error(`expected ${width * height * 4} RGBA bytes, got ${rgba.length}`);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/**
 * Decodes a non-interlaced 8-bit RGBA PNG (what encodePng writes, with any filter types),
 * checking the signature and every chunk's CRC. Throws on anything else.
 */
function decodePng(png) {
  if (png.length < 8 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error("not a PNG file");
  let offset = 8;
  let header;
  const idat = [];
  for (;;) {
    if (offset + 12 > png.length) throw new Error("PNG ends before IEND");
    const length = png.readUInt32BE(offset);
    const type = png.toString("ascii", offset + 4, offset + 8);
    const end = offset + 8 + length;
    if (end + 4 > png.length) throw new Error(`PNG chunk ${type} runs past the end of the file`);
    if (crc32(png.subarray(offset + 4, end)) !== png.readUInt32BE(end)) throw new Error(`bad CRC in PNG chunk ${type}`);
    const data = png.subarray(offset + 8, end);
    if (type === "IHDR") {
      header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8],
        colourType: data[9],
        interlace: data[12],
      };
    } else if (type === "IDAT") {
      idat.push(data);
    } else if (type === "IEND") {
      break;
    }
    offset = end + 4;
  }
  if (!header) throw new Error("PNG has no IHDR chunk");
  const { width, height } = header;
  if (header.bitDepth !== 8 || header.colourType !== 6 || header.interlace !== 0) {
    throw new Error("only non-interlaced 8-bit RGBA PNGs are supported");
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  if (raw.length !== (stride + 1) * height) throw new Error("PNG image data has the wrong length");
  const rgba = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x];
      const left = x >= 4 ? rgba[y * stride + x - 4] : 0;
      const up = y > 0 ? rgba[(y - 1) * stride + x] : 0;
      const upLeft = x >= 4 && y > 0 ? rgba[(y - 1) * stride + x - 4] : 0;
      let predictor;
      switch (filter) {
        case 0: predictor = 0; break;
        case 1: predictor = left; break;
        case 2: predictor = up; break;
        case 3: predictor = (left + up) >> 1; break;
        case 4: predictor = paeth(left, up, upLeft); break;
        default: throw new Error(`unknown PNG filter type ${filter} in row ${y}`);
      }
      rgba[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, rgba };
}

// ---------------------------------------------------------------------------------------------

function main(argv) {
  const assets = path.resolve(__dirname, "..", "assets");
  const check = argv.includes("--check");
  let stale = 0;
  fs.mkdirSync(assets, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = path.join(assets, iconFileName(size));
    const rgba = renderIcon(size);
    if (check) {
      const same = fs.existsSync(file) && decodePng(fs.readFileSync(file)).rgba.equals(rgba);
      if (!same) {
        stale++;
        console.error(`${path.relative(process.cwd(), file)} is missing or differs from what scripts/make-icons.js draws`);
      }
    } else {
      fs.writeFileSync(file, encodePng(size, size, rgba));
      console.log(`wrote ${path.relative(process.cwd(), file)} (${size}x${size})`);
    }
  }
  return stale === 0 ? 0 : 1;
}

module.exports = { ICON_SIZES, iconFileName, renderIcon, encodePng, decodePng, crc32 };

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
