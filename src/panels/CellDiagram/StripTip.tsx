/**
 * The tip over a hovered strip: the value under the pointer, and, where the strip's cells are too thin to
 * aim at (more than LOUPE_FROM values: at H = 512 each is a pixel wide, in 8 rows), a magnifier of the
 * units around it, the hovered one outlined, so that what a click will select can be seen before it is.
 */
import type { Trace } from '../../engine/trace';
import { seriesDomain, type Normalisation } from '../../viz/domains';
import { fmtValue } from '../../viz/format';
import { STRIP_H } from '../../viz/geometry';
import { cssLutFor, lutIndex } from '../../viz/scales';
import { isPerUnit, sourceSeries, sourceValues } from '../../viz/sources';
import { stripSymbol } from './stripText';
import { useEffectiveTheme } from '../../app/theme';

/** Strips of more values than this get the magnifier (at 16, a cell is 6 diagram units, 4 px at 1280). */
export const LOUPE_FROM = 16;
/** Values the magnifier shows, and the width of each (diagram units). */
export const LOUPE_UNITS = 16;
const LOUPE_CELL = 10;

/** The first of the LOUPE_UNITS values shown around value j of n: j near the middle, the window inside [0, n). */
export function loupeStart(j: number, n: number): number {
  return Math.max(0, Math.min(n - LOUPE_UNITS, j - LOUPE_UNITS / 2));
}

/** The width of a character of the tip's monospace type (17 units), in diagram units. */
const TIP_CHAR = 10.5;
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** The strip's symbol, short: the layer below's hₜ as hₜ⁽¹⁾, as the equations write it, not "hₜ of layer k". */
function tipSymbol(trace: Trace, layer: number, source: string): string {
  if (source === 'x' && layer > 0) return `hₜ⁽${String(layer).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)])}⁾`;
  return stripSymbol(trace, layer, source);
}

interface Props {
  trace: Trace;
  layer: number;
  t: number;
  norm: Normalisation;
  source: string;
  /** The value under the pointer, and the strip's centre. */
  j: number;
  x: number;
  y: number;
}

export function StripTip({ trace, layer, t, norm, source, j, x, y }: Props) {
  const theme = useEffectiveTheme();
  const values = sourceValues(trace, layer, source, t);
  const n = values.length;
  const what = source === 'probs' ? 'class' : isPerUnit(layer, source) ? 'unit' : 'x';
  // The strip's symbol too: the tip sits where the strip's label is, and had hidden which strip it was.
  const symbol = tipSymbol(trace, layer, source);
  const rest = ` · ${what} ${j}: ${fmtValue(values[j])}`;
  const text = symbol + rest;
  const loupe = n > LOUPE_FROM;
  const w = Math.max(loupe ? LOUPE_UNITS * LOUPE_CELL + 80 : 0, Math.ceil(text.length * TIP_CHAR) + 24);
  const h = loupe ? 54 : 28;
  // Above the strip, or below it where above would leave the diagram (the belt's strips).
  const top = y - STRIP_H / 2 - 8 - h >= 0 ? y - STRIP_H / 2 - 8 - h : y + STRIP_H / 2 + 8;
  const a = loupeStart(j, n);
  const domain = loupe ? seriesDomain(trace, sourceSeries(trace, layer, source), norm) : null;
  const css = domain ? cssLutFor(domain.kind, theme) : [];
  const left = x - (LOUPE_UNITS * LOUPE_CELL) / 2;
  return (
    <g className="hover-tip" pointerEvents="none" aria-hidden="true">
      <rect x={x - w / 2} y={top} width={w} height={h} rx={5} />
      {/* The symbol in the diagram's own type: in the monospace one, f⊙c's small ⊙ read as "foc". */}
      <text x={x} y={top + 20} textAnchor="middle"><tspan className="tip-symbol">{symbol}</tspan>{rest}</text>
      {loupe && domain && (
        <g className="loupe" data-first={a}>
          <text className="loupe-end" x={left - 6} y={top + 45} textAnchor="end">{a}</text>
          {Array.from({ length: LOUPE_UNITS }, (_, k) => (
            <rect key={k} x={left + k * LOUPE_CELL} y={top + 30} width={LOUPE_CELL} height={18} fill={css[lutIndex(domain, values[a + k])]} />
          ))}
          <rect className="loupe-hovered" x={left + (j - a) * LOUPE_CELL} y={top + 30} width={LOUPE_CELL} height={18} />
          <text className="loupe-end" x={left + LOUPE_UNITS * LOUPE_CELL + 6} y={top + 45} textAnchor="start">{a + LOUPE_UNITS - 1}</text>
        </g>
      )}
    </g>
  );
}
