/** The transform of an SVG viewBox under preserveAspectRatio="xMidYMid meet", so the canvas lines up with it. */
export function fitViewBox(w: number, h: number, vw: number, vh: number) {
  const scale = Math.min(w / vw, h / vh);
  return { scale, offsetX: (w - vw * scale) / 2, offsetY: (h - vh * scale) / 2 };
}
