/**
 * A number field that commits only valid values, and only once the user is done with them: on Enter, on
 * leaving the field, or at once for a step of its arrows (keys or spin buttons). Committing keystroke by
 * keystroke would run every prefix on the way: typing H = 1000 ran H = 1, 10 and 100, and kept 100.
 * While the text is not a number in range the field says so (aria-invalid plus a visible hint); Escape,
 * or leaving the field with such text, puts back the value from before the edit. Escape then stays in the
 * field; a second Escape leaves it (useKeyboard).
 */
import { useId, useRef, useState } from 'react';
import { announce } from '../../state/announce';

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
  /** Shown but fixed (the trained model's size): focusable and read aloud, unlike a disabled field. */
  readOnly?: boolean;
  onCommit(v: number): void;
}

export function NumberField({ label, title, value, min, max, step = 1, integer = true, chars = 4, readOnly = false, onCommit }: Props) {
  // What the user is typing; null when not editing, so outside changes (URL, presets) show at once.
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(value);
  const hintId = useId();
  const accepts = (raw: string) => {
    const n = Number(raw);
    return raw.trim() !== '' && Number.isFinite(n) && (!integer || Number.isInteger(n)) && n >= min && n <= max;
  };
  const valid = accepts(text);
  // An emptied field is one being retyped: no complaint until there is something to complain of.
  const wrong = !valid && text.trim() !== '';
  const hint = `${integer ? 'whole number' : 'number'} ${min}–${max}`;
  /** Set by Escape: the blur that follows it (the page's Escape handler blurs fields) must not commit. */
  const cancelled = useRef(false);
  const commit = (raw: string) => {
    if (accepts(raw) && Number(raw) !== value) onCommit(Number(raw));
  };
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
        readOnly={readOnly}
        style={{ width: `calc(${chars}ch + 2.2rem)` }}
        aria-invalid={wrong}
        aria-describedby={wrong ? hintId : undefined}
        onFocus={() => {
          cancelled.current = false;
          setDraft(String(value));
        }}
        onBlur={(e) => {
          const raw = e.target.value;
          if (!cancelled.current) commit(raw);
          // Put back in silence, a wrong number would leave a screen-reader user thinking it was taken.
          if (!cancelled.current && !accepts(raw) && raw.trim() !== '') announce(`${title}: ${raw} is not a ${hint}; back to ${value}`);
          setDraft(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            const raw = e.currentTarget.value;
            commit(raw);
            // The number as the page writes it: "1e2" or "007" taken as 100 or 7 reads so in the field too.
            if (accepts(raw)) setDraft(String(Number(raw)));
          }
          else if (e.key === 'Escape' && e.currentTarget.value !== String(value)) {
            // The first Escape drops the edit and stays (the page's handler would take the focus to the
            // body, and a keyboard user lose their place with it); the next one leaves the field.
            e.preventDefault();
            cancelled.current = true;
            setDraft(String(value));
            announce(`${title}: back to ${value}`);
          }
        }}
        onChange={(e) => {
          cancelled.current = false;
          setDraft(e.target.value);
          // Typing, pasting and deleting are InputEvents; a step of the arrows is a plain Event.
          if (!(e.nativeEvent instanceof InputEvent)) commit(e.target.value);
        }}
      />
      {/* Polite: an alert interrupted at the first wrong keystroke (typing 1024 said it at 102). */}
      {wrong && <span id={hintId} className="field-hint" aria-live="polite">{hint}</span>}
    </label>
  );
}
