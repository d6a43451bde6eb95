/**
 * The equations of a timestep with the selected unit's numbers in them, grouped by sub-step. Pure: it
 * reads the trace (every value it states as a result) and the model's weights (to show which inputs and
 * weights sum to each pre-activation), so tests can check it against the engine without a browser.
 */
import { subSteps } from '../../cellinfo/substeps';
import type { Trace } from '../../engine/trace';
import type { Model } from '../../engine/types';
import { classLabel, topClass } from '../../viz/labels';
import { gateBlock, gateTensors } from './tensors';
import { chain, factor, num, plus, sym } from './tex';

export interface EquationGroup {
  /** Sub-step index. */
  sub: number;
  title: string;
  /** Display equations, each: the symbolic form, then the unit's numbers. */
  lines: string[];
  /** How each pre-activation is made: the terms of the matrix products. */
  details: string[];
}

/** Terms listed in full up to this many; beyond it, the largest ones and a count of the rest. */
const MAX_TERMS = 4;

/** Σ_k M[row, k] v[k] with its largest terms, for writing out. */
export function dotTerms(M: Float32Array, cols: number, row: number, v: Float32Array) {
  let sum = 0;
  const terms: Array<[number, number]> = [];
  for (let k = 0; k < cols; k++) {
    const w = M[row * cols + k];
    sum += w * v[k];
    terms.push([w, v[k]]);
  }
  const shown = cols <= MAX_TERMS ? terms : [...terms].sort((a, b) => Math.abs(b[0] * b[1]) - Math.abs(a[0] * a[1])).slice(0, MAX_TERMS - 1);
  return { sum, shown, rest: cols - shown.length };
}

/** Terms per line of a written-out product: two fit the equations panel even in the lecture view's type. */
const TERMS_PER_LINE = 2;

/**
 * `lhs = t1 + t2 + … = sum`, every term joined with + (a negative factor carries its own sign, in
 * parentheses), broken into aligned lines of TERMS_PER_LINE terms so that no number is cut off.
 */
function productTex(lhs: string, d: ReturnType<typeof dotTerms>): string {
  const terms = d.shown.map(([w, x]) => `${factor(w)}\\cdot${factor(x)}`);
  if (d.rest > 0) terms.push(`\\cdots_{(${d.rest}\\ \\text{more})}`);
  const lines: string[] = [];
  for (let k = 0; k < terms.length; k += TERMS_PER_LINE) lines.push(terms.slice(k, k + TERMS_PER_LINE).join(' + '));
  if (lines.length === 1) return `${lhs} = ${lines[0]} = ${num(d.sum)}`;
  return `\\begin{aligned}${lhs} &= ${lines.join(' \\\\ &\\quad + ')} = ${num(d.sum)}\\end{aligned}`;
}

interface Ctx {
  trace: Trace;
  model: Model;
  layer: number;
  t: number;
  j: number;
}

/** A value of this layer's series at (t, j). */
const val = (c: Ctx, name: string) => c.trace.at(`l${c.layer}.${name}`, c.t, c.j);

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
  const b = (p.biasIh ? p.biasIh[row] : 0) + (withHh && p.biasHh ? p.biasHh[row] : 0);
  const T = gateTensors(model.cell, gate, layer, H);
  const g = gate === '' ? '' : `_${gate}`;
  const W = sym(`W${g}`, T.W);
  const U = sym(`U${g}`, T.U);
  const B = sym(`b${g}`, p.biasIh ? (withHh ? `${T.bIh} + ${T.bHh}` : T.bIh) : 'none (bias=False)');
  const hSym = opts.recurrent ? '(r_t \\odot h_{t-1})' : 'h_{t-1}';
  const pre = val(c, preName);
  return {
    pre,
    symbolic: `${texName} = ${W} x_t + ${U} ${hSym} + ${B}`,
    numeric: chain(`${texName}[${j}]`, `${num(wx.sum)} ${plus(uh.sum)} ${plus(b)}`, num(pre)),
    details: [
      productTex(`${W}[${j},:]\\, x_t`, wx),
      productTex(`${U}[${j},:]\\, ${hSym}`, uh),
    ],
    wx, uh, b,
  };
}

function gateLines(c: Ctx, gate: string, act: 'σ' | 'tanh', symbolTex: string, preTex: string) {
  const pre = preactivation(c, gate, `${gate}_pre`, preTex);
  const f = act === 'σ' ? '\\sigma' : '\\tanh';
  const v = val(c, gate);
  return {
    lines: [pre.symbolic, pre.numeric, `${symbolTex} = ${f}(${preTex})`, chain(`${symbolTex}[${c.j}]`, `${f}(${num(pre.pre)})`, num(v))],
    details: pre.details,
  };
}

function readoutLines(c: Ctx): string[] {
  const { trace, model } = c;
  if (!model.readout || c.layer !== model.layers.length - 1) return [];
  const probs = trace.row(trace.index('probs'), c.t);
  const best = topClass(probs);
  const logit = trace.at('logits', c.t, best);
  const label = classLabel(model, best).replace(/[‘’]/g, "'");
  return [
    `\\hat{y}_t = \\operatorname{softmax}(${sym('W_y', 'readout weight')} h_t + ${sym('b_y', 'readout bias')})`,
    `\\hat{y}_t[\\text{${label.replace(/[\\{}$&#^_%~]/g, '')}}] = \\frac{e^{${num(logit)}}}{\\sum_k e^{(W_y h_t + b_y)_k}} = ${num(probs[best])}`,
  ];
}

function lstm(c: Ctx): EquationGroup[] {
  const f = gateLines(c, 'f', 'σ', 'f_t', 'a^{f}_t');
  const i = gateLines(c, 'i', 'σ', 'i_t', 'a^{i}_t');
  const g = gateLines(c, 'g', 'tanh', 'g_t', 'a^{g}_t');
  const o = gateLines(c, 'o', 'σ', 'o_t', 'a^{o}_t');
  const cPrev = c.trace.previous(c.layer, 'c', c.t)[c.j];
  const { j } = c;
  return [
    { sub: 0, title: 'Forget gate', lines: f.lines, details: f.details },
    { sub: 1, title: 'Input gate and candidate', lines: [...i.lines, ...g.lines], details: [...i.details, ...g.details] },
    {
      sub: 2, title: 'Cell update',
      lines: [
        'c_t = f_t \\odot c_{t-1} + i_t \\odot g_t',
        chain(`c_t[${j}]`, `${factor(val(c, 'f'))}\\cdot${factor(cPrev)} + ${factor(val(c, 'i'))}\\cdot${factor(val(c, 'g'))}`, `${num(val(c, 'fc'))} ${plus(val(c, 'ig'))}`, num(val(c, 'c'))),
      ],
      details: [],
    },
    {
      sub: 3, title: 'Output gate and hidden state',
      lines: [
        ...o.lines,
        'h_t = o_t \\odot \\tanh(c_t)',
        chain(`h_t[${j}]`, `${factor(val(c, 'o'))}\\cdot\\tanh(${num(val(c, 'c'))})`, `${factor(val(c, 'o'))}\\cdot${factor(val(c, 'tanh_c'))}`, num(val(c, 'h'))),
        ...readoutLines(c),
      ],
      details: o.details,
    },
  ];
}

function gru(c: Ctx): EquationGroup[] {
  const r = gateLines(c, 'r', 'σ', 'r_t', 'a^{r}_t');
  const z = gateLines(c, 'z', 'σ', 'z_t', 'a^{z}_t');
  const { j, trace, layer, t } = c;
  const after = trace.layout.gruReset === 'after';
  const hPrev = trace.previous(layer, 'h', t)[j];
  let candidate: { lines: string[]; details: string[] };
  if (after) {
    const n = preactivation(c, 'h', 'n_pre', "a^{h'}_t", { biasHh: false });
    const hn = val(c, 'hn');
    const T = gateTensors('gru', 'h', layer, trace.layout.hiddenSize);
    const U = sym('U_h', T.U);
    const bhn = sym('b_{hn}', T.bHh);
    const W = sym('W_h', T.W);
    const bin = sym('b_{in}', T.bIh);
    candidate = {
      lines: [
        `h'_t = \\tanh\\big(${W} x_t + ${bin} + r_t \\odot (${U} h_{t-1} + ${bhn})\\big)`,
        chain(`h'_t[${j}]`, `\\tanh\\big(${num(n.wx.sum + n.b)} + ${factor(val(c, 'r'))}\\cdot${factor(hn)}\\big)`, `\\tanh(${num(val(c, 'n_pre'))})`, num(val(c, 'n'))),
      ],
      details: [n.details[0], `${U}[${j},:]\\, h_{t-1} + ${bhn}[${j}] = ${num(hn)}`],
    };
  } else {
    const n = preactivation(c, 'h', 'n_pre', "a^{h'}_t", { recurrent: trace.row(trace.index(`l${layer}.rh`), t) });
    candidate = {
      lines: [
        'r_t \\odot h_{t-1}',
        chain(`(r_t \\odot h_{t-1})[${j}]`, `${factor(val(c, 'r'))}\\cdot${factor(hPrev)}`, num(val(c, 'rh'))),
        n.symbolic, n.numeric,
        `h'_t = \\tanh(a^{h'}_t)`,
        chain(`h'_t[${j}]`, `\\tanh(${num(val(c, 'n_pre'))})`, num(val(c, 'n'))),
      ],
      details: n.details,
    };
  }
  return [
    { sub: 0, title: 'Reset and update gates', lines: [...r.lines, ...z.lines], details: [...r.details, ...z.details] },
    { sub: 1, title: 'Candidate', lines: candidate.lines, details: candidate.details },
    {
      sub: 2, title: 'Blend',
      lines: [
        "h_t = z_t \\odot h_{t-1} + (1 - z_t) \\odot h'_t",
        chain(`h_t[${j}]`, `${factor(val(c, 'z'))}\\cdot${factor(hPrev)} + ${factor(val(c, 'omz'))}\\cdot${factor(val(c, 'n'))}`, `${num(val(c, 'zh'))} ${plus(val(c, 'zn'))}`, num(val(c, 'h'))),
        ...readoutLines(c),
      ],
      details: [],
    },
  ];
}

function rnn(c: Ctx): EquationGroup[] {
  const a = preactivation(c, '', 'a', 'a_t');
  const relu = c.trace.layout.cell === 'rnn_relu';
  const f = relu ? '\\operatorname{ReLU}' : '\\tanh';
  return [{
    sub: 0, title: 'Recurrent update',
    lines: [a.symbolic, a.numeric, `h_t = ${f}(a_t)`, chain(`h_t[${c.j}]`, `${f}(${num(val(c, 'a'))})`, num(val(c, 'h'))), ...readoutLines(c)],
    details: a.details,
  }];
}

export function buildEquations(trace: Trace, model: Model, layer: number, t: number, j: number): EquationGroup[] {
  const c: Ctx = { trace, model, layer, t, j };
  const groups = trace.layout.cell === 'lstm' ? lstm(c) : trace.layout.cell === 'gru' ? gru(c) : rnn(c);
  const titles = subSteps(trace.layout.cell).map((s) => s.title);
  return groups.map((g) => ({ ...g, title: titles[g.sub] ?? g.title }));
}
