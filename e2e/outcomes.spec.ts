/**
 * A load's outcomes, told: the summary by status.substatus and by who decided, each a filter; the
 * status filter; every request of a load in a sortable list; the presets ending as their names say.
 * Screenshots of the summary during and after a load at 1280x720 and 1440x900.
 */
import { expect, test, type Page } from '@playwright/test';

async function open(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'HTTP.sys', exact: true })).toBeVisible();
}

const trace = (page: Page) => page.getByRole('region', { name: 'Trace' });
const outcomes = (page: Page) => trace(page).getByRole('region', { name: 'Outcomes' });
const requests = (page: Page) => trace(page).getByRole('listbox', { name: 'Requests' });
const statusField = (page: Page) => trace(page).getByRole('searchbox', { name: 'Status' });
const events = (page: Page) => trace(page).getByRole('table', { name: 'Events' });
/** The request-number column of the event rows in view (the list draws only those). */
const eventRequestIds = async (page: Page): Promise<number[]> => (await events(page).getByRole('row').filter({ has: page.getByRole('cell') }).locator('[role="cell"]:nth-child(2)').allTextContents()).map(Number);

/** The composer's Start load: `count` copies of a GET of `url` at once. */
async function startLoad(page: Page, url: string, count: number): Promise<void> {
  await page.getByLabel('URL', { exact: true }).fill(url);
  await page.getByLabel('Load', { exact: true }).fill(String(count));
  await page.getByRole('button', { name: 'Start load' }).click();
}

async function playedToTheEnd(page: Page): Promise<void> {
  await expect(page.getByLabel('Timeline')).toHaveAttribute('aria-valuetext', /^event (\d+) of \1$/, { timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 30_000 });
}

for (const viewport of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  const size = `${String(viewport.width)}x${String(viewport.height)}`;
  test.describe(`at ${size}`, () => {
    test.use({ viewport });

    test('a 2,500-request load names how many ended 503, and filtering on 503 lists them', async ({ page }) => {
      test.setTimeout(90_000);
      await open(page);
      await page.getByLabel('Speed').fill('4');
      // The default pool's queue holds queueLength=1000: HTTP.sys refuses the other 1,500 with 503.
      await startLoad(page, 'http://localhost/iisstart.htm', 2500);
      await playedToTheEnd(page);
      await expect(outcomes(page).getByRole('button', { name: '503.0 × 1,500' })).toBeVisible();
      await expect(outcomes(page).getByRole('button', { name: '200.0 × 1,000' })).toBeVisible();
      const byWho = outcomes(page).getByRole('group', { name: 'By who decided' });
      await expect(byWho.getByRole('button', { name: 'HTTP.sys: DefaultAppPool queue full × 1,500' })).toBeVisible();
      await expect(byWho.getByRole('button', { name: 'StaticFileModule × 1,000' })).toBeVisible();
      // The list holds every request of the load, not the latest 300.
      await expect(trace(page).getByText(/^Requests 2,500$/)).toBeVisible();
      await expect(requests(page).getByRole('option').first()).toHaveAttribute('aria-setsize', '2500');
      await page.screenshot({ path: `e2e/screenshots/outcomes-after-${size}.png` });

      // Typing 503 lists the 503s, in the request list and in the event list.
      await statusField(page).fill('503');
      await expect(trace(page).getByText(/^Requests 1,500 of 2,500$/)).toBeVisible();
      await expect(requests(page).getByRole('option').first()).toHaveAttribute('aria-setsize', '1500');
      const labels = await requests(page).getByRole('option').evaluateAll((options) => options.map((o) => o.getAttribute('aria-label') ?? ''));
      expect(labels.length).toBeGreaterThan(3);
      expect(labels.every((label) => label.includes('→ 503.0'))).toBe(true);
      await expect(trace(page).getByText(/^[\d,]+ of [\d,]+ events$/)).toBeVisible();
      // The first 1,000 sent were queued and served: the events listed are those of the others.
      const ids = await eventRequestIds(page);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.every((id) => id > 1000)).toBe(true);
      // The 503 count is pressed only for exactly "503.0"; pressing it writes that in the field.
      await expect(outcomes(page).getByRole('button', { name: '503.0 × 1,500' })).toHaveAttribute('aria-pressed', 'false');
      await statusField(page).fill('');
      await outcomes(page).getByRole('button', { name: '503.0 × 1,500' }).click();
      await expect(statusField(page)).toHaveValue('503.0');
      await expect(outcomes(page).getByRole('button', { name: '503.0 × 1,500' })).toHaveAttribute('aria-pressed', 'true');
      await expect(trace(page).getByText(/^Requests 1,500 of 2,500$/)).toBeVisible();
      await page.screenshot({ path: `e2e/screenshots/outcomes-filtered-${size}.png` });
      // Who decided is a filter too; Clear filters lists them all again.
      await byWho.getByRole('button', { name: 'StaticFileModule × 1,000' }).click();
      await expect(requests(page)).toHaveCount(0);
      await expect(trace(page)).toContainText('No request answered so far matches the filters.');
      await trace(page).getByRole('button', { name: 'Clear filters' }).click();
      await expect(trace(page).getByText(/^Requests 2,500$/)).toBeVisible();
      await expect(statusField(page)).toHaveValue('');
    });

    test('during a load, the summary counts the responses back so far and those still in flight', async ({ page }) => {
      test.setTimeout(60_000);
      await open(page);
      await page.getByLabel('Speed').fill('1'); // x1
      await startLoad(page, 'http://localhost/iisstart.htm', 2500);
      // HTTP.sys refuses the 1,500 at once; the 1,000 queued wait for w3wp.exe to start.
      const inFlight = outcomes(page).getByText(/^[\d,]+ answered · [\d,]+ in flight$/);
      await expect(inFlight).toBeVisible({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Pause' }).click();
      const text = (await inFlight.textContent()) ?? '';
      const [answered = 0, flying = 0] = (text.match(/[\d,]+/g) ?? []).map((n) => Number(n.replace(/,/g, '')));
      expect(answered + flying).toBe(2500);
      expect(flying).toBeGreaterThan(0);
      // Requests still in flight say so in the list; a status is told once the response is back.
      await expect(requests(page).getByRole('option', { name: /→ in flight/ }).first()).toBeVisible();
      await page.screenshot({ path: `e2e/screenshots/outcomes-during-${size}.png` });
      // Stepping back before every response has arrived counts fewer.
      await page.getByLabel('Timeline').fill('0');
      await expect(outcomes(page).getByRole('group', { name: 'By status' })).toHaveCount(0);
      await expect(outcomes(page)).toContainText('0 answered · 2,500 in flight');
    });
  });
}

test('the request list sorts by time sent, status and duration, either way', async ({ page }) => {
  await open(page);
  await page.getByLabel('Speed').fill('4');
  const presets = page.getByRole('group', { name: 'Presets' });
  // Each preset sent once its predecessor's result is told: five outcomes, five durations.
  for (const [preset, code] of [['Static file', '200.0'], ['Blocked extension (.mdb)', '404.7'], ['Unknown host name', '400.0'], ['Missing file', '404.0'], ['POST to a static file', '405.0']] as const) {
    await presets.getByRole('button', { name: preset, exact: true }).click();
    await expect(page.getByLabel('Result')).toContainText(code);
  }
  await playedToTheEnd(page);
  const order = async (): Promise<string[]> => (await requests(page).getByRole('option').evaluateAll((options) => options.map((o) => o.getAttribute('aria-label') ?? ''))).map((label) => /→ (\S+?),/.exec(label)?.[1] ?? label);
  const sortBy = (name: string) => trace(page).getByRole('button', { name });
  await expect(sortBy('Sort by time sent')).toHaveAttribute('aria-pressed', 'true');
  expect(await order()).toEqual(['200.0', '404.7', '400.0', '404.0', '405.0']);
  await sortBy('Sort by time sent').click();
  expect(await order()).toEqual(['405.0', '404.0', '400.0', '404.7', '200.0']);
  // By status: highest first, then (pressed again) lowest first.
  await sortBy('Sort by status').click();
  await expect(sortBy('Sort by status')).toHaveAttribute('aria-pressed', 'true');
  await expect(sortBy('Sort by time sent')).toHaveAttribute('aria-pressed', 'false');
  expect(await order()).toEqual(['405.0', '404.7', '404.0', '400.0', '200.0']);
  await sortBy('Sort by status').click();
  expect(await order()).toEqual(['200.0', '400.0', '404.0', '404.7', '405.0']);
  // By duration: the first request, which waited for w3wp.exe to start, took longest.
  await sortBy('Sort by duration').click();
  const longest = await order();
  expect(longest[0]).toBe('200.0');
  const took = async (): Promise<number[]> =>
    (await requests(page).getByRole('option').evaluateAll((options) => options.map((o) => o.getAttribute('aria-label') ?? ''))).map((label) => {
      const [, value = '0', unit = 'ms'] = /took ([\d.]+) (µs|ms|s)$/.exec(label) ?? [];
      return Number(value) * (unit === 's' ? 1000 : unit === 'µs' ? 0.001 : 1);
    });
  const descending = await took();
  expect(descending).toEqual([...descending].sort((a, b) => b - a));
  await sortBy('Sort by duration').click();
  const ascending = await took();
  expect(ascending).toEqual([...descending].reverse());
  // The keyboard moves the selection through the list as sorted; Escape returns to all requests.
  await requests(page).focus();
  await page.keyboard.press('Home');
  await expect(requests(page).getByRole('option', { selected: true })).toHaveAttribute('aria-posinset', '1');
  await page.keyboard.press('ArrowDown');
  await expect(requests(page).getByRole('option', { selected: true })).toHaveAttribute('aria-posinset', '2');
  await page.keyboard.press('Escape');
  await expect(requests(page).getByRole('option', { selected: true })).toHaveCount(0);
  await expect(page.getByLabel('Result')).toHaveCount(0);
  await page.screenshot({ path: 'e2e/screenshots/outcomes-sorted.png' });
});

test('the Hidden segment preset reaches a hidden segment and ends 404.8', async ({ page }) => {
  await open(page);
  await page.getByLabel('Speed').fill('4');
  await page.getByRole('group', { name: 'Presets' }).getByRole('button', { name: 'Hidden segment' }).click();
  const result = page.getByLabel('Result');
  await expect(result).toContainText('404.8');
  await expect(result).toContainText('RequestFilteringModule');
  await expect(result).toContainText('hiddenSegments');
  await expect(outcomes(page).getByRole('button', { name: '404.8 × 1' })).toBeVisible();
  await expect(requests(page).getByRole('option', { name: /^#1 GET http:\/\/localhost\/bin\/App\.dll → 404\.8/ })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/outcomes-hidden-segment.png' });
});
