/**
 * The page's fonts (public/fonts, made by make_fonts.sh) hold every character the interface writes, and
 * the stylesheet and the HTML's preloads name the same files. A label with a new symbol fails here, not
 * as a glyph borrowed from whatever system font the user happens to have.
 */
import { brotliDecompressSync } from 'node:zlib';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FACES = ['DejaVuSans.woff2', 'DejaVuSans-Bold.woff2', 'DejaVuSansMono.woff2'];

/** The tables of a WOFF2 file, undone from its one Brotli stream (only untransformed tables are usable). */
function woff2Tables(file: Buffer): Map<string, Buffer> {
  if (file.toString('latin1', 0, 4) !== 'wOF2') throw new Error('not a WOFF2 file');
  const numTables = file.readUInt16BE(12);
  const compressedSize = file.readUInt32BE(20);
  // The spec's table of known tags, as far as the ones that matter here (index 10 glyf, 11 loca).
  const known = ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca'];
  let at = 48;
  const base128 = () => {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const byte = file[at++];
      value = value * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) return value;
    }
    throw new Error('bad UIntBase128');
  };
  const entries: { tag: string; length: number }[] = [];
  for (let i = 0; i < numTables; i++) {
    const flags = file[at++];
    const index = flags & 0x3f;
    let tag: string;
    if (index === 63) {
      tag = file.toString('latin1', at, at + 4);
      at += 4;
    } else {
      tag = known[index] ?? `#${index}`;
    }
    const version = flags >> 6;
    const origLength = base128();
    // glyf and loca are transformed unless their version is 3; every other table only if it isn't 0.
    const transformed = tag === 'glyf' || tag === 'loca' ? version !== 3 : version !== 0;
    entries.push({ tag, length: transformed ? base128() : origLength });
  }
  const data = brotliDecompressSync(file.subarray(at, at + compressedSize));
  const tables = new Map<string, Buffer>();
  let offset = 0;
  for (const { tag, length } of entries) {
    tables.set(tag, data.subarray(offset, offset + length));
    offset += length;
  }
  return tables;
}

/** The code points a cmap table maps to a real glyph (formats 4 and 12, Unicode subtables). */
function mappedCodePoints(cmap: Buffer): Set<number> {
  const out = new Set<number>();
  const count = cmap.readUInt16BE(2);
  for (let i = 0; i < count; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
    const sub = cmap.subarray(cmap.readUInt32BE(8 + i * 8));
    const format = sub.readUInt16BE(0);
    if (format === 4) {
      const segs = sub.readUInt16BE(6) / 2;
      const ends = 14, starts = ends + 2 * segs + 2, deltas = starts + 2 * segs, ranges = deltas + 2 * segs;
      for (let s = 0; s < segs; s++) {
        const end = sub.readUInt16BE(ends + 2 * s), start = sub.readUInt16BE(starts + 2 * s);
        const delta = sub.readInt16BE(deltas + 2 * s), rangeOffset = sub.readUInt16BE(ranges + 2 * s);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          const glyph = rangeOffset === 0
            ? (c + delta) & 0xffff
            : sub.readUInt16BE(ranges + 2 * s + rangeOffset + 2 * (c - start));
          if (glyph !== 0) out.add(c);
        }
      }
    } else if (format === 12) {
      const groups = sub.readUInt32BE(12);
      for (let g = 0; g < groups; g++) {
        const start = sub.readUInt32BE(16 + g * 12), end = sub.readUInt32BE(20 + g * 12);
        for (let c = start; c <= end; c++) out.add(c);
      }
    }
  }
  return out;
}

/** Every non-ASCII character in the interface's source, as make_fonts.sh collects them. */
function interfaceCharacters(): string[] {
  const chars = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(e.name) && !e.name.includes('.test.')) {
        for (const ch of readFileSync(path, 'utf8')) if (ch.codePointAt(0)! > 0x7f) chars.add(ch);
      }
    }
  };
  walk(join(ROOT, 'src'));
  return [...chars].sort();
}

describe('the page fonts', () => {
  const wanted = [...interfaceCharacters(), ...Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i))];

  it.each(FACES)('%s has a glyph for every character the interface writes', (face) => {
    const cmap = woff2Tables(readFileSync(join(ROOT, 'public/fonts', face))).get('cmap');
    expect(cmap, 'a cmap table').toBeDefined();
    const mapped = mappedCodePoints(cmap!);
    const missing = wanted.filter((ch) => !mapped.has(ch.codePointAt(0)!));
    expect(missing.join(''), 'characters with no glyph: run scripts/make_fonts.sh').toBe('');
  });

  it('reads a cmap that really maps (a character the subset dropped is not found)', () => {
    const mapped = mappedCodePoints(woff2Tables(readFileSync(join(ROOT, 'public/fonts', FACES[0]))).get('cmap')!);
    expect(mapped.has('A'.codePointAt(0)!)).toBe(true);
    expect(mapped.has('⊙'.codePointAt(0)!)).toBe(true);
    expect(mapped.has('漢'.codePointAt(0)!)).toBe(false); // in no DejaVu face
    expect(mapped.has('ж'.codePointAt(0)!)).toBe(false); // in DejaVu, but cut from the subset
  });

  it('the stylesheet and the HTML preloads name the same files, and they exist', () => {
    const css = readFileSync(join(ROOT, 'src/styles.css'), 'utf8');
    const html = readFileSync(join(ROOT, 'index.html'), 'utf8');
    const inCss = [...css.matchAll(/url\('\/fonts\/([^']+)'\)/g)].map((m) => m[1]).sort();
    const preloaded = [...html.matchAll(/<link rel="preload" href="\/fonts\/([^"]+)" as="font"/g)].map((m) => m[1]).sort();
    expect(inCss).toEqual([...FACES].sort());
    expect(preloaded).toEqual([...FACES].sort());
    for (const f of FACES) expect(existsSync(join(ROOT, 'public/fonts', f)), f).toBe(true);
  });
});
