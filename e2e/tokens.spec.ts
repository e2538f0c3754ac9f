import { expect, test, type Page } from '@playwright/test';

interface Probe { x: number; y: number; radius: number }
const firstToken = (page: Page): Promise<Probe | undefined> => page.evaluate(() => (window as { iisFlowLastToken?: Probe }).iisFlowLastToken);

for (const viewport of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  test(`tokens are at least 10 px across, name their request on hover and are followed on click (${String(viewport.width)}x${String(viewport.height)})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    await expect(page.getByRole('group', { name: 'HTTP.sys', exact: true })).toBeVisible();
    await page.getByLabel('URL', { exact: true }).fill('http://localhost/iisstart.htm?load');
    await page.getByLabel('Load', { exact: true }).fill('30');
    await page.getByRole('button', { name: 'Start load' }).click();
    await expect.poll(async () => (await firstToken(page)) !== undefined, { timeout: 20_000 }).toBe(true);
    await page.getByRole('button', { name: 'Pause' }).click();
    // The camera may still be gliding to keep a new worker process in view: wait until the token stands still.
    let previous = '';
    await expect.poll(async () => {
      const now = JSON.stringify(await firstToken(page));
      const still = now === previous;
      previous = now;
      return still;
    }, { intervals: [400], timeout: 15_000 }).toBe(true);
    const token = await firstToken(page);
    if (token === undefined) throw new Error('no token drawn');
    // At the default (zoomed-out) view, a token is still at least 10 px across on screen.
    expect(2 * token.radius).toBeGreaterThanOrEqual(10);
    // Whole pixels: a click's coordinates are whole, a pointer move's need not be, and a load's tokens stack.
    const at = { x: Math.round(token.x), y: Math.round(token.y) };
    await page.mouse.move(at.x, at.y);
    const tip = page.getByRole('tooltip').filter({ hasText: /^#\d+ GET http:\/\/localhost\/iisstart\.htm\?load$/ });
    await expect(tip).toBeVisible();
    await page.screenshot({ path: `e2e/screenshots/token-hover-${String(viewport.width)}.png` });
    await page.mouse.click(at.x, at.y);
    // Tokens of a load stack up in a queue: the one clicked is the one the tooltip names at that point.
    const id = Number(/^#(\d+)/.exec((await tip.textContent()) ?? '')?.[1]);
    // A later request than the first (which is followed from the start) becomes the one followed.
    expect(id).toBeGreaterThan(1);
    await expect(page.getByRole('region', { name: 'Trace' })).toContainText(`#${String(id)} GET http://localhost/iisstart.htm?load`);
  });
}
