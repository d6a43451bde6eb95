/** The trace command's flags: parsed strictly, so that a typo is an error rather than a silent default. */
import type { GruReset } from '../engine/types';

/** A problem with the command line or the files it names: one line on stderr, exit code 2. */
export class CliError extends Error {
  override name = 'CliError';
}

export interface TraceArgs {
  stateDict: string;
  input: string;
  h0?: string;
  c0?: string;
  gruReset?: GruReset;
  nonlinearity?: 'tanh' | 'relu';
}

export const USAGE = `Usage: npm run -s trace -- --state-dict SD.json --input X.json [options]

Runs a PyTorch nn.LSTM, nn.GRU or nn.RNN, read from its state_dict, over one sequence and prints every
gate and intermediate of every layer at every timestep as one JSON object. The cell, the number of
layers and every size are inferred from the tensor shapes.

  --state-dict FILE            the state_dict as JSON, {name: nested arrays}, as written by
                               json.dump({k: v.tolist() for k, v in module.state_dict().items()}, f)
  --input FILE                 the sequence x: T × input_size nested arrays
  --h0 FILE                    initial hidden state, num_layers × hidden_size (default: zeros)
  --c0 FILE                    initial cell state, LSTM only, num_layers × hidden_size (default: zeros)
  --gru-reset after|before     GRU only: reset gate applied after the recurrent product (PyTorch, the
                               default) or before it (Cho et al. 2014, Keras reset_after=False)
  --nonlinearity tanh|relu     RNN only (default tanh; a state_dict cannot tell)
  -h, --help                   print this help

Output: {"cell": "lstm"|"gru"|"rnn_tanh"|"rnn_relu", "layers": [{series: T × H, …}, …],
         "output": T × H, "h_n": L × H, "c_n": L × H (LSTM only)}
Series per layer: LSTM i f g o c h (and i_pre … o_pre, fc, ig, tanh_c); GRU r z n h (and r_pre, z_pre,
n_pre, hn/rhn or rh, omz, zn, zh); RNN a h.
Exit status: 0 on success; 2 for a bad flag or file (one line on stderr); 1 for an internal error.
`;

type Key = keyof TraceArgs;

const FLAGS: Record<string, { key: Key; meta: string; choices?: readonly string[] }> = {
  '--state-dict': { key: 'stateDict', meta: 'FILE' },
  '--input': { key: 'input', meta: 'FILE' },
  '--h0': { key: 'h0', meta: 'FILE' },
  '--c0': { key: 'c0', meta: 'FILE' },
  '--gru-reset': { key: 'gruReset', meta: 'after|before', choices: ['after', 'before'] },
  '--nonlinearity': { key: 'nonlinearity', meta: 'tanh|relu', choices: ['tanh', 'relu'] },
};

const HINT = 'run with --help for usage';

/** The parsed flags, or 'help' when --help / -h is among them. Throws CliError for anything else amiss. */
export function parseTraceArgs(argv: readonly string[]): TraceArgs | 'help' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const got: Partial<Record<Key, string>> = {};
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const spec = FLAGS[flag];
    if (!spec) {
      if (!arg.startsWith('-')) throw new CliError(`unexpected argument ${JSON.stringify(arg)}: every value follows its flag; ${HINT}`);
      throw new CliError(`unknown flag ${flag}; the flags are ${Object.keys(FLAGS).join(', ')}, --help`);
    }
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else if (k + 1 < argv.length && !argv[k + 1].startsWith('--')) value = argv[++k];
    if (!value) throw new CliError(`${flag} needs a value: ${flag} ${spec.meta}`);
    if (got[spec.key] !== undefined) throw new CliError(`${flag} is given twice`);
    if (spec.choices && !spec.choices.includes(value)) {
      throw new CliError(`${flag} must be ${spec.choices.join(' or ')}, not ${JSON.stringify(value)}`);
    }
    got[spec.key] = value;
  }
  if (got.stateDict === undefined) throw new CliError(`--state-dict FILE is required (the PyTorch state_dict as JSON); ${HINT}`);
  if (got.input === undefined) throw new CliError(`--input FILE is required (the sequence x, T × input_size); ${HINT}`);
  return got as TraceArgs;
}
