/**
 * A cell diagram as data: where each component sits, which wires join them and where each vector's
 * strip is drawn. The React component only renders this; tests and the strip canvas read it too.
 * Coordinates are in the diagram's own units (the SVG viewBox).
 */

/** A vector the diagram can show: a layer series name, or one of the step's inputs. */
export type StripSource = string; // 'f', 'fc', 'c', … | 'prev:h' | 'prev:c' | 'x' | 'probs'

export type NodeKind = 'sigma' | 'tanh' | 'relu' | 'linear' | 'softmax' | 'mul' | 'add' | 'oneminus' | 'tanhop';

export interface DiagramNode {
  kind: NodeKind;
  /** Centre. */
  x: number;
  y: number;
  /** Text drawn in it ('σ', 'tanh', '×'…). */
  glyph: string;
  /** Optional smaller caption under a box, e.g. 'forget'. */
  caption?: string;
}

export interface DiagramWire {
  /** Polyline through these points; ends at node centres (nodes are drawn on top). */
  points: Array<[number, number]>;
  /** The cell-state belt (or the GRU's hidden-state line) is drawn thick. */
  belt?: boolean;
  /** An arrowhead at the last point (wires that leave the cell). */
  arrow?: boolean;
}

export type LabelSide = 'left' | 'right' | 'above' | 'below';

export interface DiagramStrip {
  /** Centre of the strip. */
  x: number;
  y: number;
  /** Where the symbol and the selected unit's value are written. */
  label: LabelSide;
  /**
   * With a 'left' label: the value's last word goes on a line of its own. For the readout, whose value is
   * 'class 3 0.412': the label stays narrow enough to clear the wires next to it.
   */
  splitValue?: boolean;
}

/** One component: everything drawn for one vector (its node, its wires, its strip), named as a whole. */
export interface DiagramPart {
  /** What it shows. */
  source: StripSource;
  /** Accessible name: 'forget gate', 'Hadamard product f⊙c', 'cell state', … */
  name: string;
  nodes: DiagramNode[];
  wires: DiagramWire[];
  strip: DiagramStrip | null;
}

export interface EndLabel {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  /**
   * The layer's input, written `text` (xₜ) on the first layer only: above it the input is the hₜ of the
   * layer below, which only the renderer knows. Set left of its wire, so that the longer label has room.
   */
  input?: boolean;
}

/**
 * A cell's geometry as its file writes it: a part that draws one series of the layer takes that series'
 * name (cellinfo/series.ts, which the heatmaps and the values table name it by too), so only the others
 * (the previous states, the input, the readout) carry a name of their own.
 */
export interface GeometrySpec extends Omit<CellGeometry, 'parts'> {
  parts: Array<Omit<DiagramPart, 'name'> & { name?: string }>;
}

export interface CellGeometry {
  width: number;
  height: number;
  /** The cell's body (a rounded rectangle behind everything). */
  frame: Rect;
  parts: DiagramPart[];
  /** Labels of the wires where they enter or leave: 'cₜ₋₁', 'xₜ', … */
  ends: EndLabel[];
}

/** A rectangle in the diagram's units: its top-left corner, width and height. */
export interface Rect { x: number; y: number; w: number; h: number }

/** Size of every strip, so that unit j sits at the same offset in all of them. */
export const STRIP_W = 100;
export const STRIP_H = 16;
/** Units per row before a strip wraps into more rows (each row thinner). */
export const STRIP_MAX_COLS = 64;

/** The grid a strip of n values is drawn as. */
export function stripGrid(n: number): { cols: number; rows: number } {
  const cols = Math.min(n, STRIP_MAX_COLS);
  return { cols, rows: Math.ceil(n / cols) };
}

/** The rectangle of value j in a strip centred at (x, y). */
export function cellRect(n: number, j: number, x: number, y: number): Rect {
  const { cols, rows } = stripGrid(n);
  const w = STRIP_W / cols;
  const h = STRIP_H / rows;
  return { x: x - STRIP_W / 2 + (j % cols) * w, y: y - STRIP_H / 2 + Math.floor(j / cols) * h, w, h };
}

/**
 * The box the selected unit's ring is drawn around: its cell, grown about its middle to at least `min` on
 * each side (a 512-unit strip's cells are a pixel or two on screen, and a ring that size can't be seen).
 */
export function ringBox(cell: Rect, min: number): Rect {
  const w = Math.max(cell.w, min);
  const h = Math.max(cell.h, min);
  return { x: cell.x + (cell.w - w) / 2, y: cell.y + (cell.h - h) / 2, w, h };
}

/** Which value of a strip of n values is under the point (px, py), or -1. */
export function cellAt(n: number, x: number, y: number, px: number, py: number): number {
  const { cols, rows } = stripGrid(n);
  const col = Math.floor(((px - (x - STRIP_W / 2)) / STRIP_W) * cols);
  const row = Math.floor(((py - (y - STRIP_H / 2)) / STRIP_H) * rows);
  if (col < 0 || col >= cols || row < 0 || row >= rows) return -1;
  const j = row * cols + col;
  return j < n ? j : -1;
}
