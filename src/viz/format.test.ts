/**
 * How numbers are written: counts with their nouns (singular for exactly one, the count as fmtInt writes it),
 * and values with three decimals, a real minus sign, and an exponent from 100,000.
 */
import { describe, expect, it } from 'vitest';
import { fmtValue, plural } from './format';

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

describe('fmtValue', () => {
  it('writes three decimals with a real minus sign, and never −0.000', () => {
    expect(fmtValue(-0.7712)).toBe('−0.771');
    expect(fmtValue(12.3)).toBe('12.300');
    expect(fmtValue(-0.0004)).toBe('0.000');
    expect(fmtValue(Number.NaN)).toBe('NaN');
  });

  it('switches to an exponent from 100,000 up, where fixed decimals would crowd the strip', () => {
    expect(fmtValue(99_999.9)).toBe('99999.900');
    expect(fmtValue(100_000)).toBe('1.00e+5');
    expect(fmtValue(-100_000)).toBe('−1.00e+5');
  });
});
