import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../rng';
import type { JsonValue } from './json';
import { TensorError, expectShape, float32Text, shapeText, toTensor } from './tensor';

/** A random rectangular nested array of the given shape, and its values in row-major order. */
function nested(rng: Rng, shape: number[]): { value: JsonValue; flat: number[] } {
  const flat: number[] = [];
  const build = (d: number): JsonValue => {
    if (d === shape.length) {
      const x = Math.fround(rng.normal() * 10 ** (rng.int(7) - 3));
      flat.push(x);
      return x;
    }
    return Array.from({ length: shape[d] }, () => build(d + 1));
  };
  return { value: build(0), flat };
}

const randomShape = (rng: Rng): number[] => Array.from({ length: 1 + rng.int(4) }, () => 1 + rng.int(5));
const pathText = (path: number[]): string => path.map((j) => `[${j}]`).join('');

/** A random path to a node at depth `depth` of an array of this shape. */
const randomPath = (rng: Rng, shape: number[], depth: number): number[] => shape.slice(0, depth).map((n) => rng.int(n));

function at(value: JsonValue, path: number[]): JsonValue {
  return path.reduce<JsonValue>((node, j) => (node as JsonValue[])[j], value);
}

describe('float32Text', () => {
  /** Float32 values of every magnitude, from random bit patterns and from decimal-looking numbers. */
  function randomFloat32(rng: Rng): number {
    const bits = new Uint32Array(1);
    const f = new Float32Array(bits.buffer);
    for (;;) {
      const r = rng.next();
      if (r < 0.5) {
        bits[0] = Math.floor(rng.next() * 2 ** 32);
        if (Number.isFinite(f[0])) return f[0];
      } else if (r < 0.8) {
        return Math.fround(rng.normal() * 10 ** (rng.int(20) - 10));
      } else {
        return Math.fround(Number(`${rng.int(2) ? '-' : ''}${rng.int(100000)}e${rng.int(40) - 20}`));
      }
    }
  }

  it('round-trips 20,000 random float32 values exactly, as valid JSON numbers', () => {
    const rng = createRng(11);
    const wrong: string[] = [];
    for (let k = 0; k < 20_000; k++) {
      const x = randomFloat32(rng);
      const s = float32Text(x);
      if (Math.fround(Number(s)) !== x || JSON.parse(s) !== Number(s)) wrong.push(`${x} → ${s}`);
    }
    expect(wrong).toEqual([]);
  });

  it('is never longer than needed: no shorter decimal near the value reads back as it', () => {
    const rng = createRng(12);
    const wrong: string[] = [];
    for (let k = 0; k < 10_000; k++) {
      const x = randomFloat32(rng);
      if (x === 0) continue;
      const s = float32Text(x);
      if (!/^-?(0|[1-9]\d*)(\.\d*[1-9])?(e[+-]\d+)?$/.test(s)) wrong.push(`${x} → ${s} (format)`);
      const digits = s.replace(/^-/, '').replace(/e.*$/, '').replace('.', '').replace(/^0+|0+$/g, '').length;
      if (digits <= 1) continue;
      // The (digits − 1)-digit decimals just below, at and above the value.
      const [mantissa, exp] = Math.abs(x).toExponential(digits - 2).split('e');
      const m = Number(mantissa.replace('.', ''));
      for (const d of [-1, 0, 1]) {
        const shorter = Math.sign(x) * Number(`${m + d}e${Number(exp) - (digits - 2)}`);
        if (Math.fround(shorter) === x) wrong.push(`${x} → ${s}, but ${shorter} reads back too`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('prints simple values simply', () => {
    const cases: Array<[number, string]> = [
      [0.1, '0.1'], [0.5, '0.5'], [1, '1'], [-2.5, '-2.5'], [100, '100'], [123.456, '123.456'], [1 / 3, '0.33333334'],
      [1e-7, '1e-7'], [0.00001, '0.00001'], [1e21, '1e+21'], [16777216, '16777216'], [-0.75, '-0.75'],
      [3.4028234663852886e38, '3.4028235e+38'], [1.401298464324817e-45, '1e-45'], [1.1754943508222875e-38, '1.1754944e-38'],
    ];
    for (const [x, s] of cases) expect(float32Text(Math.fround(x)), String(x)).toBe(s);
  });

  it('prints zero as 0 and non-finite values as null (JSON has no NaN)', () => {
    expect(float32Text(0)).toBe('0');
    expect(float32Text(-0)).toBe('0');
    expect(float32Text(NaN)).toBe('null');
    expect(float32Text(Infinity)).toBe('null');
    expect(float32Text(-Infinity)).toBe('null');
  });
});

describe('toTensor', () => {
  it('reads the shape and the row-major values of 300 random nested arrays', () => {
    const rng = createRng(21);
    for (let k = 0; k < 300; k++) {
      const shape = randomShape(rng);
      const { value, flat } = nested(rng, shape);
      const t = toTensor('w', value, 1e6);
      expect(t.shape).toEqual(shape);
      expect(t.data).toEqual(Float32Array.from(flat));
    }
  });

  it('reads empty arrays as empty tensors', () => {
    expect(toTensor('w', [], 10)).toEqual({ shape: [0], data: new Float32Array(0) });
    expect(toTensor('w', [[]], 10)).toEqual({ shape: [1, 0], data: new Float32Array(0) });
    expect(toTensor('w', [[], []], 10).shape).toEqual([2, 0]);
  });

  it('names the path of a ragged row in 300 random arrays', () => {
    const rng = createRng(22);
    let checked = 0;
    while (checked < 300) {
      const shape = randomShape(rng);
      if (shape.length < 2) continue;
      const depth = 1 + rng.int(shape.length - 1);
      const path = randomPath(rng, shape, depth);
      // The first row of every level sets the expected shape, so the edited row must be another.
      if (path.every((j) => j === 0)) continue;
      const { value } = nested(rng, shape);
      const row = at(value, path) as JsonValue[];
      if (row.length > 1 && rng.next() < 0.5) row.pop();
      else row.push(row[0]);
      const message = `w${pathText(path)} has ${row.length} entries; expected ${shape[depth]} entries (a rectangular array of shape ${shapeText(shape)})`;
      expect(() => toTensor('w', value, 1e6)).toThrow(message);
      checked++;
    }
  });

  it('names the path of a value that is not a finite float32 in 300 random arrays', () => {
    const rng = createRng(23);
    const bad: Array<[JsonValue, string]> = [
      ['0.5', 'is the string "0.5"; expected a number'], [null, 'is null; expected a number'], [true, 'is true; expected a number'],
      [{ a: 1 }, 'is an object; expected a number'], [NaN, 'is NaN; every value must be a finite number'],
      [Infinity, 'is Infinity; every value must be a finite number'], [-Infinity, 'is -Infinity; every value must be a finite number'],
      [1e39, 'is 1e+39, beyond the float32 range'], [-4e38, 'is -4e+38, beyond the float32 range'], [[1, 2], 'is an array of 2; expected a number'],
    ];
    for (let k = 0; k < 300; k++) {
      const shape = randomShape(rng);
      const { value } = nested(rng, shape);
      const path = randomPath(rng, shape, shape.length);
      const [v, what] = bad[k % bad.length];
      // An array in the first element of every level would change the shape read instead.
      if (Array.isArray(v) && path.every((j) => j === 0)) continue;
      (at(value, path.slice(0, -1)) as JsonValue[])[path[path.length - 1]] = v;
      expect(() => toTensor('w', value, 1e6)).toThrow(TensorError);
      expect(() => toTensor('w', value, 1e6)).toThrow(`w${pathText(path)} ${what}`);
    }
  });

  it('accepts the float32 extremes', () => {
    expect(toTensor('w', [3.4028234663852886e38, -3.4028235e38, 1e-45], 10).data).toEqual(Float32Array.from([3.4028234663852886e38, -3.4028235e38, 1e-45]));
  });

  it('names a value that is not an array at all', () => {
    expect(() => toTensor('bias_ih_l0', undefined, 10)).toThrow('bias_ih_l0 is missing');
    expect(() => toTensor('w', 3, 10)).toThrow('w is 3; expected an array of numbers');
    expect(() => toTensor('w', 'abc', 10)).toThrow('w is the string "abc"; expected an array of numbers');
    expect(() => toTensor('w', { a: [1] }, 10)).toThrow('w is an object; expected an array of numbers');
    expect(() => toTensor('w', null, 10)).toThrow('w is null; expected an array of numbers');
    expect(() => toTensor('w', [[1, 2], 3], 10)).toThrow('w[1] is 3; expected 2 entries (a rectangular array of shape [2, 2])');
    expect(() => toTensor('w', [[1, 2], 'ab'], 10)).toThrow('w[1] is the string "ab"; expected 2 entries');
  });

  it('enforces maxValues from the shape, before allocating', () => {
    expect(toTensor('w', [[1, 2], [3, 4]], 4).data).toHaveLength(4);
    expect(() => toTensor('w', [[1, 2], [3, 4]], 3)).toThrow('w has shape [2, 2] (4 values); the largest accepted is 3');
    // 10^10 values by shape (the rows are one shared array): refused at once, never a RangeError.
    const row = new Array<number>(100_000).fill(0);
    const huge = new Array<JsonValue>(100_000).fill(row);
    expect(() => toTensor('w', huge, 64 * 1024 * 1024)).toThrow('w has shape [100000, 100000] (10000000000 values); the largest accepted is 67108864');
  });

});

describe('expectShape', () => {
  const t = { shape: [6, 3], data: new Float32Array(18) };
  it('accepts the shape, with * for any length', () => {
    expect(() => expectShape('x', t, [6, 3])).not.toThrow();
    expect(() => expectShape('x', t, ['*', 3])).not.toThrow();
    expect(() => expectShape('x', t, ['*', '*'])).not.toThrow();
  });
  it('names the tensor, the shape found and the shape expected, and why', () => {
    expect(() => expectShape('x', t, ['*', 4], '(input_size 4)')).toThrow('x has shape [6, 3]; expected [any, 4] (input_size 4)');
    expect(() => expectShape('h0', t, [6])).toThrow('h0 has shape [6, 3]; expected [6]');
    expect(() => expectShape('h0', t, [6, 3, 1])).toThrow(TensorError);
  });
});
