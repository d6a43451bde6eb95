/**
 * One display equation typeset by KaTeX. The LaTeX is ours (symbols and numbers), never user text, so
 * its HTML output is safe to insert. \htmlData is the only command trusted: it carries the PyTorch tensor
 * name each symbol stands for.
 */
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { memo } from 'react';

const options: katex.KatexOptions = {
  displayMode: true,
  throwOnError: false,
  output: 'htmlAndMathml',
  strict: 'ignore',
  trust: (ctx) => ctx.command === '\\htmlData',
};

const cache = new Map<string, string>();

function render(tex: string): string {
  let html = cache.get(tex);
  if (html === undefined) {
    html = katex.renderToString(tex, options);
    if (cache.size > 2000) cache.clear();
    cache.set(tex, html);
  }
  return html;
}

export const Katex = memo(function Katex({ tex, className }: { tex: string; className?: string }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: render(tex) }} />;
});
