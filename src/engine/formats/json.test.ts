import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../rng';
import { JsonError, parseJson } from './json';

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)];
const ws = (rng: Rng): string => (rng.next() < 0.7 ? '' : Array.from({ length: 1 + rng.int(3) }, () => pick(rng, [' ', '\t', '\n', '\r'])).join(''));

function numberText(rng: Rng): string {
  let s = rng.next() < 0.3 ? '-' : '';
  s += rng.next() < 0.2 ? '0' : String(1 + rng.int(9)) + Array.from({ length: rng.int(12) }, () => rng.int(10)).join('');
  if (rng.next() < 0.5) s += '.' + Array.from({ length: 1 + rng.int(10) }, () => rng.int(10)).join('');
  if (rng.next() < 0.4) s += pick(rng, ['e', 'E']) + pick(rng, ['', '+', '-']) + String(rng.int(rng.next() < 0.1 ? 400 : 40));
  return s;
}

const PLAIN = 'abcXYZ019 _-.,:;[]{}#@!?~\'';
const RAW = ['é', 'ß', '日本', 'Ω', '😀', '\u2028', '\u00a0', 'NaN', 'Infinity'];
const ESCAPES = ['\\"', '\\\\', '\\/', '\\b', '\\f', '\\n', '\\r', '\\t', '\\u00e9', '\\u0000', '\\uD83D\\uDE00', '\\u20AC', '\\uFFFF'];

function stringText(rng: Rng): string {
  let s = '"';
  const n = rng.int(12);
  for (let k = 0; k < n; k++) {
    const r = rng.next();
    s += r < 0.6 ? PLAIN[rng.int(PLAIN.length)] : r < 0.8 ? pick(rng, RAW) : pick(rng, ESCAPES);
  }
  return s + '"';
}

const KEYS = ['a', 'b', 'weight_ih_l0', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '0', '10', '', 'é'];

/** Random JSON text: nested objects and arrays, escaped and unicode strings, numbers with exponents. */
function jsonText(rng: Rng, depth = 0): string {
  const r = rng.int(depth > 4 ? 4 : 7);
  const v = (() => {
    switch (r) {
      case 0: case 1: return numberText(rng);
      case 2: return stringText(rng);
      case 3: return pick(rng, ['true', 'false', 'null']);
      case 4: case 5: {
        const n = rng.int(6);
        return `[${Array.from({ length: n }, () => jsonText(rng, depth + 1)).join(',')}${n === 0 ? ws(rng) : ''}]`;
      }
      default: {
        const n = rng.int(5);
        const key = (): string => (rng.next() < 0.5 ? JSON.stringify(pick(rng, KEYS)) : stringText(rng));
        return `{${Array.from({ length: n }, () => `${ws(rng)}${key()}${ws(rng)}:${jsonText(rng, depth + 1)}`).join(',')}}`;
      }
    }
  })();
  return ws(rng) + v + ws(rng);
}

/** Whether JSON.parse accepts the text. */
function standardOk(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('parseJson agrees with JSON.parse', () => {
  it('on 500 random JSON texts (same values, same key order)', () => {
    const rng = createRng(1);
    for (let k = 0; k < 500; k++) {
      const text = jsonText(rng);
      const expected: unknown = JSON.parse(text);
      const got = parseJson(text);
      expect(got, text).toEqual(expected);
      expect(JSON.stringify(got), text).toBe(JSON.stringify(expected));
    }
  });

  it('on 500 random values written by JSON.stringify', () => {
    const rng = createRng(2);
    const value = (depth: number): unknown => {
      const r = rng.int(depth > 3 ? 3 : 5);
      if (r === 0) return pick(rng, [rng.normal() * 10 ** rng.int(20), -0, rng.int(1000), Number.MAX_VALUE, 5e-324, Math.fround(rng.normal())]);
      if (r === 1) return String.fromCodePoint(...Array.from({ length: rng.int(8) }, () => (rng.next() < 0.8 ? rng.int(0x800) : rng.int(0x110000))));
      if (r === 2) return pick(rng, [true, false, null]);
      if (r === 3) return Array.from({ length: rng.int(5) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: rng.int(5) }, () => [pick(rng, KEYS), value(depth + 1)]));
    };
    for (let k = 0; k < 500; k++) {
      const text = JSON.stringify(value(0));
      expect(JSON.stringify(parseJson(text)), text).toBe(JSON.stringify(JSON.parse(text)));
    }
  });

  it('accepts and rejects the same texts after 1000 random one-character edits', () => {
    const rng = createRng(3);
    const tricky = [',', ']', '}', '[', '{', '"', "'", '0', '1', '.', 'e', '-', '+', ' ', ':', '\\', '\n', 'x'];
    let rejected = 0;
    for (let k = 0; k < 1000; k++) {
      const text = jsonText(rng);
      const at = rng.int(text.length + 1);
      const edited = rng.next() < 0.5 ? text.slice(0, at) + pick(rng, tricky) + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
      if (standardOk(edited)) {
        expect(JSON.stringify(parseJson(edited)), edited).toBe(JSON.stringify(JSON.parse(edited)));
      } else {
        rejected++;
        expect(() => parseJson(edited), edited).toThrow(/^not valid JSON: .+ at line \d+, column \d+$/);
      }
    }
    expect(rejected).toBeGreaterThan(200);
  });
});

describe('parseJson reads what Python writes', () => {
  it('accepts NaN, Infinity and -Infinity as values', () => {
    expect(parseJson('[NaN, Infinity, -Infinity, {"a": NaN}, "NaN"]')).toEqual([NaN, Infinity, -Infinity, { a: NaN }, 'NaN']);
    expect(parseJson('NaN')).toBeNaN();
    expect(parseJson(' -Infinity\n')).toBe(-Infinity);
  });

  it('round-trips random float arrays with non-finite values, as json.dump writes them', () => {
    const rng = createRng(4);
    for (let k = 0; k < 100; k++) {
      const values = Array.from({ length: 1 + rng.int(20) }, () => pick(rng, [NaN, Infinity, -Infinity, rng.normal(), Math.fround(rng.normal() * 1e-30)]));
      const text = `[${values.map((v) => (Number.isFinite(v) ? String(v) : String(v))).join(', ')}]`;
      expect(parseJson(text)).toEqual(values);
    }
  });

  it('rejects near misses of the non-finite literals', () => {
    for (const text of ['nan', 'inf', '-inf', 'Infinit', '+Infinity', '-NaN', 'NaNa', '[Infinity1]']) {
      expect(() => parseJson(text), text).toThrow(JsonError);
    }
  });
});

describe('parseJson rejects what JSON rejects, saying where', () => {
  const cases: Array<[string, string, string]> = [
    ['[1, 2,]', "']' where a value was expected (a comma with nothing after it)", 'line 1, column 7'],
    ['{"a": 1,}', 'a key in double quotes was expected (a comma with nothing after it)', 'line 1, column 9'],
    ['{\n  "w": [\n    [1, 2],\n  ]\n}', "']' where a value was expected (a comma with nothing after it)", 'line 4, column 3'],
    ["{'a': 1}", 'a key in double quotes was expected', 'line 1, column 2'],
    ["['a']", "a single quote (JSON's strings are in double quotes) where a value was expected", 'line 1, column 2'],
    ['[1, [], ]', "']' where a value was expected (a comma with nothing after it)", 'line 1, column 9'],
    ['[]]', 'extra text after the value', 'line 1, column 3'],
    ['{"a": }', "'}' where a value was expected", 'line 1, column 7'],
    ['[\u200b1]', 'U+200B where a value was expected', 'line 1, column 2'],
    ['PK\u0003', "'P' where a value was expected", 'line 1, column 1'],
    ['01', 'extra text after the value', 'line 1, column 2'],
    ['[-012]', "a ',' or ']' was expected", 'line 1, column 4'],
    ['[00]', "a ',' or ']' was expected", 'line 1, column 3'],
    ['"abc', 'a string that never ends', 'line 1, column 5'],
    ['{"a":\n "b', 'a string that never ends', 'line 2, column 4'],
    ['"a\tb"', 'a control character in a string', 'line 1, column 3'],
    ['"\\x41"', 'a bad escape in a string', 'line 1, column 2'],
    ['"\\u12G4"', 'a bad escape in a string', 'line 1, column 2'],
    ['1.', 'extra text after the value', 'line 1, column 2'],
    ['.5', 'a malformed number', 'line 1, column 1'],
    ['+1', 'a malformed number', 'line 1, column 1'],
    ['-', 'a malformed number', 'line 1, column 1'],
    ['1e', 'extra text after the value', 'line 1, column 2'],
    ['0x10', 'extra text after the value', 'line 1, column 2'],
    ['[1 2]', "a ',' or ']' was expected", 'line 1, column 4'],
    ['{"a" 1}', "a ':' was expected", 'line 1, column 6'],
    ['{"a": 1 "b": 2}', "a ',' or '}' was expected", 'line 1, column 9'],
    ['[1] // comment', 'extra text after the value', 'line 1, column 5'],
    ['', 'the text ends where a value was expected', 'line 1, column 1'],
    [' \n ', 'the text ends where a value was expected', 'line 2, column 2'],
    ['[', 'the text ends where a value was expected', 'line 1, column 2'],
    ['{"a": [1, {"b": tru}]}', "'t' where a value was expected", 'line 1, column 17'],
  ];
  for (const [text, what, where] of cases) {
    it(JSON.stringify(text), () => {
      expect(standardOk(text)).toBe(false);
      expect(() => parseJson(text)).toThrow(JsonError);
      expect(() => parseJson(text)).toThrow(`not valid JSON: ${what} at ${where}`);
    });
  }
});

describe('parseJson is bounded and keeps data as data', () => {
  it('bounds the nesting depth without overflowing the stack', () => {
    const nest = (n: number, open = '[', close = ']') => `${open.repeat(n)}0${close.repeat(n)}`;
    expect(parseJson(nest(64))).toEqual(JSON.parse(nest(64)));
    expect(() => parseJson(nest(65))).toThrow(/nesting deeper than 64 levels at line 1, column 66/);
    expect(() => parseJson('['.repeat(1_000_000))).toThrow(/nesting deeper than 64 levels/);
    const objects = '{"a":'.repeat(100) + '0' + '}'.repeat(100);
    expect(() => parseJson(objects)).toThrow(/nesting deeper than 64 levels/);
  });

  it('refuses text over the size bound before reading it', () => {
    expect(parseJson('[1,2,3]', { maxChars: 7 })).toEqual([1, 2, 3]);
    expect(() => parseJson('[1,2,3]', { maxChars: 6 })).toThrow('the file has 7 characters; the largest accepted is 6');
    expect(() => parseJson('{'.repeat(1000), { maxChars: 999 })).toThrow(/1000 characters/);
  });

  it('keeps "__proto__" and friends as plain own keys (no prototype pollution)', () => {
    const text = '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "a": [{"__proto__": {"polluted": 1}}]}';
    const got = parseJson(text) as Record<string, unknown>;
    expect(Object.keys(got)).toEqual(['__proto__', 'constructor', 'a']);
    expect(Object.getPrototypeOf(got)).toBeNull();
    expect(Object.getOwnPropertyDescriptor(got, '__proto__')?.value).toEqual({ polluted: true });
    const inner = (got.a as Record<string, unknown>[])[0];
    expect(Object.getPrototypeOf(inner)).toBeNull();
    expect(Object.keys(inner)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(got)).toBe(JSON.stringify(JSON.parse(text)));
  });

  it('counts values and containers as it reads, and stops at the bound, before building more', () => {
    expect(parseJson('[1,[2,{"a":3}]]', { maxValues: 6, maxContainers: 3 })).toEqual([1, [2, { a: 3 }]]);
    expect(() => parseJson('[1,[2,{"a":3}]]', { maxValues: 5 })).toThrow('not valid JSON: more than 5 values in the file, more than any model or input needs at line 1, column 12');
    expect(() => parseJson('[1,[2,{"a":3}]]', { maxContainers: 2 })).toThrow(/more than 2 arrays, objects and strings in the file/);
    expect(() => parseJson('["a","b","c"]', { maxContainers: 3 })).toThrow(/more than 3 arrays, objects and strings/);
    // Each bound is the most allowed: one object more is refused, not two.
    expect(parseJson('[{},{},{}]', { maxObjects: 3 })).toEqual([{}, {}, {}]);
    expect(() => parseJson('[{},{},{},{}]', { maxObjects: 3 })).toThrow(/more than 3 objects in the file/);
    expect(parseJson('[1,2]', { maxValues: 3 })).toEqual([1, 2]);
    expect(() => parseJson('[1,2,3]', { maxValues: 3 })).toThrow(/more than 3 values in the file/);
    // 33 million empty objects (100 MB) took Node past its heap; now the read ends at the bound (the CLI's
    // tests feed the default one 7 million).
    expect(() => parseJson(`{"junk":[${'[],'.repeat(50_000)}[]]}`, { maxContainers: 20_000 })).toThrow(/more than 20,000 arrays, objects and strings/);
    expect(() => parseJson(`{"junk":[${'{},'.repeat(50_000)}{}]}`)).toThrow(/more than 10,000 objects in the file; a state_dict is one object of lists/);
  });

  it('names a zip archive (what torch.save writes) before reading it, and skips a byte-order mark', () => {
    expect(() => parseJson('PK\u0003\u0004\u0014\u0000rest of a .pt file')).toThrow(/^the file is a zip archive \(torch\.save writes one\), not JSON text/);
    expect(parseJson('\ufeff{"a": [1]}')).toEqual({ a: [1] });
  });

  it('gives the last value of a repeated key, as JSON.parse does', () => {
    expect(parseJson('{"a": 1, "b": 2, "a": 3}')).toEqual({ a: 3, b: 2 });
  });
});
