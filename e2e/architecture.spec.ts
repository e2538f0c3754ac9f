import { expect, test, type Page } from '@playwright/test';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { showDetail, showPipeline } from './graph-view.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'fixtures');

async function open(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'HTTP.sys', exact: true })).toBeVisible();
}

/** Plays at x1000 so a test does not wait on the animation. */
async function fastPlayback(page: Page): Promise<void> {
  await page.getByLabel('Speed').fill('4');
}

async function send(page: Page, url: string, method = 'GET'): Promise<void> {
  await page.getByLabel('Method').selectOption(method);
  await page.getByLabel('URL', { exact: true }).fill(url);
  await page.getByRole('button', { name: 'Send' }).click();
}

const result = (page: Page) => page.getByLabel('Result');
const trace = (page: Page) => page.getByRole('region', { name: 'Trace' });

test('the default graph shows both bands and every component of the seeds', async ({ page }) => {
  await open(page);
  await expect(page.getByRole('region', { name: 'User mode' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Kernel mode' })).toBeVisible();
  for (const name of ['HTTP.sys', 'Listener', 'URL groups', 'Kernel response cache', 'Request queue DefaultAppPool', 'svchost.exe', 'WAS', 'W3SVC', 'applicationHost.config', 'Client']) {
    await expect(page.getByRole('group', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('group', { name: 'Application pool DefaultAppPool' })).toBeVisible();
  await expect(page.getByRole('group', { name: /^w3wp\.exe/ })).toHaveCount(0);
  // The edges say what each link is: WAS reads the configuration and manages the pools, HTTP comes in
  // (their labels are drawn with the nodes' detail, from zoom 1).
  await page.screenshot({ path: 'e2e/screenshots/architecture-default.png' });
  await showDetail(page, 'WAS');
  const edges = page.locator('.react-flow__edges');
  for (const label of ['reads', 'manages', 'HTTP']) await expect(edges.getByText(label, { exact: true }).first()).toBeVisible();
});

test('a first request to a cold pool starts w3wp.exe; a second does not', async ({ page }) => {
  await open(page);
  await fastPlayback(page);
  await send(page, 'http://localhost/');
  await expect(result(page)).toContainText('200.0');
  await expect(page.getByRole('group', { name: /^w3wp\.exe \d+$/ })).toBeVisible();
  await trace(page).getByLabel('Event or module').fill('WAS_START_WORKER');
  await expect(trace(page).getByRole('cell', { name: 'WAS_START_WORKER', exact: true })).toBeVisible();
  // Its live state: the cold start is part of its uptime; the request has been answered.
  await expect(page.getByLabel(/^w3wp\.exe \d+ live state$/)).toHaveText(/^up [\d.]+ (ms|s) · 0 in flight$/);
  // Its pipeline, drawn while a request is in it, stays drawn when asked.
  await showPipeline(page);
  await page.screenshot({ path: 'e2e/screenshots/first-request.png' });
  await send(page, 'http://localhost/');
  // The request list follows the newest request.
  await expect(trace(page).getByRole('listbox', { name: 'Requests' }).getByRole('option', { selected: true })).toHaveAttribute('aria-label', /^#2 /);
  // The second request's events: no worker start among them (the list says so), a dequeue by the running worker.
  await expect(trace(page).getByRole('table', { name: 'Events' })).toHaveAttribute('aria-rowcount', '1');
  await expect(trace(page).getByText('No event matches the filters.')).toBeVisible();
  await trace(page).getByLabel('Event or module').fill('WORKER_DEQUEUE');
  await expect(trace(page).getByRole('cell', { name: 'WORKER_DEQUEUE', exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: /^w3wp\.exe \d+$/ })).toHaveCount(1);
});

test('a repeated static request ends as a kernel cache hit that never enters user mode', async ({ page }) => {
  await open(page);
  await fastPlayback(page);
  for (let i = 0; i < 3; i++) {
    await send(page, 'http://localhost/iisstart.htm');
    await expect(trace(page).getByRole('listbox', { name: 'Requests' }).getByRole('option', { selected: true })).toHaveAttribute('aria-label', new RegExp(`^#${String(i + 1)} `));
  }
  await expect(result(page)).toContainText('kernel cache: never entered user mode');
  await expect(trace(page).getByRole('cell', { name: 'HTTPSYS_CACHE_HIT', exact: true })).toBeVisible();
  // None of its events is in w3wp.exe (the filter finds the earlier requests' ones, not this one's).
  await trace(page).getByLabel('Component').selectOption('w3wp.exe');
  await expect(trace(page).getByRole('table', { name: 'Events' })).toHaveAttribute('aria-rowcount', '1');
  await expect(trace(page).getByText('No event matches the filters.')).toBeVisible();
  await trace(page).getByLabel('Component').selectOption('');
  // Two lookups missed (the first two requests), the third hit: the cache node counts them.
  await expect(page.getByLabel('Kernel response cache counts')).toHaveText('1 entry · 1 hit · ratio 33 %');
  await page.screenshot({ path: 'e2e/screenshots/kernel-cache-hit.png' });
});

test('/x.mdb ends 404.7, decided by RequestFilteringModule', async ({ page }) => {
  await open(page);
  await fastPlayback(page);
  await send(page, 'http://localhost/x.mdb');
  await expect(result(page)).toContainText('404.7');
  await expect(result(page)).toContainText('RequestFilteringModule');
  await expect(result(page)).toContainText('requestFiltering/fileExtensions');
  await page.screenshot({ path: 'e2e/screenshots/404-7.png' });
});

test('Step back then Step forward return to the same event; keys step and play', async ({ page }) => {
  await open(page);
  await send(page, 'http://localhost/');
  await page.getByRole('button', { name: 'Pause' }).click();
  const position = page.locator('.playback .position');
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Step forward' }).click();
  const here = await position.textContent();
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(position).not.toHaveText(here ?? '');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(position).toHaveText(here ?? '');
  await page.locator('body').press('ArrowLeft');
  await expect(position).not.toHaveText(here ?? '');
  await page.locator('body').press('ArrowRight');
  await expect(position).toHaveText(here ?? '');
  // Space plays when no button has focus (a focused button's Space presses the button).
  await page.getByRole('heading', { name: 'IIS Flow', level: 1 }).click();
  await page.locator('body').press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/stepping.png' });
});

test('finds a node by name and selects it', async ({ page }) => {
  await open(page);
  await page.getByLabel('Find a node').fill('.NET v4.5 Classic');
  await page.getByLabel('Find a node').press('Enter');
  await expect(page.getByRole('region', { name: 'Inspector' })).toContainText('Application pool .NET v4.5 Classic');
  await page.getByLabel('Find a node').fill('no such thing');
  await page.getByLabel('Find a node').press('Enter');
  await expect(page.getByRole('alert')).toContainText('No node is named like "no such thing"');
  await page.screenshot({ path: 'e2e/screenshots/find-node.png' });
});

test('a worker process shows its requests in flight while it serves a load', async ({ page }) => {
  await open(page);
  await page.getByLabel('URL', { exact: true }).fill('http://localhost/');
  await page.getByLabel('Load').fill('40');
  await page.getByRole('button', { name: 'Start load' }).click();
  await expect(page.getByLabel(/^w3wp\.exe \d+ live state$/)).toHaveText(/· ([1-9]\d*) in flight$/);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.screenshot({ path: 'e2e/screenshots/worker-in-flight.png' });
});

test('a load of requests fills the queue while the worker starts', async ({ page }) => {
  await open(page);
  await page.getByLabel('URL', { exact: true }).fill('http://localhost/iisstart.htm?load');
  await page.getByLabel('Load').fill('300');
  await page.getByRole('button', { name: 'Start load' }).click();
  await expect(page.getByRole('meter', { name: 'Request queue DefaultAppPool depth' })).not.toHaveAttribute('aria-valuenow', '0');
  await page.screenshot({ path: 'e2e/screenshots/load.png' });
});

test('clicking a node shows its configuration and live state in the Inspector', async ({ page }) => {
  await open(page);
  await page.getByRole('group', { name: 'Application pool DefaultAppPool' }).click({ position: { x: 12, y: 8 } });
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector).toContainText('managedPipelineMode');
  await expect(inspector).toContainText('queueLength');
  await page.screenshot({ path: 'e2e/screenshots/inspector.png' });
});

test("fixture 12's 62 sites load and lay out", async ({ page }) => {
  await open(page);
  await page.getByLabel('Import configuration').setInputFiles(join(FIXTURES, '12-shubham23nov-Web-Service-Health-Check-62sites.config'));
  await expect(page.getByRole('status')).toContainText('62 sites');
  await expect(page.getByRole('group', { name: 'URL groups', exact: true })).toContainText('more sites');
  await page.getByRole('group', { name: 'URL groups', exact: true }).click();
  await page.getByRole('button', { name: 'Show all sites' }).click();
  await expect(page.getByRole('group', { name: 'URL groups', exact: true }).locator('li')).toHaveCount(62);
  await expect(page.getByRole('group', { name: 'NetTcpActivator', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Show all application pools' }).click();
  await expect(page.getByRole('group', { name: /^Application pool / })).toHaveCount(65);
  await page.screenshot({ path: 'e2e/screenshots/fixture-12.png' });
});

test('the graph keeps itself in view as a worker process appears', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page);
  await fastPlayback(page);
  await send(page, 'http://localhost/');
  await expect(page.getByRole('group', { name: /^w3wp\.exe \d+$/ })).toBeVisible();
  // The graph grew (the worker and its pipeline): it refits, so both bands stay whole in the view.
  await expect(page.getByRole('region', { name: 'Kernel mode' })).toBeInViewport({ ratio: 0.99 });
  await expect(page.getByRole('region', { name: 'User mode' })).toBeInViewport({ ratio: 0.99 });
  await page.screenshot({ path: 'e2e/screenshots/fits-after-worker-start.png' });
});

test('once the person zooms, the view stays where they put it until they fit it again', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page);
  await fastPlayback(page);
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
  await send(page, 'http://localhost/');
  await expect(result(page)).toContainText('200.0');
  await expect(page.getByRole('group', { name: /^w3wp\.exe \d+$/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Kernel mode' })).not.toBeInViewport({ ratio: 0.9 });
  await page.getByRole('button', { name: 'Fit View' }).click();
  await expect(page.getByRole('region', { name: 'Kernel mode' })).toBeInViewport({ ratio: 0.99 });
});
