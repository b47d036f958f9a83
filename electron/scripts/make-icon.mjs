#!/usr/bin/env node
/**
 * Draws PushLab's icon (a phone receiving a confirmed notification) as PNGs in resources/icons,
 * with no image library: shapes are signed distance functions, anti-aliased by supersampling.
 * Run: node electron/scripts/make-icon.mjs
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../resources/icons');
const SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** RGBA pixels (size*size*4) -> PNG bytes. */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const roundedBox = (x, y, cx, cy, hw, hh, r) => {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
const segment = (x, y, ax, ay, bx, by) => {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t);
};

/** Colour of one point in unit coordinates (0..1), as [r, g, b, a] with straight alpha. */
function shade(x, y) {
  if (roundedBox(x, y, 0.5, 0.5, 0.46, 0.46, 0.2) > 0) return [0, 0, 0, 0];
  const t = y;
  let colour = [15 + (30 - 15) * t, 118 + (58 - 118) * t, 110 + (138 - 110) * t, 255]; // teal -> indigo
  const phoneOuter = roundedBox(x, y, 0.44, 0.54, 0.17, 0.27, 0.05);
  const phoneInner = roundedBox(x, y, 0.44, 0.54, 0.13, 0.22, 0.02);
  if (phoneOuter <= 0 && phoneInner > 0) colour = [248, 250, 252, 255];
  if (circle(x, y, 0.44, 0.785, 0.018) <= 0) colour = [15, 118, 110, 255];
  if (circle(x, y, 0.66, 0.32, 0.135) <= 0) colour = [249, 115, 22, 255]; // notification badge
  const tick = Math.min(segment(x, y, 0.6, 0.325, 0.645, 0.37), segment(x, y, 0.645, 0.37, 0.725, 0.27));
  if (circle(x, y, 0.66, 0.32, 0.135) <= 0 && tick <= 0.022) colour = [255, 255, 255, 255];
  return colour;
}

/** Renders one size with 4x4 supersampling. */
export function renderIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy += 1) {
        for (let sx = 0; sx < n; sx += 1) {
          const [cr, cg, cb, ca] = shade((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const o = (py * size + px) * 4;
      rgba[o] = a ? Math.round(r / a) : 0;
      rgba[o + 1] = a ? Math.round(g / a) : 0;
      rgba[o + 2] = a ? Math.round(b / a) : 0;
      rgba[o + 3] = Math.round(a / (n * n));
    }
  }
  return rgba;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    writeFileSync(path.join(OUT_DIR, `${size}x${size}.png`), encodePng(size, renderIcon(size)));
  }
  writeFileSync(path.join(OUT_DIR, 'icon.png'), encodePng(1024, renderIcon(1024)));
  console.log(`icons written to ${OUT_DIR}`);
}
