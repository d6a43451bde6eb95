/**
 * The trace command as a user runs it: a subprocess fed files, checked on its stdout, stderr and exit code.
 * Against PyTorch's golden traces, and against every kind of bad flag or file, each of which must give
 * exactly one line on stderr naming what is wrong, exit code 2 and nothing on stdout.
 *
 * Most runs use one esbuild bundle of the command (node starts it in ~0.15 s, tsx in ~0.6 s); the runs
 * marked "npm run" and "tsx" go through the real entry points.
 */
import { execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJson } from '../engine/formats/json';
import { modelFromStateDict } from '../engine/formats/stateDict';
import { toTensor } from '../engine/formats/tensor';
import { runAll } from '../engine/run';
import { layerSeries } from '../engine/trace';
import { GOLDEN_DIR, LOCAL_FIXTURES_DIR, goldenFiles, maxAbsDiff, readGolden, type Golden } from '../engine/testing/golden';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ENTRY = join(ROOT, 'src/cli/trace.ts');
const TSX = [process.execPath, '--import', 'tsx', ENTRY];
const TOL = 1e-5;

const dir = mkdtempSync(join(tmpdir(), 'gatescope-trace-'));
let cli = TSX;

beforeAll(async () => {
  try {
    const { build } = await import('esbuild');
    const outfile = join(dir, 'trace.mjs');
    await build({ entryPoints: [ENTRY], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'silent' });
    cli = [process.execPath, outfile];
  } catch {
    // No esbuild (it comes with tsx and vite): every run goes through tsx, only slower.
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Result { code: number; stdout: string; stderr: string }

// Concurrent tests share the CPUs: at most one subprocess per CPU, the others wait their turn.
let slots = Math.max(2, availableParallelism());
const waiting: Array<() => void> = [];

async function run(args: string[], command = cli, cwd = ROOT): Promise<Result> {
  if (slots === 0) await new Promise<void>((go) => waiting.push(go));
  else slots--;
  try {
    return await new Promise((done) => {
      execFile(command[0], [...command.slice(1), ...args], { cwd, maxBuffer: 256 << 20, env: { ...process.env, GATESCOPE_DEBUG: '' } },
        (err, stdout, stderr) => done({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }));
    });
  } finally {
    const next = waiting.shift();
    if (next) next();
    else slots++;
  }
}

let files = 0;
/** Writes text to a fresh temp file and returns its path. */
function text(content: string): string {
  const path = join(dir, `f${files++}.json`);
  writeFileSync(path, content);
  return path;
}
/** Writes a value as Python's json.dump would: NaN and ±Infinity as bare literals. */
function json(value: unknown): string {
  const s = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? `\u0000${v}` : v));
  return text(s.replace(/"\\u0000(NaN|-?Infinity)"/g, '$1'));
}

const golden = (file: string): Golden => readGolden(file);
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** The flags that run a golden case. */
function goldenArgs(g: Golden, { h0 = true } = {}): string[] {
  const args = ['--state-dict', json(g.state_dict), '--input', json(g.x)];
  if (h0) args.push('--h0', json(g.h0));
  if (h0 && g.c0) args.push('--c0', json(g.c0));
  if (g.gru_reset) args.push('--gru-reset', g.gru_reset);
  if (g.cell === 'rnn_relu') args.push('--nonlinearity', 'relu');
  return args;
}

type Output = { cell: string; layers: Record<string, number[][]>[]; output: number[][]; h_n: number[][]; c_n?: number[][] };

function expectMatchesGolden(r: Result, g: Golden): void {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout) as Output;
  expect(Object.keys(out)).toEqual(['cell', 'layers', 'output', 'h_n', ...(g.cell === 'lstm' ? ['c_n'] : [])]);
  expect(out.cell).toBe(g.cell);
  expect(out.layers).toHaveLength(g.num_layers);
  const names = layerSeries(g.cell, g.gru_reset ?? 'after').map(([name]) => name);
  out.layers.forEach((layer, l) => {
    expect(Object.keys(layer)).toEqual(names);
    for (const name of names) {
      expect(layer[name], `layer ${l} ${name}`).toHaveLength(g.seq_len);
      for (const row of layer[name]) expect(row).toHaveLength(g.hidden_size);
    }
    for (const [name, expected] of Object.entries(g.layers[l])) {
      expect(maxAbsDiff(expected, layer[name].flat()), `layer ${l} ${name}`).toBeLessThan(TOL);
    }
  });
  expect(maxAbsDiff(g.output, out.output.flat())).toBeLessThan(TOL);
  expect(maxAbsDiff(g.h_n, out.h_n.flat())).toBeLessThan(TOL);
  if (g.c_n) expect(maxAbsDiff(g.c_n, out.c_n!.flat())).toBeLessThan(TOL);
}

const goldens = [...goldenFiles(GOLDEN_DIR), join(LOCAL_FIXTURES_DIR, 'gru_reset_before.json')].map(golden);
const byName = (name: string): Golden => goldens.find((g) => g.name === name)!;

describe.concurrent('trace matches PyTorch', { timeout: 30_000 }, () => {
  it('covers LSTM, GRU (both resets), RNN tanh and relu, and two layers', () => {
    const kinds = new Set(goldens.map((g) => `${g.cell}${g.gru_reset ? `/${g.gru_reset}` : ''}${g.num_layers > 1 ? '/2' : ''}`));
    for (const k of ['lstm', 'lstm/2', 'gru', 'gru/2', 'gru/before/2', 'rnn_tanh', 'rnn_relu']) expect(kinds).toContain(k);
  });

  for (const g of goldens) {
    it(`${g.name}: every series of every layer, output, h_n${g.c_n ? ', c_n' : ''}`, async () => {
      expectMatchesGolden(await run(goldenArgs(g)), g);
    });
  }

  it('npm run -s trace (the package script, through tsx)', async () => {
    const g = byName('lstm_2layer');
    expectMatchesGolden(await run(['run', '-s', 'trace', '--', ...goldenArgs(g)], ['npm']), g);
  });

  it('npm run trace from another directory reads relative paths from there, as a user typing them expects', async () => {
    // npm runs the script from the package's root: the files are found from where npm was run (INIT_CWD).
    const g = byName('lstm_2layer');
    const here = join(dir, 'elsewhere');
    mkdirSync(here, { recursive: true });
    const args = goldenArgs(g);
    for (let k = 0; k < args.length; k++) {
      if (!args[k].startsWith('--') && existsSync(args[k])) {
        const name = `file${k}.json`;
        writeFileSync(join(here, name), readFileSync(args[k]));
        args[k] = name;
      }
    }
    expectMatchesGolden(await run(['--prefix', ROOT, 'run', '-s', 'trace', '--', ...args], ['npm'], here), g);
  });

  it('node --import tsx src/cli/trace.ts, GRU reset before', async () => {
    const g = byName('gru_reset_before');
    expectMatchesGolden(await run(goldenArgs(g), TSX), g);
  });

  it('without --h0/--c0 starts from zeros, and prints float32 values exactly', async () => {
    const g = byName('lstm_2layer');
    const r = await run(goldenArgs(g, { h0: false }));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    const { model } = modelFromStateDict(parseJson(JSON.stringify(g.state_dict)));
    const trace = runAll(model, { kind: 'dense', steps: g.seq_len, values: toTensor('x', g.x, 1e6).data });
    for (const [k, s] of trace.layout.series.entries()) {
      if (s.layer < 0) continue;
      const printed = out.layers[s.layer][s.name].flat().map(Math.fround);
      expect(Float32Array.from(printed), s.key).toEqual(trace.series(k));
    }
  });

  it('a prefixed state_dict with a classifier head: traced, and the unused tensors noted on stderr', async () => {
    const g = byName('gru_small');
    const sd: Record<string, unknown> = { 'fc.weight': [[1, 2, 3, 4]], 'fc.bias': [0] };
    for (const [k, v] of Object.entries(g.state_dict)) sd[`rnn.${k}`] = v;
    const r = await run(['--input', json(g.x), '--h0', json(g.h0), '--state-dict', json(sd)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^trace: note: .*"fc\.weight", "fc\.bias"\n$/);
    expectMatchesGolden({ ...r, stderr: '' }, g);
  });

  it.runIf(existsSync('/dev/full'))('an unexpected error (stdout on a full disk): one line and exit 1; the stack with GATESCOPE_DEBUG=1', async () => {
    const args = goldenArgs(byName('lstm_small'));
    const failing = (debug: string) => new Promise<{ code: number | null; stderr: string }>((done) => {
      const full = openSync('/dev/full', 'w');
      const child = spawn(cli[0], [...cli.slice(1), ...args], { cwd: ROOT, stdio: ['ignore', full, 'pipe'], env: { ...process.env, GATESCOPE_DEBUG: debug } });
      closeSync(full);
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => done({ code, stderr }));
    });
    const plain = await failing('');
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/^trace: internal error: ENOSPC[^\n]*\(GATESCOPE_DEBUG=1 shows where\)\n$/);
    const debug = await failing('1');
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/ENOSPC[^]*\n +at /);
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    const r = await run(['--help']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^Usage: npm run -s trace -- --state-dict SD\.json --input X\.json/);
    for (const flag of ['--h0', '--c0', '--gru-reset after|before', '--nonlinearity tanh|relu']) expect(r.stdout).toContain(flag);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Bad input: each case is the command line (built when the test runs) and what its one line must mention.
// One or two cases of each kind: the loaders' own tests (src/engine/formats) go through every variant.

const lstm = byName('lstm_small'); // I = 3, H = 4, one layer: weight_ih_l0 [16, 3], weight_hh_l0 [16, 4]
const gru = byName('gru_small'); // I = 3, H = 4
const lstm2 = byName('lstm_2layer'); // I = 4, H = 6, two layers
const rnn = byName('rnn_tanh_small');

type SD = Record<string, unknown>;
/** A command line for lstm_small with its state_dict changed by `edit` and the other files as given. */
function withSd(edit: (sd: SD) => void, g = lstm): string[] {
  const sd = clone(g.state_dict);
  edit(sd);
  return ['--state-dict', json(sd), '--input', json(g.x)];
}
const withX = (x: unknown, g = lstm): string[] => ['--state-dict', json(g.state_dict), '--input', json(x)];
const rows = (n: number, row: unknown): string => `[${`${JSON.stringify(row)},`.repeat(n - 1)}${JSON.stringify(row)}]`;
/** A one-unit RNN whose layers are given by count, with input width I. */
function tinyRnn(layers: number, I = 1): SD {
  const sd: SD = {};
  for (let l = 0; l < layers; l++) {
    sd[`weight_ih_l${l}`] = [Array.from({ length: l === 0 ? I : 1 }, () => 0.5)];
    sd[`weight_hh_l${l}`] = [[0.5]];
  }
  return sd;
}

const bad: Array<[string, () => string[], Array<string | RegExp>]> = [
  // flags
  ['an unknown flag', () => ['--state-dict', json(lstm.state_dict), '--inptu', json(lstm.x)], ['unknown flag --inptu']],
  ['a positional argument', () => [json(lstm.state_dict), '--input', json(lstm.x)], ['unexpected argument']],
  ['no --state-dict', () => ['--input', json(lstm.x)], ['--state-dict FILE is required']],
  ['no --input', () => ['--state-dict', json(lstm.state_dict)], ['--input FILE is required']],
  ['no flags at all', () => [], ['--state-dict FILE is required']],
  ['a flag without its value at the end', () => ['--state-dict', json(lstm.state_dict), '--input'], ['--input needs a value']],
  ['a flag followed by another flag', () => ['--state-dict', '--input', json(lstm.x)], ['--state-dict needs a value']],
  ['--flag= with an empty value', () => ['--state-dict', json(lstm.state_dict), `--input=`], ['--input needs a value']],
  ['a flag given twice', () => [...withX(lstm.x), '--input', json(lstm.x)], ['--input is given twice']],
  ['a bad --gru-reset', () => [...withX(gru.x, gru), '--gru-reset', 'sideways'], ['--gru-reset must be after or before', 'sideways']],
  ['a bad --nonlinearity', () => [...withX(rnn.x, rnn), '--nonlinearity=sigmoid'], ['--nonlinearity must be tanh or relu', 'sigmoid']],
  ['--c0 for a GRU', () => [...withX(gru.x, gru), '--c0', json(lstm.c0)], ['--c0 is for an LSTM, and this state_dict is a GRU']],
  ['--c0 for an RNN', () => [...withX(rnn.x, rnn), '--c0', json(lstm.c0)], ['--c0 is for an LSTM, and this state_dict is an RNN']],
  ['--gru-reset for an LSTM', () => [...withX(lstm.x), '--gru-reset', 'before'], ['--gru-reset is for a GRU', 'an LSTM']],
  ['--nonlinearity for a GRU', () => [...withX(gru.x, gru), '--nonlinearity', 'relu'], ['--nonlinearity is for an RNN', 'a GRU']],
  // files
  ['a missing file', () => ['--state-dict', join(dir, 'nope.json'), '--input', json(lstm.x)], ['--state-dict', 'nope.json', `no such file (looked for ${join(dir, 'nope.json')})`]],
  ['a directory', () => { const d = join(dir, `d${files++}`); mkdirSync(d); return ['--state-dict', json(lstm.state_dict), '--input', d]; }, ['--input', 'directory']],
  ['a file that is too large', () => { const p = text(''); truncateSync(p, 300 * 1024 * 1024); return ['--state-dict', p, '--input', json(lstm.x)]; }, ['--state-dict', '314.6 MB', 'the largest accepted is 256.0 MB']],
  ['an empty file', () => ['--state-dict', text(''), '--input', json(lstm.x)], ['--state-dict', 'not valid JSON', 'line 1, column 1']],
  ['not JSON (a trailing comma)', () => ['--state-dict', text('{"weight_ih_l0": [[1, 2],\n  [3, 4],]}'), '--input', json(lstm.x)], ['--state-dict', 'not valid JSON', 'line 2, column 10']],
  ['not JSON (Python repr)', () => ['--state-dict', json(lstm.state_dict), '--input', text('[[0.1, 0.2, 0.3], (0.4, 0.5, 0.6)]')], ['--input', 'not valid JSON', 'line 1, column 19']],
  ['a state_dict that is an array', () => ['--state-dict', json([lstm.state_dict]), '--input', json(lstm.x)], ['state_dict must be a JSON object']],
  ['a zip archive (torch.save\'s .pt)', () => ['--state-dict', text('PK\u0003\u0004\u0014\u0000\u0000\u0000archive/data.pkl'), '--input', json(lstm.x)], ['--state-dict', 'a zip archive (torch.save writes one), not JSON text']],
  // 100 MB of {} took Node past its heap: now a file is refused as it is read, at the bounds.
  ['a file of empty objects', () => ['--state-dict', text(`{"junk":[${'{},'.repeat(100_000)}{}]}`), '--input', json(lstm.x)], ['--state-dict', 'more than 10,000 objects in the file']],
  ['a file of millions of empty arrays', () => ['--state-dict', text(`{"junk":[${'[],'.repeat(2_100_000)}[]]}`), '--input', json(lstm.x)], ['--state-dict', 'more than 2,000,000 arrays, objects and strings in the file']],
  ['a device with no end', () => ['--state-dict', '/dev/zero', '--input', json(lstm.x)], ['--state-dict /dev/zero: the file is over 256.0 MB, the largest accepted']],
  // the state_dict's tensors
  ['a missing weight_ih_l0', () => withSd((sd) => delete sd.weight_ih_l0), ['weight_ih_l0 is missing', '"weight_hh_l0"']],
  // A file's names are the file's: an escape sequence in one must reach the terminal as text, and a long
  // one must not make a page-long line.
  ['tensor names with terminal escapes, and a long one', () => withSd((sd) => {
    sd['\u001b[2J\u001b]0;pwned\u0007'] = sd.weight_hh_l0;
    sd[`\u001b[31m${'A'.repeat(5000)}`] = sd.weight_hh_l0;
    delete sd.weight_ih_l0;
  }), ['weight_ih_l0 is missing', '"\\u001b[2J\\u001b]0;pwned\\u0007"', /"\\u001b\[31mA{40,60}…"/]],
  ['a prefix of 5,000 characters', () => withSd((sd) => {
    for (const k of Object.keys(sd)) { sd[`${'\u001b'.repeat(3)}${'B'.repeat(5000)}.${k}`] = sd[k]; delete sd[k]; }
  }), ['has a prefix of 5004 characters; expected a module path such as "rnn."']],
  ['a missing weight_hh_l0', () => withSd((sd) => delete sd.weight_hh_l0), ['weight_hh_l0 is missing']],
  ['bias_ih without bias_hh', () => withSd((sd) => delete sd.bias_hh_l0), ['bias_hh_l0 is missing']],
  ['weight_ih_l0 with a row short', () => withSd((sd) => (sd.weight_ih_l0 as unknown[]).pop()), ['weight_ih_l0 has shape [15, 3]', 'expected [16, input_size]', 'weight_hh_l0 [16, 4]']],
  ['weight_hh_l0 that is no gate stack', () => withSd((sd) => (sd.weight_hh_l0 as unknown[]).pop()), ['weight_hh_l0 has shape [15, 4]', 'expected [G·H, H]']],
  ['bias_ih_l0 of the wrong length', () => withSd((sd) => (sd.bias_ih_l0 as unknown[]).push(0)), ['bias_ih_l0 has shape [17]', 'expected [16]']],
  ['weight_ih_l1 of the wrong width', () => withSd((sd) => { sd.weight_ih_l1 = (sd.weight_ih_l1 as number[][]).map((r) => r.slice(1)); }, lstm2), ['weight_ih_l1 has shape [24, 5]', 'expected [24, 6]']],
  ['an empty weight_hh_l0', () => withSd((sd) => { sd.weight_hh_l0 = []; }), ['weight_hh_l0 has shape [0]']],
  ['a ragged weight_hh_l0', () => withSd((sd) => (sd.weight_hh_l0 as number[][])[2].pop()), ['weight_hh_l0[2] has 3 entries', 'expected 4', '[16, 4]']],
  ['NaN in weight_hh_l0', () => withSd((sd) => { (sd.weight_hh_l0 as number[][])[1][2] = NaN; }), ['weight_hh_l0[1][2] is NaN']],
  ['a bidirectional state_dict', () => withSd((sd) => { sd.weight_hh_l0_reverse = sd.weight_hh_l0; }), ['weight_hh_l0_reverse', 'bidirectional']],
  ['an LSTM with proj_size', () => withSd((sd) => { sd.weight_hr_l0 = [[1, 2, 3, 4]]; }), ['weight_hr_l0', 'proj_size']],
  ['a gap in the layer numbers', () => withSd((sd) => { sd.weight_ih_l2 = sd.weight_hh_l0; sd.weight_hh_l2 = sd.weight_hh_l0; }), [/weight_(ih|hh)_l2 is present but weight_ih_l1 is missing/]],
  // absurd sizes
  ['nine layers', () => ['--state-dict', json(tinyRnn(9)), '--input', json([[1]])], ['9 layers', 'the most supported is 8']],
  ['an input size over the limit', () => ['--state-dict', json(tinyRnn(1, 4097)), '--input', json([[1]])], ['input size is 4097', 'the largest supported is 4096']],
  ['a sequence over the limit', () => ['--state-dict', json(tinyRnn(1)), '--input', text(rows(1_000_001, [0]))], ['x has shape [1000001, 1]', 'the largest accepted is 1000000']],
  ['a trace over the output budget', () => {
    // 50,000 steps × (1 + 13 series × 512) float32 values = 1.3 GB.
    const w = (r: number, c: number) => rows(r, new Array<number>(c).fill(0));
    return ['--state-dict', text(`{"weight_ih_l0": ${w(2048, 1)}, "weight_hh_l0": ${w(2048, 512)}}`), '--input', text(rows(50_000, [0]))];
  }, ['the trace of 50000 steps × 1 layer × hidden_size 512', '1.33 GB', 'the largest this command writes is 1.00 GB']],
  // x, h0, c0
  ['x with the wrong number of columns', () => withX(lstm.x.map((r) => r.slice(1))), ['--input', 'x has shape [6, 2]', 'expected [any, 3]', "input_size 3, from weight_ih_l0's shape [16, 3]"]],
  ['x as one vector', () => withX(lstm.x[0]), ['x has shape [3]', 'expected [any, 3]']],
  ['an empty x', () => withX([]), ['x is empty (shape [0])', 'expected [T ≥ 1, 3]']],
  ['an x of empty rows', () => withX([[], []]), ['x is empty (shape [2, 0])', 'expected [T ≥ 1, 3]']],
  ['a ragged x', () => withX([[1, 2, 3], [4, 5]]), ['x[1] has 2 entries', 'expected 3', '[2, 3]']],
  ['a string in x', () => withX([[1, 2, 3], ['4', 5, 6]]), ['x[1][0] is the string "4"', 'expected a number']],
  ['NaN in x', () => withX([[1, 2, 3], [4, NaN, 6]]), ['x[1][1] is NaN']],
  ['a value beyond float32 in x', () => withX([[1, 1e39, 3]]), ['x[0][1] is 1e+39', 'float32']],
  ['h0 with the wrong shape', () => [...withX(lstm.x), '--h0', json([[0, 0, 0, 0], [0, 0, 0, 0]])], ['--h0', 'h0 has shape [2, 4]', 'expected [1, 4]', 'num_layers 1 × hidden_size 4']],
  ['an empty h0', () => [...withX(lstm.x), '--h0', json([])], ['h0 is empty', 'expected [1, 4]']],
  ['h0 for one layer of two', () => [...withX(lstm2.x, lstm2), '--h0', json(lstm2.h0.slice(1))], ['h0 has shape [1, 6]', 'expected [2, 6]']],
  ['c0 with the wrong shape', () => [...withX(lstm.x), '--c0', json([[0, 0, 0]])], ['--c0', 'c0 has shape [1, 3]', 'expected [1, 4]']],
];

describe.concurrent('bad input: one line on stderr, exit code 2, nothing on stdout', { timeout: 30_000 }, () => {
  for (const [name, args, mentions] of bad) {
    it(name, async () => {
      const r = await run(args());
      expect(r.stderr).toMatch(/^trace: [^\n]+\n$/);
      expect([...r.stderr.slice(0, -1)].filter((ch) => ch < ' ' || ch === '\u007f')).toEqual([]); // no control characters before the newline
      expect(r.stderr.length).toBeLessThan(1200);
      for (const m of mentions) {
        if (typeof m === 'string') expect(r.stderr).toContain(m);
        else expect(r.stderr).toMatch(m);
      }
      expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+|Error:/);
      expect(r.stdout).toBe('');
      expect(r.code).toBe(2);
    });
  }
});
