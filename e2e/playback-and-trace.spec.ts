import { expect, test, type Page } from '@playwright/test';

async function open(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'HTTP.sys', exact: true })).toBeVisible();
}

async function send(page: Page, url: string): Promise<void> {
  await page.getByLabel('URL', { exact: true }).fill(url);
  await page.getByRole('button', { name: 'Send' }).click();
}

const trace = (page: Page) => page.getByRole('region', { name: 'Trace' });
/** The trace's event table, and one column of the event rows in view (the list draws only those). */
const events = (page: Page) => trace(page).getByRole('table', { name: 'Events' });
const column = (page: Page, n: number) => events(page).getByRole('row').filter({ has: page.getByRole('cell') }).locator(`[role="cell"]:nth-child(${String(n)})`);

test('the speed runs from x0.1 to x1000', async ({ page }) => {
  await open(page);
  const speed = page.getByLabel('Speed');
  await speed.fill('0');
  await expect(speed).toHaveAttribute('aria-valuetext', 'x0.1');
  await speed.fill('4');
  await expect(speed).toHaveAttribute('aria-valuetext', 'x1000');
});

test('the timeline scrubs back to the first event and forward to the last', async ({ page }) => {
  await open(page);
  await page.getByLabel('Speed').fill('4');
  await send(page, 'http://localhost/');
  await expect(page.getByLabel('Result')).toContainText('200.0');
  const timeline = page.getByLabel('Timeline');
  // Played to the end: the last event.
  await expect(timeline).toHaveAttribute('aria-valuetext', /^event (\d+) of \1$/);
  const last = await timeline.getAttribute('aria-valuetext');
  await timeline.fill('0');
  await expect(timeline).toHaveAttribute('aria-valuetext', /^event 1 of \d+$/);
  await expect(page.locator('.playback .position')).toContainText('Client CLIENT_REQUEST_SENT');
  await timeline.fill(await timeline.getAttribute('max') ?? '0');
  await expect(timeline).toHaveAttribute('aria-valuetext', last ?? '');
  // The trace list keeps the current event in sight.
  await expect(events(page).locator('[aria-current="step"]')).toBeInViewport();
  await timeline.fill('0');
  await expect(events(page).locator('[aria-current="step"]')).toBeInViewport();
});

test('the trace filters by component and by event or module, and shows where the time went', async ({ page }) => {
  await open(page);
  await page.getByLabel('Speed').fill('4');
  await send(page, 'http://localhost/');
  await expect(page.getByLabel('Result')).toContainText('200.0');
  await trace(page).getByLabel('Component').selectOption('HTTP.sys');
  await expect(column(page, 3).first()).toHaveText('HTTP.sys');
  const components = await column(page, 3).allTextContents();
  expect(new Set(components)).toEqual(new Set(['HTTP.sys']));
  await trace(page).getByLabel('Component').selectOption('');
  await trace(page).getByLabel('Event or module').fill('StaticFileModule');
  await expect(trace(page).getByRole('cell', { name: 'StaticFileModule', exact: true }).first()).toBeVisible();
  const modules = await column(page, 5).allTextContents();
  expect(modules.length).toBeGreaterThan(0);
  expect(modules.every((m) => m === 'StaticFileModule')).toBe(true);
  const waterfall = trace(page).getByRole('list', { name: 'Waterfall' });
  await expect(waterfall).toContainText('WAS starts w3wp.exe');
  await expect(waterfall).toContainText('Waiting in the request queue');
  await expect(waterfall).toContainText('StaticFileModule');
  await page.screenshot({ path: 'e2e/screenshots/trace-filters.png' });
});

test('following a request moves the view with its token', async ({ page }) => {
  await open(page);
  const viewport = page.locator('.react-flow__viewport');
  const before = await viewport.getAttribute('style');
  await page.getByLabel('Follow this request').check();
  await send(page, 'http://localhost/');
  await expect.poll(async () => viewport.getAttribute('style')).not.toBe(before);
  await page.screenshot({ path: 'e2e/screenshots/follow.png' });
});

test('with reduced motion the page still plays every request to its result', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page);
  await page.getByLabel('Speed').fill('4');
  await send(page, 'http://localhost/x.mdb');
  await expect(page.getByLabel('Result')).toContainText('404.7');
  expect(await page.evaluate(() => window.matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
});

test('the ASP.NET page preset runs the managed handler, and ManagedEngine creates the AppDomain', async ({ page }) => {
  await open(page);
  await page.getByLabel('Speed').fill('4');
  await page.getByRole('group', { name: 'Presets' }).getByRole('button', { name: 'ASP.NET page' }).click();
  await expect(page.getByLabel('Result')).toContainText('200.0');
  await expect(page.getByLabel('Result')).toContainText('PageHandlerFactory-Integrated-4.0');
  await expect(page.getByRole('group', { name: /AppDomain/ })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/aspnet-page.png' });
});

test('the result is told when the response reaches the client, or at once on request', async ({ page }) => {
  await open(page);
  await page.getByLabel('Speed').fill('0'); // x0.1: the request takes a while to play
  await send(page, 'http://localhost/x.mdb');
  const result = page.getByLabel('Result');
  await expect(result).toContainText('In flight');
  await expect(result).not.toContainText('404.7');
  // The request list agrees: no status before the response is back.
  const listed = trace(page).getByRole('listbox', { name: 'Requests' }).getByRole('option', { selected: true });
  await expect(listed).toHaveAccessibleName(/→ in flight/);
  await page.screenshot({ path: 'e2e/screenshots/result-in-flight.png' });
  await result.getByRole('button', { name: 'Skip to its result' }).click();
  await expect(result).toContainText('404.7');
  await expect(result).toContainText('RequestFilteringModule');
  await expect(listed).toHaveAccessibleName(/→ 404\.7/);
  // Stepping back before the response arrives hides it again.
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(result).toContainText('In flight');
});

test('the event list scrolls through every event of a load and draws only the rows in view', async ({ page }) => {
  await open(page);
  await page.getByLabel('Speed').fill('4');
  await page.getByLabel('URL', { exact: true }).fill('http://localhost/iisstart.htm');
  await page.getByLabel('Load').fill('60');
  await page.getByRole('button', { name: 'Start load' }).click();
  // Played to its end: hundreds of events.
  await expect(page.getByLabel('Timeline')).toHaveAttribute('aria-valuetext', /^event (\d{3,}) of \1$/, { timeout: 20_000 });
  await trace(page).getByRole('button', { name: 'All requests' }).click();
  const count = trace(page).getByText(/^[\d,]+ events$/);
  const total = Number((await count.textContent())?.replace(/\D/g, ''));
  expect(total).toBeGreaterThan(600);
  await expect(events(page)).toHaveAttribute('aria-rowcount', String(total + 1));
  // Only the rows in view (and a few either side) are in the page.
  expect(await events(page).getByRole('row').count()).toBeLessThan(60);
  // The first row, then the last after scrolling to the end.
  await events(page).evaluate((list) => { list.scrollTop = 0; });
  await expect(events(page).locator('[aria-rowindex="2"]')).toBeInViewport();
  await events(page).evaluate((list) => { list.scrollTop = list.scrollHeight; });
  const lastRow = events(page).locator(`[aria-rowindex="${String(total + 1)}"]`);
  await expect(lastRow).toBeInViewport();
  // Clicking a row moves playback to its event.
  const middle = events(page).getByRole('row').nth(10);
  const event = await middle.getByRole('cell').nth(3).textContent();
  await middle.click();
  await expect(middle).toHaveAttribute('aria-current', 'step');
  await expect(page.locator('.playback .position')).toContainText(event ?? '');
  await page.screenshot({ path: 'e2e/screenshots/event-list-scrolled.png' });
});

test('the bar between the graph and the trace resizes the trace, by keyboard and by dragging', async ({ page }) => {
  await open(page);
  // The bar resizes the whole panel below the graph: the trace and the other tabs.
  const panel = page.getByRole('region', { name: 'Workbench' });
  const bar = page.getByRole('separator', { name: 'Resize the trace panel' });
  const height = async (): Promise<number> => (await panel.boundingBox())?.height ?? 0;
  const before = await height();
  await bar.focus();
  for (let i = 0; i < 4; i++) await bar.press('ArrowUp');
  await expect.poll(height).toBeGreaterThan(before + 90);
  await expect(bar).toHaveAttribute('aria-valuenow', String(Math.round(await height())));
  // The arrow keys resize here; they do not step playback.
  await expect(page.locator('.playback .position')).toHaveText('No events yet: send a request.');
  // Dragged down by 150 px, the trace is 150 px shorter; the graph gets the room.
  const box = await bar.boundingBox();
  if (box === null) throw new Error('the resize bar has no box');
  const graphBefore = (await page.getByRole('region', { name: 'Architecture graph' }).boundingBox())?.height ?? 0;
  const tall = await height();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 150, { steps: 5 });
  await page.mouse.up();
  await expect.poll(height).toBeLessThan(tall - 140);
  expect((await page.getByRole('region', { name: 'Architecture graph' }).boundingBox())?.height ?? 0).toBeGreaterThan(graphBefore + 140);
  // Home takes it to its smallest; the graph keeps about 160 px however far the bar goes up.
  await bar.press('Home');
  await expect.poll(height).toBeLessThan(125);
  await bar.press('End');
  const graph = page.getByRole('region', { name: 'Architecture graph' });
  await expect.poll(async () => (await graph.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(150);
  // The graph refits to its smaller box: HTTP.sys, at the bottom of the drawing, is still inside it.
  await expect
    .poll(async () => {
      const area = await graph.boundingBox();
      const httpSys = await page.getByRole('group', { name: 'HTTP.sys', exact: true }).boundingBox();
      return area !== null && httpSys !== null && httpSys.y + httpSys.height <= area.y + area.height + 1;
    })
    .toBe(true);
  await page.screenshot({ path: 'e2e/screenshots/trace-resized.png' });
});

for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  test(`the playback bar's controls do not overlap, and the trace shows at least five events (${String(size.width)}x${String(size.height)})`, async ({ page }) => {
    await page.setViewportSize(size);
    await open(page);
    await page.getByLabel('Speed').fill('4');
    await send(page, 'http://localhost/');
    await expect(page.getByLabel('Result')).toContainText('200.0');
    const boxes = await Promise.all([page.getByLabel('Timeline'), page.getByLabel('Follow this request'), page.getByLabel('Speed'), page.getByRole('button', { name: 'Step forward' })].map(async (control) => control.boundingBox()));
    const present = boxes.filter((box): box is NonNullable<typeof box> => box !== null);
    expect(present).toHaveLength(4);
    for (let i = 0; i < present.length; i++) {
      for (let j = i + 1; j < present.length; j++) {
        const [a, b] = [present[i], present[j]];
        if (a === undefined || b === undefined) continue;
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap, `controls ${String(i)} and ${String(j)} overlap`).toBe(false);
      }
    }
    // The event list has room for at least five rows below its header (18 px each).
    const list = await events(page).boundingBox();
    expect(list?.height ?? 0).toBeGreaterThanOrEqual(6 * 18);
    await page.screenshot({ path: `e2e/screenshots/playback-bar-${String(size.width)}.png` });
  });
}
