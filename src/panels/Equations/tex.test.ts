import { describe, expect, it } from 'vitest';
import { chain, result, spokenSymbol, sym } from './tex';

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

describe('chain, between checked steps', () => {
  it('writes = where the shown terms give the shown result, and ≈ where they miss it in the last digit', () => {
    expect(chain('c', { tex: '0.100 + 0.200', parts: [0.1, 0.2], total: 0.1 + 0.2 }, result(0.3))).toBe('c = 0.100 + 0.200 = 0.300');
    // −0.186 − 0.185 is −0.371; the engine's unrounded terms made −0.3704.
    expect(chain('c', { tex: '-0.186 - 0.185', parts: [-0.186, -0.185], total: -0.371 }, result(-0.3704))).toBe('c = -0.186 - 0.185 \\approx -0.370');
  });

  it('compares two steps with the same terms term by term, and otherwise as wholes', () => {
    // 0.577·0.288 is 0.166: a next step that writes it 0.167 is ≈, though the sums agree.
    const products = { tex: 'P', parts: [0.577 * 0.288, 0.1], total: 0.577 * 0.288 + 0.1 };
    const terms = { tex: 'S', parts: [0.167, 0.099], total: 0.266 };
    expect(chain('x', products, terms, result(0.266))).toBe('x = P \\approx S = 0.266');
  });

  it('leaves a step given as plain LaTeX unchecked, and reads −0.000 as 0.000', () => {
    expect(chain('y', 'A', result(1))).toBe('y = A = 1.000');
    expect(chain('z', { tex: 'Z', parts: [], total: -0.0001 }, result(0.0002))).toBe('z = Z = 0.000');
  });

  it('keeps its sign where a long chain breaks onto a second line', () => {
    const long = chain('h_t[0]', { tex: '0.438\\cdot\\tanh(0.463) + 0.1234567', parts: [0.4], total: 0.4 }, { tex: '0.438\\cdot0.432 + 0.123', parts: [0.41], total: 0.41 }, result(0.4));
    expect(long).toMatch(/^\\begin\{aligned\}h_t\[0\] &= .* \\\\ &\\approx .* \\approx 0\.400\\end\{aligned\}$/);
  });
});
