/**
 * A whole-number field that commits only valid values. While the text is not a number in range the
 * field says so (aria-invalid plus a visible hint) and the model keeps its last good value.
 */
import { useId, useState } from 'react';

interface Props {
  label: string;
  /** Longer name for screen readers and the tooltip. */
  title: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  integer?: boolean;
  /** Characters the field must show (T = 100000 needs more room than H = 512). */
  chars?: number;
  onCommit(v: number): void;
}

export function NumberField({ label, title, value, min, max, step = 1, integer = true, chars = 4, onCommit }: Props) {
  // What the user is typing; null when not editing, so outside changes (URL, presets) show at once.
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(value);
  const hintId = useId();
  const accepts = (raw: string) => {
    const n = Number(raw);
    return raw.trim() !== '' && Number.isFinite(n) && (!integer || Number.isInteger(n)) && n >= min && n <= max;
  };
  const valid = accepts(text);
  return (
    <label className="field" title={title}>
      <span className="field-label">{label}</span>
      <input
        type="number"
        inputMode={integer && min >= 0 ? "numeric" : "decimal"}
        aria-label={title}
        min={min}
        max={max}
        step={step}
        value={text}
        style={{ width: `calc(${chars}ch + 2.2rem)` }}
        aria-invalid={!valid}
        aria-describedby={valid ? undefined : hintId}
        onFocus={() => setDraft(String(value))}
        onBlur={() => setDraft(null)}
        onChange={(e) => {
          setDraft(e.target.value);
          if (accepts(e.target.value)) onCommit(Number(e.target.value));
        }}
      />
      {!valid && (
        <span id={hintId} className="field-hint" role="alert">
          {integer ? 'whole number' : 'number'} {min}–{max}
        </span>
      )}
    </label>
  );
}
