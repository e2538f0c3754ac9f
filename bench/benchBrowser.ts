/**
 * What every UI bench group starts with: the built app served by `vite preview` on a port of its own,
 * and headless Chromium (Debian's, found as the e2e tests find it) with the flags this machine needs.
 * `withBenchBrowser` runs the measurements and always stops both.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { findChromiumSync } from '../scripts/find-chromium.mjs';

export async function waitForServer(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer`);
}

/**
 * Serves `root/dist` on `port`, opens Chromium, and runs `measure` with the browser and the app's URL.
 * Resolves to [] when the build is missing (run `npm run build` first).
 */
export async function withBenchBrowser<T>(root: string, dist: string, port: number, measure: (browser: Browser, url: string) => Promise<T[]>): Promise<T[]> {
  if (!existsSync(join(root, dist, 'index.html'))) return [];
  const server = spawn(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist], { cwd: root, stdio: 'ignore' });
  const executablePath = findChromiumSync(chromium);
  try {
    const browser = await chromium.launch({
      ...(executablePath === undefined ? {} : { executablePath }),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const url = `http://127.0.0.1:${String(port)}/`;
      await waitForServer(url, 30_000);
      return await measure(browser, url);
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
  }
}
