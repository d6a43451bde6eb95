/**
 * The URL is untrusted input. readUrl (pure) must turn valid parameters into store patches of the right
 * types, ignore every value that doesn't fit and say which parameter and what was expected, keep hostile
 * strings out of the patches and out of Object.prototype, and never throw or produce an out-of-range value
 * on random junk (seeded). writeUrl must round-trip through readUrl and write nothing for the defaults.
 * (applyUrl and syncUrl touch location/history and are left to the browser tests.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { subSteps } from '../cellinfo/substeps';
import { VOCAB } from '../engine/inputs';
import { createRng } from '../engine/rng';
import { CONFIG_BOUNDS, DEFAULT_CONFIG, runSpecOf, useConfig, type Config } from '../state/config';
import { layerSeries } from '../engine/trace';
import { SPEEDS, usePlayback } from '../state/playback';
import { DEFAULT_HEATMAP_SERIES, useView } from '../state/view';
import { checkRunSpec } from '../worker/spec';
import { QUERY_BUDGET, readUrl, URL_PROPS, writeUrl } from './urlState';

/** Every problem line mentioning the parameter. */
const problemsFor = (problems: string[], param: string) => problems.filter((p) => p.includes(`${param}=`) || p.includes(`"${param}"`));

describe('readUrl: valid values', () => {
  it('reads back whatever String() writes for a number in range, and never a negative zero', () => {
    for (const v of [1e-7, 0.30000000000000004, 1.2345678, -4.999999999999999, 2.5]) {
      expect(readUrl(`?fbias=${String(v)}`).patches.config.forgetBias).toBe(v);
    }
    const r = readUrl('?unit=-0&seed=-0&fbias=-0');
    expect(Object.is(r.patches.playback.unit, 0) && Object.is(r.patches.config.seed, 0) && Object.is(r.patches.config.forgetBias, 0)).toBe(true);
  });

  it('parses each kind of property into its store patch', () => {
    const r = readUrl('?cell=lstm&H=16&input=text&text=hi%20there&lecture=1&fbias=1.5');
    expect(r.problems).toEqual([]);
    expect(r.patches).toEqual({
      config: { cell: 'lstm', hiddenSize: 16, inputKind: 'text', text: 'hi there', forgetBias: 1.5 },
      view: { lecture: true },
      playback: {},
    });
  });

  it('parses every property of the table', () => {
    const r = readUrl(
      'cell=rnn_relu&reset=before&input=text&signal=pulses&I=7&H=512&layers=4&T=100000&seed=2147483647&text=a+b%26c' +
        '&fbias=-5&classes=0&t=4&unit=511&layer=4&sub=1&lecture=false&theme=dark&norm=global&window=2-3&series=a&speed=240',
    );
    // Each is read, and those this model has no use for are said to have no effect (tested below).
    expect(r.problems.map((p) => p.slice(0, p.indexOf(' ')))).toEqual(['reset=before', 'signal=pulses', 'I=7', 'T=100000', 'fbias=-5']);
    expect(r.patches.config).toEqual({
      cell: 'rnn_relu', gruReset: 'before', inputKind: 'text', signal: 'pulses', inputSize: 7, hiddenSize: 512, numLayers: 4,
      seqLen: 100_000, seed: 2 ** 31 - 1, text: 'a b&c', forgetBias: -5, classes: 0,
    });
    // t, layer and sub count from 1 in the URL, as on screen; the stores count from 0. A sub-step in the
    // URL is one the user was walking through: it is shown in focus.
    expect(r.patches.playback).toEqual({ t: 3, unit: 511, layer: 3, sub: 0, subFocus: true, speed: 240 });
    expect(r.patches.view).toEqual({
      lecture: false, theme: 'dark', heatmapNorm: 'global', heatmapWindow: [1, 3], heatmapSeries: { ...DEFAULT_HEATMAP_SERIES, rnn_relu: ['a'] },
    });
  });

  it('accepts the bounds themselves', () => {
    const r = readUrl('I=1&H=1&layers=1&T=1&seed=0&fbias=5&classes=64&t=1&unit=0&layer=1&sub=4');
    expect(r.problems).toEqual([]);
    expect(r.patches.config).toMatchObject({ inputSize: 1, hiddenSize: 1, numLayers: 1, seqLen: 1, seed: 0, forgetBias: 5, classes: 64 });
  });

  it('reads booleans as 1/0/true/false', () => {
    for (const [raw, v] of [['1', true], ['true', true], ['0', false], ['false', false]] as const) {
      expect(readUrl(`?lecture=${raw}`).patches.view).toEqual({ lecture: v });
    }
  });

  it('gives the empty string and a bare "?" nothing to do', () => {
    for (const s of ['', '?']) expect(readUrl(s)).toEqual({ patches: { config: {}, view: {}, playback: {} }, problems: [] });
  });

  it('reads a value the model asked for has no use for, and says it has no effect, and what would use it', () => {
    // The author of ?text=hi expected a text and sees a sine wave: the page says why, and what to add.
    expect(readUrl('?text=hi')).toEqual({
      patches: { config: { text: 'hi' }, view: {}, playback: {} },
      problems: ['text="hi" has no effect here: it applies only with input=text, and this link has input=signal (the default); add input=text to use it.'],
    });
    // A choice the link makes itself is named as such, with nothing to add.
    expect(readUrl('?input=signal&text=hi').problems).toEqual(['text="hi" has no effect here: it applies only with input=text, and this link has input=signal.']);
    expect(readUrl('?cell=gru&fbias=1.5').problems).toEqual(['fbias=1.5 has no effect here: it applies only with cell=lstm, and this link has cell=gru.']);
    expect(readUrl('?reset=before').problems).toEqual([
      'reset=before has no effect here: it applies only with cell=gru, and this link has cell=lstm (the default); add cell=gru to use it.',
    ]);
    expect(readUrl('?T=500&I=4&signal=steps&input=text&text=ab').problems.map((p) => p.slice(0, p.indexOf(':')))).toEqual([
      'T=500 has no effect here', 'I=4 has no effect here', 'signal=steps has no effect here',
    ]);
    // Wherever the parameter that decides stands, and with a value it refused left to its own message.
    expect(readUrl('?fbias=2&cell=lstm').problems).toEqual([]);
    expect(readUrl('?cell=gru&fbias=9').problems).toEqual(['Ignored fbias="9": expected a number from -5 to 5.']);
  });

  it('reads weights=trained for a text model, and says which of the model\'s own settings the trained model replaces', () => {
    expect(readUrl('?input=text&weights=trained')).toEqual({ patches: { config: { inputKind: 'text', weights: 'trained' }, view: {}, playback: {} }, problems: [] });
    // Kept for random weights, and said to have no effect, with the trained model's own value (in the link's order).
    expect(readUrl('?input=text&weights=trained&H=40&seed=9&cell=gru&reset=before').problems).toEqual([
      'H=40 has no effect here: this link has weights=trained, and the trained model has its own (H=16); it applies with weights=random.',
      'seed=9 has no effect here: this link has weights=trained, and the trained model has its weights, not drawn from a seed; it applies with weights=random.',
      'reset=before has no effect here: this link has weights=trained, and the trained model has its own (reset=after); it applies with weights=random.',
    ]);
    expect(readUrl('?input=text&weights=trained&H=40').patches.config).toMatchObject({ hiddenSize: 40 });
    // The trained models read text: for a signal, weights=trained is what has no effect.
    expect(readUrl('?weights=trained&H=40').problems).toEqual([
      'weights=trained has no effect here: it applies only with input=text, and this link has input=signal (the default); add input=text to use it.',
    ]);
    expect(readUrl('?input=text&weights=pretrained').problems[0]).toMatch(/^Ignored weights="pretrained": expected one of random, trained/);
  });

  it('keeps the text exactly as given (it is data, shown as text), up to the limit', () => {
    const text = 'x'.repeat(CONFIG_BOUNDS.textLength);
    expect(readUrl(`?text=${text}`).patches.config).toEqual({ text });
    expect(readUrl(`?text=${encodeURIComponent('ünï ☃ \n')}`).patches.config).toEqual({ text: 'ünï ☃ \n' });
  });
});

describe('readUrl: invalid values are ignored and reported', () => {
  const cases: Array<[string, string, string]> = [
    // [query, parameter, words of what was expected]
    ['H=abc', 'H', 'a whole number from 1 to 512'],
    ['H=0', 'H', 'a whole number from 1 to 512'],
    ['H=513', 'H', 'a whole number from 1 to 512'],
    ['H=1e3', 'H', 'a whole number from 1 to 512'],
    ['H=16.5', 'H', 'a whole number from 1 to 512'],
    ['H=-4', 'H', 'a whole number from 1 to 512'],
    ['H=', 'H', 'a whole number from 1 to 512'],
    ['H=1%206', 'H', 'a whole number from 1 to 512'],
    ['H=0x10', 'H', 'a whole number from 1 to 512'],
    ['H=99999999999999999999', 'H', 'a whole number from 1 to 512'],
    ['T=0', 'T', 'a whole number from 1 to 100000'],
    ['T=100001', 'T', 'a whole number from 1 to 100000'],
    ['T=Infinity', 'T', 'a whole number from 1 to 100000'],
    ['seed=-1', 'seed', 'a whole number from 0 to 2147483647'],
    ['seed=2147483648', 'seed', 'a whole number from 0 to 2147483647'],
    ['layers=5', 'layers', 'a whole number from 1 to 4'],
    ['I=65', 'I', 'a whole number from 1 to 64'],
    ['classes=65', 'classes', 'a whole number from 0 to 64'],
    ['t=0', 't', 'a whole number, 1 or more'],
    ['t=-1', 't', 'a whole number, 1 or more'],
    ['t=1.5', 't', 'a whole number, 1 or more'],
    ['unit=-1', 'unit', 'a whole number, 0 or more'],
    ['layer=0', 'layer', 'a whole number, 1 or more'],
    ['fbias=5.5', 'fbias', 'a number from -5 to 5'],
    ['fbias=-6', 'fbias', 'a number from -5 to 5'],
    ['fbias=1e1', 'fbias', 'a number from -5 to 5'],
    ['fbias=NaN', 'fbias', 'a number from -5 to 5'],
    ['fbias=.5', 'fbias', 'a number from -5 to 5'],
    ['fbias=1.', 'fbias', 'a number from -5 to 5'],
    ['fbias=0x1', 'fbias', 'a number from -5 to 5'],
    ['cell=transformer', 'cell', 'one of lstm, gru, rnn_tanh, rnn_relu'],
    ['cell=LSTM', 'cell', 'one of lstm, gru, rnn_tanh, rnn_relu'],
    ['cell=', 'cell', 'one of lstm, gru, rnn_tanh, rnn_relu'],
    ['reset=sometimes', 'reset', 'one of after, before'],
    ['input=audio', 'input', 'one of signal, text'],
    ['signal=square', 'signal', 'one of sine, steps, pulses, noise'],
    ['theme=neon', 'theme', 'one of auto, light, dark'],
    ['lecture=yes', 'lecture', '1 or 0'],
    ['lecture=', 'lecture', '1 or 0'],
    ['norm=local', 'norm', 'one of series, global'],
    ['norm=Global', 'norm', 'one of series, global'],
    ['speed=7', 'speed', 'one of 1, 2, 5, 10, 30, 60, 120, 240'],
    ['speed=10.0', 'speed', 'one of 1, 2, 5, 10, 30, 60, 120, 240'],
    ['speed=-5', 'speed', 'one of 1, 2, 5, 10, 30, 60, 120, 240'],
    ['speed=', 'speed', 'one of 1, 2, 5, 10, 30, 60, 120, 240'],
    ['speed=99999999999', 'speed', 'one of 1, 2, 5, 10, 30, 60, 120, 240'],
    ['window=40-10', 'window', 'steps as first-last, from 1 to 100000, the first no later than the last (e.g. window=100-400)'],
    ['window=0-10', 'window', 'steps as first-last'],
    ['window=10', 'window', 'steps as first-last'],
    ['window=', 'window', 'steps as first-last'],
    ['window=a-b', 'window', 'steps as first-last'],
    ['window=1-100001', 'window', 'steps as first-last'],
    ['window=1.5-10', 'window', 'steps as first-last'],
    ['window=10-20-30', 'window', 'steps as first-last'],
    ['window=-10-20', 'window', 'steps as first-last'],
    ['window=10,20', 'window', 'steps as first-last'],
    [`window=${'9'.repeat(5000)}-1`, 'window', 'steps as first-last'],
    ['series=x', 'series', "names of an LSTM's series separated by commas (i_pre, f_pre, g_pre, o_pre, i, f, g, o, fc, ig, c, tanh_c, h), or none"],
    ['series=F,I', 'series', "names of an LSTM's series"],
    ['series=', 'series', "names of an LSTM's series"],
    ['series=,,', 'series', "names of an LSTM's series"],
    ['series=r,z', 'series', "names of an LSTM's series"], // a GRU's, not the default cell's
    [`series=${'f,'.repeat(101)}`, 'series', "names of an LSTM's series"], // longer than every name at once
    [`text=${'y'.repeat(CONFIG_BOUNDS.textLength + 1)}`, 'text', `at most ${CONFIG_BOUNDS.textLength} characters`],
  ];

  // Long queries are shortened in the test's name.
  it.each(cases.map(([q, p, w]) => ({ name: q.length > 30 ? `${q.slice(0, 20)}… (${q.length} chars)` : q, q, p, w })))('$name', ({ q: query, p: param, w: words }) => {
    const r = readUrl(`?${query}`);
    expect(r.patches).toEqual({ config: {}, view: {}, playback: {} });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toContain(`${param}=`);
    expect(r.problems[0]).toContain(`expected ${words}`);
  });

  it('quotes invisible and format characters by code point, so that they can\'t turn a message around', () => {
    const r = readUrl('?cell=%E2%80%AEgru%20%3A%20URL%20valid&%E2%80%8BH=8');
    expect(r.problems).toEqual([
      'Ignored cell="\\u202Egru : URL valid": expected one of lstm, gru, rnn_tanh, rnn_relu.',
      'Ignored unknown URL parameter "\\u200BH".',
    ]);
    expect(r.problems.join('')).not.toMatch(/[\u200B\u202E]/);
  });

  it('reads parameters from the fragment too', () => {
    expect(readUrl('?cell=gru', '#H=12&t=3').patches).toEqual({ config: { cell: 'gru', hiddenSize: 12 }, view: {}, playback: { t: 2 } });
    expect(readUrl('', '#').problems).toEqual([]);
    expect(readUrl('?H=8', '#H=9').problems).toEqual(['H is given 2 times; the last one, H="9", counts.']);
    expect(readUrl('?H=8', `#text=${'a'.repeat(20_000)}`).problems[0]).toMatch(/^The address is 20,?\d+ characters long; it was ignored/);
  });

  it('names what a near miss probably meant, and still ignores it', () => {
    const hints: Array<[string, string]> = [
      ['?cell=LSTM', 'did you mean cell=lstm?'],
      ['?theme=Dark', 'did you mean theme=dark?'],
      ['?signal=text', 'text is a value of input: did you mean input=text?'],
      ['?input=sine', 'sine is a value of signal: did you mean signal=sine?'],
      ['?h=64', 'Ignored unknown URL parameter "h"; did you mean H?'],
      ['?Cell=gru', 'did you mean cell?'],
      ['?t=5&T=9&TT=1', 'Ignored unknown URL parameter "TT".'],
    ];
    for (const [query, hint] of hints) {
      const r = readUrl(query);
      expect(r.problems.join('\n'), query).toContain(hint);
      expect(r.problems.join('\n'), query).not.toContain('?.');
      expect(r.patches.config.cell ?? 'lstm', query).toBe('lstm');
    }
    // A word no parameter knows gets the list alone.
    expect(readUrl('?cell=transformer').problems[0]).toBe('Ignored cell="transformer": expected one of lstm, gru, rnn_tanh, rnn_relu.');
  });

  it('keeps the good values next to a bad one', () => {
    const r = readUrl('?cell=gru&H=9000&T=50&theme=neon&lecture=1');
    expect(r.patches).toEqual({ config: { cell: 'gru', seqLen: 50 }, view: { lecture: true }, playback: {} });
    expect(r.problems).toHaveLength(2);
    expect(problemsFor(r.problems, 'H')).toHaveLength(1);
    expect(problemsFor(r.problems, 'theme')).toHaveLength(1);
  });

  it('reports unknown parameters by name', () => {
    const r = readUrl('?foo=1&cell=lstm&Cell=gru&h=8');
    expect(r.patches.config).toEqual({ cell: 'lstm' });
    expect(r.problems).toHaveLength(3);
    expect(r.problems.join('\n')).toContain('"foo"');
    expect(r.problems.join('\n')).toContain('"Cell"');
    expect(r.problems.join('\n')).toContain('"h"');
  });

  it('shortens very long values and names in the report', () => {
    const long = 'z'.repeat(5000);
    const r = readUrl(`?cell=${long}&${long}=1`);
    expect(r.problems).toHaveLength(2);
    for (const p of r.problems) expect(p.length).toBeLessThan(200);
  });

  it('ignores a 30,000-character query as a whole and says so', () => {
    const q = `?cell=gru&text=${'a'.repeat(30_000)}`;
    const r = readUrl(q);
    expect(r.patches).toEqual({ config: {}, view: {}, playback: {} });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toContain(String(q.length));
    expect(r.problems[0]).toContain('20,000');
  });
});

describe('readUrl: hostile input', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "javascript:alert('x')",
    '${constructor.constructor("x")()}',
    '\u0000\u202e',
  ];

  afterEach(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('1');
  });

  it('never puts a hostile string into an enum, number or boolean field', () => {
    for (const h of hostile) {
      for (const p of URL_PROPS) {
        if (p.type === 'string') continue;
        const r = readUrl(`?${p.param}=${encodeURIComponent(h)}`);
        expect(r.patches).toEqual({ config: {}, view: {}, playback: {} });
        expect(r.problems).toHaveLength(1);
      }
    }
  });

  it('stores hostile text only as the text value, verbatim (React renders it as text)', () => {
    for (const h of hostile) {
      const r = readUrl(`?text=${encodeURIComponent(h)}`);
      expect(r.patches.config).toEqual({ text: h });
      expect(typeof r.patches.config.text).toBe('string');
    }
  });

  it('does not let __proto__, constructor or prototype in, nor pollute Object.prototype', () => {
    const r = readUrl('?__proto__=1&__proto__[polluted]=yes&constructor=x&prototype=y&constructor[prototype][polluted]=1&toString=1&hasOwnProperty=1');
    expect(r.problems).toHaveLength(7);
    for (const store of ['config', 'view', 'playback'] as const) {
      expect(Object.keys(r.patches[store])).toEqual([]);
      expect(Object.getPrototypeOf(r.patches[store])).toBe(Object.prototype);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.toString).toBe(Object.prototype.toString);
  });

  it('never throws and never yields a value out of bounds on random junk (seeded property test)', () => {
    const rng = createRng(0xbad5eed);
    // Code points, so that the emoji is never split into a lone surrogate.
    const alphabet = Array.from('0123456789-.eE+xX &=?#%;/<>"\'`\\[]{}()abcdefghijklmnopqrstuvwxyzHIT_ \u00e9\u2603\u{1f600}');
    const params = [...URL_PROPS.map((p) => p.param), '__proto__', 'constructor', 'x', ''];
    const junk = (n: number) => Array.from({ length: n }, () => alphabet[rng.int(alphabet.length)]).join('');
    for (let k = 0; k < 3000; k++) {
      const parts = Array.from({ length: 1 + rng.int(6) }, () => {
        const name = rng.next() < 0.7 ? params[rng.int(params.length)] : junk(rng.int(8));
        const raw = rng.next() < 0.3 ? String(Math.round(rng.uniform(-1e6, 1e6)) / (rng.next() < 0.5 ? 1 : 100)) : junk(rng.int(24));
        return rng.next() < 0.5 ? `${name}=${encodeURIComponent(raw)}` : `${name}=${raw}`;
      });
      const q = (rng.next() < 0.5 ? '?' : '') + parts.join('&');
      let r: ReturnType<typeof readUrl>;
      try {
        r = readUrl(q);
      } catch (e) {
        throw new Error(`readUrl threw on ${JSON.stringify(q)}: ${String(e)}`, { cause: e });
      }
      for (const p of URL_PROPS) {
        const v = r.patches[p.store][p.field];
        if (v === undefined) continue;
        const where = `${p.param} from ${JSON.stringify(q)}`;
        switch (p.type) {
          case 'int': {
            const shown = p.oneBased ? (v as number) + 1 : (v as number); // min and max count as the URL does
            expect(Number.isInteger(v) && shown >= p.min && shown <= p.max, where).toBe(true);
            break;
          }
          case 'number':
            expect(Number.isFinite(v) && (v as number) >= p.min && (v as number) <= p.max, where).toBe(true);
            break;
          case 'enum':
            expect(p.values, where).toContain(v);
            break;
          case 'bool':
            expect(typeof v, where).toBe('boolean');
            break;
          case 'string':
            expect(typeof v === 'string' && v.length <= p.maxLength, where).toBe(true);
            break;
          case 'choice':
            expect(p.values, where).toContain(v);
            break;
          case 'span': {
            const [a, b] = v as number[];
            expect(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a < b && b <= p.max, where).toBe(true);
            break;
          }
          case 'list': {
            // One list, for the cell asked for, of names that cell has; the other cells keep their defaults.
            const cell = (r.patches.config.cell ?? DEFAULT_CONFIG.cell) as Config['cell'];
            const names = layerSeries(cell, (r.patches.config.gruReset ?? DEFAULT_CONFIG.gruReset) as Config['gruReset']).map(([n]) => n);
            const record = v as Record<string, string[]>;
            for (const n of record[cell]) expect(names, where).toContain(n);
            expect({ ...record, [cell]: DEFAULT_HEATMAP_SERIES[cell] }, where).toEqual(DEFAULT_HEATMAP_SERIES);
            break;
          }
        }
      }
      // Only the table's fields, only in their stores.
      for (const store of ['config', 'view', 'playback'] as const) {
        for (const key of Object.keys(r.patches[store])) expect(URL_PROPS.some((p) => p.store === store && (p.field === key || p.flag === key))).toBe(true);
      }
    }
  });
});

describe('readUrl: what a person writes by hand', () => {
  it('reads "rnn" as the tanh RNN, and writes it back in full', () => {
    const r = readUrl('?cell=rnn');
    expect(r).toEqual({ patches: { config: { cell: 'rnn_tanh' }, view: {}, playback: {} }, problems: [] });
  });

  it('reads a number written with a + sign, which an address turns into a space, and spaces around it', () => {
    const r = readUrl('?H=+8&T=%2060%20&fbias=+0.5&t=+3&window=+2-5&speed=+30');
    expect(r.problems).toEqual([]);
    expect(r.patches.config).toMatchObject({ hiddenSize: 8, seqLen: 60, forgetBias: 0.5 });
    expect(r.patches.playback).toMatchObject({ t: 2, speed: 30 });
    expect(r.patches.view).toMatchObject({ heatmapWindow: [1, 5] });
    // Text is kept as written, spaces and all; a space inside a number is still no number.
    expect(readUrl('?input=text&text=+a+b+').patches.config).toMatchObject({ text: ' a b ' });
    expect(readUrl('?H=8 0').problems).toHaveLength(1);
  });

  it('says when a parameter is given more than once, and uses the last', () => {
    const r = readUrl('?H=512&T=20&H=2');
    expect(r.patches.config).toEqual({ hiddenSize: 2, seqLen: 20 });
    expect(r.problems).toEqual(['H is given 2 times; the last one, H="2", counts.']);
    // The last one decides even when it is the bad one: the earlier good value isn't quietly used instead.
    const bad = readUrl('?H=8&H=abc');
    expect(bad.patches.config).toEqual({});
    expect(bad.problems).toHaveLength(2);
  });

  it('moves a cursor past the end of the model asked for to its end, and says so', () => {
    const r = readUrl('?T=60&t=99999&H=2&unit=511&layers=2&layer=4');
    expect(r.patches.playback).toEqual({ t: 59, unit: 1, layer: 1 });
    expect(r.problems).toEqual([
      't=99999 is past the end of the sequence (T = 60); showing t = 60.',
      'unit=511 is past the last unit (H = 2, units 0 to 1); showing unit 1.',
      'layer=4 is past the top of the stack (2 layers); showing layer 2.',
    ]);
    // Against the defaults when the URL sets no size (T = 60, H = 8, one layer), and the text's own length.
    expect(readUrl('?t=61').patches.playback).toEqual({ t: 59 });
    // One past the end is past it: the unit is counted from 0, t and the layer from 1.
    expect(readUrl('?unit=8').problems).toEqual(['unit=8 is past the last unit (H = 8, units 0 to 7); showing unit 7.']);
    expect(readUrl('?layers=2&layer=3').patches.playback).toEqual({ layer: 1 });
    expect(readUrl('?t=60&unit=7&layer=1').problems).toEqual([]);
    expect(readUrl('?input=text&text=ab%E2%98%83c&t=4').patches.playback).toEqual({ t: 2 }); // ☃ is skipped: T = 3
  });

  it('moves a sub-step past the cell asked for to its last one, and says so', () => {
    expect(readUrl('?cell=gru&sub=4')).toEqual({
      patches: { config: { cell: 'gru' }, view: {}, playback: { sub: 2, subFocus: true } },
      problems: ['sub=4 is past the last sub-step (a GRU timestep has 3); showing sub-step 3.'],
    });
    expect(readUrl('?cell=rnn&sub=2').problems).toEqual(['sub=2 is past the last sub-step (an RNN timestep has 1); showing sub-step 1.']);
    expect(readUrl('?sub=4').problems).toEqual([]); // the default cell, the LSTM, has four
    expect(readUrl('?sub=5').problems).toEqual(['sub=5 is past the last sub-step (an LSTM timestep has 4); showing sub-step 4.']);
  });

  it('measures a cursor past the page\'s own limits against the model asked for too', () => {
    // The page's limits (4 layers, 512 units, 100,000 steps) say less than the model's own end.
    expect(readUrl('?layers=2&layer=5')).toEqual({
      patches: { config: { numLayers: 2 }, view: {}, playback: { layer: 1 } },
      problems: ['layer=5 is past the top of the stack (2 layers); showing layer 2.'],
    });
    expect(readUrl('?unit=9999999999').problems).toEqual(['unit=9999999999 is past the last unit (H = 8, units 0 to 7); showing unit 7.']);
    expect(readUrl('?t=100001').patches.playback).toEqual({ t: 59 });
    expect(readUrl('?t=99999999999999999999&unit=99999999999').problems).toEqual([
      't=99999999999999999999 is past the end of the sequence (T = 60); showing t = 60.',
      'unit=99999999999 is past the last unit (H = 8, units 0 to 7); showing unit 7.',
    ]);
    // An empty text has no steps: t waits at the first, without a message (the page says the text is empty).
    expect(readUrl('?input=text&text=&t=5')).toEqual({ patches: { config: { inputKind: 'text', text: '' }, view: {}, playback: { t: 0 } }, problems: [] });
  });

  it('lists a few problems and counts the rest, however many a junk address has', () => {
    const junk = Array.from({ length: 2500 }, (_, k) => `p${k}=1`).join('&');
    const r = readUrl(`?${junk}`);
    expect(r.problems).toHaveLength(9);
    expect(r.problems[0]).toBe('Ignored unknown URL parameter "p0".');
    expect(r.problems[8]).toBe('…and 2492 more problems with the address.');
    // Nine are shown as they are: a count would hide no more than it says.
    const nine = readUrl(`?${Array.from({ length: 9 }, (_, k) => `q${k}=1`).join('&')}`).problems;
    expect(nine).toHaveLength(9);
    expect(nine[8]).toBe('Ignored unknown URL parameter "q8".');
    const ten = readUrl(`?${Array.from({ length: 10 }, (_, k) => `q${k}=1`).join('&')}`).problems;
    expect(ten).toHaveLength(9);
    expect(ten[8]).toBe('…and 2 more problems with the address.');
  });
});

describe('readUrl: the heatmaps\' view and the playback speed', () => {
  /** The series record a URL's choice for one cell makes: that cell's list, every other cell's default. */
  const seriesFor = (cell: Config['cell'], names: string[]) => ({ ...DEFAULT_HEATMAP_SERIES, [cell]: names });

  it('reads the colour scale, the time window (from 1, both ends shown), the series and the speed', () => {
    const r = readUrl('?T=1000&norm=global&window=100-400&series=f,i,c&speed=10');
    expect(r.problems).toEqual([]);
    expect(r.patches).toEqual({
      config: { seqLen: 1000 },
      // The store's window is [start, end) from 0: steps 100 to 400 on screen.
      view: { heatmapNorm: 'global', heatmapWindow: [99, 400], heatmapSeries: seriesFor('lstm', ['i', 'f', 'c']) },
      playback: { speed: 10 },
    });
  });

  it('reads every speed the control offers, the window\'s en dash as the label writes it, and a window of one step', () => {
    for (const v of SPEEDS) expect(readUrl(`?speed=${v}`).patches.playback).toEqual({ speed: v });
    expect(readUrl('?window=3%E2%80%9310').patches.view).toEqual({ heatmapWindow: [2, 10] });
    expect(readUrl('?window=7-7').patches.view).toEqual({ heatmapWindow: [6, 7] });
    expect(readUrl('?window=1-60&norm=series').patches.view).toEqual({ heatmapWindow: [0, 60], heatmapNorm: 'series' });
  });

  it('reads the series for the cell the URL asks for, wherever the cell stands in the address', () => {
    expect(readUrl('?series=h,r&cell=gru')).toEqual({
      patches: { config: { cell: 'gru' }, view: { heatmapSeries: seriesFor('gru', ['r', 'h']) }, playback: {} },
      problems: [],
    });
    // The GRU's reset convention decides which of its products there are.
    expect(readUrl('?cell=gru&reset=before&series=rh,n').patches.view).toEqual({ heatmapSeries: seriesFor('gru', ['rh', 'n']) });
    expect(readUrl('?cell=gru&series=rhn,hn').patches.view).toEqual({ heatmapSeries: seriesFor('gru', ['hn', 'rhn']) });
    expect(readUrl('?cell=gru&series=rh').problems).toEqual([
      "Ignored series=\"rh\": expected names of a GRU's series separated by commas (r_pre, z_pre, n_pre, r, z, hn, rhn, n, omz, zn, zh, h), or none.",
    ]);
    expect(readUrl('?cell=rnn&series=a').patches.view).toEqual({ heatmapSeries: seriesFor('rnn_tanh', ['a']) });
  });

  it('reads "none" as no series at all, and a name given twice once', () => {
    expect(readUrl('?series=none').patches.view).toEqual({ heatmapSeries: seriesFor('lstm', []) });
    expect(readUrl('?series=c,,f,c,').patches.view).toEqual({ heatmapSeries: seriesFor('lstm', ['f', 'c']) });
  });

  it('keeps the known series next to unknown ones, and names those it dropped', () => {
    const r = readUrl('?series=f,q,%3Cb%3E,c');
    expect(r.patches.view).toEqual({ heatmapSeries: seriesFor('lstm', ['f', 'c']) });
    expect(r.problems).toEqual([
      "Ignored \"q\", \"<b>\" in series=\"f,q,<b>,c\": expected names of an LSTM's series separated by commas (i_pre, f_pre, g_pre, o_pre, i, f, g, o, fc, ig, c, tanh_c, h), or none; showing f, c.",
    ]);
    // Many unknown names: a few are listed, the rest counted.
    const many = readUrl(`?series=h,${Array.from({ length: 30 }, (_, k) => `u${k}`).join(',')}`);
    expect(many.patches.view).toEqual({ heatmapSeries: seriesFor('lstm', ['h']) });
    expect(many.problems).toHaveLength(1);
    expect(many.problems[0]).toContain('"u0", "u1", "u2", "u3", "u4" and 25 more in series=');
    expect(many.problems[0].length).toBeLessThan(300);
  });

  it('cuts a window running past the end of the sequence asked for, and refuses one starting past it, saying so', () => {
    expect(readUrl('?T=60&window=50-900')).toEqual({
      patches: { config: { seqLen: 60 }, view: { heatmapWindow: [49, 60] }, playback: {} },
      problems: ['window=50-900 runs past the end of the sequence (T = 60); showing steps 50 to 60.'],
    });
    expect(readUrl('?window=61-70&T=60')).toEqual({
      patches: { config: { seqLen: 60 }, view: {}, playback: {} },
      problems: ['Ignored window="61-70": the sequence ends at step 60 (T = 60); showing all of it.'],
    });
    // Against the default T = 60 when the URL sets none, and against a text's own length.
    expect(readUrl('?window=1-61').patches.view).toEqual({ heatmapWindow: [0, 60] });
    expect(readUrl('?input=text&text=abcd&window=2-9').patches.view).toEqual({ heatmapWindow: [1, 4] });
    expect(readUrl('?T=100000&window=1-100000').problems).toEqual([]);
  });

  it('turns away huge values without working through them', () => {
    // Under the address's own limit of 20,000 characters, so each parameter's check is what refuses it.
    for (const q of [`series=${'f,'.repeat(9000)}`, `window=${'1'.repeat(19_000)}-2`, `speed=${'5'.repeat(19_000)}`, `norm=${'g'.repeat(19_000)}`]) {
      const r = readUrl(`?${q}`);
      expect(r.patches).toEqual({ config: {}, view: {}, playback: {} });
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0].length).toBeLessThan(300);
    }
  });
});

describe('writeUrl', () => {
  const initial = {
    config: useConfig.getState(),
    view: useView.getState(),
    playback: usePlayback.getState(),
  };
  beforeEach(() => {
    useConfig.setState(initial.config, true);
    useView.setState(initial.view, true);
    usePlayback.setState(initial.playback, true);
  });
  afterEach(() => {
    useConfig.setState(initial.config, true);
    useView.setState(initial.view, true);
    usePlayback.setState(initial.playback, true);
  });

  it('writes nothing for the defaults', () => {
    expect(writeUrl()).toBe('');
  });

  it('writes only what differs from the defaults', () => {
    useConfig.setState({ hiddenSize: 32 });
    expect(writeUrl()).toBe('?H=32');
    usePlayback.setState({ t: 5, sub: 2, playing: true });
    expect(writeUrl()).toBe('?H=32&t=6'); // the sixth step, as the screen says
  });

  it('leaves out what the model shown has no use for', () => {
    // A text typed, then the input switched back to a signal: the link shows the signal, so it carries no text.
    useConfig.setState({ inputKind: 'text', text: 'kept', seqLen: 300, inputSize: 5, signal: 'noise', forgetBias: 1 });
    expect(writeUrl()).toBe('?input=text&text=kept&fbias=1');
    useConfig.setState({ inputKind: 'signal' });
    expect(writeUrl()).toBe('?signal=noise&I=5&T=300&fbias=1');
    useConfig.setState({ cell: 'gru', gruReset: 'before' });
    expect(writeUrl()).toBe('?cell=gru&reset=before&signal=noise&I=5&T=300');
    useConfig.setState({ cell: 'rnn_tanh' });
    expect(writeUrl()).toBe('?cell=rnn_tanh&signal=noise&I=5&T=300');
  });

  it('writes weights=trained without the settings the trained model has its own of, and brings them back with random weights', () => {
    useConfig.setState({ inputKind: 'text', hiddenSize: 40, seed: 9, forgetBias: 1, weights: 'trained' });
    expect(writeUrl()).toBe('?input=text&weights=trained');
    useConfig.setState({ weights: 'random' });
    expect(writeUrl()).toBe('?input=text&H=40&seed=9&fbias=1');
  });

  it('keeps the config of the run on screen while the controls hold one the engine refuses', () => {
    useConfig.setState({ hiddenSize: 200, seqLen: 8000 });
    expect(writeUrl()).toBe('?H=200&T=8000');
    useConfig.setState({ seqLen: 100_000 }); // a 1.04 GB trace: refused, and the H = 200, T = 8,000 run stays
    usePlayback.setState({ t: 40 });
    expect(writeUrl()).toBe('?H=200&T=8000&t=41');
    useConfig.setState({ seqLen: 9000 });
    expect(writeUrl()).toBe('?H=200&T=9000&t=41');
  });

  it('puts a text too long for the query in the fragment, which reads back', () => {
    const short = 'hello gates';
    useConfig.setState({ inputKind: 'text', text: short });
    expect(writeUrl()).toBe('?input=text&text=hello+gates');
    // 2,000 characters written as 9 each: an 18,000-character query, which servers refuse (HTTP 431 from Node's).
    const long = `hi${'你'.repeat(CONFIG_BOUNDS.textLength - 2)}`; // runnable: two characters the model knows
    useConfig.setState({ text: long, hiddenSize: 16 });
    const address = writeUrl();
    const [query, fragment] = [address.slice(0, address.indexOf('#')), address.slice(address.indexOf('#'))];
    expect(query).toBe('?input=text&H=16');
    expect(fragment.length).toBeGreaterThan(QUERY_BUDGET);
    const r = readUrl(query, fragment);
    expect(r.problems).toEqual([]);
    expect(r.patches.config).toEqual({ inputKind: 'text', hiddenSize: 16, text: long });
  });

  it('writes the heatmaps\' scale, window and series and the speed only when they are not the defaults', () => {
    useView.setState({ heatmapNorm: 'global' });
    usePlayback.setState({ speed: 30 });
    expect(writeUrl()).toBe('?norm=global&speed=30');
    useView.setState({ heatmapNorm: 'series', heatmapWindow: [99, 400] });
    useConfig.setState({ seqLen: 1000 });
    expect(writeUrl()).toBe('?T=1000&window=100-400&speed=30');
    usePlayback.setState({ speed: 5 });
    useView.setState({ heatmapWindow: null });
    expect(writeUrl()).toBe('?T=1000');
  });

  it('writes a zoomed window as its label shows it, and none that the run is too short for (all of it is shown)', () => {
    useView.setState({ heatmapWindow: [12.4, 30.2] });
    expect(writeUrl()).toBe('?window=13-31');
    useView.setState({ heatmapWindow: [0, 60] });
    expect(writeUrl()).toBe('?window=1-60');
    useView.setState({ heatmapWindow: [50, 61] }); // T = 60: the panel shows every step
    expect(writeUrl()).toBe('');
  });

  it('writes the series of the cell shown, in the panel\'s order, and nothing for the default set in any order', () => {
    const { heatmapSeries } = useView.getState();
    useView.setState({ heatmapSeries: { ...heatmapSeries, lstm: ['h', 'c', 'o', 'g', 'i', 'f'] } });
    expect(writeUrl()).toBe('');
    useView.setState({ heatmapSeries: { ...heatmapSeries, lstm: ['c', 'f', 'tanh_c'] } });
    expect(writeUrl()).toBe('?series=f%2Cc%2Ctanh_c');
    useView.setState({ heatmapSeries: { ...heatmapSeries, lstm: [] } });
    expect(writeUrl()).toBe('?series=none');
    // Another cell's choice is not written while it isn't shown…
    useView.setState({ heatmapSeries: { ...heatmapSeries, gru: ['z', 'rhn'] } });
    expect(writeUrl()).toBe('');
    // …and of a cell's choice only what this model has: a reset-before GRU has no r⊙Uh.
    useConfig.setState({ cell: 'gru' });
    expect(writeUrl()).toBe('?cell=gru&series=z%2Crhn');
    useConfig.setState({ gruReset: 'before' });
    expect(writeUrl()).toBe('?cell=gru&reset=before&series=z');
  });

  it('writes the sub-step only while the user walks through sub-steps', () => {
    usePlayback.setState({ t: 2, sub: 1, subFocus: true });
    expect(writeUrl()).toBe('?t=3&sub=2');
    usePlayback.setState({ sub: 0 }); // the first sub-step: not the default "whole step"
    expect(writeUrl()).toBe('?t=3&sub=1');
    usePlayback.setState({ sub: 3, subFocus: false }); // back to whole steps (playing, or ← →)
    expect(writeUrl()).toBe('?t=3');
  });

  it('round-trips non-default values of every property through readUrl', () => {
    // A reset-before GRU reading a text: the signal's settings and the forget gate's bias aren't written
    // (tested below), the text is.
    const config: Partial<Config> = {
      cell: 'gru', gruReset: 'before', inputKind: 'text', hiddenSize: 16, numLayers: 3,
      seed: 987654321, text: 'Hello & goodbye? 100% = "ok" +1 #tag\nnew line', classes: 0,
    };
    const view = {
      lecture: true, theme: 'dark' as const, heatmapNorm: 'global' as const, heatmapWindow: [3, 12] as [number, number],
      heatmapSeries: { ...DEFAULT_HEATMAP_SERIES, gru: ['r', 'rh', 'n', 'zn'] }, // a reset-before GRU's series, in its order
    };
    const playback = { t: 20, unit: 9, layer: 2, sub: 1, subFocus: true, speed: 240 };
    useConfig.setState(config);
    useView.setState(view);
    usePlayback.setState(playback);
    const url = writeUrl();
    expect(url.startsWith('?')).toBe(true);
    const r = readUrl(url);
    expect(r.problems).toEqual([]);
    expect(r.patches).toEqual({ config, view, playback });
  });

  it('round-trips random valid states (seeded)', () => {
    const rng = createRng(77);
    const B = CONFIG_BOUNDS;
    const between = (lo: number, hi: number) => lo + rng.int(hi - lo + 1);
    const pick = <T>(xs: readonly T[]) => xs[rng.int(xs.length)];
    let written = 0;
    for (let k = 0; k < 400; k++) {
      const config: Partial<Config> = {
        cell: pick(['lstm', 'gru', 'rnn_tanh', 'rnn_relu'] as const),
        gruReset: pick(['after', 'before'] as const),
        inputKind: pick(['signal', 'text'] as const),
        signal: pick(['sine', 'steps', 'pulses', 'noise'] as const),
        inputSize: between(B.inputSize[0], B.inputSize[1]),
        hiddenSize: between(B.hiddenSize[0], B.hiddenSize[1]),
        numLayers: between(B.numLayers[0], B.numLayers[1]),
        seqLen: between(B.seqLen[0], B.seqLen[1]),
        seed: between(0, 2 ** 30),
        text: Array.from({ length: rng.int(40) }, () => pick([...'abc xyz&=?#%+\n"\'<>é☃'])).join(''),
        forgetBias: Math.round(rng.uniform(-5, 5) * 100) / 100,
        classes: between(B.classes[0], B.classes[1]),
      };
      // A model the engine refuses (too large a trace, a text it knows nothing of) isn't written: the address
      // keeps the run on screen (tested above).
      try {
        checkRunSpec(runSpecOf({ ...DEFAULT_CONFIG, ...config }));
      } catch {
        continue;
      }
      written++;
      const T = config.inputKind === 'text' ? [...config.text!].filter((ch) => VOCAB.includes(ch.toLowerCase())).length : config.seqLen!;
      // A window of whole steps inside the run (or none), and any subset of the cell's series, in its order.
      const from = between(0, Math.max(0, T - 1));
      const names = layerSeries(config.cell!, config.gruReset!).map(([n]) => n);
      const view = {
        lecture: rng.next() < 0.5, theme: pick(['auto', 'light', 'dark'] as const), heatmapNorm: pick(['series', 'global'] as const),
        heatmapWindow: T > 0 && rng.next() < 0.7 ? [from, between(from + 1, T)] as [number, number] : null,
        heatmapSeries: { ...DEFAULT_HEATMAP_SERIES, [config.cell!]: names.filter(() => rng.next() < 0.4) },
      };
      // A cursor inside the model written (one past it is moved back, and said so: tested above).
      const subs = subSteps(config.cell!).length;
      const walking = rng.next() < 0.5;
      const playback = {
        t: between(0, Math.max(0, T - 1)), unit: between(0, config.hiddenSize! - 1), layer: between(0, config.numLayers! - 1),
        sub: walking ? between(0, subs - 1) : subs - 1, subFocus: walking, speed: pick(SPEEDS),
      };
      useConfig.setState({ ...DEFAULT_CONFIG, ...config });
      useView.setState(view);
      usePlayback.setState(playback);
      const r = readUrl(writeUrl());
      expect(r.problems).toEqual([]);
      // What readUrl gives back, applied over the defaults, is the state that was written, but for what the
      // model written has no use for: a text kept while the input is a signal, a GRU's reset on an LSTM…
      const D = DEFAULT_CONFIG;
      const shown = { ...D, ...config };
      if (shown.inputKind === 'text') Object.assign(shown, { signal: D.signal, inputSize: D.inputSize, seqLen: D.seqLen });
      else shown.text = D.text;
      if (shown.cell !== 'gru') shown.gruReset = D.gruReset;
      if (shown.cell !== 'lstm') shown.forgetBias = D.forgetBias;
      expect({ ...D, ...r.patches.config }).toEqual(shown);
      const views = { lecture: false, theme: 'auto', heatmapNorm: 'series', heatmapWindow: null, heatmapSeries: DEFAULT_HEATMAP_SERIES };
      expect({ ...views, ...r.patches.view }).toEqual(view);
      expect({ t: 0, unit: 0, layer: 0, sub: subs - 1, subFocus: false, speed: 5, ...r.patches.playback }).toEqual(playback);
    }
    expect(written).toBeGreaterThan(150);
  });
});
