/**
 * The current sub-step's equations with the selected unit's numbers in them, typeset by KaTeX, with the
 * PyTorch tensor behind each symbol on hover or by keyboard (one tab stop, then the arrow keys:
 * useSymbolKeys) and the Copy as LaTeX command's button (what it copies: shown.ts).
 */
import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState, type MouseEvent } from 'react';
import { anchorOf, FloatingTip } from '../../app/FloatingTip';
import type { Box } from '../../app/placeTip';
import { useSettled } from '../../app/useSettled';
import { showSubStep } from '../../state/cursor';
import { usePlayback } from '../../state/playback';
import { useRun } from '../../state/run';
import { noTraceText } from '../noTrace';
import { Icons } from '../../app/icons';
import { CommandButton } from '../../app/CommandButton';
import { useView } from '../../state/view';
import { equationsAt, inFocus } from './shown';
import { Katex } from './Katex';
import { NotationNotes } from './NotationNotes';
import { useSymbolKeys } from './useSymbolKeys';
import { TitleParts } from '../TitleParts';
import { fmtInt } from '../../viz/format';

/**
 * How many of `total` groups to show: one more each frame until every group has been shown once, then all.
 * The first typesetting of every group at once (about 2,000 elements, and the first glyphs of KaTeX's
 * fonts) was one layout of 80–140 ms on two cores; a group a frame, each layout is a fraction of that.
 * Only the first time: growing again for each new run re-laid out the whole page once a frame, and a run
 * started on the loaded page then had tasks over 50 ms in 3–4 of 8 loads, against none.
 */
function useGrowing(total: number): number {
  const [n, setN] = useState(1);
  useEffect(() => {
    if (n >= total) return;
    const id = requestAnimationFrame(() => setN(n + 1));
    return () => cancelAnimationFrame(id);
  }, [n, total]);
  return Math.min(n, total);
}

/** How long the copy button says how the last copy went. */
const COPIED_MS = 1500;

/** How the last Copy as LaTeX went (true: copied, false: refused), for COPIED_MS after it; else null. */
function useCopied(): boolean | null {
  const last = useView((v) => v.latexCopy);
  // The copy whose moment has passed (one from before this panel mounted has, if it is old enough).
  const [over, setOver] = useState(() => (last && performance.now() - last.at >= COPIED_MS ? last : null));
  useEffect(() => {
    if (!last) return;
    const id = setTimeout(() => setOver(last), Math.max(0, last.at + COPIED_MS - performance.now()));
    return () => clearTimeout(id);
  }, [last]);
  return last && last !== over ? last.ok : null;
}

/** What the equations' own keys do: their description for screen readers (read when the focus arrives). */
const SYMBOL_KEYS_HINT =
  'Arrow keys go from symbol to symbol (W, U, b and the input) and show its PyTorch tensor; Home and End go to the first and last; Escape hides the tensor.';

/** `onShown`: called once every group of the first typeset equations is on the page. */
export default function EquationsPanel({ onShown }: { onShown?: () => void }) {
  const liveTrace = useRun((r) => r.trace);
  const liveModel = useRun((r) => r.model);
  const status = useRun((r) => r.status);
  // Typesetting follows a step at once, and scrubbing or fast playback once the cursor settles.
  const liveT = useSettled(usePlayback((p) => p.t), usePlayback((p) => p.scrubbing));
  const liveArrived = useRun((r) => liveT < r.filled);
  const layer = usePlayback((p) => p.layer);
  const unit = usePlayback((p) => p.unit);
  // One deferred snapshot of everything the equations are built from: a new run or a new step is typeset
  // in a background render, in slices, never in the task that brought it; and the parts always agree.
  const live = useMemo(
    () => ({ trace: liveTrace, model: liveModel, t: liveT, arrived: liveArrived, layer, unit }),
    [liveTrace, liveModel, liveT, liveArrived, layer, unit],
  );
  const view = useDeferredValue(live);
  const { trace, model, t } = view;
  const sub = usePlayback((p) => p.sub);
  const subFocus = usePlayback((p) => p.subFocus);
  const [hover, setHover] = useState<{ text: string; anchor: Box } | null>(null);
  const hideHover = useCallback(() => setHover(null), []);
  const bodyRef = useRef<HTMLDivElement>(null);
  const keys = useSymbolKeys(bodyRef);
  const { onStale: keysStale } = keys;
  // One tip at a time: the pointer's while it hovers a symbol, else the one picked by keyboard.
  const tip = hover ?? keys.tip;
  const onStale = useCallback(() => {
    hideHover();
    keysStale();
  }, [hideHover, keysStale]);
  const keysHintId = useId();
  const copied = useCopied();

  const ready = !!trace && !!model && view.arrived;
  const eq = useMemo(
    () => (ready ? equationsAt(trace!, model!, { layer: view.layer, unit: view.unit, t }) : null),
    // `filled` is not needed: a timestep's values never change once arrived.
    [ready, trace, model, view.layer, view.unit, t],
  );
  const shownLayer = eq?.layer ?? 0;
  const j = eq?.unit ?? 0;
  // One sub-step at a time while walking through them; a whole timestep shows all of its equations, in
  // the lecture view too (it had shown one group there, whichever sub-step the cursor last held).
  const { current, visible } = useMemo(() => inFocus(eq?.groups ?? [], sub, subFocus), [eq, sub, subFocus]);
  const shown = useGrowing(visible.length);
  const allShown = ready && shown === visible.length;
  useEffect(() => { if (allShown) onShown?.(); }, [allShown, onShown]);

  const onOver = (e: MouseEvent<HTMLDivElement>) => {
    const el = (e.target as Element).closest?.('[data-tensor]');
    if (!el) return setHover(null);
    setHover({ text: el.getAttribute('data-tensor') ?? '', anchor: anchorOf(el) });
  };

  return (
    <section className="panel equations" aria-label="Equations" data-focus-home>
      <header className="equations-head">
        <h2 className="panel-title"><TitleParts parts={['Equations', `unit ${j}`, !!trace && trace.layout.numLayers > 1 && `layer ${shownLayer + 1}`, `t = ${fmtInt(t + 1)}`]} /></h2>
        <CommandButton id="copy-latex" className="text-button" disabled={!ready}>
          <Icons.copy /> {copied === null ? 'LaTeX' : copied ? 'Copied' : 'Copy failed'}
        </CommandButton>
      </header>
      {!ready ? (
        <p className="muted">{trace ? `Step ${t + 1} is still being computed…` : noTraceText(status)}</p>
      ) : (
        // Busy while the first groups are still coming in, a frame each (useGrowing): a screen reader
        // waits for the whole set, and so do the tests. One tab stop for all the symbols (a composite
        // widget, not a stop per symbol: some 15 a timestep); a group, named, its keys in its description.
        <div
          ref={bodyRef} className="equations-body" aria-busy={!allShown} onMouseOver={onOver} onMouseLeave={hideHover}
          tabIndex={0} role="group" aria-label="Typeset equations" aria-describedby={keysHintId}
          onKeyDown={keys.onKeyDown} onFocus={keys.onFocus} onBlur={keys.onBlur}
        >
          {visible.slice(0, shown).map((g) => (
            // A group, not a region: four landmarks inside the equations' own made the page's list of them noise.
            <section key={g.sub} className={`eq-group${subFocus ? ' current' : ''}`} role="group" aria-label={g.title}>
              <h3>
                <button type="button" className="eq-title" onClick={() => showSubStep(g.sub)} title="Show this sub-step on the diagram" data-focus-fallback={g.sub === current ? '' : undefined}>
                  {g.sub + 1}. {g.title}
                </button>
              </h3>
              {g.lines.map((l, k) => <Katex key={k} tex={l} className={k % 2 ? 'eq-line eq-numbers' : 'eq-line'} />)}
              {/* Written out while walking the sub-steps; always for a cell of one sub-step (the RNN), which has
                  no walk and only a few lines. */}
              {(subFocus || eq?.groups.length === 1) && g.details.length > 0 && (
                <div className="eq-details" role="group" aria-label="How the sums are made">
                  {g.details.map((d, k) => <Katex key={k} tex={d} className="eq-line eq-detail" />)}
                </div>
              )}
            </section>
          ))}
          {tip && (
            <FloatingTip className="eq-tip" anchor={tip.anchor} onStale={onStale}>
              PyTorch: <code>{tip.text}</code>
            </FloatingTip>
          )}
        </div>
      )}
      <span id={keysHintId} className="visually-hidden">{SYMBOL_KEYS_HINT}</span>
      {/* The symbol picked by keyboard and its tensor, read out as it changes (why a live region: useSymbolKeys). */}
      <span className="visually-hidden" aria-live="polite">{keys.announcement}</span>
      <NotationNotes layout={trace?.layout} layer={shownLayer} />
    </section>
  );
}
