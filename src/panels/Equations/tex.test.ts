import { describe, expect, it } from 'vitest';
import { chain } from './tex';

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
