/**
 * Nested JSON arrays ⇄ flat float32 tensors with a shape, checked on the way in: rectangular, numeric,
 * finite, and within a size bound before the flat buffer is allocated.
 */
import type { JsonValue } from './json';

export class TensorError extends Error {
  override name = 'TensorError';
}

export interface Tensor {
  /** Sizes of its dimensions, outermost first, as PyTorch's .shape. */
  shape: number[];
  /** Its values in row-major order (PyTorch's contiguous layout). */
  data: Float32Array;
}

export function shapeText(shape: readonly (number | string)[]): string {
  return `[${shape.join(', ')}]`;
}

/** Reads a nested array of numbers named `name`; maxValues bounds its size before allocation. */
export function toTensor(name: string, v: JsonValue | undefined, maxValues: number): Tensor {
  if (v === undefined) throw new TensorError(`${name} is missing`);
  const shape: number[] = [];
  let probe: JsonValue = v;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    if (probe.length === 0) break;
    probe = probe[0];
  }
  if (shape.length === 0) {
    throw new TensorError(`${name} is ${describe(v)}; expected an array of numbers`);
  }
  const size = shape.reduce((a, b) => a * b, 1);
  if (size > maxValues) {
    throw new TensorError(`${name} has shape ${shapeText(shape)} (${size} values); the largest accepted is ${maxValues}`);
  }
  const data = new Float32Array(size);
  let k = 0;
  const walk = (node: JsonValue, depth: number, path: string): void => {
    if (depth === shape.length) {
      if (typeof node !== 'number') throw new TensorError(`${name}${path} is ${describe(node)}; expected a number`);
      if (!Number.isFinite(node)) throw new TensorError(`${name}${path} is ${node}; every value must be a finite number`);
      if (!Number.isFinite(Math.fround(node))) throw new TensorError(`${name}${path} is ${node}, beyond the float32 range (±3.4028235e38)`);
      data[k++] = node;
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[depth]) {
      const got = Array.isArray(node) ? `has ${node.length} entries` : `is ${describe(node)}`;
      throw new TensorError(`${name}${path} ${got}; expected ${shape[depth]} entries (a rectangular array of shape ${shapeText(shape)})`);
    }
    for (let j = 0; j < node.length; j++) walk(node[j], depth + 1, `${path}[${j}]`);
  };
  walk(v, 0, '');
  return { shape, data };
}

function describe(v: JsonValue): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v)}`;
  return String(v);
}

/** Checks a tensor's shape; '*' in `expected` matches any length. */
export function expectShape(name: string, t: Tensor, expected: readonly (number | '*')[], why = ''): void {
  const ok = t.shape.length === expected.length && expected.every((e, k) => e === '*' || e === t.shape[k]);
  if (!ok) {
    throw new TensorError(`${name} has shape ${shapeText(t.shape)}; expected ${shapeText(expected.map((e) => (e === '*' ? 'any' : e)))}${why ? ` ${why}` : ''}`);
  }
}

/** The shortest decimal text that reads back as the same float32: 0.1f prints as 0.1, not 0.10000000149. */
export function float32Text(x: number): string {
  if (!Number.isFinite(x)) return 'null';
  if (x === 0) return '0';
  for (let p = 1; p < 9; p++) {
    const s = x.toPrecision(p);
    if (Math.fround(Number(s)) === x) return String(Number(s));
  }
  return String(Number(x.toPrecision(9)));
}
