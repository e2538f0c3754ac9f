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

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
  // The budget is 300 KB of gzipped initial JavaScript (DESIGN.md), measured by npm run bench.
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1024 },
});
