#!/usr/bin/env node
// Draws the toolbar icons (a magnifying lens over lines of text on a rounded square) into src/icons/*.png.
// A tiny PNG encoder with 4×4 supersampling, so the icons are reproducible without an image library.
// Run it again after changing the drawing: `node scripts/make-icons.mjs`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'icons');
const BACKGROUND = [31, 78, 121];
const TEXT = [160, 190, 220];
const LENS = [255, 255, 255];
const MARK = [255, 196, 61];

/** Colour of the point (x, y) in a 1×1 square, or null when transparent. */
function paint(x, y) {
  const r = 0.18; // corner radius of the rounded square
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  // Lens: a ring centred at (0.44, 0.42), and a handle towards the lower right.
  const d = Math.hypot(x - 0.44, y - 0.42);
  if (d > 0.22 && d < 0.3) return LENS;
  const t = (x - 0.6 + (y - 0.58)) / 2; // distance along the handle's axis
  const n = Math.abs(x - 0.6 - (y - 0.58)) / Math.SQRT2;
  if (t > 0.03 && t < 0.25 && n < 0.06) return LENS;
  // Inside the lens: a highlighted line of text between two plain ones.
  if (d <= 0.22) {
    if (Math.abs(y - 0.42) < 0.045 && Math.abs(x - 0.44) < 0.16) return MARK;
    if (Math.abs(y - 0.31) < 0.025 && Math.abs(x - 0.44) < 0.13) return TEXT;
    if (Math.abs(y - 0.53) < 0.025 && Math.abs(x - 0.44) < 0.13) return TEXT;
  }
  return BACKGROUND;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const ss = 4;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let x = 0; x < size; x++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const c = paint((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      const i = 1 + x * 4;
      if (a)
        row.set(
          [Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / ss ** 2)],
          i,
        );
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(out, { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(join(out, `icon-${size}.png`), png(size));
console.log(`icons written to ${out}`);
