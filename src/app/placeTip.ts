/**
 * Where a tooltip goes in the viewport: beside what it is about, and wholly on screen. Pure geometry, in
 * viewport (client) pixels, so that the rules are tested without a browser.
 */

export interface Box { left: number; top: number; right: number; bottom: number }
export interface Size { width: number; height: number }

/**
 * `center`: centred over the anchor (a symbol). `after`: starting just right of it (a pointer), so the
 * tip does not cover the spot being read.
 */
export type TipAlign = 'center' | 'after';

/** Space kept between the tip and its anchor, and between the tip and the viewport's edges. */
export const TIP_GAP = 6;
export const TIP_MARGIN = 8;

/**
 * Above the anchor if it fits, else below it, else on whichever side has more room, moved inwards as far
 * as it must; horizontally as `align` says, flipped to the anchor's left when `after` would run off the
 * right edge, then clamped to the viewport. A tip wider or taller than the viewport keeps its left or top
 * edge on screen (its caller limits its width to the viewport's).
 */
export function placeTip(anchor: Box, tip: Size, viewport: Size, align: TipAlign = 'center'): { left: number; top: number } {
  const clamp = (v: number, size: number, room: number) => Math.max(TIP_MARGIN, Math.min(v, room - TIP_MARGIN - size));

  const above = anchor.top - TIP_GAP - tip.height;
  const below = anchor.bottom + TIP_GAP;
  let top: number;
  if (above >= TIP_MARGIN) top = above;
  else if (below + tip.height <= viewport.height - TIP_MARGIN) top = below;
  else top = anchor.top > viewport.height - anchor.bottom ? above : below;

  let left: number;
  if (align === 'center') left = (anchor.left + anchor.right) / 2 - tip.width / 2;
  else {
    left = anchor.right + TIP_GAP;
    if (left + tip.width > viewport.width - TIP_MARGIN) left = anchor.left - TIP_GAP - tip.width;
  }
  return { left: clamp(left, tip.width, viewport.width), top: clamp(top, tip.height, viewport.height) };
}
