/**
 * The trained example models (public/presets/<cell>.json), fetched by the worker the first time a run asks
 * for one and kept for the next. The file is data from the network: its size is bounded before it is
 * parsed, and it is checked like any model file (engine/formats/preset.ts).
 */
import { parseJson } from '../engine/formats/json';
import { presetFromJson } from '../engine/formats/preset';
import { ModelError } from '../engine/model';
import { CELL_KINDS, CELL_NAMES, type CellKind, type Model } from '../engine/types';

/** The largest preset file read, in bytes (the LSTM's is about 60 KB), and so in characters of its text. */
const MAX_FILE_BYTES = 2_000_000;

/** What the loader needs of fetch(): the answer's status, its announced size, and its text. */
export type Fetch = (url: string) => Promise<{ ok: boolean; status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

/**
 * Loads the cell's trained model through `fetchFile`, from `base` (the page's base URL, e.g. '/': Vite's
 * `base`) + presets/<cell>.json; a failure is a ModelError the page shows, and is not kept.
 */
export function trainedModelLoader(fetchFile: Fetch, base: string): (cell: CellKind) => Promise<Model> {
  const cache = new Map<CellKind, Promise<Model>>();
  return (cell) => {
    // The cell names the file: only the four the page knows, whatever a message says.
    if (!CELL_KINDS.includes(cell)) return Promise.reject(new ModelError(`there is no trained model for the cell ${JSON.stringify(cell)}`));
    let loading = cache.get(cell);
    if (!loading) {
      const what = `the trained ${CELL_NAMES[cell].name}`;
      const url = `${base}presets/${cell}.json`;
      loading = fetchFile(url)
        .catch((err: unknown) => {
          throw new ModelError(`${what} could not be loaded from ${url} (${err instanceof Error ? err.message : String(err)}); random weights still work`);
        })
        .then(async (res) => {
          if (!res.ok) throw new ModelError(`${what} could not be loaded: ${url} answered HTTP ${res.status}; random weights still work`);
          const n = (x: number) => x.toLocaleString('en-US');
          // Refused before it is read, when the server says its size; else once read (a character is a byte or more).
          const announced = Number(res.headers.get('content-length') ?? NaN);
          if (announced > MAX_FILE_BYTES) throw new ModelError(`${what}'s file is ${n(announced)} bytes; expected at most ${n(MAX_FILE_BYTES)}`);
          const text = await res.text();
          if (text.length > MAX_FILE_BYTES) throw new ModelError(`${what}'s file is over ${n(MAX_FILE_BYTES)} bytes; expected at most ${n(MAX_FILE_BYTES)}`);
          try {
            return presetFromJson(parseJson(text), cell);
          } catch (err) {
            throw err instanceof ModelError ? err : new ModelError(`${what}'s file is not valid: ${err instanceof Error ? err.message : String(err)}`);
          }
        });
      cache.set(cell, loading);
      loading.catch(() => cache.delete(cell)); // a failed load is tried again on the next run
    }
    return loading;
  };
}
