import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The built page refuses anything but its own scripts: imported files are data, never code.
 * (Only in the build: the dev server's hot reload needs an inline script.)
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'", // KaTeX positions glyphs with style attributes
  "font-src 'self' data:",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'gatescope-csp',
    apply: 'build',
    transformIndexHtml: (html) => {
      const marker = '<meta charset="UTF-8" />';
      // A page that silently lost its policy would be worse than a failed build.
      if (!html.includes(marker)) throw new Error(`index.html has no ${marker}: cannot place the Content-Security-Policy after it`);
      return html.replace(marker, `${marker}\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`);
    },
  };
}

/**
 * main.tsx starts the engine, then imports the page (src/app/mount.tsx) dynamically. Preloading that chunk
 * and linking its stylesheet from the HTML lets both download while main.tsx runs, instead of after: the
 * dynamic import would otherwise wait for the stylesheet it asks for only when it is called.
 */
function preloadPage(): Plugin {
  return {
    name: 'gatescope-preload-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle ?? {};
        const chunk = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('src/app/mount.tsx'));
        if (!chunk || chunk.type !== 'chunk') return html;
        // Its static imports too (but not the entry, already loaded): the browser fetches only the module named.
        const scripts = [chunk.fileName, ...chunk.imports.filter((f) => !(bundle[f]?.type === 'chunk' && bundle[f].isEntry))];
        const links = [
          ...scripts.map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
          ...[...(chunk.viteMetadata?.importedCss ?? [])].map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`),
        ];
        return html.replace(/\n\s*<\/head>/, links.map((l) => `\n    ${l}`).join('') + '\n  </head>');
      },
    },
  };
}

/**
 * Writes the prerendered first frame into the built index.html (scripts/prerender.ts, in its own Node
 * process: it runs the app's TypeScript, which this config's bundler doesn't load).
 */
function prerenderFirstFrame(): Plugin {
  let [root, outDir] = ['.', 'dist'];
  let failed = false;
  return {
    name: 'gatescope-first-frame',
    apply: 'build',
    configResolved: (config) => { [root, outDir] = [config.root, resolve(config.root, config.build.outDir)]; },
    // Vite runs closeBundle after a failed build too: its own error must be the one reported.
    buildEnd: (err) => { failed = !!err; },
    closeBundle: () => {
      if (failed) return;
      execFileSync(process.execPath, ['--import', 'tsx', resolve(root, 'scripts/prerender.ts'), outDir], { cwd: root, stdio: 'inherit' });
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), preloadPage(), prerenderFirstFrame()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Figures for the initial-JS budget come from `npm run bench:ui`, not from this warning.
    chunkSizeWarningLimit: 800,
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
