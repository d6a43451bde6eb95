/**
 * The LaTeX that "Copy as LaTeX" puts on the clipboard. Pure, so the text is tested without a browser.
 */
import { CELL_NAMES, type CellKind, type GruReset } from '../../engine/types';
import type { EquationGroup } from './build';

/** What the copied equations show: as on the panel, layers from 1, units from 0, timesteps from 1. */
export interface LatexContext {
  cell: CellKind;
  gruReset: GruReset;
  /** Layer index, from 0. */
  layer: number;
  numLayers: number;
  unit: number;
  /** Timestep index, from 0. */
  t: number;
  /** The sub-step in focus (index, and how many the cell has), when only that one is copied. */
  sub?: { index: number; count: number };
}

/**
 * A comment line saying which cell, layer, unit and timestep the equations are for: pasted into notes,
 * the numbers would otherwise lose what they are the numbers of. A comment, so the LaTeX still compiles.
 */
export function latexHeader(c: LatexContext): string {
  // The two GRU conventions have different candidate equations: say which one these are.
  const cell = c.cell === 'gru' ? `GRU (reset ${c.gruReset})` : CELL_NAMES[c.cell].name;
  const parts = ['Gatescope', cell];
  if (c.numLayers > 1) parts.push(`layer ${c.layer + 1} of ${c.numLayers}`);
  parts.push(`unit ${c.unit}`, `t = ${c.t + 1}`);
  if (c.sub) parts.push(`sub-step ${c.sub.index + 1} of ${c.sub.count}`);
  return `% ${parts.join(' · ')}`;
}

/** The index just past the group that opens at `open` (a '{'), its braces balanced. */
function pastGroup(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '\\') i++; // an escaped brace, \{ or \}, doesn't count
    else if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i + 1;
  }
  return s.length;
}

/** `\htmlData{…}{tex}` replaced by `tex`, however deeply tex nests its own braces (h_t^{(1)}, b_{in}). */
export function stripHtmlData(s: string): string {
  const command = '\\htmlData{';
  let out = '';
  let from = 0;
  for (let at = s.indexOf(command); at >= 0; at = s.indexOf(command, from)) {
    const body = pastGroup(s, at + command.length - 1);
    out += s.slice(from, at);
    from = body;
    if (s[body] !== '{') continue; // no second argument: the command alone goes
    from = pastGroup(s, body);
    out += stripHtmlData(s.slice(body + 1, from - 1));
  }
  return out + s.slice(from);
}

/** LaTeX without our hover markup, as a person would paste it into notes, under the header. */
export function plainLatex(groups: EquationGroup[], context: LatexContext): string {
  const body = groups.map((g) => [`% ${g.title}`, ...g.lines.map((l) => `\\[ ${stripHtmlData(l)} \\]`)].join('\n')).join('\n\n');
  return `${latexHeader(context)}\n\n${body}`;
}
