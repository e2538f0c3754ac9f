import { expect, test, type Page } from '@playwright/test';

async function open(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'HTTP.sys', exact: true })).toBeVisible();
}

const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });
const meter = (page: Page) => page.getByRole('meter', { name: 'Request queue DefaultAppPool depth' });

/** The count in the Inspector's "Requests waiting" row. */
async function inspectorWaiting(page: Page): Promise<number> {
  const text = (await inspector(page).getByRole('row', { name: /Requests waiting/ }).textContent()) ?? '';
  const match = /(\d+) of queueLength/.exec(text);
  if (match === null) throw new Error(`no count in "${text}"`);
  return Number(match[1]);
}

test('paused mid-load, the Inspector shows the queue and the worker as they are at that moment, and stepping back updates them', async ({ page }) => {
  await open(page);
  await page.getByLabel('URL', { exact: true }).fill('http://localhost/iisstart.htm?load');
  await page.getByLabel('Load', { exact: true }).fill('2500');
  await page.getByRole('button', { name: 'Start load' }).click();
  // Requests wait in DefaultAppPool's queue while WAS starts its first w3wp.exe.
  await expect(meter(page)).not.toHaveAttribute('aria-valuenow', '0', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('group', { name: 'Request queue DefaultAppPool' }).click({ position: { x: 20, y: 10 } });
  await expect(inspector(page)).toContainText('Request queue DefaultAppPool');
  await expect(inspector(page)).toContainText(/At [\d.]+ m?s of the playback/);
  const shown = Number(await meter(page).getAttribute('aria-valuenow'));
  expect(shown).toBeGreaterThan(0);
  expect(await inspectorWaiting(page)).toBe(shown);
  // Moving back (the timeline to a third of where it was) moves both to the earlier moment, still equal.
  const timeline = page.getByLabel('Timeline');
  await timeline.fill(String(Number(await timeline.inputValue()) / 3));
  await expect.poll(async () => Number(await meter(page).getAttribute('aria-valuenow'))).not.toBe(shown);
  await expect.poll(async () => (await inspectorWaiting(page)) === Number(await meter(page).getAttribute('aria-valuenow'))).toBe(true);
  await page.screenshot({ path: 'e2e/screenshots/playback-state-queue.png' });
});

test('the Inspector says a worker process is not running yet before WAS starts it', async ({ page }) => {
  await open(page);
  await page.getByLabel('URL', { exact: true }).fill('http://localhost/');
  await page.getByRole('button', { name: 'Send' }).click();
  const worker = page.getByRole('group', { name: /^w3wp\.exe \d+$/ });
  await expect(worker).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await worker.click({ position: { x: 20, y: 10 } });
  await expect(inspector(page).getByRole('row', { name: /Requests served/ })).toBeVisible();
  // Back to the first event: the process does not exist yet at that moment.
  await page.getByLabel('Timeline').fill('0');
  await expect(inspector(page)).toContainText('not running at this moment of the playback');
  await page.screenshot({ path: 'e2e/screenshots/playback-state-worker.png' });
});
