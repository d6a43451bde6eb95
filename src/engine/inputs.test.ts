import { describe, expect, it } from 'vitest';
import { encodeText, VOCAB } from './inputs';

const ids = (s: string) => [...s].map((ch) => VOCAB.indexOf(ch));

describe('encodeText', () => {
  it('reads capitals as lower case and says so', () => {
    const r = encodeText('Hi, Bob');
    expect([...r.tokens]).toEqual(ids('hi, bob'));
    expect(r).toMatchObject({ unknown: [], lowered: true });
    expect(encodeText('hi, bob').lowered).toBe(false);
  });

  it('skips what it does not know, lowered or not, without calling that lowering', () => {
    // É lowers to é, which isn't in the vocabulary; İ lowers to i and a combining dot (two characters).
    expect(encodeText('É')).toMatchObject({ unknown: ['é'], lowered: false });
    const r = encodeText('İ');
    expect([...r.tokens]).toEqual(ids('i'));
    expect(r).toMatchObject({ unknown: ['\u0307'], lowered: true });
  });
});
