/**
 * A small PNG of what the screen shows (black when off, a lock screen, the launcher or the app's
 * colour), encoded with zlib as PNG (ISO/IEC 15948: signature, IHDR, IDAT, IEND; CRC-32 per chunk).
 * Also the raw framebuffer form `screencap` writes without -p (width, height, format[, dataspace]
 * little-endian header then RGBA_8888 pixels; the dataspace word exists from Android 9).
 */
import { crc32, deflateSync } from 'node:zlib';
import { javaHashCode } from './state';

export const SCREEN_WIDTH = 216;
export const SCREEN_HEIGHT = 480;

type Rgb = readonly [number, number, number];

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** The colours of a surface: status bar, body and a centred tile (the "app icon"). */
export function surfaceColours(surface: string): { bar: Rgb; body: Rgb; tile: Rgb } {
  if (surface === 'off') return { bar: [0, 0, 0], body: [0, 0, 0], tile: [0, 0, 0] };
  if (surface === 'lock') return { bar: [10, 14, 40], body: [18, 24, 64], tile: [240, 240, 255] };
  if (surface === 'home') return { bar: [20, 60, 40], body: [40, 120, 80], tile: [250, 250, 250] };
  const h = javaHashCode(surface) >>> 0;
  const body: Rgb = [64 + (h & 0x7f), 64 + ((h >>> 8) & 0x7f), 64 + ((h >>> 16) & 0x7f)];
  return {
    bar: [body[0] >> 1, body[1] >> 1, body[2] >> 1],
    body,
    tile: [255 - body[0], 255 - body[1], 255 - body[2]],
  };
}

function pixelRows(surface: string, channels: 3 | 4, filterByte: boolean): Buffer {
  const { bar, body, tile } = surfaceColours(surface);
  const rowLen = SCREEN_WIDTH * channels + (filterByte ? 1 : 0);
  const out = Buffer.alloc(rowLen * SCREEN_HEIGHT);
  const row = (c: (x: number) => Rgb): Buffer => {
    const r = Buffer.alloc(rowLen);
    for (let x = 0; x < SCREEN_WIDTH; x++) {
      const [cr, cg, cb] = c(x);
      const o = (filterByte ? 1 : 0) + x * channels;
      r[o] = cr;
      r[o + 1] = cg;
      r[o + 2] = cb;
      if (channels === 4) r[o + 3] = 255;
    }
    return r;
  };
  const barRow = row(() => bar);
  const bodyRow = row(() => body);
  const tileRow = row((x) => (x >= 84 && x < 132 ? tile : body));
  for (let y = 0; y < SCREEN_HEIGHT; y++) {
    const src = y < 16 ? barRow : y >= 216 && y < 264 ? tileRow : bodyRow;
    src.copy(out, y * rowLen);
  }
  return out;
}

const cache = new Map<string, Buffer>();

/** A valid PNG of the surface ('off', 'lock', 'home' or a package name). */
export function screenPng(surface: string): Buffer {
  const hit = cache.get(surface);
  if (hit) return hit;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SCREEN_WIDTH, 0);
  ihdr.writeUInt32BE(SCREEN_HEIGHT, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour RGB
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(pixelRows(surface, 3, true), { level: 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  if (cache.size > 64) cache.clear();
  cache.set(surface, png);
  return png;
}

/** `screencap` without -p: header plus raw RGBA_8888 (format 1) pixels. */
export function screenRaw(surface: string, sdk: number): Buffer {
  const header = Buffer.alloc(sdk >= 28 ? 16 : 12);
  header.writeUInt32LE(SCREEN_WIDTH, 0);
  header.writeUInt32LE(SCREEN_HEIGHT, 4);
  header.writeUInt32LE(1, 8);
  if (sdk >= 28) header.writeUInt32LE(0, 12);
  return Buffer.concat([header, pixelRows(surface, 4, false)]);
}
