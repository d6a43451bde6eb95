import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TitleParts } from './TitleParts';

describe('TitleParts', () => {
  it('joins the parts given with " · ", each in its own unbreakable span, and leaves out those not given', () => {
    const html = renderToStaticMarkup(<h2><TitleParts parts={['Equations', 'unit 3', false, 't = 5']} /></h2>);
    expect(html).toBe('<h2><span class="title-part">Equations</span> · <span class="title-part">unit 3</span> · <span class="title-part">t = 5</span></h2>');
  });
});
