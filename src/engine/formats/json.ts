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
  const b = { ...JSON_BOUNDS, ...bounds };
  if (text.length > b.maxChars) {
    throw new JsonError(`the file has ${text.length} characters; the largest accepted is ${b.maxChars}`);
  }
  // What is most often fed to a JSON reader by mistake, named before any reading.
  if (text.startsWith('PK\x03\x04')) {
    throw new JsonError('the file is a zip archive (torch.save writes one), not JSON text: save the tensors as JSON lists (see the README)');
  }
  return new Reader(text, b).document();
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** A recursive-descent reader over one text: `i` is where it is, each method reads one kind of thing there. */
class Reader {
  private i: number;
  private values = 0;
  private containers = 0;
  private objects = 0;

  constructor(private readonly text: string, private readonly bounds: JsonBounds) {
    // A byte-order mark, which some Windows editors write, is not part of the text (RFC 8259 lets a reader skip it).
    this.i = text.startsWith('\ufeff') ? 1 : 0;
  }

  /** The whole text: one value, and nothing after it. */
  document(): JsonValue {
    const v = this.value(0);
    this.space();
    if (this.i < this.text.length) this.fail('extra text after the value');
    return v;
  }

  private value(depth: number): JsonValue {
    if (depth > 64) this.fail('nesting deeper than 64 levels');
    this.space();
    if (this.i >= this.text.length) this.fail('the text ends where a value was expected');
    const c = this.text[this.i];
    this.count(c === '[' || c === '{' || c === '"', c === '{');
    if (c === '[') return this.array(depth);
    if (c === '{') return this.object(depth);
    if (c === '"') return this.string();
    if (this.word('true')) return true;
    if (this.word('false')) return false;
    if (this.word('null')) return null;
    if (this.word('NaN')) return NaN;
    if (this.word('Infinity')) return Infinity;
    if (this.word('-Infinity')) return -Infinity;
    return this.number();
  }

  private array(depth: number): JsonValue[] {
    this.i++;
    const arr: JsonValue[] = [];
    this.space();
    if (this.text[this.i] === ']') { this.i++; return arr; }
    for (;;) {
      arr.push(this.value(depth + 1));
      this.space();
      if (this.text[this.i] === ',') { this.i++; continue; }
      if (this.text[this.i] === ']') { this.i++; return arr; }
      this.fail("a ',' or ']' was expected");
    }
  }

  private object(depth: number): { [key: string]: JsonValue } {
    this.i++;
    // A null prototype: keys such as "__proto__" stay plain data.
    const obj = Object.create(null) as { [key: string]: JsonValue };
    this.space();
    if (this.text[this.i] === '}') { this.i++; return obj; }
    for (;;) {
      this.space();
      if (this.text[this.i] === '}') this.fail('a key in double quotes was expected (a comma with nothing after it)');
      if (this.text[this.i] !== '"') this.fail('a key in double quotes was expected');
      const key = this.string();
      this.space();
      if (this.text[this.i] !== ':') this.fail("a ':' was expected");
      this.i++;
      obj[key] = this.value(depth + 1);
      this.space();
      if (this.text[this.i] === ',') { this.i++; continue; }
      if (this.text[this.i] === '}') { this.i++; return obj; }
      this.fail("a ',' or '}' was expected");
    }
  }

  private string(): string {
    const { text } = this;
    this.i++; // opening quote
    let out = '';
    let start = this.i;
    while (this.i < text.length) {
      const c = text.charCodeAt(this.i);
      if (c === 34) { out += text.slice(start, this.i); this.i++; return out; }
      if (c === 92) {
        out += text.slice(start, this.i);
        const e = text[this.i + 1];
        if (e in ESCAPES) { out += ESCAPES[e]; this.i += 2; }
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(this.i + 2, this.i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(this.i + 2, this.i + 6), 16)); this.i += 6;
        } else this.fail('a bad escape in a string');
        start = this.i;
      } else if (c < 32) this.fail('a control character in a string');
      else this.i++;
    }
    return this.fail('a string that never ends');
  }

  private number(): number {
    const { text, i } = this;
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m || m[0] === '-') {
      const c = text[i];
      // Not even the start of a number: name what is there instead.
      if (!m && c !== '-' && c !== '+' && c !== '.') {
        const end = /[\]}]/.test(c) && /,\s*$/.test(text.slice(Math.max(0, i - 64), i)) ? ' (a comma with nothing after it)' : '';
        this.fail(`${charName(String.fromCodePoint(text.codePointAt(i)!))} where a value was expected${end}`);
      }
      this.fail('a malformed number');
    }
    this.i += m[0].length;
    return Number(m[0]);
  }

  private space(): void {
    const { text } = this;
    while (this.i < text.length) {
      const c = text.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else break;
    }
  }

  private word(w: string): boolean {
    if (!this.text.startsWith(w, this.i)) return false;
    this.i += w.length;
    return true;
  }

  /** Counts a value against the bounds before it is built. */
  private count(container: boolean, object: boolean): void {
    const { maxValues, maxContainers, maxObjects } = this.bounds;
    if (++this.values > maxValues) this.fail(`more than ${maxValues.toLocaleString('en-US')} values in the file, more than any model or input needs`);
    if (container && ++this.containers > maxContainers) {
      this.fail(`more than ${maxContainers.toLocaleString('en-US')} arrays, objects and strings in the file, more than any model or input needs`);
    }
    if (object && ++this.objects > maxObjects) this.fail(`more than ${maxObjects.toLocaleString('en-US')} objects in the file; a state_dict is one object of lists`);
  }

  private fail(msg: string): never {
    throw new JsonError(`not valid JSON: ${msg} at ${this.where()}`);
  }

  /** Line and column of the reader's place, counted only when a message needs them. */
  private where(): string {
    let line = 1;
    let col = 1;
    for (let k = 0; k < this.i && k < this.text.length; k++) {
      if (this.text.charCodeAt(k) === 10) { line++; col = 1; } else col++;
    }
    return `line ${line}, column ${col}`;
  }
}
