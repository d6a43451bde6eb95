/**
 * The cell diagram panel: three stacked layers sharing one coordinate system (wires in SVG, the strips
 * on a canvas, names, numbers and click targets in SVG on top). It follows the cursor; the big arrays
 * stay in the trace and are only read for the timestep shown.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { CELL_NAMES } from '../../engine/types';
import { subSteps } from '../../cellinfo/substeps';
import { usePlayback } from '../../state/playback';
import { useRun } from '../../state/run';
import { noTraceText } from '../noTrace';
import { useView } from '../../state/view';
import { CANVAS_COLOURS, useEffectiveTheme } from '../../app/theme';
import { geometryFor } from '../../viz/geometry';
import { drawStrips } from './drawStrips';
import { shownDiagram, type ShownDiagram } from './shownDiagram';
import { StripCells } from './StripCells';
import { PRERENDERING, takeover } from '../../app/prerendering';
import { fitViewBox } from './fitViewBox';
import { LayerRow } from './LayerRow';
import { Legend } from './Legend';
import { partStates } from './partStates';
import { TopLayer } from './TopLayer';
import { WireLayer } from './WireLayer';
import { TitleParts } from '../TitleParts';
import { fmtInt } from '../../viz/format';
import { weightsTitle } from '../../viz/labels';
import { CommandButton } from '../../app/CommandButton';
import { Icons } from '../../app/icons';

export function CellDiagram() {
  const trace = useRun((r) => r.trace);
  const model = useRun((r) => r.model);
  const t = usePlayback((p) => p.t);
  // Not `filled`: the diagram redraws when its own timestep arrives and when the run ends (final colour
  // domains), not on every chunk of the stream.
  const ready = useRun((r) => t < r.filled);
  const status = useRun((r) => r.status);
  const sub = usePlayback((p) => p.sub);
  const subFocus = usePlayback((p) => p.subFocus);
  const layer = usePlayback((p) => p.layer);
  const unit = usePlayback((p) => p.unit);
  const playing = usePlayback((p) => p.playing);
  const probing = useView((v) => v.probing);
  const norm = useView((v) => v.heatmapNorm);
  const lecture = useView((v) => v.lecture);
  const theme = useEffectiveTheme();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // A callback ref: the box appears only once a trace exists, and its size must be watched from then on.
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const [size, setSize] = useState({ w: 0, h: 0 });

  const layout = trace?.layout;
  const L = layout?.numLayers ?? 1;
  const shownLayer = Math.min(layer, L - 1);
  // Keyed on what the picture depends on, not on the run: a new run of the same cell keeps its SVG.
  const cell = layout?.cell;
  const gruReset = layout?.gruReset ?? 'after';
  const readoutSize = layout?.readoutSize ?? 0;
  const top = !!layout && shownLayer === layout.numLayers - 1;
  const geometry = useMemo(
    () => (cell ? geometryFor({ cell, gruReset, readoutSize }, top) : null),
    [cell, gruReset, readoutSize, top],
  );
  const steps = layout ? subSteps(layout.cell) : [];
  const subShown = Math.min(sub, Math.max(0, steps.length - 1));
  /** The sub-step walked, or null for the whole timestep (an RNN's one sub-step is its whole step). */
  const walked = subFocus && steps.length > 1 ? subShown : null;
  const states = useMemo(
    () => (geometry && cell ? partStates(geometry, cell, subShown, subFocus) : new Map()),
    [geometry, cell, subShown, subFocus],
  );

  useLayoutEffect(() => {
    if (!box) return;
    const resize = (w: number, h: number) => setSize((s) => (s.w === w && s.h === h ? s : { w, h }));
    const ro = new ResizeObserver(([e]) => resize(e.contentRect.width, e.contentRect.height));
    ro.observe(box);
    // Replacing the prerendered first frame, measured now too, not only when the observer reports (after
    // this frame is painted): the frame that replaces it mustn't flash its strips off.
    if (takeover.fromFirstFrame) {
      takeover.fromFirstFrame = false; // that commit only: later mounts wait for the observer, as links do
      const r = box.getBoundingClientRect();
      resize(r.width, r.height);
    }
    return () => ro.disconnect();
  }, [box]);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !geometry || !trace || size.w === 0) return;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(size.w * dpr);
    const h = Math.round(size.h * dpr);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const fit = fitViewBox(size.w, size.h, geometry.width, geometry.height);
    const paint = {
      geometry, trace, layer: shownLayer, t, unit: Math.min(unit, trace.layout.hiddenSize - 1), states, norm, ...fit, dpr,
      theme, ink: CANVAS_COLOURS[theme].ink, pendingFill: CANVAS_COLOURS[theme].pending, panelFill: CANVAS_COLOURS[theme].panel,
    };
    drawStrips(ctx, paint);
    const { cell, hiddenSize, numLayers } = trace.layout;
    const shown: ShownDiagram = {
      paintStrips: (c, d) => drawStrips(c, { ...paint, dpr: d }), fit: { ...fit, height: geometry.height },
      cell, hiddenSize, numLayers, t, unit: paint.unit, layer: shownLayer, step: walked,
    };
    shownDiagram.current = shown;
    if (t < trace.filled && !useRun.getState().painted) {
      performance.mark('gatescope:first-paint');
      // After this frame is on screen, the rest of the page may load (see App).
      requestAnimationFrame(() => setTimeout(() => useRun.setState({ painted: true }), 0));
    }
    // Until the next paint: a diagram gone (a run refused) leaves nothing to save, nor its trace held.
    return () => { if (shownDiagram.current === shown) shownDiagram.current = null; };
    // `ready` and `status` are deliberate triggers: the step's data arriving, the final colour domains.
  }, [geometry, trace, ready, status, shownLayer, t, unit, states, norm, size, theme, walked]);

  if (!trace || !layout || !geometry) {
    return <section className="panel diagram-panel" aria-label="Cell diagram"><p className="muted">{noTraceText(status)}</p></section>;
  }
  const cellName = CELL_NAMES[layout.cell].name;
  const shownUnit = Math.min(unit, layout.hiddenSize - 1);
  return (
    <section className="panel diagram-panel" aria-label="Cell diagram">
      <header className="diagram-head">
        <h2 className="panel-title">
          {/* The lecture view's larger type has no room for the layer beside the step line: the row of
              layers under the title, its button pressed, says which one is shown. */}
          <TitleParts parts={[cellName, layout.cell === 'gru' && `reset ${layout.gruReset} U·h`, L > 1 && !lecture && `layer ${shownLayer + 1} of ${L}`, `H = ${layout.hiddenSize}`, weightsTitle(model) ?? false]} />
        </h2>
        {/* Its text first appears with step 1's numbers: the browser's time for that paint is the
            'first timestep on screen' of `npm run bench:ui`. */}
        {/* Read out after a step or a selection, never during playback: 60 announcements a second help no one. */}
        <p className="diagram-step" aria-live={playing || probing ? 'off' : 'polite'} elementtiming="first-timestep">
          {/* While walking, t stays in the line (crossing into the next timestep is said), and the unit is
              read out ([ ] change it) but not shown: the line must fit beside the title in the lecture view. */}
          {walked !== null
            ? <>t = {fmtInt(t + 1)}<span className="visually-hidden">, unit {shownUnit}</span> · Step {subShown + 1} of {steps.length}: <strong>{steps[subShown].title}</strong></>
            : <>t = {fmtInt(t + 1)}, unit {shownUnit}</>}
        </p>
      </header>
      <div className="diagram-body">
        {L > 1 && <LayerRow trace={trace} t={t} layer={shownLayer} />}
        <div className="diagram" ref={setBox} style={{ aspectRatio: `${geometry.width} / ${geometry.height}` }}>
          <WireLayer geometry={geometry} states={states} pulseKey={`${t}-${subShown}`} />
          {PRERENDERING
            ? <StripCells geometry={geometry} trace={trace} layer={shownLayer} t={t} unit={shownUnit} states={states} norm={norm} />
            : <canvas ref={canvasRef} className="diagram-layer diagram-strips" aria-hidden="true" />}
          <TopLayer geometry={geometry} trace={trace} model={model} layer={shownLayer} t={t} unit={shownUnit} states={states} norm={norm} cellName={cellName} />
        </div>
      </div>
      {/* The save button under the diagram, not in the heading beside the step line: there, a walk's
          longer line wrapped the heading, and the panels below moved at each sub-step. */}
      <div className="diagram-foot">
        <Legend trace={trace} geometry={geometry} layer={shownLayer} norm={norm} />
        <CommandButton id="save-image" className="text-button"><Icons.save /><span className="save-label"> PNG</span></CommandButton>
      </div>
    </section>
  );
}
