/**
 * The descriptions that teach: hovering or keyboard-focusing a part of the graph shows what it is,
 * what it does to a request and what configures it, in a tooltip beside it (never over it); the
 * Inspector shows the same for the selected part; a notification lists its modules, each explained.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { showDetail, showPipeline } from './graph-view.ts';
import { arrowTo, tabIntoGraph } from './graph-keyboard.ts';

async function open(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'HTTP.sys', exact: true })).toBeVisible();
}

const graph = (page: Page): Locator => page.getByRole('region', { name: 'Architecture graph' });
const node = (page: Page, name: string): Locator => graph(page).getByRole('group', { name, exact: true });
const tooltip = (page: Page): Locator => page.getByRole('tooltip');
const inspector = (page: Page): Locator => page.getByRole('region', { name: 'Inspector' });

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The tooltip is inside the window and does not cover the part it explains. */
async function expectBeside(page: Page, part: Locator): Promise<void> {
  const tip = await tooltip(page).boundingBox();
  const box = await part.boundingBox();
  const size = page.viewportSize();
  expect(tip).not.toBeNull();
  expect(box).not.toBeNull();
  if (tip === null || box === null || size === null) return;
  expect(overlaps(tip, { ...box, height: Math.min(box.height, 60) })).toBe(false);
  expect(tip.x).toBeGreaterThanOrEqual(0);
  expect(tip.y).toBeGreaterThanOrEqual(0);
  expect(tip.x + tip.width).toBeLessThanOrEqual(size.width);
  expect(tip.y + tip.height).toBeLessThanOrEqual(size.height);
  // Readable: the tooltip's text is at least 12 px.
  const fontSize = await tooltip(page).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(12);
}

for (const viewport of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  test.describe(`at ${String(viewport.width)}x${String(viewport.height)}`, () => {
    test.use({ viewport });

    test('hovering WAS shows its description beside it; moving away hides it; the Inspector shows it when selected', async ({ page }) => {
      await open(page);
      const was = node(page, 'WAS');
      await was.hover();
      await expect(tooltip(page)).toBeVisible();
      await expect(tooltip(page)).toContainText('WAS');
      await expect(tooltip(page)).toContainText('Windows Process Activation Service');
      await expect(tooltip(page)).toContainText('starts one');
      await expect(tooltip(page)).toContainText('Configured in: ');
      await expect(tooltip(page)).toContainText('<applicationPools>');
      await expectBeside(page, was);
      await page.screenshot({ path: `e2e/screenshots/descriptions-was-hover-${String(viewport.width)}.png` });
      // The pointer can rest on the tooltip itself (it stays), and it goes once the pointer leaves both.
      const tip = await tooltip(page).boundingBox();
      await page.mouse.move((tip?.x ?? 0) + 20, (tip?.y ?? 0) + 20, { steps: 4 });
      await page.waitForTimeout(600);
      await expect(tooltip(page)).toBeVisible();
      await expect(tooltip(page)).toContainText('Windows Process Activation Service');
      await page.getByRole('heading', { name: 'IIS Flow', level: 1 }).hover();
      await expect(tooltip(page)).toBeHidden();

      await was.click();
      const about = inspector(page).getByRole('definition');
      await expect(inspector(page).getByRole('heading', { name: 'WAS', level: 3 })).toBeVisible();
      await expect(about.nth(0)).toContainText('Windows Process Activation Service');
      await expect(about.nth(1)).toContainText('starts one');
      await expect(about.nth(2)).toContainText('applicationHost.config');
      await page.screenshot({ path: `e2e/screenshots/descriptions-was-inspector-${String(viewport.width)}.png` });
    });

    test('keyboard focus on WAS shows its tooltip too, and Escape dismisses it', async ({ page }) => {
      await open(page);
      await tabIntoGraph(page);
      const was = node(page, 'WAS');
      await arrowTo(page, was);
      await expect(was).toBeFocused();
      await expect(tooltip(page)).toBeVisible();
      await expect(tooltip(page)).toContainText('Windows Process Activation Service');
      await expectBeside(page, was);
      await page.screenshot({ path: `e2e/screenshots/descriptions-was-focus-${String(viewport.width)}.png` });
      await page.keyboard.press('Escape');
      await expect(tooltip(page)).toBeHidden();
    });
  });
}

test.describe('modules', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("hovering a module in the pipeline explains it, and a notification's Inspector explains each of its modules", async ({ page }) => {
    await open(page);
    await page.getByLabel('Speed').fill('4');
    await page.getByLabel('URL', { exact: true }).fill('http://localhost/');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByLabel('Result')).toContainText('200.0');
    // The pipeline kept drawn, and shown in detail (module names are drawn from zoom 1).
    await showPipeline(page);
    await showDetail(page, 'BeginRequest');
    const begin = graph(page).getByRole('group', { name: 'BeginRequest notification' });
    const chip = begin.locator('[data-module="RequestFilteringModule"]');
    await chip.hover();
    await expect(tooltip(page)).toContainText('RequestFilteringModule');
    await expect(tooltip(page)).toContainText('native module');
    await expect(tooltip(page)).toContainText('404.7');
    await expectBeside(page, chip);
    await page.screenshot({ path: 'e2e/screenshots/descriptions-module-hover-1440.png' });

    await begin.click({ position: { x: 20, y: 8 } });
    await expect(inspector(page).getByRole('heading', { name: 'BeginRequest notification' })).toBeVisible();
    await expect(inspector(page).getByRole('definition').first()).toContainText('first step of the request pipeline');
    const modules = inspector(page).getByRole('list', { name: 'Modules' });
    await expect(modules.getByRole('listitem')).not.toHaveCount(0);
    await expect(modules).toContainText('IpRestrictionModule');
    await expect(modules).toContainText('<security>/<ipSecurity>');

    // AuthenticateRequest has a post-event, and says what runs there.
    await graph(page).getByRole('group', { name: 'AuthenticateRequest notification' }).click({ position: { x: 20, y: 8 } });
    await expect(inspector(page).getByRole('heading', { name: 'PostAuthenticateRequest' })).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/descriptions-notification-inspector-1440.png' });
  });
});
