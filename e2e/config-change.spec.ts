/**
 * A change reaches the running simulation the way IIS takes it: WAS reads applicationHost.config, W3SVC
 * updates HTTP.sys (drawn as a token of the server's own on that path), a stopped pool's queue answers
 * 503, a recycled pool gets a new w3wp.exe, and a request for a stopped site's binding says the site is
 * stopped.
 */
import { expect, test, type Page } from '@playwright/test';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'fixtures');
const FIXTURE_01 = '01-c1982-IIS-SharedGitConfig-4sites-hostheaders.config';

async function open(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'HTTP.sys', exact: true })).toBeVisible();
}

const result = (page: Page) => page.getByLabel('Result');

async function send(page: Page, url: string): Promise<string> {
  await page.getByLabel('Method').selectOption('GET');
  await page.getByLabel('URL', { exact: true }).fill(url);
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('tab', { name: 'Trace' }).click();
  await page.getByRole('button', { name: 'Skip to its result' }).click({ timeout: 5000 }).catch(() => undefined);
  const code = result(page).locator('.result-code');
  await expect(code).toHaveText(/^\d+\.\d+$|^Reset$/);
  return (await code.textContent()) ?? '';
}

async function selectPool(page: Page, name: string) {
  await page.getByRole('tab', { name: 'Server' }).click();
  await page.getByRole('listbox', { name: 'Application pools' }).getByRole('option', { name: new RegExp(`^${name}`) }).click();
  return page.getByRole('region', { name: `Application pool ${name}` });
}

/** The most server tokens (a change on its way through WAS, W3SVC, HTTP.sys) drawn in a frame, over `ms`. */
async function serverTokensDrawn(page: Page, ms: number): Promise<number> {
  return page.evaluate(
    (duration) =>
      new Promise<number>((resolve) => {
        let most = 0;
        const end = performance.now() + duration;
        const look = (): void => {
          most = Math.max(most, (window as { iisFlowServerTokens?: number }).iisFlowServerTokens ?? 0);
          if (performance.now() < end) requestAnimationFrame(look);
          else resolve(most);
        };
        requestAnimationFrame(look);
      }),
    ms,
  );
}

test('stopping a pool is a configuration change, drawn on its way, and the pool\'s next request ends 503 at HTTP.sys', async ({ page }) => {
  test.setTimeout(90_000);
  await open(page);
  expect(await send(page, 'http://localhost/')).toBe('200.0');

  const pool = await selectPool(page, 'DefaultAppPool');
  const drawn = serverTokensDrawn(page, 1500);
  await pool.getByRole('button', { name: 'Stop pool' }).click();
  // The change plays from where it starts: a token of the server's own leaves applicationHost.config.
  expect(await drawn).toBeGreaterThan(0);
  await page.screenshot({ path: 'e2e/screenshots/config-change-pool-stopped.png' });

  expect(await send(page, 'http://localhost/')).toBe('503.0');
  await expect(result(page)).toContainText('HTTP.sys');
  // The sentence also says where the application's pool comes from (applicationDefaults), between the two.
  await expect(result(page)).toContainText(/The application pool DefaultAppPool\b.* is stopped \(autoStart="false"\)/);
  await page.screenshot({ path: 'e2e/screenshots/config-change-503.png' });

  // Started again, the next request starts a new worker and is served.
  await (await selectPool(page, 'DefaultAppPool')).getByRole('button', { name: 'Start pool' }).click();
  expect(await send(page, 'http://localhost/')).toBe('200.0');
});

test('Recycle gives the pool a new w3wp.exe, drawn from WAS to the worker', async ({ page }) => {
  test.setTimeout(90_000);
  await open(page);
  await send(page, 'http://localhost/');
  const graph = page.getByRole('region', { name: 'Architecture graph' });
  const workers = graph.getByRole('group', { name: /^w3wp\.exe/ });
  await expect(workers).toHaveCount(1);
  const before = (await workers.first().getAttribute('aria-label')) ?? '';

  const pool = await selectPool(page, 'DefaultAppPool');
  const drawn = serverTokensDrawn(page, 2500);
  await pool.getByRole('button', { name: 'Recycle' }).click();
  expect(await drawn).toBeGreaterThan(0);
  await expect(pool.getByRole('status')).toContainText('Asked WAS to recycle DefaultAppPool');
  await expect(workers).toHaveCount(1, { timeout: 15_000 });
  await expect(workers.first()).not.toHaveAttribute('aria-label', before, { timeout: 15_000 });
  await page.screenshot({ path: 'e2e/screenshots/config-change-recycled.png' });
});

test('a request for a stopped site\'s binding says the site is stopped (fixture 01\'s Default Web Site)', async ({ page }) => {
  test.setTimeout(90_000);
  await open(page);
  await page.getByLabel('Import configuration').setInputFiles(join(FIXTURES, FIXTURE_01));
  await expect(page.getByRole('status').filter({ hasText: 'Loaded' })).toContainText(`Loaded ${FIXTURE_01}: 4 sites`);
  expect(await send(page, 'http://localhost/')).toBe('404.0');
  await expect(result(page)).toContainText('The site "Default Web Site" is stopped (serverAutoStart="false")');
  // www.ikinci.com's folder holds the default content: it is served, not a missing folder.
  expect(await send(page, 'http://www.ikinci.com/iisstart.htm')).toBe('200.0');
  await page.screenshot({ path: 'e2e/screenshots/config-change-stopped-site.png' });
});
