/**
 * A strict JSON reader that also accepts the NaN, Infinity and -Infinity that Python's json.dump writes,
 * so that a bad value is reported as "weight_hh_l0[3][1] is NaN" rather than as a syntax error at some
 * offset. It reads data only (no reviver, no prototype keys), and refuses text over a size bound.
 */

export class JsonError extends Error {
  override name = 'JsonError';
}

/** JSON values, plus the non-finite numbers Python writes. */
export type JsonValue = number | string | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export function parseJson(text: string, maxChars = 512 * 1024 * 1024): JsonValue {
  if (text.length > maxChars) {
    throw new JsonError(`the file has ${text.length} characters; the largest accepted is ${maxChars}`);
  }
  let i = 0;
  const n = text.length;

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
    if (!m || m[0] === '-') fail('a malformed number');
    i += m[0].length;
    return Number(m[0]);
  }
  function value(depth: number): JsonValue {
    if (depth > 64) fail('nesting deeper than 64 levels');
    ws();
    if (i >= n) fail('the text ends where a value was expected');
    const c = text[i];
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
