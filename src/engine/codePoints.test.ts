import { describe, expect, it } from 'vitest';
import { codePoint, escapeInvisible, isInvisible } from './codePoints';

describe('codePoints', () => {
  it('names a character by code point, in four hex digits at least', () => {
    expect(codePoint('\u202e')).toBe('U+202E');
    expect(codePoint('\t')).toBe('U+0009');
    expect(codePoint('😀')).toBe('U+1F600');
  });

  it('tells what doesn\'t show from what does (a space does, as a gap)', () => {
    for (const ch of ['\u202e', '\u200b', '\u0000', '\u007f', '\u0085', '\u00a0', '\u2028', '\ud800']) expect(isInvisible(ch), codePoint(ch)).toBe(true);
    for (const ch of [' ', 'a', 'é', '日', '😀', '"']) expect(isInvisible(ch), ch).toBe(false);
  });

  it('writes controls, format characters and line separators in text as JSON does, and leaves the rest', () => {
    expect(escapeInvisible('a\u001b[2Jb\u007f\u0085\u202ec\u2028d')).toBe('a\\u001B[2Jb\\u007F\\u0085\\u202Ec\\u2028d');
    expect(escapeInvisible('plain text, é and 😀')).toBe('plain text, é and 😀');
  });
});
