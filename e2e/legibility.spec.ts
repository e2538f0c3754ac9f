/**
 * The graph at the sizes people use (issue 10, "Legible at the sizes people use"): component names at
 * least 12 px tall on screen at the default view, module names at least 11 px where a paused request
 * is, the graph's tools beside the graph rather than over it, and a scenario step's nodes marked.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { viewSettled } from './graph-view.ts';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
];

const graph = (page: Page): Locator => page.getByRole('region', { name: 'Architecture graph' });
const node = (page: Page, name: string): Locator => graph(page).getByRole('group', { name, exact: true });

/** The on-screen height of a node's name: its font size times the graph's zoom. */
async function nameHeight(locator: Locator): Promise<number> {
  return locator.evaluate((element) => {
    const title = element.querySelector('.arch-title, .arch-group-title');
    const viewport = element.closest('.react-flow__viewport');
    if (title === null || !(viewport instanceof HTMLElement)) return 0;
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    return parseFloat(getComputedStyle(title).fontSize) * zoom;
  });
}

/** Whether a node's name is drawn whole (not cut off by its box). */
async function nameWhole(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const title = element.querySelector('.arch-title, .arch-group-title');
    return title instanceof HTMLElement && title.scrollWidth <= title.clientWidth + 1 && title.getBoundingClientRect().right <= element.getBoundingClientRect().right + 1;
  });
}

type Box = { x: number; y: number; width: number; height: number };
const meets = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function open(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.goto('/');
  await expect(node(page, 'HTTP.sys')).toBeVisible();
  await viewSettled(page);
}

for (const size of SIZES) {
  const at = `${String(size.width)}x${String(size.height)}`;

  test(`the default view draws component names at least 12 px tall, and Find a node and the minimap cover no node (${at})`, async ({ page }) => {
    await open(page, size);
    for (const name of ['HTTP.sys', 'WAS', 'W3SVC', 'Application pool DefaultAppPool', 'Application pool .NET v4.5 Classic', 'applicationHost.config', 'Request queue DefaultAppPool']) {
      const part = node(page, name);
      expect(await nameHeight(part), `${name} on screen`).toBeGreaterThanOrEqual(12);
      expect(await nameWhole(part), `${name} drawn whole`).toBe(true);
    }
    // Every number on a queue is there in full: how many wait, and its queueLength.
    await expect(node(page, 'Request queue DefaultAppPool')).toContainText('0 waiting / 1000');
    const search = await page.getByRole('search').boundingBox();
    const minimap = await page.getByRole('img', { name: 'Minimap' }).boundingBox();
    expect(search).not.toBeNull();
    expect(minimap).not.toBeNull();
    const boxes = await graph(page).locator('.react-flow__node').evaluateAll((elements) => elements.map((e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }));
    expect(boxes.length).toBeGreaterThan(15);
    for (const box of boxes) {
      if (search !== null) expect(meets(box, search), 'Find a node over a node').toBe(false);
      if (minimap !== null) expect(meets(box, minimap), 'the minimap over a node').toBe(false);
    }
    await page.screenshot({ path: `e2e/screenshots/legibility-default-${String(size.width)}.png` });
  });

  test(`after a request, w3wp.exe reads at least 12 px at the whole view, and paused in its pipeline the module names read at least 11 px (${at})`, async ({ page }) => {
    test.setTimeout(60_000);
    await open(page, size);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.locator('.playback .position')).toContainText('CLIENT_RESPONSE_RECEIVED', { timeout: 30_000 });
    // Playback over: the camera gives the whole view back.
    await expect.poll(() => page.evaluate(() => (window as { iisFlowCamera?: string }).iisFlowCamera)).toBe('whole');
    await viewSettled(page);
    const worker = graph(page).getByRole('group', { name: /^w3wp\.exe \d+$/ });
    await expect(worker).toBeVisible();
    expect(await nameHeight(worker)).toBeGreaterThanOrEqual(12);
    expect(await nameWhole(worker)).toBe(true);
    // Its live numbers are there in full.
    await expect(worker).toContainText(/up [\d.]+ (ms|s) · 0 in flight/);
    await page.screenshot({ path: `e2e/screenshots/legibility-after-request-${String(size.width)}.png` });

    // Step back into the pipeline: the request is in w3wp.exe again, its notifications are drawn, and
    // the camera shows where it is at a zoom where module names are readable.
    const position = page.locator('.playback .position');
    for (let i = 0; i < 40 && !/NOTIFY_MODULE_(START|END)/.test((await position.textContent()) ?? ''); i++) {
      await page.getByRole('button', { name: 'Step back' }).click();
    }
    await expect(position).toContainText(/NOTIFY_MODULE_(START|END)/);
    await expect.poll(() => page.evaluate(() => (window as { iisFlowCamera?: string }).iisFlowCamera)).toBe('request');
    await viewSettled(page);
    const pane = await graph(page).locator('.react-flow').boundingBox();
    if (pane === null) throw new Error('no graph pane');
    const modules = await graph(page).locator('[data-module]').evaluateAll((elements) =>
      elements.map((e) => {
        const r = e.getBoundingClientRect();
        const viewport = e.closest('.react-flow__viewport');
        const zoom = viewport instanceof HTMLElement ? new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a : 0;
        return { x: r.x, y: r.y, width: r.width, height: r.height, size: parseFloat(getComputedStyle(e).fontSize) * zoom };
      }),
    );
    const inView = modules.filter((m) => m.width > 0 && m.x >= pane.x && m.x + m.width <= pane.x + pane.width && m.y >= pane.y && m.y + m.height <= pane.y + pane.height);
    expect(inView.length).toBeGreaterThan(3);
    for (const module of inView) expect(module.size).toBeGreaterThanOrEqual(11);
    // The request's token is in view, on its pipeline.
    const token = await page.evaluate(() => (window as { iisFlowLastToken?: { x: number; y: number } }).iisFlowLastToken);
    expect(token).toBeDefined();
    if (token !== undefined) {
      expect(token.x).toBeGreaterThan(pane.x);
      expect(token.x).toBeLessThan(pane.x + pane.width);
      expect(token.y).toBeGreaterThan(pane.y);
      expect(token.y).toBeLessThan(pane.y + pane.height);
    }
    await page.screenshot({ path: `e2e/screenshots/legibility-pipeline-${String(size.width)}.png` });
    // Fit View gives the whole graph back (with the pipeline the request is in).
    await page.getByRole('button', { name: 'Fit View' }).click();
    await expect.poll(() => page.evaluate(() => (window as { iisFlowCamera?: string }).iisFlowCamera)).toBe('whole');
    await viewSettled(page);
    for (const name of ['Client', 'HTTP.sys', 'Application pool .NET v4.5', 'Request queue .NET v4.5']) await expect(node(page, name)).toBeInViewport({ ratio: 0.99 });
  });

  test(`a scenario step's nodes are marked on the graph and framed by the camera (${at})`, async ({ page }) => {
    test.setTimeout(60_000);
    await open(page, size);
    await page.getByRole('tab', { name: 'Learn' }).click();
    const scenarios = page.getByRole('region', { name: 'Scenarios' });
    await scenarios.getByRole('button', { name: 'A warm request' }).click();
    await expect(scenarios.getByText('Step 1 of 4')).toBeVisible();
    await expect(page.locator('.playback .position')).toContainText('WAS_START_WORKER');
    // Step 1 points at WAS and DefaultAppPool: each is marked, with a cue a screen reader reads.
    for (const name of ['WAS', 'Application pool DefaultAppPool']) {
      await expect(node(page, name)).toHaveClass(/graph-highlighted/);
      await expect(node(page, name)).toHaveAttribute('aria-description', 'Highlighted by this scenario step');
      await expect(node(page, name)).toBeInViewport();
    }
    await expect(node(page, 'W3SVC')).not.toHaveClass(/graph-highlighted/);
    await expect.poll(() => page.evaluate(() => (window as { iisFlowCamera?: string }).iisFlowCamera)).toBe('highlights');
    await viewSettled(page);
    expect(await nameHeight(node(page, 'WAS'))).toBeGreaterThanOrEqual(12);
    await page.screenshot({ path: `e2e/screenshots/legibility-scenario-step1-${String(size.width)}.png` });
    // The next step points elsewhere: the marks move with it.
    await scenarios.getByRole('button', { name: 'Next' }).click();
    await expect(scenarios.getByText('Step 2 of 4')).toBeVisible();
    await expect(node(page, 'Listener')).toHaveClass(/graph-highlighted/);
    await expect(node(page, 'Client')).toHaveClass(/graph-highlighted/);
    await expect(node(page, 'WAS')).not.toHaveClass(/graph-highlighted/);
    await expect.poll(() => page.evaluate(() => (window as { iisFlowCamera?: string }).iisFlowCamera), { timeout: 15_000 }).toBe('highlights');
    await viewSettled(page);
    await expect(node(page, 'Listener')).toBeInViewport();
    await expect(node(page, 'Client')).toBeInViewport();
    await page.screenshot({ path: `e2e/screenshots/legibility-scenario-step2-${String(size.width)}.png` });
  });
}
