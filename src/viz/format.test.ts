/** Counts with their nouns: singular for exactly one, plural otherwise, the count as fmtInt writes it. */
import { describe, expect, it } from 'vitest';
import { plural } from './format';

describe('plural', () => {
  it('uses the singular for exactly one, the plural for every other count', () => {
    expect(plural(1, 'step')).toBe('1 step');
    expect(plural(0, 'step')).toBe('0 steps');
    expect(plural(2, 'step')).toBe('2 steps');
    expect(plural(10_000, 'timestep')).toBe('10,000 timesteps');
  });

  it('counts as it writes: a count that rounds to 1 reads "1 step"', () => {
    expect(plural(1.2, 'step')).toBe('1 step');
    expect(plural(0.6, 'unit')).toBe('1 unit');
    expect(plural(1.6, 'unit')).toBe('2 units');
  });

  it('takes an irregular plural', () => {
    expect(plural(1, 'matrix', 'matrices')).toBe('1 matrix');
    expect(plural(3, 'matrix', 'matrices')).toBe('3 matrices');
  });
});
