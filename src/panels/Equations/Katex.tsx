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

/**
 * The symbolic lines (a^f_t = W_f x_t + …) come back at every step; the numeric ones almost never do.
 * A small cache keeps the former without hoarding the latter.
 */
const cache = new Map<string, string>();
const CACHE_SIZE = 200;

function render(tex: string): string {
  let html = cache.get(tex);
  if (html === undefined) {
    html = katex.renderToString(tex, options);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  } else {
    cache.delete(tex); // most recently used goes last
  }
  cache.set(tex, html);
  return html;
}

export const Katex = memo(function Katex({ tex, className }: { tex: string; className?: string }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: render(tex) }} />;
});
