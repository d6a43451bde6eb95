import { describe, expect, it } from 'vitest';
import { ModelError } from '../engine/model';
import type { CellKind } from '../engine/types';
import { answer, fetchFromDisk } from './testing/trainedFromDisk';
import { trainedModelLoader, type Fetch } from './trainedModels';

/** A fetch that counts its calls and answers from the disk, or as told. */
function counting(answer: Fetch = fetchFromDisk) {
  const urls: string[] = [];
  const f: Fetch = (url) => { urls.push(url); return answer(url); };
  return { urls, f };
}

describe('the trained model loader', () => {
  it('fetches a cell\'s file under the base path once, and keeps its model for later runs', async () => {
    const { urls, f } = counting();
    const load = trainedModelLoader(f, '/');
    const a = await load('gru');
    const b = await load('gru');
    expect(a).toBe(b);
    expect(a.cell).toBe('gru');
    expect(a.origin?.kind).toBe('trained');
    expect(urls).toEqual(['/presets/gru.json']);
  });

  it('says what went wrong, as a message for the page, and tries again on the next run', async () => {
    let fail = true;
    const { urls, f } = counting((url) => (fail ? Promise.reject(new Error('Failed to fetch')) : fetchFromDisk(url)));
    const load = trainedModelLoader(f, '/');
    await expect(load('lstm')).rejects.toThrow(ModelError);
    await expect(load('lstm')).rejects.toThrow('the trained LSTM could not be loaded from /presets/lstm.json (Failed to fetch); random weights still work');
    fail = false;
    expect((await load('lstm')).cell).toBe('lstm');
    expect(urls).toHaveLength(3);
  });

  it('refuses an HTTP error, an oversized file, a file that is not JSON, and a cell it does not know (without fetching)', async () => {
    const http = trainedModelLoader(() => fetchFromDisk('/nothing'), '/app/');
    await expect(http('lstm')).rejects.toThrow('the trained LSTM could not be loaded: /app/presets/lstm.json answered HTTP 404');
    // Too big: refused unread when the server says so, else once read.
    let read = false;
    const announced = trainedModelLoader(() => Promise.resolve({ ...answer(200, ''), headers: { get: () => '3000000' }, text: () => { read = true; return Promise.resolve(''); } }), '/');
    await expect(announced('gru')).rejects.toThrow("the trained GRU's file is 3,000,000 bytes; expected at most 2,000,000");
    expect(read).toBe(false);
    const huge = trainedModelLoader(() => Promise.resolve(answer(200, '['.repeat(2_000_001), null)), '/');
    await expect(huge('gru')).rejects.toThrow("the trained GRU's file is over 2,000,000 bytes; expected at most 2,000,000");
    const html = trainedModelLoader(() => Promise.resolve(answer(200, '<!doctype html>')), '/');
    await expect(html('gru')).rejects.toThrow(/^the trained GRU's file is not valid: /);
    const { urls, f } = counting();
    await expect(trainedModelLoader(f, '/')('../secret' as CellKind)).rejects.toThrow('there is no trained model for the cell "../secret"');
    expect(urls).toEqual([]);
  });
});
