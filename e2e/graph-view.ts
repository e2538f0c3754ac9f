/**
 * Helpers for the graph's semantic zoom (src/ui/graph/legibility.ts): at the default view each node
 * shows its name and a status line; its detail (captions, site and application rows, module names) is
 * drawn from zoom 1 up. A person reaches it by finding the node, which centres it at a readable zoom.
 */
import { expect, type Page } from '@playwright/test';

/** Waits until the view stops moving (two reads of the viewport's transform alike). */
export async function viewSettled(page: Page): Promise<void> {
  let previous = '';
  await expect
    .poll(
      async () => {
        const now = await page.locator('.react-flow__viewport').evaluate((element) => getComputedStyle(element).transform);
        const still = now === previous;
        previous = now;
        return still;
      },
      { intervals: [250], timeout: 15_000 },
    )
    .toBe(true);
}

/** Finds a node by name ("Find a node"), which selects it and shows it in detail. */
export async function showDetail(page: Page, name: string): Promise<void> {
  // The pointer rests on the tool rail, not on the graph that moves under it.
  await page.getByLabel('Find a node').hover();
  await page.getByLabel('Find a node').fill(name);
  await page.getByLabel('Find a node').press('Enter');
  await expect(page.getByRole('region', { name: 'Architecture graph' })).not.toHaveClass(/graph-compact/);
  await viewSettled(page);
}

/** Keeps a worker process's pipeline drawn (it is drawn by itself only while a request is in it). */
export async function showPipeline(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Show the pipeline of w3wp\.exe \d+$/ }).first().click();
  await expect(page.getByRole('group', { name: 'BeginRequest notification' }).first()).toBeVisible();
}

/** The same from the keyboard: the focused w3wp.exe's menu (Shift+F10), "Show the pipeline". */
export async function showPipelineByKeyboard(page: Page): Promise<void> {
  await page.keyboard.press('Shift+F10');
  const item = page.getByRole('menuitem', { name: 'Show the pipeline' });
  await expect(item).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(item).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'BeginRequest notification' }).first()).toBeVisible();
}
