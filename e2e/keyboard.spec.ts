/**
 * The graph by keyboard alone: one tab stop, the arrow keys move to the nearest node that way, Enter
 * shows the node in the Inspector, Escape leaves the graph; edges are not tab stops; the focused node
 * has a ring at least 2 px wide on screen and the camera keeps it in view. And a focused button's Space
 * presses the button, not playback.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { arrowTo, tabIntoGraph } from './graph-keyboard.ts';
import { showPipelineByKeyboard } from './graph-view.ts';

async function open(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'HTTP.sys', exact: true })).toBeVisible();
}

const graph = (page: Page): Locator => page.getByRole('region', { name: 'Architecture graph' });
const node = (page: Page, name: string): Locator => graph(page).getByRole('group', { name, exact: true });
const inspector = (page: Page): Locator => page.getByRole('region', { name: 'Inspector' });

/** The focused node's ring as drawn on screen: its outline width times the graph's zoom. */
async function ringOnScreen(page: Page): Promise<{ width: number; style: string; color: string }> {
  return page.evaluate(() => {
    const focused = document.activeElement;
    const viewport = document.querySelector('.react-flow__viewport');
    if (!(focused instanceof HTMLElement) || !(viewport instanceof HTMLElement)) return { width: 0, style: 'none', color: '' };
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    const style = getComputedStyle(focused);
    return { width: parseFloat(style.outlineWidth) * zoom, style: style.outlineStyle, color: style.outlineColor };
  });
}

/** Whether the focused node's box lies inside the graph's box (the camera kept it in view). */
async function focusedInView(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const focused = document.activeElement;
    const pane = document.querySelector('.react-flow');
    if (!(focused instanceof HTMLElement) || !(pane instanceof HTMLElement)) return false;
    const n = focused.getBoundingClientRect();
    const g = pane.getBoundingClientRect();
    // A tall container need only show its title strip.
    const bottom = Math.min(n.bottom, n.top + 40);
    return n.left >= g.left - 1 && n.right <= g.right + 1 && n.top >= g.top - 1 && bottom <= g.bottom + 1;
  });
}

test.describe('at 1280x720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the graph is one tab stop: Tab enters on the client, arrows move, Enter shows WAS in the Inspector, Escape leaves', async ({ page }) => {
    await open(page);
    await tabIntoGraph(page);
    const client = node(page, 'Client');
    await expect(client).toBeFocused();
    // A screen reader hears the node's name, its kind and what it is.
    await expect(client).toHaveAttribute('aria-roledescription', 'client');
    await expect(client).toHaveAccessibleDescription(/The program that asks for a page/);
    // Exactly one node is in the tab order, and no edge is.
    await expect(graph(page).locator('.react-flow__node[tabindex="0"]')).toHaveCount(1);
    await expect(graph(page).locator('.react-flow__edge[tabindex="0"], .react-flow__edges [tabindex="0"]')).toHaveCount(0);
    await expect(graph(page).locator('.react-flow__nodes button:not([tabindex="-1"]), .react-flow__nodes [tabindex="0"]:not(.react-flow__node)')).toHaveCount(0);

    // The visible ring: at least 2 px on screen, solid.
    const ring = await ringOnScreen(page);
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);

    // The arrows move to the nearest node that way: right of the client is HTTP.sys's listener.
    await page.keyboard.press('ArrowRight');
    await expect(node(page, 'Listener')).toBeFocused();
    await expect(node(page, 'Listener')).toHaveAttribute('aria-roledescription', 'HTTP.sys listener');
    await page.keyboard.press('ArrowLeft');
    await expect(client).toBeFocused();
    // Then on, as a person would, toward WAS.
    const was = node(page, 'WAS');
    const keys = await arrowTo(page, was);
    expect(keys.length).toBeGreaterThan(1);
    await expect(was).toHaveAttribute('aria-roledescription', 'Windows service');
    await expect(was).toHaveAccessibleDescription(/Windows Process Activation Service/);
    // The arrows moved focus, not playback.
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

    await page.keyboard.press('Enter');
    await expect(inspector(page).getByRole('heading', { name: 'WAS', level: 3 })).toBeVisible();
    await expect(inspector(page).getByRole('definition').first()).toContainText('Windows Process Activation Service');
    await expect(was).toBeFocused();
    await page.screenshot({ path: 'e2e/screenshots/keyboard-was-1280.png' });

    // Tab leaves the graph at once: the next control is outside the nodes.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.react-flow__nodes, .react-flow__edges') === null)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await expect(was).toBeFocused();

    // Escape leaves the graph for its container; Tab comes back to the node last focused.
    await page.keyboard.press('Escape');
    await expect(graph(page)).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(was).toBeFocused();
  });

  test('the camera keeps the focused node in view when the view is zoomed in', async ({ page }) => {
    await open(page);
    await page.getByLabel('Speed').fill('4');
    await page.getByLabel('URL', { exact: true }).fill('http://localhost/');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByLabel('Result')).toContainText('200.0');
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
    await tabIntoGraph(page);
    await expect.poll(() => focusedInView(page)).toBe(true);
    // Walk to the worker process and down its pipeline, far out of the first view: the camera follows.
    await arrowTo(page, graph(page).getByRole('group', { name: /^w3wp\.exe \d+$/ }));
    await expect.poll(() => focusedInView(page)).toBe(true);
    // Its pipeline is drawn while a request is in it; the worker's menu keeps it drawn.
    await showPipelineByKeyboard(page);
    await expect(graph(page).getByRole('group', { name: /^w3wp\.exe \d+$/ })).toBeFocused();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => focusedInView(page)).toBe(true);
    }
    const name = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(name).toMatch(/notification$/);
    expect((await ringOnScreen(page)).width).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: 'e2e/screenshots/keyboard-pipeline-zoomed-1280.png' });
  });
});

test.describe('at 1440x900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("a focused button's Space presses the button and does not toggle playback", async ({ page }) => {
    await open(page);
    await page.getByLabel('Speed').fill('4');
    await page.getByLabel('URL', { exact: true }).fill('http://localhost/');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByLabel('Result')).toContainText('200.0');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    const timeline = page.getByLabel('Timeline');
    const last = await timeline.getAttribute('aria-valuetext');
    const stepBack = page.getByRole('button', { name: 'Step back' });
    await stepBack.focus();
    await page.keyboard.press('Space');
    // Stepped back one event, and still paused.
    await expect(timeline).not.toHaveAttribute('aria-valuetext', last ?? '');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await expect(stepBack).toBeFocused();
    const stepForward = page.getByRole('button', { name: 'Step forward' });
    await stepForward.focus();
    await page.keyboard.press('Space');
    await expect(timeline).toHaveAttribute('aria-valuetext', last ?? '');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    // A tab's Space selects the tab, and playback stays paused.
    const serverTab = page.getByRole('tab', { name: 'Server' });
    await serverTab.focus();
    await page.keyboard.press('Space');
    await expect(serverTab).toHaveAttribute('aria-selected', 'true');
    await expect(timeline).toHaveAttribute('aria-valuetext', last ?? '');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    // Outside any control, Space still plays (slowly, so that the Pause button shows).
    await page.getByLabel('Speed').fill('0');
    await page.getByRole('heading', { name: 'IIS Flow', level: 1 }).click();
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/keyboard-space-1440.png' });
  });

  test('the graph by keyboard at 1440x900: into the pipeline of a worker and its module list in the Inspector', async ({ page }) => {
    await open(page);
    await page.getByLabel('Speed').fill('4');
    await page.getByLabel('URL', { exact: true }).fill('http://localhost/');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByLabel('Result')).toContainText('200.0');
    await tabIntoGraph(page);
    await arrowTo(page, graph(page).getByRole('group', { name: /^w3wp\.exe \d+$/ }));
    await showPipelineByKeyboard(page);
    await arrowTo(page, graph(page).getByRole('group', { name: 'BeginRequest notification' }));
    const begin = graph(page).getByRole('group', { name: 'BeginRequest notification' });
    await expect(begin).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(inspector(page).getByRole('heading', { name: 'BeginRequest notification' })).toBeVisible();
    const modules = inspector(page).getByRole('list', { name: 'Modules' });
    await expect(modules).toContainText('RequestFilteringModule');
    await expect(modules).toContainText('404.7');
    await page.screenshot({ path: 'e2e/screenshots/keyboard-notification-1440.png' });
  });
});
