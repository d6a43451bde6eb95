/**
 * The equations of a timestep with the selected unit's numbers in them, grouped by sub-step. Pure: it
 * reads the trace (every value it states as a result) and the model's weights (to show which inputs and
 * weights sum to each pre-activation), so tests can check it against the engine without a browser.
 */
import { subSteps } from '../../cellinfo/substeps';
import { seriesKey, type Trace } from '../../engine/trace';
import type { Model } from '../../engine/types';
import { classLabel, topClass } from '../../viz/labels';
import { gateBlock, gateTensors, inputTensor } from './tensors';
import { chain, factor, num, plus, result, sameShown, shown, sym, type Step } from './tex';

export interface EquationGroup {
  /** Sub-step index. */
  sub: number;
  /** The sub-step's title (cellinfo/substeps.ts: the same the timeline's chips show). */
  title: string;
  /** Display equations, each: the symbolic form, then the unit's numbers. */
  lines: string[];
  /**
   * How the group's sums are made, written out while its sub-step is walked: the terms of the matrix
   * products, and the readout's sum of exponentials.
   */
  details: string[];
}

/** Terms listed in full up to this many; beyond it, the largest ones and a count of the rest. */
export const MAX_TERMS = 4;

/** One term of a row's dot product: the weight M[row, k], the input v[k], and k. */
export type Term = [weight: number, input: number, k: number];

/**
 * Σ_k M[row, k] v[k] with the terms to write out: all of them, in order, up to MAX_TERMS; beyond that
 * the largest non-zero ones (by |w·v|) and how many are left. `inOrder` says which of the two, and
 * `complete` whether the terms left out are all 0, so that the shown ones add up to the sum.
 */
export function dotTerms(M: Float32Array, cols: number, row: number, v: Float32Array) {
  let sum = 0;
  const terms: Term[] = [];
  for (let k = 0; k < cols; k++) {
    const w = M[row * cols + k];
    sum += w * v[k];
    terms.push([w, v[k], k]);
  }
  const inOrder = cols <= MAX_TERMS;
  if (inOrder) return { sum, shown: terms, rest: 0, inOrder, complete: true };
  // A product of 0 adds nothing: a one-hot input has a single term that counts, and h₀ none. Listed among
  // the "largest", zeros had stood where a student looked for the terms that make the sum.
  const nonzero = terms.filter(([w, x]) => w * x !== 0);
  const shown = nonzero.sort((a, b) => Math.abs(b[0] * b[1]) - Math.abs(a[0] * a[1])).slice(0, MAX_TERMS - 1);
  return { sum, shown, rest: cols - shown.length, inOrder, complete: nonzero.length === shown.length };
}

/** Terms per line of a written-out product: two fit the equations panel even in the lecture view's type. */
const TERMS_PER_LINE = 2;

/**
 * `lhs = t1 + t2 + … = sum`, every term joined with + (a negative factor carries its own sign, in
 * parentheses), broken into aligned lines of TERMS_PER_LINE terms so that no number is cut off. The
 * largest terms, out of order, carry their k beneath them: the same input then reads as the same k in
 * every gate's sum, wherever its size puts it.
 */
function productTex(lhs: string, d: ReturnType<typeof dotTerms>): string {
  const terms = d.shown.map(([w, x, k]) => {
    const product = `${factor(w)}\\cdot${factor(x)}`;
    // The strut sets the label a little lower: KaTeX's \underset puts it against the digits above.
    return d.inOrder ? product : `\\underset{\\small\\rule{0pt}{1.05em}k=${k}}{${product}}`;
  });
  if (d.shown.length === 0) return `${lhs} = \\underbrace{0 + \\cdots + 0}_{\\text{all ${d.rest} terms}} = ${num(d.sum)}`;
  if (d.rest > 0) terms.push(d.complete ? `\\cdots_{(${d.rest}\\ \\text{more, all } 0)}` : `\\cdots_{(${d.rest}\\ \\text{more})}`);
  // With every non-zero term shown, the sum can be checked by hand: ≈ where the shown factors miss the
  // shown sum, as in the equations (chain). With terms left out it can't, and = says what it is.
  const byHand = d.shown.reduce((s, [w, x]) => s + shown(w) * shown(x), 0);
  return sumTex(lhs, terms, d.complete && !sameShown(byHand, d.sum) ? '\\approx' : '=', d.sum);
}

/** `lhs = t1 + t2 + … sign total`, in aligned lines of TERMS_PER_LINE terms when there are more. */
function sumTex(lhs: string, terms: readonly string[], sign: string, total: number): string {
  const lines: string[] = [];
  for (let k = 0; k < terms.length; k += TERMS_PER_LINE) lines.push(terms.slice(k, k + TERMS_PER_LINE).join(' + '));
  if (lines.length === 1) return `${lhs} = ${lines[0]} ${sign} ${num(total)}`;
  return `\\begin{aligned}${lhs} &= ${lines.join(' \\\\ &\\quad + ')} ${sign} ${num(total)}\\end{aligned}`;
}

interface Ctx {
  trace: Trace;
  model: Model;
  layer: number;
  t: number;
  j: number;
}

/** A value of this layer's series at (t, j). */
const val = (c: Ctx, name: string) => c.trace.at(seriesKey(c.layer, name), c.t, c.j);

/** The activations, as a student applies them to a shown number. */
const ACT = { σ: (x: number) => 1 / (1 + Math.exp(-x)), tanh: Math.tanh, ReLU: (x: number) => Math.max(0, x) };

/** A step that is a sum of shown terms: `tex` writes them. */
function sumOf(tex: string, terms: number[]): Step {
  const parts = terms.map(shown);
  return { tex, parts, total: parts.reduce((a, b) => a + b, 0) };
}

/** A step that applies an activation to one shown number: `tex` writes it. */
const applied = (tex: string, f: (x: number) => number, x: number): Step => ({ tex, parts: [shown(x)], total: f(shown(x)) });

/** A product of factors (as shown, or worked out from shown numbers), compared factor by factor with a next step of as many. */
const productOf = (tex: string, factors: number[]): Step => ({ tex, parts: factors, total: factors.reduce((a, b) => a * b, 1) });

/** a·b + c·d of shown factors, as the terms of its next step (the two products). */
function twoProducts(tex: string, [a, b]: [number, number], [c, d]: [number, number]): Step {
  const parts = [shown(a) * shown(b), shown(c) * shown(d)];
  return { tex, parts, total: parts[0] + parts[1] };
}

/**
 * The layer's input in the course notes' notation: x_t for the first layer; above it the h_t of the layer
 * below, h_t^{(l−1)} with layers numbered from 1 as the page numbers them (layer index k shows as layer
 * k + 1, so its input is h_t^{(k)}). Written x_t there, a student would take it for the sequence.
 */
function inputTex(c: Ctx): string {
  const tex = c.layer === 0 ? 'x_t' : `h_t^{(${c.layer})}`;
  return sym(tex, inputTensor(c.model.cell, c.layer));
}

/** The tensor named for a bias, or what stands there in a model without biases. */
const biasTensor = (hasBias: boolean, tensor: string) => (hasBias ? tensor : 'none (bias=False)');

/** The pre-activation of one gate, split into its input product, recurrent product and bias. */
function preactivation(c: Ctx, gate: string, preName: string, texName: string, opts: { recurrent?: Float32Array; biasHh?: boolean } = {}) {
  const { trace, model, layer, t, j } = c;
  const H = model.hiddenSize;
  const p = model.layers[layer];
  const block = gateBlock(model.cell, gate);
  const row = block * H + j;
  const inputs = layer === 0 ? model.inputSize : H;
  const x = trace.layerInput(layer, t);
  const h = opts.recurrent ?? trace.previous(layer, 'h', t);
  const wx = dotTerms(p.weightIh, inputs, row, x);
  const uh = dotTerms(p.weightHh, H, row, h);
  const withHh = opts.biasHh ?? true;
  const bIh = p.biasIh ? p.biasIh[row] : 0;
  const bHh = p.biasHh ? p.biasHh[row] : 0;
  const b = bIh + (withHh ? bHh : 0);
  const T = gateTensors(model.cell, gate, layer, H);
  const g = gate === '' ? '' : `_${gate}`;
  const W = sym(`W${g}`, T.W);
  const U = sym(`U${g}`, T.U);
  const B = sym(`b${g}`, biasTensor(!!p.biasIh, withHh ? `${T.bIh} + ${T.bHh}` : T.bIh));
  const X = inputTex(c);
  const hSym = opts.recurrent ? '(r_t \\odot h_{t-1})' : 'h_{t-1}';
  const pre = val(c, preName);
  return {
    pre,
    symbolic: `${texName} = ${W} ${X} + ${U} ${hSym} + ${B}`,
    numeric: chain(`${texName}[${j}]`, sumOf(`${num(wx.sum)} ${plus(uh.sum)} ${plus(b)}`, [wx.sum, uh.sum, b]), result(pre)),
    details: [
      productTex(`${W}[${j},:]\\, ${X}`, wx),
      productTex(`${U}[${j},:]\\, ${hSym}`, uh),
    ],
    wx, uh, bIh, bHh, W, U, X, tensors: T, hasBias: !!p.biasIh,
  };
}

function gateLines(c: Ctx, gate: string, act: 'σ' | 'tanh', symbolTex: string, preTex: string) {
  const pre = preactivation(c, gate, `${gate}_pre`, preTex);
  const f = act === 'σ' ? '\\sigma' : '\\tanh';
  const v = val(c, gate);
  return {
    lines: [pre.symbolic, pre.numeric, `${symbolTex} = ${f}(${preTex})`, chain(`${symbolTex}[${c.j}]`, applied(`${f}(${num(pre.pre)})`, ACT[act], pre.pre), result(v))],
    details: pre.details,
  };
}

/**
 * The readout: softmax, and the top class's probability as a quotient of numbers; in the details, the sum
 * of the exponentials that is its denominator (every term for up to MAX_TERMS classes, the largest
 * otherwise, as the products), so that a student walking the step can check it by hand. (A detail, not a
 * line: a whole timestep, typeset again and again during playback, doesn't carry it.)
 */
function readout(c: Ctx): { lines: string[]; details: string[] } {
  const { trace, model } = c;
  if (!model.readout || c.layer !== model.layers.length - 1) return { lines: [], details: [] };
  const probs = trace.row(trace.index('probs'), c.t);
  const logits = trace.row(trace.index('logits'), c.t);
  const best = topClass(probs);
  const logit = logits[best];
  const label = classLabel(model, best).replace(/[‘’]/g, "'");
  // Summed over the classes by \ell: k is already the column of W or U in the written-out products above.
  // \nolimits: the class index beside Σ, not under it, so that the line is no taller than the others.
  const denominator = '\\sum\\nolimits_{\\ell} e^{(W_y h_t + b_y)_{\\ell}}';
  const exps = Array.from(logits, Math.exp);
  const total = exps.reduce((a, b) => a + b, 0);
  // Every class in order, or the largest terms, as dotTerms lists a product's.
  const classes = Array.from(logits, (_, l) => l);
  const listed = classes.length <= MAX_TERMS ? classes : classes.sort((a, b) => logits[b] - logits[a]).slice(0, MAX_TERMS - 1);
  const more = logits.length - listed.length;
  const terms = listed.map((l) => `e^{${num(logits[l])}}`);
  if (more > 0) terms.push(`\\cdots_{(${more}\\ \\text{more})}`);
  // With every term there, ≈ where the shown exponents' exponentials miss the shown sum.
  const byHand = listed.reduce((a, l) => a + Math.exp(shown(logits[l])), 0);
  const sumLine = sumTex(denominator, terms, more === 0 && !sameShown(byHand, total) ? '\\approx' : '=', total);
  return {
    lines: [
      `\\hat{y}_t = \\operatorname{softmax}(${sym('W_y', 'weight of the nn.Linear readout (classes × H)')} h_t + ${sym('b_y', 'bias of the nn.Linear readout')})`,
      chain(
        `\\hat{y}_t[\\text{${label.replace(/[\\{}$&#^_%~]/g, '')}}]`,
        `\\frac{e^{${num(logit)}}}{${denominator}}`,
        { tex: `\\frac{${num(exps[best])}}{${num(total)}}`, parts: [], total: shown(exps[best]) / shown(total) },
        result(probs[best]),
      ),
    ],
    details: [sumLine],
  };
}

/** A group as each cell writes it; buildEquations gives it its sub-step's title. */
type Untitled = Omit<EquationGroup, 'title'>;

function lstm(c: Ctx): Untitled[] {
  const f = gateLines(c, 'f', 'σ', 'f_t', 'a^{f}_t');
  const i = gateLines(c, 'i', 'σ', 'i_t', 'a^{i}_t');
  const g = gateLines(c, 'g', 'tanh', 'g_t', 'a^{g}_t');
  const o = gateLines(c, 'o', 'σ', 'o_t', 'a^{o}_t');
  const y = readout(c);
  const cPrev = c.trace.previous(c.layer, 'c', c.t)[c.j];
  const { j } = c;
  return [
    { sub: 0, lines: f.lines, details: f.details },
    { sub: 1, lines: [...i.lines, ...g.lines], details: [...i.details, ...g.details] },
    {
      sub: 2,
      lines: [
        'c_t = f_t \\odot c_{t-1} + i_t \\odot g_t',
        chain(`c_t[${j}]`,
          twoProducts(`${factor(val(c, 'f'))}\\cdot${factor(cPrev)} + ${factor(val(c, 'i'))}\\cdot${factor(val(c, 'g'))}`, [val(c, 'f'), cPrev], [val(c, 'i'), val(c, 'g')]),
          sumOf(`${num(val(c, 'fc'))} ${plus(val(c, 'ig'))}`, [val(c, 'fc'), val(c, 'ig')]),
          result(val(c, 'c'))),
      ],
      details: [],
    },
    {
      sub: 3,
      lines: [
        ...o.lines,
        'h_t = o_t \\odot \\tanh(c_t)',
        chain(`h_t[${j}]`,
          // Factor by factor against the next step: tanh(c) there is tanh_c here.
          productOf(`${factor(val(c, 'o'))}\\cdot\\tanh(${num(val(c, 'c'))})`, [shown(val(c, 'o')), Math.tanh(shown(val(c, 'c')))]),
          productOf(`${factor(val(c, 'o'))}\\cdot${factor(val(c, 'tanh_c'))}`, [shown(val(c, 'o')), shown(val(c, 'tanh_c'))]),
          result(val(c, 'h'))),
        ...y.lines,
      ],
      details: [...o.details, ...y.details],
    },
  ];
}

/**
 * PyTorch's reset-after candidate, h'_t = tanh(W_h x_t + b_in + r_t ⊙ (U_h h_{t−1} + b_hn)). b_hn sits
 * inside the reset product, so no single pre-activation line can hold it: each half gets a line of its own
 * (its product plus its bias), the products are written out in the details as every gate's are, and the
 * tanh line uses only numbers stated above it.
 */
function candidateResetAfter(c: Ctx): { lines: string[]; details: string[] } {
  const { j } = c;
  const n = preactivation(c, 'h', 'n_pre', "a^{h'}_t", { biasHh: false });
  const bin = sym('b_{in}', biasTensor(n.hasBias, n.tensors.bIh));
  const bhn = sym('b_{hn}', biasTensor(n.hasBias, n.tensors.bHh));
  const inputHalf = `${n.W} ${n.X} + ${bin}`;
  const recurrentHalf = `${n.U} h_{t-1} + ${bhn}`;
  const inputSum = n.wx.sum + n.bIh;
  const hn = val(c, 'hn');
  return {
    lines: [
      inputHalf,
      chain(`(${inputHalf})[${j}]`, sumOf(`${num(n.wx.sum)} ${plus(n.bIh)}`, [n.wx.sum, n.bIh]), result(inputSum)),
      recurrentHalf,
      chain(`(${recurrentHalf})[${j}]`, sumOf(`${num(n.uh.sum)} ${plus(n.bHh)}`, [n.uh.sum, n.bHh]), result(hn)),
      // \bigl( opens (\big( is an ordinary symbol to TeX): a sign after it is a sign, not a minus with spaces.
      `h'_t = \\tanh\\bigl(${inputHalf} + r_t \\odot (${recurrentHalf})\\bigr)`,
      chain(`h'_t[${j}]`,
        // The argument against the next step's: what is inside the tanh is what changes.
        { tex: `\\tanh\\bigl(${num(inputSum)} + ${factor(val(c, 'r'))}\\cdot${factor(hn)}\\bigr)`, parts: [shown(inputSum) + shown(val(c, 'r')) * shown(hn)], total: Math.tanh(shown(inputSum) + shown(val(c, 'r')) * shown(hn)) },
        applied(`\\tanh(${num(val(c, 'n_pre'))})`, Math.tanh, val(c, 'n_pre')),
        result(val(c, 'n'))),
    ],
    details: n.details,
  };
}

/** Cho et al.'s reset-before candidate: the reset gate scales h_{t−1} before U_h, so it is a plain pre-activation. */
function candidateResetBefore(c: Ctx): { lines: string[]; details: string[] } {
  const { j, trace, layer, t } = c;
  const n = preactivation(c, 'h', 'n_pre', "a^{h'}_t", { recurrent: trace.row(trace.index(seriesKey(layer, 'rh')), t) });
  return {
    lines: [
      'r_t \\odot h_{t-1}',
      chain(`(r_t \\odot h_{t-1})[${j}]`,
        productOf(`${factor(val(c, 'r'))}\\cdot${factor(trace.previous(layer, 'h', t)[j])}`, [shown(val(c, 'r')), shown(trace.previous(layer, 'h', t)[j])]),
        result(val(c, 'rh'))),
      n.symbolic, n.numeric,
      `h'_t = \\tanh(a^{h'}_t)`,
      chain(`h'_t[${j}]`, applied(`\\tanh(${num(val(c, 'n_pre'))})`, Math.tanh, val(c, 'n_pre')), result(val(c, 'n'))),
    ],
    details: n.details,
  };
}

function gru(c: Ctx): Untitled[] {
  const r = gateLines(c, 'r', 'σ', 'r_t', 'a^{r}_t');
  const z = gateLines(c, 'z', 'σ', 'z_t', 'a^{z}_t');
  const { j, trace, layer, t } = c;
  const hPrev = trace.previous(layer, 'h', t)[j];
  const candidate = trace.layout.gruReset === 'after' ? candidateResetAfter(c) : candidateResetBefore(c);
  const y = readout(c);
  return [
    { sub: 0, lines: [...r.lines, ...z.lines], details: [...r.details, ...z.details] },
    { sub: 1, lines: candidate.lines, details: candidate.details },
    {
      sub: 2,
      lines: [
        "h_t = z_t \\odot h_{t-1} + (1 - z_t) \\odot h'_t",
        chain(`h_t[${j}]`,
          twoProducts(`${factor(val(c, 'z'))}\\cdot${factor(hPrev)} + ${factor(val(c, 'omz'))}\\cdot${factor(val(c, 'n'))}`, [val(c, 'z'), hPrev], [val(c, 'omz'), val(c, 'n')]),
          sumOf(`${num(val(c, 'zh'))} ${plus(val(c, 'zn'))}`, [val(c, 'zh'), val(c, 'zn')]),
          result(val(c, 'h'))),
        ...y.lines,
      ],
      details: y.details,
    },
  ];
}

function rnn(c: Ctx): Untitled[] {
  const a = preactivation(c, '', 'a', 'a_t');
  const relu = c.trace.layout.cell === 'rnn_relu';
  const f = relu ? '\\operatorname{ReLU}' : '\\tanh';
  const fn = relu ? ACT.ReLU : ACT.tanh;
  const y = readout(c);
  return [{
    sub: 0,
    lines: [a.symbolic, a.numeric, `h_t = ${f}(a_t)`, chain(`h_t[${c.j}]`, applied(`${f}(${num(val(c, 'a'))})`, fn, val(c, 'a')), result(val(c, 'h'))), ...y.lines],
    details: [...a.details, ...y.details],
  }];
}

export function buildEquations(trace: Trace, model: Model, layer: number, t: number, j: number): EquationGroup[] {
  const c: Ctx = { trace, model, layer, t, j };
  const groups = trace.layout.cell === 'lstm' ? lstm(c) : trace.layout.cell === 'gru' ? gru(c) : rnn(c);
  const steps = subSteps(trace.layout.cell);
  return groups.map((g) => ({ ...g, title: steps[g.sub].title }));
}
