import { describe, expect, it } from 'vitest';
import { clampSymbol, moveSymbol } from './symbolNav';

describe('moveSymbol', () => {
  it('steps through the symbols in reading order, without wrapping', () => {
    expect(moveSymbol(0, 5, 'ArrowRight')).toBe(1);
    expect(moveSymbol(1, 5, 'ArrowDown')).toBe(2);
    expect(moveSymbol(4, 5, 'ArrowRight')).toBe(4);
    expect(moveSymbol(3, 5, 'ArrowLeft')).toBe(2);
    expect(moveSymbol(2, 5, 'ArrowUp')).toBe(1);
    expect(moveSymbol(0, 5, 'ArrowLeft')).toBe(0);
  });

  it('goes to the first and last with Home and End', () => {
    expect(moveSymbol(2, 5, 'Home')).toBe(0);
    expect(moveSymbol(2, 5, 'End')).toBe(4);
    expect(moveSymbol(null, 5, 'End')).toBe(4);
  });

  it('starts at the first symbol going forward and at the last going back', () => {
    expect(moveSymbol(null, 5, 'ArrowRight')).toBe(0);
    expect(moveSymbol(null, 5, 'ArrowDown')).toBe(0);
    expect(moveSymbol(null, 5, 'ArrowLeft')).toBe(4);
    expect(moveSymbol(null, 5, 'ArrowUp')).toBe(4);
  });

  it('moves from a place that no longer exists as if clamped to the symbols there are', () => {
    expect(moveSymbol(9, 5, 'ArrowLeft')).toBe(3);
    expect(moveSymbol(9, 5, 'ArrowRight')).toBe(4);
  });

  it('picks nothing when there are no symbols, and leaves other keys alone', () => {
    expect(moveSymbol(null, 0, 'ArrowRight')).toBeNull();
    expect(moveSymbol(2, 0, 'Home')).toBeNull();
    for (const key of ['Escape', ' ', 'Enter', 'Tab', '[', 'a']) expect(moveSymbol(1, 5, key)).toBeUndefined();
  });
});

describe('clampSymbol', () => {
  it('keeps an index that exists, else takes the last; null without symbols', () => {
    expect(clampSymbol(2, 5)).toBe(2);
    expect(clampSymbol(7, 5)).toBe(4);
    expect(clampSymbol(-1, 5)).toBe(0);
    expect(clampSymbol(0, 0)).toBeNull();
  });
});
