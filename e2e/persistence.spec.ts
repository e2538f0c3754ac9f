import { expect, test, type Page } from '@playwright/test';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'fixtures');
const FIXTURE_01 = '01-c1982-IIS-SharedGitConfig-4sites-hostheaders.config';
const DEFAULT = 'Loaded the embedded default workspace (IIS 10, all role services): 1 site';
const IMPORTED = `Loaded ${FIXTURE_01}: 4 sites`;

/** The status bar at the foot of the page (the graph has a status line of its own). */
const statusBar = (page: Page) => page.getByRole('status').filter({ hasText: 'Loaded' });
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

async function open(page: Page): Promise<void> {
  await page.goto('/');
  await expect(statusBar(page)).toContainText('Loaded');
}

async function importFixture01(page: Page): Promise<void> {
  await page.getByLabel('Import configuration').setInputFiles(join(FIXTURES, FIXTURE_01));
  await expect(statusBar(page)).toContainText(IMPORTED);
}

test.describe('the workspace kept in the browser', () => {
  test('a reload keeps an imported and edited workspace', async ({ page }) => {
    await open(page);
    await expect(statusBar(page)).toContainText(DEFAULT);
    await importFixture01(page);
    await expect(page.getByText('Saved in this browser')).toBeVisible();
    await page.reload();
    await expect(statusBar(page)).toContainText(IMPORTED);
    // The first graph is of the saved workspace.
    await expect(page.getByRole('region', { name: 'Architecture graph' }).getByRole('group', { name: 'URL groups', exact: true })).toContainText('www.ikinci.com');
    // Undo history is not kept across a reload; the workspace is.
    await expect(button(page, 'Undo')).toBeDisabled();
    await page.screenshot({ path: 'e2e/screenshots/persistence-reload.png' });
  });

  test('two tabs: a save in one shows the choice in the other', async ({ page, context }) => {
    await open(page);
    const other = await context.newPage();
    await open(other);
    await importFixture01(page);
    const message = other.getByRole('group', { name: 'Saving in this browser' });
    await expect(message).toContainText('Another tab saved a newer workspace');
    await expect(other.getByText('Not saved')).toBeVisible();
    await other.screenshot({ path: 'e2e/screenshots/persistence-two-tabs.png' });
    await message.getByRole('button', { name: 'Load the newer workspace' }).click();
    await expect(statusBar(other)).toContainText(IMPORTED);
    await expect(message).toBeHidden();
    await expect(other.getByText('Saved in this browser')).toBeVisible();

    // "Keep this one" in the first tab after the other changes: the first tab's workspace wins.
    await other.getByRole('button', { name: 'Reset to default' }).click();
    await other.getByRole('dialog', { name: 'Reset to the default workspace?' }).getByRole('button', { name: 'Reset' }).click();
    const first = page.getByRole('group', { name: 'Saving in this browser' });
    await expect(first).toContainText('Another tab saved a newer workspace');
    await first.getByRole('button', { name: 'Keep this one' }).click();
    await expect(page.getByText('Saved in this browser')).toBeVisible();
    await expect(other.getByRole('group', { name: 'Saving in this browser' })).toContainText('Another tab saved a newer workspace');
    await other.reload();
    await expect(statusBar(other)).toContainText(IMPORTED);
  });

  test('Undo and Redo, by buttons and keys, titled with the edit', async ({ page }) => {
    await open(page);
    await expect(button(page, 'Undo')).toBeDisabled();
    await importFixture01(page);
    await expect(button(page, 'Undo')).toHaveAttribute('title', `Undo: Import ${FIXTURE_01} (Ctrl+Z)`);
    await button(page, 'Undo').click();
    await expect(statusBar(page)).toContainText(DEFAULT);
    await expect(page.getByText(`Undid: Import ${FIXTURE_01}.`)).toBeVisible();
    await expect(button(page, 'Redo')).toHaveAttribute('title', `Redo: Import ${FIXTURE_01} (Ctrl+Y)`);
    await button(page, 'Redo').click();
    await expect(statusBar(page)).toContainText(IMPORTED);

    await page.locator('body').press('Control+z');
    await expect(statusBar(page)).toContainText(DEFAULT);
    await page.locator('body').press('Control+y');
    await expect(statusBar(page)).toContainText(IMPORTED);
    await page.locator('body').press('Control+z');
    await expect(statusBar(page)).toContainText(DEFAULT);
    await page.locator('body').press('Control+Shift+Z');
    await expect(statusBar(page)).toContainText(IMPORTED);

    // Not while typing in a field: there Ctrl+Z is the field's own.
    const url = page.getByLabel('URL', { exact: true });
    await url.fill('http://localhost/x');
    await url.press('Control+z');
    await expect(statusBar(page)).toContainText(IMPORTED);
    await page.screenshot({ path: 'e2e/screenshots/persistence-undo.png' });
  });

  test('Reset to default asks first', async ({ page }) => {
    await open(page);
    await importFixture01(page);
    await button(page, 'Reset to default').click();
    const dialog = page.getByRole('dialog', { name: 'Reset to the default workspace?' });
    await expect(dialog).toContainText('export it first');
    await page.screenshot({ path: 'e2e/screenshots/persistence-reset-dialog.png' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(statusBar(page)).toContainText(IMPORTED);
    await button(page, 'Reset to default').click();
    await dialog.getByRole('button', { name: 'Reset' }).click();
    await expect(statusBar(page)).toContainText(DEFAULT);
  });

  test('a damaged saved workspace: the default workspace, a message, and the record kept to export', async ({ page }) => {
    await open(page);
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('iis-flow', 1);
          request.onsuccess = () => {
            const transaction = request.result.transaction('workspace', 'readwrite');
            transaction.objectStore('workspace').put({ version: 1, revision: 4, workspace: { applicationHostConfig: 12 } }, 'current');
            transaction.oncomplete = () => {
              request.result.close();
              resolve();
            };
            transaction.onerror = () => { reject(new Error('put failed')); };
          };
        }),
    );
    await page.reload();
    await expect(statusBar(page)).toContainText(DEFAULT);
    const message = page.getByRole('group', { name: 'Unreadable saved workspace' });
    await expect(message).toContainText('could not be read (its workspace has no applicationHost.config text)');
    await page.screenshot({ path: 'e2e/screenshots/persistence-unreadable.png' });
    const downloading = page.waitForEvent('download');
    await message.getByRole('button', { name: 'Export the unreadable record' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('iis-flow-unreadable-workspace.json');
    await message.getByRole('button', { name: 'Discard it' }).click();
    await expect(message).toBeHidden();
  });
});
