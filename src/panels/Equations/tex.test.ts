import { describe, expect, it } from 'vitest';
import { chain, spokenSymbol, sym } from './tex';

describe('chain', () => {
  it('keeps a short chain on one line', () => {
    expect(chain('c_t[0]', '0.1 + 0.2', '0.300')).toBe('c_t[0] = 0.1 + 0.2 = 0.300');
  });

  it('breaks a chain as wide as it prints, operator names counted by their letters', () => {
    // 47 characters as printed ("tanh" is four): one more than a lecture view's column holds at 1280 px.
    const h = chain('h_t[0]', '0.438\\cdot\\tanh(0.463)', '0.438\\cdot0.432', '0.189');
    expect(h).toBe('\\begin{aligned}h_t[0] &= 0.438\\cdot\\tanh(0.463) \\\\ &= 0.438\\cdot0.432 = 0.189\\end{aligned}');
    // The same width in single-character symbols stays on one line: markup and braces don't print.
    expect(chain('h_t[0]', '\\htmlData{tensor=x}{0.438}\\cdot(0.463)', '0.438\\cdot0.432', '0.189')).not.toContain('aligned');
  });
});

describe('spokenSymbol and sym', () => {
  it('says a symbol as a screen reader reads its MathML', () => {
    expect(spokenSymbol('W_f')).toBe('W sub f');
    expect(spokenSymbol('b_{hn}')).toBe('b sub hn');
    expect(spokenSymbol('h_t^{(2)}')).toBe('h sub t super (2)');
    expect(spokenSymbol('U')).toBe('U');
  });

  it('marks a symbol with its tensor and its spoken name, with no comma inside either value', () => {
    expect(sym('W_f', 'weight_ih_l0[4:8]')).toBe('\\htmlData{tensor=weight_ih_l0[4:8], symbol=W sub f}{W_f}');
    expect(sym('x_t', 'a, b')).toBe('\\htmlData{tensor=a b, symbol=x sub t}{x_t}');
  });
});
