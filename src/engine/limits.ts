/**
 * Hard bounds checked before any memory is allocated. They keep a hostile file or URL from asking
 * for gigabytes; every message that cites them says which bound was crossed and by how much.
 */
export const LIMITS = {
  /** Largest hidden size H. */
  hiddenSize: 2048,
  /** Largest input width I. */
  inputSize: 4096,
  /** Most stacked layers. */
  layers: 8,
  /** Longest sequence the engine runs. */
  steps: 1_000_000,
  /** Largest vocabulary for one-hot, embedding and readout. */
  vocab: 65_536,
  /** Largest number of parameters in a model (about 256 MB of float32). */
  params: 64 * 1024 * 1024,
  /** Largest full trace the page keeps and the command line writes, in bytes. */
  traceBytes: 1e9,
} as const;

/** A size in bytes as people read it: 268.4 MB, 2.66 GB (decimal units, as file managers show them). */
export function formatBytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}
