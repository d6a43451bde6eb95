/**
 * The headless trace command: a PyTorch state_dict and a sequence in, every gate of every layer at every
 * timestep out, as one JSON object on stdout. A bad flag or file gets one line on stderr and exit code 2.
 *
 *   npm run -s trace -- --state-dict SD.json --input X.json [--h0 H0.json] [--c0 C0.json]
 *                       [--gru-reset after|before] [--nonlinearity tanh|relu]
 */
import { once } from 'node:events';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { escapeInvisible } from '../engine/codePoints';
import { JsonError, parseJson, type JsonValue } from '../engine/formats/json';
import { modelFromStateDict, tensorName } from '../engine/formats/stateDict';
import { TensorError, expectShape, float32Text, shapeText, toTensor, type Tensor } from '../engine/formats/tensor';
import { formatBytes, LIMITS } from '../engine/limits';
import { ModelError } from '../engine/model';
import { runAll } from '../engine/run';
import { seriesKey, traceBytes, traceLayout, type Trace } from '../engine/trace';
import { CELL_NAMES } from '../engine/types';
import { CliError, USAGE, parseTraceArgs } from './args';

/**
 * Largest file read, checked before reading (and while reading, for a pipe or a device, whose size can't be
 * known before): the arrays parsed from it take a few times as much memory.
 */
const MAX_FILE_BYTES = 256e6;
/** Largest trace computed (the page's limit too): its JSON text is about 2.5 times as large. */
const MAX_TRACE_BYTES = LIMITS.traceBytes;

/** Runs fn; a problem with the user's data comes back as a CliError that says which file it is in. */
function inFile<T>(where: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof JsonError || e instanceof TensorError || e instanceof ModelError) throw new CliError(`${where}: ${e.message}`);
    throw e;
  }
}

/**
 * Where relative paths start: the directory the user typed `npm run trace` in (npm sets INIT_CWD to it,
 * and runs the script from the package's root), or else the current one.
 */
const BASE_DIR = process.env.npm_lifecycle_event === 'trace' && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();

/** The file's text, read a block at a time up to `max` bytes (a pipe or /dev/zero never says how long it is). */
function readAtMost(full: string, max: number, where: string): string {
  const fd = openSync(full, 'r');
  try {
    const blocks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const block = Buffer.allocUnsafe(1 << 20);
      const got = readSync(fd, block, 0, block.length, null);
      if (got === 0) break;
      total += got;
      if (total > max) throw new CliError(`${where}: the file is over ${formatBytes(max)}, the largest accepted`);
      blocks.push(block.subarray(0, got));
    }
    return Buffer.concat(blocks, total).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function readJson(flag: string, path: string): JsonValue {
  const where = `${flag} ${path}`;
  const full = resolve(BASE_DIR, path);
  let text: string;
  try {
    const size = statSync(full).size;
    if (size > MAX_FILE_BYTES) throw new CliError(`${where}: the file is ${formatBytes(size)}; the largest accepted is ${formatBytes(MAX_FILE_BYTES)}`);
    text = readAtMost(full, MAX_FILE_BYTES, where);
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? `no such file (looked for ${full})` : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new CliError(`${where}: cannot read the file: ${why}`);
  }
  return inFile(where, () => parseJson(text, { maxChars: MAX_FILE_BYTES }));
}

/** Reads a 2-D array file and checks it is non-empty and of the expected shape ('*' = any). */
function readMatrix(flag: string, path: string, name: string, expected: [number | '*', number], why: string): Tensor {
  const json = readJson(flag, path);
  return inFile(`${flag} ${path}`, () => {
    const cap = (expected[0] === '*' ? LIMITS.steps : LIMITS.layers) * expected[1];
    const t = toTensor(name, json, cap);
    if (t.data.length === 0) {
      throw new CliError(`${flag} ${path}: ${name} is empty (shape ${shapeText(t.shape)}); expected ${shapeText(expected.map((e) => (e === '*' ? 'T ≥ 1' : e)))} ${why}`);
    }
    expectShape(name, t, expected, why);
    return t;
  });
}

async function main(argv: readonly string[]): Promise<void> {
  const args = parseTraceArgs(argv);
  if (args === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const sd = readJson('--state-dict', args.stateDict);
  const { model, ignored } = inFile(`--state-dict ${args.stateDict}`, () =>
    modelFromStateDict(sd, { gruReset: args.gruReset, nonlinearity: args.nonlinearity }));
  const { cell, inputSize: I, hiddenSize: H } = model;
  const L = model.layers.length;
  if (args.c0 && cell !== 'lstm') throw new CliError(`--c0 is for an LSTM, and this state_dict is ${CELL_NAMES[cell].a}, which has no cell state`);

  const fromSd = `(num_layers ${L} × hidden_size ${H}, from the state_dict)`;
  const x = readMatrix('--input', args.input, 'x', ['*', I], `(input_size ${I}, from weight_ih_l0's shape [${model.layers[0].weightIh.length / I}, ${I}])`);
  const h0 = args.h0 ? readMatrix('--h0', args.h0, 'h0', [L, H], fromSd).data : undefined;
  const c0 = args.c0 ? readMatrix('--c0', args.c0, 'c0', [L, H], fromSd).data : undefined;

  const T = x.shape[0];
  const bytes = traceBytes(traceLayout(model, T));
  if (bytes > MAX_TRACE_BYTES) {
    throw new CliError(`--input ${args.input}: the trace of ${T} steps × ${L} layer${L > 1 ? 's' : ''} × hidden_size ${H} would take ${formatBytes(bytes)}; the largest this command writes is ${formatBytes(MAX_TRACE_BYTES)}`);
  }
  const trace = inFile(`--input ${args.input}`, () => runAll(model, { kind: 'dense', steps: T, values: x.data }, { h0, c0 }));
  if (ignored.length > 0) {
    const listed = ignored.slice(0, 8).map(tensorName).join(', ');
    process.stderr.write(`trace: note: ${forTerminal(`ignored ${ignored.length} tensor(s) that are not part of the recurrent layers: ${listed}${ignored.length > 8 ? ', …' : ''}`)}\n`);
  }
  await write(traceJson(trace));
}

/** A rows × cols block of a flat buffer as JSON text, a row at a time. */
function* matrixJson(data: Float32Array, rows: number, cols: number): Generator<string> {
  for (let r = 0; r < rows; r++) {
    let s = r === 0 ? '[[' : ',[';
    for (let j = 0; j < cols; j++) s += (j === 0 ? '' : ',') + float32Text(data[r * cols + j]);
    yield s + ']';
  }
  yield rows === 0 ? '[]' : ']';
}

/** The whole output object as a stream of text pieces: no nested arrays, no single giant string. */
function* traceJson(trace: Trace): Generator<string> {
  const { cell, numLayers: L, hiddenSize: H, steps: T, series } = trace.layout;
  yield `{"cell":${JSON.stringify(cell)},"layers":[`;
  for (let l = 0; l < L; l++) {
    let sep = l === 0 ? '{' : ',{';
    for (let k = 0; k < series.length; k++) {
      if (series[k].layer !== l) continue;
      yield `${sep}${JSON.stringify(series[k].name)}:`;
      yield* matrixJson(trace.series(k), T, H);
      sep = ',';
    }
    yield '}';
  }
  yield '],"output":';
  yield* matrixJson(trace.series(trace.index(seriesKey(L - 1, 'h'))), T, H);
  const final = (state: 'h' | 'c'): Float32Array => {
    const out = new Float32Array(L * H);
    for (let l = 0; l < L; l++) out.set(trace.row(trace.index(seriesKey(l, state)), T - 1), l * H);
    return out;
  };
  yield ',"h_n":';
  yield* matrixJson(final('h'), L, H);
  if (cell === 'lstm') {
    yield ',"c_n":';
    yield* matrixJson(final('c'), L, H);
  }
  yield '}\n';
}

/** Writes text pieces to stdout in blocks of about 1 MB, waiting when the pipe is full. */
async function write(pieces: Iterable<string>): Promise<void> {
  let block = '';
  for (const piece of pieces) {
    block += piece;
    if (block.length >= 1 << 20) {
      if (!process.stdout.write(block)) await once(process.stdout, 'drain');
      block = '';
    }
  }
  process.stdout.write(block);
}

/** The longest line the command writes to stderr: a file's names can be any length. */
const MAX_LINE = 1000;

/**
 * A line for the terminal: one line, control and format characters by code point (a file's tensor names
 * are the file's: an escape sequence in one would recolour or clear the user's terminal), and cut to
 * MAX_LINE characters.
 */
function forTerminal(text: string): string {
  const line = escapeInvisible(text.replace(/\s+/g, ' ').trim());
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}… (${line.length.toLocaleString('en-US')} characters in all)` : line;
}

function fail(e: unknown): void {
  const text = forTerminal(e instanceof Error ? e.message : String(e));
  if (e instanceof CliError || e instanceof JsonError || e instanceof TensorError || e instanceof ModelError) {
    process.stderr.write(`trace: ${text}\n`);
    process.exitCode = 2;
  } else if (process.env.GATESCOPE_DEBUG === '1' && e instanceof Error && e.stack) {
    process.stderr.write(`${e.stack}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`trace: internal error: ${text} (GATESCOPE_DEBUG=1 shows where)\n`);
    process.exitCode = 1;
  }
}

// A reader that stops early (`| head`) closes the pipe: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  fail(e);
  process.exit(1);
});

main(process.argv.slice(2)).catch(fail);
