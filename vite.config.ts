import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * A Content-Security-Policy in the built page: no inline script, nothing from other origins. Only in
 * the build, because the dev server injects an inline script for React refresh. React Flow positions
 * nodes with inline style attributes, hence 'unsafe-inline' for styles only.
 */
function contentSecurityPolicy(): Plugin {
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return {
    name: 'iis-flow-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

/**
 * main.tsx evaluates the app in steps (React, React Flow, the app), each a dynamic import, so that no
 * start-up task is long. This fetches them all at once: a modulepreload link in the page for every
 * chunk the entry imports dynamically, and the chunks those import.
 */
function preloadStartupChunks(): Plugin {
  return {
    name: 'iis-flow-preload-startup-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, context) => {
        const bundle = context.bundle;
        if (bundle === undefined) return [];
        const entry = Object.values(bundle).find((chunk) => chunk.type === 'chunk' && chunk.isEntry);
        if (entry?.type !== 'chunk') return [];
        const files = new Set<string>();
        const visit = (file: string): void => {
          if (files.has(file)) return;
          files.add(file);
          const chunk = bundle[file];
          if (chunk?.type === 'chunk') for (const imported of chunk.imports) visit(imported);
        };
        for (const file of entry.dynamicImports) visit(file);
        return [...files].filter((file) => !html.includes(`/${file}"`)).map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), preloadStartupChunks()],
  worker: { format: 'es' },
  // The dev server pre-bundles the dependencies of the chunks loaded on demand (the XML editor, the
  // Changes view) at start: found only when a tab first imports them, they made it re-optimize and the
  // tab's import fail with "Outdated Optimize Dep".
  optimizeDeps: {
    include: ['@codemirror/commands', '@codemirror/lang-xml', '@codemirror/language', '@codemirror/lint', '@codemirror/search', '@codemirror/state', '@codemirror/view', 'diff', '@tanstack/react-virtual'],
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
  // The budget is 300 KB of gzipped initial JavaScript (DESIGN.md), measured by npm run bench.
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1024 },
});
