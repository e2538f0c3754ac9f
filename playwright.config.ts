import { chromium, defineConfig, devices } from '@playwright/test';
import { findChromiumSync } from './scripts/find-chromium.mjs';

// `npm run test:e2e` runs scripts/ensure-chromium.mjs first (which may install Chromium);
// this file only looks. When nothing is found, Playwright falls back to its own browser
// and says what is missing.
const executablePath = findChromiumSync(chromium);
const CI = Boolean(process.env.CI);
// E2E_PORT and E2E_OUT let several builds be tested side by side (a build in dist-NAME, served on its own port).
const port = process.env.E2E_PORT ?? '4173';
const outDir = process.env.E2E_OUT ?? 'dist';
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './e2e',
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  workers: 2,
  reporter: [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath === undefined ? {} : { executablePath }),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-quic',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${outDir}`,
    url: baseURL,
    reuseExistingServer: !CI,
    timeout: 60_000,
  },
});
