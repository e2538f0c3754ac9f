/** Driving the architecture graph from the keyboard, as a person would (keyboard.spec.ts, descriptions.spec.ts). */
import { expect, type Locator, type Page } from '@playwright/test';

const focusedIsNode = (page: Page): Promise<boolean> => page.evaluate(() => document.activeElement?.classList.contains('react-flow__node') === true);

/** Tabs from the page's heading until a graph node has focus; returns how many presses it took. */
export async function tabIntoGraph(page: Page): Promise<number> {
  await page.getByRole('heading', { name: 'IIS Flow', level: 1 }).click();
  for (let presses = 1; presses <= 30; presses++) {
    await page.keyboard.press('Tab');
    if (await focusedIsNode(page)) return presses;
  }
  throw new Error('Tab never reached the graph');
}

/**
 * Presses the arrow keys toward `target` until it has focus: the arrow of the larger distance between
 * the focused node and the target (their title strips), the other one when that was tried from here.
 * Returns the keys pressed.
 */
export async function arrowTo(page: Page, target: Locator, limit = 40): Promise<string[]> {
  const pressed: string[] = [];
  const tried = new Set<string>();
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return pressed;
    const from = await page.locator(':focus').boundingBox();
    const to = await target.boundingBox();
    if (from === null || to === null) break;
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-id') ?? '');
    const dx = to.x + to.width / 2 - (from.x + from.width / 2);
    const dy = to.y + Math.min(to.height, 40) / 2 - (from.y + Math.min(from.height, 40) / 2);
    const horizontal = dx > 0 ? 'ArrowRight' : 'ArrowLeft';
    const vertical = dy > 0 ? 'ArrowDown' : 'ArrowUp';
    const first = Math.abs(dx) > Math.abs(dy) ? horizontal : vertical;
    const key = tried.has(`${id} ${first}`) ? (first === horizontal ? vertical : horizontal) : first;
    tried.add(`${id} ${key}`);
    pressed.push(key);
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
  return pressed;
}
