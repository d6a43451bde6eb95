/** The model and input the user picks: cell, sizes, sequence and seed. Writes only to the config store. */
import { useId, useState } from 'react';
import { SIGNAL_KINDS, type SignalKind } from '../../engine/inputs';
import { CELL_KINDS, CELL_NAMES, type CellKind, type GruReset } from '../../engine/types';
import { CONFIG_BOUNDS as B, isTrained, modelOf, useConfig } from '../../state/config';
import { Select } from '../../app/Select';
import { NumberField } from './NumberField';


export function ModelControls() {
  const c = useConfig();
  const text = c.inputKind === 'text';
  // With trained weights the model's sizes are the trained model's: shown, not editable (see modelOf).
  const trained = isTrained(c);
  const m = modelOf(c);
  const fixed = ' (fixed: the trained model\'s; random weights let you choose)';
  return (
    <form className="model-controls" aria-label="Model" onSubmit={(e) => e.preventDefault()}>
      <label className="field">
        <span className="field-label">Cell</span>
        <Select aria-label="Cell type" value={c.cell} onChange={(e) => c.set({ cell: e.target.value as CellKind })}>
          {CELL_KINDS.map((v) => <option key={v} value={v}>{CELL_NAMES[v].name}</option>)}
        </Select>
      </label>
      {/* A trained GRU is PyTorch's (reset after U·h), as the diagram's title says. */}
      {c.cell === 'gru' && !trained && (
        <label className="field" title="Where the reset gate acts: after the recurrent product (PyTorch, cuDNN, Keras reset_after=True) or before it (Cho et al. 2014)">
          <span className="field-label">Reset</span>
          <Select aria-label="GRU reset gate position" value={c.gruReset} onChange={(e) => c.set({ gruReset: e.target.value as GruReset })}>
            <option value="after">after U·h (PyTorch)</option>
            <option value="before">before U·h (Cho 2014)</option>
          </Select>
        </label>
      )}
      <label className="field">
        <span className="field-label">Input</span>
        <Select
          aria-label="Input sequence"
          value={text ? 'text' : c.signal}
          onChange={(e) => (e.target.value === 'text' ? c.set({ inputKind: 'text' }) : c.set({ inputKind: 'signal', signal: e.target.value as SignalKind }))}
        >
          {SIGNAL_KINDS.map((s) => <option key={s} value={s}>{s}</option>)}
          <option value="text">text</option>
        </Select>
      </label>
      {text && (
        <label className="field" title="Random weights from the seed, or a model trained by PyTorch to guess the next character">
          <span className="field-label">Weights</span>
          <Select aria-label="Weights" value={c.weights} onChange={(e) => c.set({ weights: e.target.value as 'random' | 'trained' })}>
            <option value="random">random</option>
            <option value="trained">trained</option>
          </Select>
        </label>
      )}
      {!text && <NumberField label="I" title="Input size I" chars={2} value={c.inputSize} min={B.inputSize[0]} max={B.inputSize[1]} onCommit={(v) => c.set({ inputSize: v })} />}
      <NumberField label="H" title={`Hidden size H${trained ? fixed : ''}`} chars={3} value={m.hiddenSize} readOnly={trained} min={B.hiddenSize[0]} max={B.hiddenSize[1]} onCommit={(v) => c.set({ hiddenSize: v })} />
      <NumberField label="Layers" title={`Number of layers${trained ? fixed : ''}`} chars={1} value={m.numLayers} readOnly={trained} min={B.numLayers[0]} max={B.numLayers[1]} onCommit={(v) => c.set({ numLayers: v })} />
      {!text && <NumberField label="T" title="Sequence length T" chars={6} value={c.seqLen} min={B.seqLen[0]} max={B.seqLen[1]} onCommit={(v) => c.set({ seqLen: v })} />}
      {!text && <NumberField label="Classes" title="Readout classes (0 for no readout)" chars={2} value={c.classes} min={B.classes[0]} max={B.classes[1]} onCommit={(v) => c.set({ classes: v })} />}
      {c.cell === 'lstm' && !trained && (
        <NumberField label="F. bias" title="F. bias: added to the forget gate's bias (1 keeps memory longer)" value={c.forgetBias} min={B.forgetBias[0]} max={B.forgetBias[1]} step={0.5} integer={false} chars={3} onCommit={(v) => c.set({ forgetBias: v })} />
      )}
      {!trained && <NumberField label="Seed" title="Random seed" chars={7} value={c.seed} min={B.seed[0]} max={B.seed[1]} onCommit={(v) => c.set({ seed: v })} />}
      {text && <TextField value={c.text} onChange={(v) => c.set({ text: v })} />}
    </form>
  );
}

/**
 * The text a text model reads. A paste longer than the limit is cut to it, and the field says so: the
 * browser's own maxLength would cut it without a word.
 */
function TextField({ value, onChange }: { value: string; onChange(v: string): void }) {
  const [cutFrom, setCutFrom] = useState<number | null>(null);
  const hintId = useId();
  return (
    <label className="field field-text">
      <span className="field-label">Text</span>
      <input
        type="text"
        aria-label="Input text"
        value={value}
        spellCheck={false}
        aria-describedby={cutFrom === null ? undefined : hintId}
        onChange={(e) => {
          const v = e.target.value;
          setCutFrom(v.length > B.textLength ? v.length : null);
          // The limit counts UTF-16 units, as the URL's does; a cut never splits an emoji's surrogate pair.
          const end = /[\uD800-\uDBFF]/.test(v[B.textLength - 1] ?? '') ? B.textLength - 1 : B.textLength;
          onChange(v.slice(0, end));
        }}
      />
      {cutFrom !== null && (
        <span id={hintId} className="field-hint" role="alert">
          cut to the first {B.textLength.toLocaleString('en-US')} of {cutFrom.toLocaleString('en-US')} characters
        </span>
      )}
    </label>
  );
}
