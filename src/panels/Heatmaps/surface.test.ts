import { describe, expect, it } from 'vitest';
import { columnBlock } from './surface';

describe('the block of columns handed to the presenter', () => {
  it('holds exactly columns [x0, x1) of every row, in order', () => {
    // A 5 × 3 picture whose pixel (x, y) is 10·y + x.
    const src = Uint32Array.from({ length: 15 }, (_, i) => 10 * Math.floor(i / 5) + (i % 5));
    expect([...columnBlock(src, 5, 3, 1, 4)]).toEqual([1, 2, 3, 11, 12, 13, 21, 22, 23]);
    expect([...columnBlock(src, 5, 3, 0, 5)]).toEqual([...src]);
    expect([...columnBlock(src, 5, 3, 4, 5)]).toEqual([4, 14, 24]);
    expect(columnBlock(src, 5, 3, 2, 2)).toHaveLength(0);
  });
});
