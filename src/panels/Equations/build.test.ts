/**
 * buildEquations against the engine. For every cell (LSTM, GRU reset after/before, RNN tanh/ReLU), one and
 * two layers, several timesteps and units, the equations must (a) follow the cell's sub-steps, (b) state
 * every result as the trace's own number (formatted like the page does), (c) decompose each pre-activation
 * into W·x + U·h + b that really adds up (recomputed here from the PyTorch-layout parameters),
 * (d) show the readout's top class only on the last layer, (e) leave no number of the reset-after GRU's
 * candidate underived, (f) call a stacked layer's input h_t^{(l−1)}, never x_t, and (g) typeset in KaTeX.
 * dotTerms is checked on its own against a brute-force dot product and ordering.
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { subSteps } from '../../cellinfo/substeps';
import { createRng } from '../../engine/rng';
import { runAll } from '../../engine/run';
import type { Trace } from '../../engine/trace';
import type { Model } from '../../engine/types';
import { DEFAULT_CONFIG, runSpecOf, type Config } from '../../state/config';
import { buildRun } from '../../worker/host';
import { buildEquations, dotTerms, type EquationGroup } from './build';
import { factor, num, plus } from './tex';

function run(patch: Partial<Config>): { trace: Trace; model: Model } {
  const { model, seq } = buildRun(runSpecOf({ ...DEFAULT_CONFIG, ...patch }));
  return { trace: runAll(model, seq), model };
}

/**
 * The text of some LaTeX as the tests search it: no spaces, no parentheses, and ≈ read as = (which of the
 * two stands between steps is checked on its own: 'the sign between steps').
 */
const flat = (s: string) => s.replace(/\\approx/g, '=').replace(/[\s()]/g, '');
const flatAll = (lines: readonly string[]) => lines.map(flat).join('\n');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether a number written by num() stands in the text on its own (not as part of a longer number). */
function mentions(text: string, v: number): boolean {
  const s = num(v);
  // A positive number must not be the tail of a negative or longer one; a negative one carries its own
  // delimiter ("a - b" is written "a-b" once spaces are gone).
  const before = s.startsWith('-') ? '' : '(?<![\\d.\\-])';
  return new RegExp(`${before}${escapeRe(s)}(?![\\d])`).test(text);
}

/** LaTeX without our hover markup (\htmlData{tensor=…, symbol=…}, whose tensor=… holds an =). */
const noHover = (s: string) => s.replace(/\\htmlData\{[^}]*\}/g, '');

/** A line with the layout of a broken chain removed (aligned, &, line breaks): "lhs=p0=p1=…". */
const chainOf = (s: string) => flat(s.replace(/\\(begin|end)\{aligned\}|&|\\\\/g, ''));

/** Whether some line states v as its final result ("… = v"). */
function concludes(lines: readonly string[], v: number): boolean {
  const s = num(v);
  return lines.some((l) => flat(l).replace(/\\end\{aligned\}$/, '').endsWith(`=${s}`));
}

const CASES: Array<{ name: string; patch: Partial<Config> }> = [
  { name: 'LSTM', patch: { cell: 'lstm', forgetBias: 1 } },
  { name: 'LSTM, 2 layers, I=6', patch: { cell: 'lstm', numLayers: 2, inputSize: 6, seed: 7 } },
  { name: 'GRU reset after', patch: { cell: 'gru', gruReset: 'after' } },
  { name: 'GRU reset after, 2 layers', patch: { cell: 'gru', gruReset: 'after', numLayers: 2, signal: 'noise', seed: 3 } },
  { name: 'GRU reset before', patch: { cell: 'gru', gruReset: 'before' } },
  { name: 'GRU reset before, 2 layers, I=6', patch: { cell: 'gru', gruReset: 'before', numLayers: 2, inputSize: 6, seed: 11 } },
  { name: 'RNN tanh', patch: { cell: 'rnn_tanh' } },
  { name: 'RNN ReLU, 2 layers', patch: { cell: 'rnn_relu', numLayers: 2, signal: 'steps', seed: 5 } },
];

/** A few (t, j) points: the first step (initial states), a middle one, the last one. */
const POINTS: Array<[number, number]> = [[0, 0], [1, 7], [17, 3], [59, 5]];

/** The series each sub-step states as a result, per cell (what the equations must show the numbers of). */
function resultsBySub(trace: Trace): string[][] {
  const { cell, gruReset } = trace.layout;
  if (cell === 'lstm') return [['f_pre', 'f'], ['i_pre', 'i', 'g_pre', 'g'], ['fc', 'ig', 'c'], ['o_pre', 'o', 'tanh_c', 'h']];
  if (cell === 'gru') {
    return [
      ['r_pre', 'r', 'z_pre', 'z'],
      gruReset === 'after' ? ['hn', 'n_pre', 'n'] : ['rh', 'n_pre', 'n'],
      ['zh', 'zn', 'h'],
    ];
  }
  return [['a', 'h']];
}

/** Values each sub-step must end a line with ("… = value"). */
function concludedBySub(trace: Trace): string[][] {
  const { cell, gruReset } = trace.layout;
  if (cell === 'lstm') return [['f_pre', 'f'], ['i_pre', 'i', 'g_pre', 'g'], ['c'], ['o_pre', 'o', 'h']];
  if (cell === 'gru') return [['r_pre', 'r', 'z_pre', 'z'], gruReset === 'after' ? ['hn', 'n'] : ['rh', 'n_pre', 'n'], ['h']];
  return [['a', 'h']];
}

/** Gate → block of PyTorch's stacked weights, and the pre-activation series it makes. */
function gatesOf(trace: Trace): Array<{ block: number; pre: string }> {
  const { cell } = trace.layout;
  if (cell === 'lstm') return [{ block: 0, pre: 'i_pre' }, { block: 1, pre: 'f_pre' }, { block: 2, pre: 'g_pre' }, { block: 3, pre: 'o_pre' }];
  if (cell === 'gru') return [{ block: 0, pre: 'r_pre' }, { block: 1, pre: 'z_pre' }];
  return [{ block: 0, pre: 'a' }];
}

/** Row `row` of a cols-wide matrix times v, in float64. */
function dot(M: Float32Array, cols: number, row: number, v: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < cols; k++) s += M[row * cols + k] * v[k];
  return s;
}

/** W x + U h + b of one gate's row, recomputed from the model's parameters (independently of build.ts). */
function recompute(trace: Trace, model: Model, layer: number, t: number, row: number, h: ArrayLike<number>) {
  const p = model.layers[layer];
  const H = model.hiddenSize;
  const inputs = layer === 0 ? model.inputSize : H;
  const x = layer === 0 ? trace.row(trace.index('x'), t) : trace.row(trace.index(`l${layer - 1}.h`), t);
  const wx = dot(p.weightIh, inputs, row, x);
  const uh = dot(p.weightHh, H, row, h);
  return { wx, uh, bIh: p.biasIh ? p.biasIh[row] : 0, bHh: p.biasHh ? p.biasHh[row] : 0 };
}

/** h_{t−1} of a layer read from the trace (zeros at t = 0: the page starts from zero states). */
function hPrev(trace: Trace, layer: number, t: number): Float32Array {
  return t === 0 ? new Float32Array(trace.layout.hiddenSize) : trace.row(trace.index(`l${layer}.h`), t - 1);
}

describe.each(CASES)('buildEquations: $name', ({ patch }) => {
  const { trace, model } = run(patch);
  const L = model.layers.length;
  const H = model.hiddenSize;
  const at = (layer: number, name: string, t: number, j: number) => trace.at(`l${layer}.${name}`, t, j);
  const points = Array.from({ length: L }, (_, layer) => POINTS.map(([t, j]) => ({ layer, t, j }))).flat();

  it('has one group per sub-step of the cell, in order, with the sub-step titles', () => {
    const steps = subSteps(trace.layout.cell);
    for (const { layer, t, j } of points) {
      const groups = buildEquations(trace, model, layer, t, j);
      expect(groups.map((g) => g.sub)).toEqual(steps.map((_, k) => k));
      expect(groups.map((g) => g.title)).toEqual(steps.map((s) => s.title));
      for (const g of groups) expect(g.lines.length).toBeGreaterThan(0);
    }
  });

  it("states every result as the trace's value, formatted by num(), in its sub-step's group", () => {
    const results = resultsBySub(trace);
    const concluded = concludedBySub(trace);
    for (const { layer, t, j } of points) {
      const groups = buildEquations(trace, model, layer, t, j);
      groups.forEach((g: EquationGroup, k) => {
        const text = flatAll(g.lines);
        for (const name of results[k]) {
          expect(mentions(text, at(layer, name, t, j)), `${name} (${num(at(layer, name, t, j))}) at l${layer} t${t} j${j} in:\n${text}`).toBe(true);
        }
        for (const name of concluded[k]) {
          expect(concludes(g.lines, at(layer, name, t, j)), `a line of '${g.title}' ends with = ${name}`).toBe(true);
        }
      });
    }
  });

  it('states the inputs the results are made of: h_{t−1}, c_{t−1} and the unit index', () => {
    for (const { layer, t, j } of points) {
      const groups = buildEquations(trace, model, layer, t, j);
      const all = flatAll(groups.flatMap((g) => g.lines));
      expect(all).toContain(`[${j}]`);
      if (trace.layout.cell === 'lstm') {
        const cPrev = t === 0 ? 0 : at(layer, 'c', t - 1, j);
        expect(mentions(flatAll(groups[2].lines), cPrev), 'c_{t-1} in the cell update').toBe(true);
      }
      if (trace.layout.cell === 'gru') {
        expect(mentions(flatAll(groups[2].lines), hPrev(trace, layer, t)[j]), 'h_{t-1} in the blend').toBe(true);
        expect(mentions(flatAll(groups[2].lines), at(layer, 'omz', t, j)), '1 - z in the blend').toBe(true);
      }
    }
  });

  it('writes each equation step by step, in order: operands, products, sum, result', () => {
    const { cell, gruReset } = trace.layout;
    for (const { layer, t, j } of points) {
      const v = (name: string) => at(layer, name, t, j);
      const F = (x: number) => factor(x);
      const groups = buildEquations(trace, model, layer, t, j);
      const lines = groups.map((g) => g.lines.map(chainOf));
      const expectChain = (sub: number, chain: string) =>
        expect(lines[sub].some((l) => l.includes(flat(chain))), `'${chain}' in:\n${lines[sub].join('\n')}`).toBe(true);
      const act = (sub: number, gate: string, f: string) => expectChain(sub, `=${f}(${num(v(`${gate}_pre`))})=${num(v(gate))}`);
      if (cell === 'lstm') {
        const cPrev = t === 0 ? 0 : at(layer, 'c', t - 1, j);
        act(0, 'f', '\\sigma');
        act(1, 'i', '\\sigma');
        act(1, 'g', '\\tanh');
        expectChain(2, `=${F(v('f'))}\\cdot${F(cPrev)}+${F(v('i'))}\\cdot${F(v('g'))}=${num(v('fc'))}${plus(v('ig'))}=${num(v('c'))}`);
        act(3, 'o', '\\sigma');
        expectChain(3, `=${F(v('o'))}\\cdot\\tanh(${num(v('c'))})=${F(v('o'))}\\cdot${F(v('tanh_c'))}=${num(v('h'))}`);
      } else if (cell === 'gru') {
        const hp = hPrev(trace, layer, t)[j];
        act(0, 'r', '\\sigma');
        act(0, 'z', '\\sigma');
        if (gruReset === 'after') {
          // Each half of the candidate with its own bias, then the tanh of both: reset after U.
          const r = recompute(trace, model, layer, t, 2 * H + j, hPrev(trace, layer, t));
          expectChain(1, `=${num(r.wx)}${plus(r.bIh)}=${num(r.wx + r.bIh)}`);
          expectChain(1, `=${num(r.uh)}${plus(r.bHh)}=${num(v('hn'))}`);
          expectChain(1, `=\\tanh\\bigl(${num(r.wx + r.bIh)}+${F(v('r'))}\\cdot${F(v('hn'))}\\bigr)=\\tanh(${num(v('n_pre'))})=${num(v('n'))}`);
        } else {
          expectChain(1, `=${F(v('r'))}\\cdot${F(hp)}=${num(v('rh'))}`);
          expectChain(1, `=\\tanh(${num(v('n_pre'))})=${num(v('n'))}`);
        }
        expectChain(2, `=${F(v('z'))}\\cdot${F(hp)}+${F(v('omz'))}\\cdot${F(v('n'))}=${num(v('zh'))}${plus(v('zn'))}=${num(v('h'))}`);
      } else {
        const f = cell === 'rnn_relu' ? '\\operatorname{ReLU}' : '\\tanh';
        expectChain(0, `=${f}(${num(v('a'))})=${num(v('h'))}`);
      }
    }
  });

  it("recomputes each gate's pre-activation W·x + U·h + b from the parameters (PyTorch layout)", () => {
    for (const { layer, t, j } of points) {
      const h = hPrev(trace, layer, t);
      for (const { block, pre } of gatesOf(trace)) {
        const r = recompute(trace, model, layer, t, block * H + j, h);
        expect(Math.abs(r.wx + r.uh + r.bIh + r.bHh - at(layer, pre, t, j)), `${pre} l${layer} t${t} j${j}`).toBeLessThan(1e-5);
      }
      if (trace.layout.cell === 'gru') {
        const row = 2 * H + j;
        const rj = at(layer, 'r', t, j);
        if (trace.layout.gruReset === 'after') {
          const r = recompute(trace, model, layer, t, row, h);
          expect(Math.abs(r.uh + r.bHh - at(layer, 'hn', t, j))).toBeLessThan(1e-5);
          expect(Math.abs(r.wx + r.bIh + rj * (r.uh + r.bHh) - at(layer, 'n_pre', t, j))).toBeLessThan(1e-5);
        } else {
          const rh = Array.from(h, (v, k) => v * at(layer, 'r', t, k));
          const r = recompute(trace, model, layer, t, row, rh);
          expect(Math.abs(r.wx + r.uh + r.bIh + r.bHh - at(layer, 'n_pre', t, j))).toBeLessThan(1e-5);
        }
      }
    }
  });

  it('writes the decomposition that adds up: num(W·x) plus(U·h) plus(b) = num(pre), and each product in the details', () => {
    for (const { layer, t, j } of points) {
      const groups = buildEquations(trace, model, layer, t, j);
      const lines = flatAll(groups.flatMap((g) => g.lines));
      const details = flatAll(groups.flatMap((g) => g.details));
      const h = hPrev(trace, layer, t);
      for (const { block, pre } of gatesOf(trace)) {
        const r = recompute(trace, model, layer, t, block * H + j, h);
        const sum = flat(`${num(r.wx)} ${plus(r.uh)} ${plus(r.bIh + r.bHh)}=${num(at(layer, pre, t, j))}`);
        expect(lines, `${pre} decomposition`).toContain(sum);
        expect(mentions(details, r.wx), `W·x of ${pre} in the details`).toBe(true);
        expect(mentions(details, r.uh), `U·h of ${pre} in the details`).toBe(true);
      }
      if (trace.layout.cell === 'gru' && trace.layout.gruReset === 'before') {
        const rh = Array.from(h, (v, k) => v * at(layer, 'r', t, k));
        const r = recompute(trace, model, layer, t, 2 * H + j, rh);
        expect(lines).toContain(flat(`${num(r.wx)} ${plus(r.uh)} ${plus(r.bIh + r.bHh)}=${num(at(layer, 'n_pre', t, j))}`));
      }
      if (trace.layout.cell === 'gru' && trace.layout.gruReset === 'after') {
        // tanh(W_h x + b_in + r ⊙ (U_h h + b_hn)): each half is its product plus its own bias, and both
        // products are written out in the details, as every gate's are.
        const r = recompute(trace, model, layer, t, 2 * H + j, h);
        const candidate = flatAll(groups[1].lines);
        expect(candidate).toContain(flat(`${num(r.wx)} ${plus(r.bIh)}=${num(r.wx + r.bIh)}`));
        expect(candidate).toContain(flat(`${num(r.uh)} ${plus(r.bHh)}=${num(at(layer, 'hn', t, j))}`));
        expect(concludes(groups[1].details, r.wx), 'W_h x written out').toBe(true);
        expect(concludes(groups[1].details, r.uh), 'U_h h_{t-1} written out').toBe(true);
      }
    }
  });

  it('shows the readout (top class probability) on the last layer only', () => {
    expect(model.readout).not.toBeNull();
    for (const { layer, t, j } of points) {
      const groups = buildEquations(trace, model, layer, t, j);
      const lines = groups.flatMap((g) => g.lines);
      const readout = lines.filter((l) => l.includes('\\hat{y}'));
      if (layer < L - 1) {
        expect(readout).toEqual([]);
        continue;
      }
      expect(readout.length).toBeGreaterThan(0);
      const probs = Array.from(trace.row(trace.index('probs'), t));
      const best = probs.indexOf(Math.max(...probs));
      const last = readout[readout.length - 1];
      expect(flat(last).replace(/\\end\{aligned\}$/, '').endsWith(`=${num(probs[best])}`), last).toBe(true);
      expect(last).toContain(`class ${best}`);
      expect(mentions(flat(last), trace.at('logits', t, best))).toBe(true);
      // Summed over the classes by ell: k is the expansions' column of W or U, a few lines above.
      expect(last).toContain('\\sum\\nolimits_{\\ell} e^{(W_y h_t + b_y)_{\\ell}}');
      expect(last).not.toMatch(/_k\b/);
      // As a quotient of numbers a student can check: e^{logit} over the sum of every class's, written out
      // term by term on the line before (4 classes).
      const logits = Array.from(trace.row(trace.index('logits'), t));
      const total = logits.reduce((a, l) => a + Math.exp(l), 0);
      expect(last).toContain(`\\frac{${num(Math.exp(logits[best]))}}{${num(total)}}`);
      // (A detail: written out while the step is walked, not typeset at every step of playback.)
      const sum = groups[groups.length - 1].details.at(-1)!;
      const at = logits.map((l) => sum.indexOf(`e^{${num(l)}}`));
      expect(at.every((i, k) => i >= 0 && (k === 0 || i > at[k - 1])), sum).toBe(true);
      expect(flat(sum).replace(/\\end\{aligned\}$/, '').endsWith(`=${num(total)}`), sum).toBe(true);
      // The readout belongs to the sub-step that computes h (the last one).
      expect(groups[groups.length - 1].lines).toContain(last);
    }
  });
});

describe('buildEquations: no readout, text readout', () => {
  it('writes no readout line when the model has no readout (classes = 0)', () => {
    for (const cell of ['lstm', 'gru', 'rnn_tanh'] as const) {
      const { trace, model } = run({ cell, classes: 0, seqLen: 5 });
      expect(model.readout).toBeNull();
      const lines = buildEquations(trace, model, 0, 4, 2).flatMap((g) => g.lines);
      expect(lines.some((l) => l.includes('\\hat{y}') || l.includes('softmax'))).toBe(false);
    }
  });

  it("names a text model's predicted character", () => {
    const { trace, model } = run({ cell: 'gru', inputKind: 'text', text: 'hello world', hiddenSize: 6 });
    for (let t = 0; t < trace.filled; t++) {
      const groups = buildEquations(trace, model, 0, t, 1);
      const lines = groups.flatMap((g) => g.lines);
      const probs = Array.from(trace.row(trace.index('probs'), t));
      const best = probs.indexOf(Math.max(...probs));
      const last = lines[lines.length - 1];
      expect(flat(last).replace(/\\end\{aligned\}$/, '').endsWith(`=${num(probs[best])}`)).toBe(true);
      // The denominator of 46 classes: its 3 largest terms and a count of the rest, then its value.
      const logits = Array.from(trace.row(trace.index('logits'), t));
      const sum = groups[groups.length - 1].details.at(-1)!;
      expect(sum).toContain(`\\cdots_{(${logits.length - 3}\\ \\text{more})}`);
      expect(flat(sum).replace(/\\end\{aligned\}$/, '').endsWith(`=${num(logits.reduce((a, l) => a + Math.exp(l), 0))}`), sum).toBe(true);
      // The label sits in \text{…}; quotes are plain ASCII there.
      expect(last).toMatch(/\\hat\{y\}_t\[\\text\{'.+'\}\]/);
    }
  });
});

describe('dotTerms', () => {
  const rng = createRng(2024);
  const randomVec = (n: number) => Float32Array.from({ length: n }, () => rng.uniform(-2, 2));

  it.each([1, 2, 3, 4])('lists all %i terms, in order, when cols ≤ 4', (cols) => {
    const rows = 3;
    const M = randomVec(rows * cols);
    const v = randomVec(cols);
    for (let row = 0; row < rows; row++) {
      const d = dotTerms(M, cols, row, v);
      expect(d.sum).toBe(dot(M, cols, row, v));
      expect(d.rest).toBe(0);
      expect(d.inOrder).toBe(true);
      expect(d.shown).toEqual(Array.from({ length: cols }, (_, k) => [M[row * cols + k], v[k], k]));
    }
  });

  it.each([5, 6, 8, 17, 64])('lists the 3 largest |w·x| of %i terms and counts the rest', (cols) => {
    const rows = 4;
    const M = randomVec(rows * cols);
    const v = randomVec(cols);
    for (let row = 0; row < rows; row++) {
      const d = dotTerms(M, cols, row, v);
      expect(d.sum).toBeCloseTo(dot(M, cols, row, v), 12);
      expect(d.shown).toHaveLength(3);
      expect(d.rest).toBe(cols - 3);
      expect(d.inOrder).toBe(false);
      const all = Array.from({ length: cols }, (_, k) => [M[row * cols + k], v[k], k] as [number, number, number]);
      const mags = all.map(([w, x]) => Math.abs(w * x)).sort((a, b) => b - a);
      expect(d.shown.map(([w, x]) => Math.abs(w * x))).toEqual(mags.slice(0, 3));
      // Each shown term is a real (weight, input) pair of that row, with its column.
      for (const term of d.shown) expect(all).toContainEqual(term);
    }
  });

  it('leaves zero terms out of the largest, counts them, and says when the rest are all 0', () => {
    // A one-hot input: one term counts, whatever the weights. Zeros had filled the other two places.
    const M = Float32Array.from({ length: 8 }, (_, k) => (k + 1) * (k % 2 ? -1 : 1));
    const oneHot = Float32Array.from({ length: 8 }, (_, k) => (k === 5 ? 1 : 0));
    expect(dotTerms(M, 8, 0, oneHot)).toEqual({ sum: -6, shown: [[-6, 1, 5]], rest: 7, inOrder: false, complete: true });
    // Nothing but zeros (h₀ at the first step).
    expect(dotTerms(M, 8, 0, new Float32Array(8))).toMatchObject({ sum: 0, shown: [], rest: 8, complete: true });
    // Three non-zero terms and zeros: all that counts is shown. Four: one is left out, so not complete.
    const three = Float32Array.from([0, 1, 0, 1, 0, 1, 0, 0]);
    expect(dotTerms(M, 8, 0, three)).toMatchObject({ shown: [[-6, 1, 5], [-4, 1, 3], [-2, 1, 1]], rest: 5, complete: true });
    expect(dotTerms(M, 8, 0, Float32Array.from([0, 1, 0, 1, 0, 1, 0, 1])).complete).toBe(false);
    // Up to 4 terms every one is written, zeros too: the line is the whole sum in order.
    expect(dotTerms(M, 4, 0, new Float32Array(4)).shown).toHaveLength(4);
  });

  it('reads row `row` of a row-major matrix', () => {
    const M = Float32Array.from([1, 2, 3, 10, 20, 30]);
    const v = Float32Array.from([1, 0.5, -1]);
    expect(dotTerms(M, 3, 0, v).sum).toBe(1 + 1 - 3);
    expect(dotTerms(M, 3, 1, v).sum).toBe(10 + 10 - 30);
  });
});

describe('the written-out matrix products', () => {
  it('name the k of each of the largest terms, so the same input reads the same in every gate', () => {
    const { model, seq } = buildRun(runSpecOf({ ...DEFAULT_CONFIG, hiddenSize: 8, seed: 5 }));
    const trace = runAll(model, seq);
    const h = trace.previous(0, 'h', 3);
    const U = model.layers[0].weightHh;
    const details = buildEquations(trace, model, 0, 3, 2).flatMap((g) => g.details).filter((l) => l.includes('h_{t-1}') || l.includes('h_{t−1}'));
    expect(details.length).toBeGreaterThan(0);
    let labelled = 0;
    for (const line of details) {
      for (const m of line.matchAll(/\\underset\{\\small\\rule\{0pt\}\{1.05em\}k=(\d+)\}\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g)) {
        const k = Number(m[1]);
        const [w, x] = m[2].split('\\cdot').map((f) => Number(f.replace(/[()]/g, '')));
        // The input under k is h_{t−1}[k]; its weight is one of that column's (the row is the gate's).
        expect(x).toBeCloseTo(h[k], 3);
        const column = Array.from({ length: U.length / 8 }, (_, r) => U[r * 8 + k]);
        expect(column.some((u) => Math.abs(u - w) < 5e-4), `${w} in column ${k}`).toBe(true);
        labelled++;
      }
    }
    expect(labelled).toBeGreaterThanOrEqual(3 * details.length);
  });

  it('write a one-hot input\'s product as its one term, with the zeros counted, and h₀\'s as all 0', () => {
    const { trace, model } = run({ inputKind: 'text', text: 'hello', hiddenSize: 8 });
    const I = model.inputSize;
    const [gates] = buildEquations(trace, model, 0, 0, 2);
    const wx = gates.details.filter((l) => l.includes('x_t') || l.includes('x_{t}'));
    const uh = gates.details.filter((l) => l.includes('h_{t-1}'));
    expect(wx.length).toBeGreaterThan(0);
    for (const line of wx) {
      // One product (one \underset), then the other I − 1 terms, all 0; and the sum checkable by hand.
      expect(line.match(/\\underset/g), line).toHaveLength(1);
      expect(line).toContain(`\\cdots_{(${I - 1}\\ \\text{more, all } 0)}`);
      expect(line).toMatch(/\\cdot\(?1\.000\)?\}/);
    }
    // At the first step h_{t−1} is 0: no product is written, only that all H terms are 0.
    for (const line of uh) expect(line).toContain('= \\underbrace{0 + \\cdots + 0}_{\\text{all 8 terms}} = 0.000');
  });

  it.each(CASES)('join every term with +, so that the line reads as the sum it states: $name', ({ patch }) => {
    const { model, seq } = buildRun(runSpecOf({ ...DEFAULT_CONFIG, ...patch, hiddenSize: 3, inputSize: 3, seed: 11 }));
    const trace = runAll(model, seq);
    for (let t = 0; t < 6; t++) {
      for (const g of buildEquations(trace, model, 0, t, 1)) {
        // The products, not the softmax's sum of exponentials (tested with the readout).
        for (const line of g.details.filter((l) => !l.includes('\\sum'))) {
          // The aligned lines read as one: lhs = t1 + t2 + t3 … = sum.
          const raw = line.replace(/\\begin\{aligned\}|\\end\{aligned\}|&|\\quad /g, '').replace(/ \\\\ /g, ' ');
          const d = raw.replace(' \\approx ', ' = ');
          const rhs = d.slice(d.indexOf('= ') + 2, d.lastIndexOf(' = '));
          const terms = rhs.split(' + ');
          // Each term is one product a·b; nothing is glued to its neighbour without an operator.
          for (const term of terms) expect(term.split('\\cdot'), `${d}`).toHaveLength(2);
          const sum = terms.reduce((acc, term) => {
            const [a, b] = term.split('\\cdot').map((x) => Number(x.replace(/[()]/g, '')));
            return acc + a * b;
          }, 0);
          const stated = Number(d.slice(d.lastIndexOf(' = ') + 3));
          expect(Math.abs(sum - stated), d).toBeLessThan(5e-3);
          // = where the shown products add up to the shown sum, ≈ where they miss it in the last digit.
          expect(raw.includes('\\approx'), raw).toBe(num(sum) !== num(stated));
        }
      }
    }
  });
});

/**
 * The signed numbers of some LaTeX, in order: "0.012 - 0.011" gives 0.012 and -0.011. Indices, layer
 * superscripts, term counts and tensor names (our hover markup) carry digits too, and are left out.
 */
function numbersIn(tex: string): string[] {
  const plain = noHover(tex)
    .replace(/\[[\d,:]+\]|\^\{\(\d+\)\}|_\{\(\d+\\ \\text\{more\}\)\}/g, '')
    .replace(/[\s()]/g, '');
  return [...plain.matchAll(/-?\d+\.\d+/g)].map((m) => m[0]);
}

/** The steps of a chain "lhs = s1 = s2 = … = v", without its layout and hover markup (tensor=…). */
const stepsOf = (line: string) => chainOf(noHover(line)).split('=');

describe('the reset-after GRU candidate can be checked by hand', () => {
  const cases = CASES.filter((k) => k.patch.cell === 'gru' && k.patch.gruReset === 'after');
  it.each(cases)('every number of its tanh line is stated above it, each half a written-out product plus its bias: $name', ({ patch }) => {
    const { trace, model } = run(patch);
    for (let layer = 0; layer < model.layers.length; layer++) {
      const p = model.layers[layer];
      for (const [t, j] of POINTS) {
        const [gates, candidate] = buildEquations(trace, model, layer, t, j);
        // What the two sub-steps state as results ("… = v"), in their lines or their written-out products.
        const results = new Set([...gates.lines, ...gates.details, ...candidate.lines, ...candidate.details].map((l) => numbersIn(l).at(-1)));
        const tanhLine = candidate.lines.find((l) => stepsOf(l)[0] === `h'_t[${j}]`)!;
        const operands = numbersIn(stepsOf(tanhLine)[1]);
        expect(operands, tanhLine).toHaveLength(3); // W x + b_in, r, U h + b_hn
        for (const v of operands) expect(results.has(v), `${v} of ${tanhLine} is a result stated above it`).toBe(true);
        const halves = candidate.lines.filter((l) => /^\(.*\)\[\d+\] = /.test(l));
        const row = 2 * model.hiddenSize + j;
        const biases = [p.biasIh![row], p.biasHh![row]];
        expect(halves).toHaveLength(2);
        halves.forEach((half, k) => {
          const [product, bias] = numbersIn(stepsOf(half)[1]);
          expect(concludes(candidate.details, Number(product)), `${product} of ${half} is written out in the details`).toBe(true);
          expect(bias, `the bias of ${half}`).toBe(num(biases[k]));
        });
      }
    }
  });

  it('names b_in and b_hn on hover, and writes U_h h_{t−1} out like W_h x_t', () => {
    const { trace, model } = run({ cell: 'gru', gruReset: 'after', numLayers: 2 });
    const [, candidate] = buildEquations(trace, model, 1, 4, 2);
    const text = candidate.lines.join('\n');
    expect(text).toContain('\\htmlData{tensor=bias_ih_l1[16:24], symbol=b sub in}{b_{in}}');
    expect(text).toContain('\\htmlData{tensor=bias_hh_l1[16:24], symbol=b sub hn}{b_{hn}}');
    expect(candidate.details).toHaveLength(2);
    expect(candidate.details[0]).toMatch(/^\\begin\{aligned\}\\htmlData\{tensor=weight_ih_l1\[16:24\], symbol=W sub h\}\{W_h\}\[2,:\]/);
    expect(candidate.details[1]).toMatch(/^\\begin\{aligned\}\\htmlData\{tensor=weight_hh_l1\[16:24\], symbol=U sub h\}\{U_h\}\[2,:\]\\, h_\{t-1\} &= .*\\cdot/);
  });
});

describe('a gate\'s bias', () => {
  it("names a gate's bias on hover as the sum PyTorch adds, b_ih + b_hh, each with its gate's block", () => {
    const { trace, model } = run({ cell: 'lstm' });
    const [forget] = buildEquations(trace, model, 0, 4, 2);
    expect(forget.lines[0]).toContain('\\htmlData{tensor=bias_ih_l0[8:16] + bias_hh_l0[8:16], symbol=b sub f}{b_f}');
  });
});

describe('the reset-before GRU candidate', () => {
  it('multiplies U_h by r_t ⊙ h_{t−1}, in its equation and in its written-out product, and states that product first', () => {
    const { trace, model } = run({ cell: 'gru', gruReset: 'before' });
    const [, candidate] = buildEquations(trace, model, 0, 4, 2);
    expect(noHover(candidate.lines[0])).toBe('r_t \\odot h_{t-1}');
    expect(noHover(candidate.lines[2])).toMatch(/^a\^\{h'\}_t = \{W_h\} \{x_t\} \+ \{U_h\} \(r_t \\odot h_\{t-1\}\) \+ /);
    expect(noHover(candidate.details[1])).toContain('{U_h}[2,:]\\, (r_t \\odot h_{t-1})');
    expect(flat(candidate.lines[1])).toMatch(new RegExp(`=${escapeRe(num(trace.at('l0.rh', 4, 2)))}$`));
    // The vector U_h multiplies is r ⊙ h_{t−1} (the trace's rh series), not h_{t−1}: each written-out term's k.
    const terms = [...noHover(candidate.details[1]).matchAll(/k=(\d+)\}\{\(?(-?[\d.]+)\)?\\cdot\(?(-?[\d.]+)\)?\}/g)];
    expect(terms.length).toBeGreaterThan(1);
    for (const [, k, , v] of terms) expect(v, `k = ${k}`).toBe(num(trace.at('l0.rh', 4, Number(k))));
  });
});

describe("a stacked layer's input", () => {
  it.each(CASES.filter((k) => (k.patch.numLayers ?? 1) > 1))('is x_t on layer 1 and h_t^{(l−1)} above it, with its tensor on hover: $name', ({ patch }) => {
    const { trace, model } = run(patch);
    const module = { lstm: 'nn.LSTM', gru: 'nn.GRU', rnn_tanh: 'nn.RNN', rnn_relu: 'nn.RNN' }[model.cell];
    for (let layer = 0; layer < model.layers.length; layer++) {
      const groups = buildEquations(trace, model, layer, 3, 1);
      const tex = groups.flatMap((g) => [...g.lines, ...g.details]).join('\n');
      if (layer === 0) {
        expect(tex).toContain('\\htmlData{tensor=input[t], symbol=x sub t}{x_t}');
        expect(tex).not.toContain('h_t^{(');
        continue;
      }
      expect(tex).not.toMatch(/x_t/);
      const input = `\\htmlData{tensor=h_t of layer l${layer - 1} fed to weight_ih_l${layer} (${module} returns only its last step: h_n[${layer - 1}]), symbol=h sub t super (${layer})}{h_t^{(${layer})}}`;
      expect(tex).toContain(input);
      // Every product with the input: the symbolic lines and the written-out W rows.
      const withW = tex.split('\n').filter((l) => l.includes(`tensor=weight_ih_l${layer}`));
      expect(withW.length).toBeGreaterThan(0);
      for (const l of withW) expect(l, l).toContain(input);
    }
  });
});

describe('typesetting', () => {
  // As the panel typesets (Katex.tsx), but failing loudly.
  const options: katex.KatexOptions = { displayMode: true, throwOnError: true, strict: 'ignore', trust: (ctx) => ctx.command === '\\htmlData' };

  it.each(CASES)('every line and written-out product typesets, each symbol with its tensor: $name', ({ patch }) => {
    const { trace, model } = run(patch);
    for (let layer = 0; layer < model.layers.length; layer++) {
      for (const g of buildEquations(trace, model, layer, 5, 2)) {
        for (const line of [...g.lines, ...g.details]) {
          const html = katex.renderToString(line, options);
          const marked = (line.match(/\\htmlData\{/g) ?? []).length;
          expect((html.match(/data-tensor="[^"]+"/g) ?? []).length, line).toBe(marked);
          expect((html.match(/data-symbol="[^"]+"/g) ?? []).length, line).toBe(marked);
        }
      }
    }
  });
});

describe('the sign between steps', () => {
  const s = (v: number) => Number(num(v));
  /** The signs between the steps of a chain: for the LSTM's c_t line, [products→terms, terms→result]. */
  const signsOf = (line: string) => [...noHover(line).matchAll(/&?(=|\\approx)/g)].map((m) => m[1]).slice(1);

  it('is = where the shown numbers give the next step as shown, and ≈ only where rounding makes them miss it', () => {
    const { trace, model } = run({ cell: 'lstm' });
    const counts = { '=': 0, '\\approx': 0 };
    for (let t = 0; t < trace.filled; t++) {
      for (let j = 0; j < model.hiddenSize; j++) {
        const v = (name: string) => trace.at(`l0.${name}`, t, j);
        const cPrev = t === 0 ? 0 : trace.at('l0.c', t - 1, j);
        const line = buildEquations(trace, model, 0, t, j)[2].lines[1];
        const products = num(s(v('f')) * s(cPrev)) === num(v('fc')) && num(s(v('i')) * s(v('g'))) === num(v('ig'));
        const sum = num(s(v('fc')) + s(v('ig'))) === num(v('c'));
        const signs = signsOf(line);
        expect(signs, `t = ${t + 1}, unit ${j}: ${line}`).toEqual([products ? '=' : '\\approx', sum ? '=' : '\\approx']);
        for (const sign of signs) counts[sign as keyof typeof counts]++;
      }
    }
    // Both happen: most steps check out, and some miss in the last digit.
    expect(counts['=']).toBeGreaterThan(counts['\\approx']);
    expect(counts['\\approx']).toBeGreaterThan(0);
  });

  it('writes ≈ where a student adding the shown terms gets another last digit (default LSTM, unit 0, t = 5)', () => {
    const { trace, model } = run({ cell: 'lstm' });
    // c_t[0] = 0.499·(−0.372) + 0.509·(−0.363) = −0.186 − 0.185 ≈ −0.370: the unrounded terms make −0.370.
    const line = buildEquations(trace, model, 0, 4, 0)[2].lines[1];
    expect(flat(line.replace(/\\approx/g, '~'))).toMatch(/=-0\.186-0\.185~-0\.370/);
  });

  /** The chain whose left-hand side is lhs (a long one is broken into aligned lines). */
  const chainFor = (lines: string[], lhs: string) => lines.find((l) => l.replace(/^\\begin\{aligned\}/, '').startsWith(`${lhs} `))!;
  /** For each expected pair of signs, = where the check holds; and both signs must turn up over the run. */
  function expectSigns(cases: Array<{ line: string; holds: boolean[]; at: string }>) {
    const counts = { '=': 0, '\\approx': 0 };
    for (const { line, holds, at } of cases) {
      const expected = holds.map((h) => (h ? '=' : '\\approx'));
      expect(signsOf(line), `${at}: ${line}`).toEqual(expected);
      for (const sign of expected) counts[sign as keyof typeof counts]++;
    }
    expect(counts['=']).toBeGreaterThan(0);
    expect(counts['\\approx']).toBeGreaterThan(0);
  }

  it("in the LSTM's h_t: tanh of the shown c_t against the shown tanh(c_t), then o·tanh(c_t) against h_t", () => {
    const { trace, model } = run({ cell: 'lstm', seqLen: 200 });
    const cases = [];
    for (let t = 0; t < trace.filled; t++) {
      for (let j = 0; j < model.hiddenSize; j++) {
        const v = (name: string) => trace.at(`l0.${name}`, t, j);
        const line = chainFor(buildEquations(trace, model, 0, t, j)[3].lines, `h_t[${j}]`);
        cases.push({ line, at: `t = ${t + 1}, unit ${j}`, holds: [num(Math.tanh(s(v('c')))) === num(v('tanh_c')), num(s(v('o')) * s(v('tanh_c'))) === num(v('h'))] });
      }
    }
    expectSigns(cases);
  });

  it("in the GRU's blend: z·h_{t−1} and (1−z)·h'_t against the shown products, then their sum against h_t", () => {
    const { trace, model } = run({ cell: 'gru', gruReset: 'after', seqLen: 200 });
    const cases = [];
    for (let t = 0; t < trace.filled; t++) {
      for (let j = 0; j < model.hiddenSize; j++) {
        const v = (name: string) => trace.at(`l0.${name}`, t, j);
        const hPrev = t === 0 ? 0 : trace.at('l0.h', t - 1, j);
        const line = chainFor(buildEquations(trace, model, 0, t, j)[2].lines, `h_t[${j}]`);
        const products = num(s(v('z')) * s(hPrev)) === num(v('zh')) && num(s(v('omz')) * s(v('n'))) === num(v('zn'));
        cases.push({ line, at: `t = ${t + 1}, unit ${j}`, holds: [products, num(s(v('zh')) + s(v('zn'))) === num(v('h'))] });
      }
    }
    expectSigns(cases);
  });

  it("in the reset-after GRU's candidate: the shown W x + b_in + r·(U h + b_hn) against a, then tanh(a) against h'_t", () => {
    const { trace, model } = run({ cell: 'gru', gruReset: 'after', seqLen: 200 });
    const [H, I] = [model.hiddenSize, model.inputSize];
    const { weightIh, biasIh } = model.layers[0];
    const cases = [];
    for (let t = 0; t < trace.filled; t++) {
      const x = trace.row(trace.index('x'), t);
      for (let j = 0; j < H; j++) {
        const v = (name: string) => trace.at(`l0.${name}`, t, j);
        let inputHalf = 0;
        for (let k = 0; k < I; k++) inputHalf += weightIh[(2 * H + j) * I + k] * x[k];
        inputHalf += biasIh![2 * H + j];
        const line = chainFor(buildEquations(trace, model, 0, t, j)[1].lines, `h'_t[${j}]`);
        cases.push({ line, at: `t = ${t + 1}, unit ${j}`, holds: [num(s(inputHalf) + s(v('r')) * s(v('hn'))) === num(v('n_pre')), num(Math.tanh(s(v('n_pre')))) === num(v('n'))] });
      }
    }
    expectSigns(cases);
  });

  it('is = at the end of a written-out product with terms left out, which no one can add up by hand', () => {
    const { trace, model } = run({ cell: 'lstm', hiddenSize: 8 });
    let shortened = 0;
    for (const [t, j] of POINTS) {
      for (const group of buildEquations(trace, model, 0, t, j)) {
        for (const detail of group.details.filter((d) => d.includes('\\text{more}'))) {
          shortened++;
          expect(detail, `t = ${t + 1}, unit ${j}`).not.toContain('\\approx');
        }
      }
    }
    expect(shortened).toBeGreaterThan(0);
  });

  it('checks every gate\'s activation: σ of the shown pre-activation, rounded, is the shown gate, or the sign is ≈', () => {
    const { trace, model } = run({ cell: 'gru', gruReset: 'after', seqLen: 40 });
    for (let t = 0; t < trace.filled; t++) {
      for (let j = 0; j < model.hiddenSize; j++) {
        const [gates] = buildEquations(trace, model, 0, t, j);
        for (const gate of ['r', 'z']) {
          const line = gates.lines.find((l) => l.startsWith(`${gate}_t[${j}]`))!;
          const pre = trace.at(`l0.${gate}_pre`, t, j);
          const holds = num(1 / (1 + Math.exp(-s(pre)))) === num(trace.at(`l0.${gate}`, t, j));
          expect(line, `t = ${t + 1}, unit ${j}`).toContain(holds ? `) = ${num(trace.at(`l0.${gate}`, t, j))}` : `) \\approx ${num(trace.at(`l0.${gate}`, t, j))}`);
        }
      }
    }
  });
});
