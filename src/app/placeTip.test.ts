import { describe, expect, it } from 'vitest';
import { placeTip, TIP_GAP, TIP_MARGIN } from './placeTip';

const VIEW = { width: 1280, height: 720 };
const TIP = { width: 150, height: 20 };
const box = (left: number, top: number, width = 12, height = 18) => ({ left, top, right: left + width, bottom: top + height });

describe('placeTip', () => {
  it('centres the tip just above a symbol', () => {
    expect(placeTip(box(600, 300), TIP, VIEW)).toEqual({ left: 606 - 75, top: 300 - TIP_GAP - 20 });
  });

  it('puts it below a symbol at the top of the viewport', () => {
    expect(placeTip(box(600, 4), TIP, VIEW).top).toBe(4 + 18 + TIP_GAP);
  });

  it('keeps it inside the left and right edges', () => {
    expect(placeTip(box(2, 300), TIP, VIEW).left).toBe(TIP_MARGIN);
    expect(placeTip(box(1270, 300), TIP, VIEW).left).toBe(1280 - TIP_MARGIN - 150);
  });

  it('starts right of a pointer, and flips to its left near the right edge', () => {
    const pointer = (x: number, y: number) => box(x, y, 0, 0);
    expect(placeTip(pointer(500, 300), TIP, VIEW, 'after')).toEqual({ left: 500 + TIP_GAP, top: 300 - TIP_GAP - 20 });
    expect(placeTip(pointer(1200, 300), TIP, VIEW, 'after').left).toBe(1200 - TIP_GAP - 150);
  });

  it('stays on screen when it fits neither above nor below', () => {
    const tall = { width: 150, height: 400 };
    const p = placeTip(box(600, 300, 12, 100), tall, VIEW);
    expect(p.top).toBeGreaterThanOrEqual(TIP_MARGIN);
    expect(p.top + tall.height).toBeLessThanOrEqual(720 - TIP_MARGIN);
  });
});
