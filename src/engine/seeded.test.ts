/**
 * A seed names a model and an input for good: a URL shared last term must still open the same numbers.
 * These pins were taken from the engine before its start-up loops were rewritten for speed.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import { initModel } from './init';
import { makeSignal, SIGNAL_KINDS } from './inputs';

/** FNV-1a over the float32 bits: changes if any value does, even in the last bit. */
function fingerprint(a: Float32Array | null): string {
  if (!a) throw new Error('no tensor to fingerprint');
  let h = 0x811c9dc5;
  for (const x of new Uint32Array(a.buffer, a.byteOffset, a.length)) h = Math.imul(h ^ x, 0x01000193) >>> 0;
  return h.toString(16);
}

describe('seeded generation', () => {
  it('fillUniform draws what uniform draws, and leaves the generator where uniform would', () => {
    const a = createRng(9);
    const b = createRng(9);
    const filled = new Float32Array(1000);
    a.fillUniform(filled, -0.3, 0.7);
    const drawn = Float32Array.from({ length: 1000 }, () => b.uniform(-0.3, 0.7));
    expect(filled).toEqual(drawn);
    expect(filled.every((v) => v >= -0.3 && v < 0.7)).toBe(true);
    expect(a.next()).toBe(b.next());
  });

  it('gives the same signals as before, for every kind', () => {
    const pins: Record<string, string> = { sine: 'ce22b7bd', steps: '9689159e', pulses: '92cf34f5', noise: '93df9453' };
    for (const kind of SIGNAL_KINDS) expect([kind, fingerprint(makeSignal(kind, 500, 3, 7))]).toEqual([kind, pins[kind]]);
  });

  it('gives the same weights as before: a two-layer GRU with an embedding, and an LSTM with a forget bias', () => {
    const gru = initModel({ cell: 'gru', gruReset: 'after', inputSize: 5, hiddenSize: 16, numLayers: 2, bias: true, input: 'embedding', vocab: 11, readoutSize: 4, forgetBias: 0 }, 42);
    const gruTensors = [
      ...gru.layers.flatMap((l) => [l.weightIh, l.weightHh, l.biasIh, l.biasHh]),
      gru.input.kind === 'embedding' ? gru.input.weight : null,
      gru.readout?.weight ?? null, gru.readout?.bias ?? null,
    ];
    expect(gruTensors.map(fingerprint)).toEqual(
      ['13e1eb70', '6fa073c', 'c3636d25', 'a6b2318b', '8b85d706', '9f916d71', '53e71efb', '8cd0cbbe', '3d9aeaf', 'e6d7158a', '496801dc']);
    const lstm = initModel({ cell: 'lstm', gruReset: 'after', inputSize: 3, hiddenSize: 128, numLayers: 1, bias: true, input: 'dense', vocab: 0, readoutSize: 4, forgetBias: 1 }, 1);
    const [l] = lstm.layers;
    expect([l.weightIh, l.weightHh, l.biasIh, l.biasHh, lstm.readout?.weight ?? null].map(fingerprint))
      .toEqual(['da85732f', '79b8652c', '4faa90c6', '176b8770', 'f005766e']);
  });
});
