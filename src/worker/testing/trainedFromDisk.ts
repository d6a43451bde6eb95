/** The trained example models read from public/presets in Node (tests, e2e expectations), as the worker reads them. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseJson } from '../../engine/formats/json';
import { presetFromJson } from '../../engine/formats/preset';
import type { CellKind, Model } from '../../engine/types';
import type { Fetch } from '../trainedModels';

const PRESETS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../public/presets');

export function trainedModelFromDisk(cell: CellKind): Model {
  return presetFromJson(parseJson(readFileSync(join(PRESETS, `${cell}.json`), 'utf8')), cell);
}

/** A file server for trainedModelLoader over public/: '/presets/lstm.json' and the like, else 404. */
export function fetchFromDisk(url: string): ReturnType<Fetch> {
  const m = /^\/presets\/([a-z_]+)\.json$/.exec(url);
  let text: string | null = null;
  try {
    if (m) text = readFileSync(join(PRESETS, `${m[1]}.json`), 'utf8');
  } catch { /* not there: 404 */ }
  return Promise.resolve(answer(text === null ? 404 : 200, text ?? ''));
}

/** An answer of fetch() with this status and text, announcing its size as a server would (`size`: another). */
export function answer(status: number, text: string, size: number | null = Buffer.byteLength(text)): Awaited<ReturnType<Fetch>> {
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => (name.toLowerCase() === 'content-length' && size !== null ? String(size) : null) },
    text: () => Promise.resolve(text),
  };
}
