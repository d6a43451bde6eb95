/**
 * A strict JSON reader that also accepts the NaN, Infinity and -Infinity that Python's json.dump writes,
 * so that a bad value is reported as "weight_hh_l0[3][1] is NaN" rather than as a syntax error at some
 * offset. It reads data only (no reviver, no prototype keys), and refuses text over a size bound.
 */
import { characterName } from '../codePoints';
import { LIMITS } from '../limits';

export class JsonError extends Error {
  override name = 'JsonError';
}

/** JSON values, plus the non-finite numbers Python writes. */
export type JsonValue = number | string | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * How much a text may hold, counted while it is read, before the values are built: a file under the size
 * bound can still hold more than memory (100 MB of `[{},{},…]` is 33 million objects, which took Node
 * past its 4 GB heap; 250 MB of `[0,0,…]`, an array longer than V8 allows).
 */
export interface JsonBounds {
  /** Most characters in the text. */
  maxChars: number;
  /** Most values of any kind (numbers, strings, arrays, objects…), nested ones included. */
  maxValues: number;
  /** Most arrays, objects and strings: each costs tens of bytes, not a number's 8. */
  maxContainers: number;
  /** Most objects: a state_dict is one, and each of 2 million took Node 4 µs (data-only objects are slow to make). */
  maxObjects: number;
}

/**
 * Room for what the engine accepts: the largest model's parameters, and the longest input, a row per
 * step (with h0 and c0 beside it).
 */
export const JSON_BOUNDS: JsonBounds = {
  maxChars: 512 * 1024 * 1024,
  maxValues: LIMITS.params + 2 * LIMITS.steps,
  maxContainers: 2 * LIMITS.steps,
  maxObjects: 10_000,
};

/** A character as a message names it (a single quote, with what JSON wants instead). */
function charName(c: string): string {
  return c === "'" ? "a single quote (JSON's strings are in double quotes)" : characterName(c, "'");
}

export function parseJson(text: string, bounds: Partial<JsonBounds> = {}): JsonValue {
  const { maxChars, maxValues, maxContainers, maxObjects } = { ...JSON_BOUNDS, ...bounds };
  if (text.length > maxChars) {
    throw new JsonError(`the file has ${text.length} characters; the largest accepted is ${maxChars}`);
  }
  // What is most often fed to a JSON reader by mistake, named before any reading.
  if (text.startsWith('PK\x03\x04')) {
    throw new JsonError('the file is a zip archive (torch.save writes one), not JSON text: save the tensors as JSON lists (see the README)');
  }
  // A byte-order mark, which some Windows editors write, is not part of the text (RFC 8259 lets a reader skip it).
  let i = text.startsWith('\ufeff') ? 1 : 0;
  const n = text.length;
  let values = 0;
  let containers = 0;
  let objects = 0;
  function count(container: boolean, object: boolean): void {
    if (++values > maxValues) fail(`more than ${maxValues.toLocaleString('en-US')} values in the file, more than any model or input needs`);
    if (container && ++containers > maxContainers) {
      fail(`more than ${maxContainers.toLocaleString('en-US')} arrays, objects and strings in the file, more than any model or input needs`);
    }
    if (object && ++objects > maxObjects) fail(`more than ${maxObjects.toLocaleString('en-US')} objects in the file; a state_dict is one object of lists`);
  }

  function where(): string {
    let line = 1;
    let col = 1;
    for (let k = 0; k < i && k < n; k++) {
      if (text.charCodeAt(k) === 10) { line++; col = 1; } else col++;
    }
    return `line ${line}, column ${col}`;
  }
  function fail(msg: string): never {
    throw new JsonError(`not valid JSON: ${msg} at ${where()}`);
  }
  function ws(): void {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  }
  function word(w: string): boolean {
    if (text.startsWith(w, i)) { i += w.length; return true; }
    return false;
  }
  function str(): string {
    i++; // opening quote
    let out = '';
    let start = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) { out += text.slice(start, i); i++; return out; }
      if (c === 92) {
        out += text.slice(start, i);
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e in simple) { out += simple[e]; i += 2; }
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)); i += 6;
        } else fail('a bad escape in a string');
        start = i;
      } else if (c < 32) fail('a control character in a string');
      else i++;
    }
    return fail('a string that never ends');
  }
  const NUM = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  function num(): number {
    NUM.lastIndex = i;
    const m = NUM.exec(text);
    if (!m || m[0] === '-') {
      const c = text[i];
      // Not even the start of a number: name what is there instead.
      if (!m && c !== '-' && c !== '+' && c !== '.') {
        const end = /[\]}]/.test(c) && /,\s*$/.test(text.slice(Math.max(0, i - 64), i)) ? ' (a comma with nothing after it)' : '';
        fail(`${charName(String.fromCodePoint(text.codePointAt(i)!))} where a value was expected${end}`);
      }
      fail('a malformed number');
    }
    i += m[0].length;
    return Number(m[0]);
  }
  function value(depth: number): JsonValue {
    if (depth > 64) fail('nesting deeper than 64 levels');
    ws();
    if (i >= n) fail('the text ends where a value was expected');
    const c = text[i];
    count(c === '[' || c === '{' || c === '"', c === '{');
    if (c === '[') {
      i++;
      const arr: JsonValue[] = [];
      ws();
      if (text[i] === ']') { i++; return arr; }
      for (;;) {
        arr.push(value(depth + 1));
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return arr; }
        fail("a ',' or ']' was expected");
      }
    }
    if (c === '{') {
      i++;
      // A null prototype: keys such as "__proto__" stay plain data.
      const obj = Object.create(null) as { [key: string]: JsonValue };
      ws();
      if (text[i] === '}') { i++; return obj; }
      for (;;) {
        ws();
        if (text[i] === '}') fail("a key in double quotes was expected (a comma with nothing after it)");
        if (text[i] !== '"') fail('a key in double quotes was expected');
        const key = str();
        ws();
        if (text[i] !== ':') fail("a ':' was expected");
        i++;
        obj[key] = value(depth + 1);
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return obj; }
        fail("a ',' or '}' was expected");
      }
    }
    if (c === '"') return str();
    if (word('true')) return true;
    if (word('false')) return false;
    if (word('null')) return null;
    if (word('NaN')) return NaN;
    if (word('Infinity')) return Infinity;
    if (word('-Infinity')) return -Infinity;
    return num();
  }

  const v = value(0);
  ws();
  if (i < n) fail('extra text after the value');
  return v;
}
