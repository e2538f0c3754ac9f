import { expect, test, type Locator, type Page } from '@playwright/test';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { showDetail, showPipeline, viewSettled } from './graph-view.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'fixtures');
const FIXTURE_01 = '01-c1982-IIS-SharedGitConfig-4sites-hostheaders.config';

async function open(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'HTTP.sys', exact: true })).toBeVisible();
}

/** Plays at x1000 so a test does not wait on the animation. */
async function fastPlayback(page: Page): Promise<void> {
  await page.getByLabel('Speed').fill('4');
}

async function send(page: Page, url: string): Promise<void> {
  await page.getByLabel('Method').selectOption('GET');
  await page.getByLabel('URL', { exact: true }).fill(url);
  await page.getByRole('button', { name: 'Send' }).click();
}

const result = (page: Page): Locator => page.getByLabel('Result');
const trace = (page: Page): Locator => page.getByRole('region', { name: 'Trace' });
const poolNode = (page: Page, name: string): Locator => page.getByRole('group', { name: `Application pool ${name}`, exact: true });
const menu = (page: Page, name: string): Locator => page.getByRole('menu', { name });

/** React Flow's wrapper of a node: the element that takes focus, and carries the node's name. */
const focusableNode = (page: Page, name: string): Locator => page.getByRole('group', { name, exact: true });

test("stopping DefaultAppPool from its node's menu makes the next request end 503 at HTTP.sys; starting it gives 200", async ({ page }) => {
  await open(page);
  await fastPlayback(page);
  // Right click on the pool node (on its name, not on an application row, which has its own menu).
  await poolNode(page, 'DefaultAppPool').locator('.arch-group-title').click({ button: 'right', position: { x: 8, y: 6 } });
  const poolMenu = menu(page, 'Actions for Application pool DefaultAppPool');
  await expect(poolMenu).toBeVisible();
  const stop = poolMenu.getByRole('menuitem', { name: 'Stop DefaultAppPool' });
  await expect(stop).toBeFocused();
  // Arrow keys move between the items and wrap around.
  await page.keyboard.press('ArrowDown');
  await expect(poolMenu.getByRole('menuitem', { name: 'Recycle DefaultAppPool' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(poolMenu.getByRole('menuitem', { name: 'Settings…' })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(stop).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(poolMenu).toBeHidden();

  await expect(poolNode(page, 'DefaultAppPool')).toContainText('Stopped');
  await expect(page.getByRole('group', { name: 'Request queue DefaultAppPool', exact: true })).toContainText('HTTP.sys answers 503');
  await expect(page.getByText(/^Stopped DefaultAppPool \(autoStart="false"\)/)).toBeVisible();
  await send(page, 'http://localhost/');
  await expect(result(page)).toContainText('503.0');
  await expect(result(page)).toContainText('HTTP.sys');
  await expect(result(page)).toContainText(/DefaultAppPool\b.* is stopped/);
  await page.screenshot({ path: 'e2e/screenshots/graph-editing-pool-stopped.png' });

  // From the keyboard: the node has focus, Shift+F10 opens its menu, Escape closes it and gives focus back.
  const wrapper = focusableNode(page, 'Application pool DefaultAppPool');
  await wrapper.focus();
  await page.keyboard.press('Shift+F10');
  await expect(poolMenu.getByRole('menuitem', { name: 'Start DefaultAppPool' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(poolMenu).toBeHidden();
  await expect(wrapper).toBeFocused();
  await page.keyboard.press('Shift+F10');
  await page.keyboard.press('Enter');
  await expect(wrapper).toBeFocused();
  await expect(poolNode(page, 'DefaultAppPool')).not.toContainText('Stopped');
  await send(page, 'http://localhost/');
  await expect(result(page)).toContainText('200.0');
});

test('a stopped site: its URL group is marked stopped, and a request to it says the site is stopped', async ({ page }) => {
  await open(page);
  await fastPlayback(page);
  const urlGroups = page.getByRole('group', { name: 'URL groups', exact: true });
  // Its sites are listed in its detail.
  await showDetail(page, 'URL groups');
  await expect(urlGroups.getByRole('listitem', { name: 'Site Default Web Site' })).toContainText('http *:80:');
  await page.getByRole('button', { name: 'Actions for site Default Web Site' }).click();
  await menu(page, 'Actions for site Default Web Site').getByRole('menuitem', { name: 'Stop Default Web Site' }).click();
  const row = urlGroups.getByRole('listitem', { name: 'Site Default Web Site, stopped' });
  await expect(row).toContainText('Stopped');
  await expect(row).toContainText('no URL group');
  await send(page, 'http://localhost/');
  await expect(result(page)).toContainText('HTTP.sys');
  await expect(result(page)).toContainText('The site "Default Web Site" is stopped');
  await page.screenshot({ path: 'e2e/screenshots/graph-editing-site-stopped.png' });

  // The ContextMenu key on the row's Actions button opens the site's menu too.
  await page.getByRole('button', { name: 'Actions for site Default Web Site' }).focus();
  await page.keyboard.press('ContextMenu');
  const siteMenu = menu(page, 'Actions for site Default Web Site');
  await expect(siteMenu.getByRole('menuitem', { name: 'Start Default Web Site' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(urlGroups.getByRole('listitem', { name: 'Site Default Web Site' })).not.toContainText('Stopped');
  await send(page, 'http://localhost/');
  await expect(result(page)).toContainText('200.0');
});

test("fixture 01's Default Web Site (serverAutoStart=\"false\") shows as stopped, and Start from its menu brings its URL group back", async ({ page }) => {
  await open(page);
  await fastPlayback(page);
  await page.getByLabel('Import configuration').setInputFiles(join(FIXTURES, FIXTURE_01));
  await expect(page.getByRole('status').filter({ hasText: 'Loaded' })).toContainText(`Loaded ${FIXTURE_01}: 4 sites`);
  const urlGroups = page.getByRole('group', { name: 'URL groups', exact: true });
  await showDetail(page, 'URL groups');
  const stopped = urlGroups.getByRole('listitem', { name: 'Site Default Web Site, stopped' });
  await expect(stopped).toContainText('Stopped');
  await expect(urlGroups.getByRole('listitem', { name: 'Site ikinci.com' })).toContainText('http *:80:www.ikinci.com');
  await send(page, 'http://localhost/');
  await expect(result(page)).toContainText('The site "Default Web Site" is stopped');
  await page.screenshot({ path: 'e2e/screenshots/graph-editing-fixture-01.png' });
  await stopped.click({ button: 'right' });
  await menu(page, 'Actions for site Default Web Site').getByRole('menuitem', { name: 'Start Default Web Site' }).click();
  await expect(urlGroups.getByRole('listitem', { name: 'Site Default Web Site' })).toContainText('http *:80:');
  await send(page, 'http://localhost/');
  await expect(result(page)).not.toContainText('is stopped');
});

test('Move to pool… from the keyboard moves the root application to a new pool, and its requests run there', async ({ page }) => {
  await open(page);
  await fastPlayback(page);
  // A new pool, added in the Server tab.
  await page.getByRole('tab', { name: 'Server' }).click();
  await page.getByRole('region', { name: 'Application pools' }).getByRole('button', { name: 'Add application pool…' }).click();
  const add = page.getByRole('form', { name: 'Add application pool' });
  await add.getByLabel('Name').fill('Shop');
  await add.getByRole('button', { name: 'Add application pool' }).click();
  await expect(poolNode(page, 'Shop')).toBeVisible();

  // A pool's applications are listed in its detail.
  await showDetail(page, 'DefaultAppPool');
  const application = poolNode(page, 'DefaultAppPool').getByRole('listitem', { name: 'Application Default Web Site/' });
  await application.focus();
  await page.keyboard.press('Shift+F10');
  await expect(menu(page, 'Actions for application Default Web Site/').getByRole('menuitem', { name: 'Move to pool…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Move Default Web Site/ to another application pool' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Application pool')).toBeFocused();
  await dialog.getByLabel('Application pool').selectOption('Shop');
  await page.screenshot({ path: 'e2e/screenshots/graph-editing-move-dialog.png' });
  await dialog.getByRole('button', { name: 'Move' }).click();
  await expect(dialog).toBeHidden();
  await expect(poolNode(page, 'Shop').getByRole('listitem', { name: 'Application Default Web Site/' })).toBeVisible();
  await expect(poolNode(page, 'DefaultAppPool').getByRole('listitem')).toHaveCount(0);

  await send(page, 'http://localhost/');
  await expect(result(page)).toContainText('200.0');
  await trace(page).getByLabel('Event or module').fill('HTTPSYS_BINDING_MATCHED');
  await expect(trace(page).getByRole('cell', { name: /request queue Shop/ })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/graph-editing-moved-by-keyboard.png' });

  // Undo puts it back in DefaultAppPool.
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(poolNode(page, 'DefaultAppPool').getByRole('listitem', { name: 'Application Default Web Site/' })).toBeVisible();
});

test("Settings… in a menu opens the side panel where that thing is configured", async ({ page }) => {
  await open(page);
  await showDetail(page, 'DefaultAppPool');
  await poolNode(page, 'DefaultAppPool').getByRole('listitem', { name: 'Application Default Web Site/' }).click({ button: 'right' });
  await menu(page, 'Actions for application Default Web Site/').getByRole('menuitem', { name: 'Settings…' }).click();
  await expect(page.getByRole('tab', { name: 'Settings' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Actions for Application pool DefaultAppPool' }).click();
  await menu(page, 'Actions for Application pool DefaultAppPool').getByRole('menuitem', { name: 'Settings…' }).click();
  await expect(page.getByRole('tab', { name: 'Server' })).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: 'e2e/screenshots/graph-editing-settings.png' });
});

test('dragging an application onto another pool node moves it there', async ({ page }) => {
  await open(page);
  await fastPlayback(page);
  // In detail, its applications listed: DefaultAppPool and, beside it, .NET v2.0 Classic.
  await showDetail(page, 'DefaultAppPool');
  const application = poolNode(page, 'DefaultAppPool').getByRole('listitem', { name: 'Application Default Web Site/' });
  await application.dragTo(poolNode(page, '.NET v2.0 Classic'));
  await expect(poolNode(page, '.NET v2.0 Classic').getByRole('listitem', { name: 'Application Default Web Site/' })).toBeVisible();
  await expect(page.getByText(/^Moved Default Web Site\/ to \.NET v2\.0 Classic/)).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/graph-editing-dragged.png' });
  await send(page, 'http://localhost/');
  await expect(result(page)).toContainText('200.0');
  await trace(page).getByLabel('Event or module').fill('HTTPSYS_BINDING_MATCHED');
  await expect(trace(page).getByRole('cell', { name: /request queue \.NET v2\.0 Classic/ })).toBeVisible();
});

test('a module removed from its notification no longer runs; Recycle replaces the worker process; one ended from its menu goes', async ({ page }) => {
  await open(page);
  await fastPlayback(page);
  await send(page, 'http://localhost/x.mdb');
  await expect(result(page)).toContainText('404.7');
  const worker = page.getByRole('group', { name: /^w3wp\.exe \d+$/ });
  await expect(worker).toBeVisible();

  // Right click on RequestFilteringModule in the pipeline (drawn, and in detail).
  await showPipeline(page);
  await showDetail(page, 'BeginRequest');
  await page.locator('.arch-module', { hasText: /^RequestFiltering$/ }).first().click({ button: 'right' });
  await menu(page, 'Actions for module RequestFilteringModule').getByRole('menuitem', { name: 'Remove module RequestFilteringModule' }).click();
  await expect(page.getByText(/^Removed RequestFilteringModule/)).toBeVisible();
  await send(page, 'http://localhost/x.mdb');
  await expect(result(page)).not.toContainText('404.7');
  await expect(result(page)).not.toContainText('RequestFilteringModule');

  // Recycle: WAS starts a new w3wp.exe and the old one goes once it has finished (an overlapping recycle).
  // (The whole graph again, from the pipeline in detail: the pool's Actions button is in view.)
  await page.getByRole('button', { name: 'Fit View' }).click();
  await viewSettled(page);
  const before = (await worker.first().getAttribute('aria-label')) ?? '';
  await poolNode(page, 'DefaultAppPool').getByRole('button', { name: 'Actions for Application pool DefaultAppPool' }).click();
  await menu(page, 'Actions for Application pool DefaultAppPool').getByRole('menuitem', { name: 'Recycle DefaultAppPool' }).click();
  await expect(page.getByRole('group', { name: before, exact: true })).toHaveCount(0);
  await expect(worker).toHaveCount(1);
  const name = (await worker.first().getAttribute('aria-label')) ?? '';
  expect(name).not.toBe(before);
  await page.getByRole('button', { name: `Actions for ${name}` }).click();
  await menu(page, `Actions for ${name}`).getByRole('menuitem', { name: /^End process \d+$/ }).click();
  await expect(page.getByRole('group', { name, exact: true })).toHaveCount(0);
  await page.screenshot({ path: 'e2e/screenshots/graph-editing-worker-ended.png' });
});
