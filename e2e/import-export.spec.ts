import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'fixtures');
const FIXTURE_01 = '01-c1982-IIS-SharedGitConfig-4sites-hostheaders.config';

async function open(page: Page): Promise<void> {
  await page.goto('/');
  await expect(statusBar(page)).toContainText('Loaded the embedded default workspace');
}

/** The status bar at the foot of the page (the graph has a status line of its own). */
const statusBar = (page: Page) => page.getByRole('status').filter({ hasText: 'Loaded' });

const importInput = (page: Page) => page.getByLabel('Import configuration');

async function importFixture01(page: Page): Promise<void> {
  await importInput(page).setInputFiles(join(FIXTURES, FIXTURE_01));
  await expect(statusBar(page)).toContainText(`Loaded ${FIXTURE_01}: 4 sites`);
}

/** Exports the workspace file and returns its text. */
async function exportWorkspace(page: Page): Promise<{ name: string; text: string }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Workspace (JSON)' }).click();
  const download = await downloading;
  const path = await download.path();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

test.describe('import and export', () => {
  test('importing fixture 01 shows its four sites', async ({ page }) => {
    await open(page);
    await importFixture01(page);
    const graph = page.getByRole('region', { name: 'Architecture graph' });
    await expect(graph.getByRole('group', { name: 'URL groups', exact: true })).toContainText('www.ikinci.com');
    await expect(page.getByText(`Imported ${FIXTURE_01}.`)).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/import-fixture-01.png' });
  });

  test('an exported workspace imports back to the same workspace', async ({ page }) => {
    await open(page);
    await importFixture01(page);
    const first = await exportWorkspace(page);
    expect(first.name).toBe('01-c1982-IIS-SharedGitConfig-4sites-hostheaders.json');
    const json = JSON.parse(first.text) as { format: string; version: number; applicationHostConfig: string; content: Record<string, Record<string, string>> };
    expect(json.format).toBe('iis-flow-workspace');
    expect(json.version).toBe(1);
    expect(json.applicationHostConfig).toBe(readFileSync(join(FIXTURES, FIXTURE_01), 'utf8'));

    // Back to the default, then the exported file.
    await page.getByRole('button', { name: 'Reset to default' }).click();
    await page.getByRole('dialog', { name: 'Reset to the default workspace?' }).getByRole('button', { name: 'Reset' }).click();
    await expect(statusBar(page)).toContainText('1 site,');
    await importInput(page).setInputFiles({ name: first.name, mimeType: 'application/json', buffer: Buffer.from(first.text) });
    await expect(statusBar(page)).toContainText(`Loaded ${first.name}: 4 sites`);

    const second = await exportWorkspace(page);
    const again = JSON.parse(second.text) as typeof json & { sourceName?: string };
    expect({ ...again, sourceName: undefined }).toEqual({ ...json, sourceName: undefined });
    await page.screenshot({ path: 'e2e/screenshots/export-round-trip.png' });
  });

  test('applicationHost.config exports as its text', async ({ page }) => {
    await open(page);
    await importFixture01(page);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'applicationHost.config' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('applicationHost.config');
    expect(readFileSync(await download.path(), 'utf8')).toBe(readFileSync(join(FIXTURES, FIXTURE_01), 'utf8'));
    await page.screenshot({ path: 'e2e/screenshots/export-dialog.png' });
  });

  test('a file that is not a configuration replaces nothing and says why', async ({ page }) => {
    await open(page);
    await importInput(page).setInputFiles(join(FIXTURES, '26-Kodansha-MongoTallerAsmx-freb-404-static.xml'));
    await expect(page.getByText('it is not an IIS configuration file. The root element is <failedRequest>')).toBeVisible();
    await expect(statusBar(page)).toContainText('Loaded the embedded default workspace');
    await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();

    await importInput(page).setInputFiles({ name: 'package.json', mimeType: 'application/json', buffer: Buffer.from('{"name":"x"}') });
    await expect(page.getByText('package.json was not imported. This JSON is not an IIS Flow workspace')).toBeVisible();
    await expect(statusBar(page)).toContainText('Loaded the embedded default workspace (IIS 10, all role services): 1 site');
    await page.screenshot({ path: 'e2e/screenshots/import-refused.png' });
  });

  test('a configuration with errors is shown and asked about before it replaces a good workspace', async ({ page }) => {
    await open(page);
    const broken = readFileSync(join(FIXTURES, FIXTURE_01), 'utf8').replace('managedPipelineMode="Integrated"', 'managedPipelineMode="Fast"');
    const file = { name: 'broken.config', mimeType: 'text/xml', buffer: Buffer.from(broken) };
    await importInput(page).setInputFiles(file);
    const dialog = page.getByRole('dialog', { name: /broken\.config has \d+ errors?/ });
    await expect(dialog).toContainText('managedPipelineMode');
    await page.screenshot({ path: 'e2e/screenshots/import-errors-dialog.png' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(statusBar(page)).toContainText('Loaded the embedded default workspace');

    await importInput(page).setInputFiles(file);
    await page.getByRole('dialog', { name: /broken\.config has/ }).getByRole('button', { name: 'Replace' }).click();
    await expect(statusBar(page)).toContainText('Loaded broken.config: 4 sites');
    await expect(page.getByRole('tab', { name: /Problems/ })).toHaveAttribute('aria-selected', 'true');
  });

  test('a web.config asks which folder it goes in', async ({ page }) => {
    await open(page);
    await importInput(page).setInputFiles(join(FIXTURES, '22-dorik84-Web-Server-IIS-web-https-redirect.web.config'));
    const dialog = page.getByRole('dialog', { name: /is a web\.config/ });
    await expect(dialog).toContainText('import an applicationHost.config or an IIS Flow workspace file');
    await expect(dialog.getByLabel('Folder')).toContainText('Default Web Site/');
    await page.screenshot({ path: 'e2e/screenshots/import-web-config.png' });
    await dialog.getByRole('button', { name: 'Put it there' }).click();
    await expect(page.getByText(/is now the web\.config of Default Web Site\//)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute('title', /Import 22-.*web\.config into Default Web Site/);
  });

  test('a file dropped on the page is imported', async ({ page }) => {
    await open(page);
    const text = readFileSync(join(FIXTURES, FIXTURE_01), 'utf8');
    const transfer = await page.evaluateHandle((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'dropped.config', { type: 'text/xml' }));
      return data;
    }, text);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
    await expect(page.getByText('Drop an applicationHost.config or a workspace file to import it')).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/import-drop.png' });
    await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
    await expect(statusBar(page)).toContainText('Loaded dropped.config: 4 sites');
    await expect(page.getByText('Drop an applicationHost.config or a workspace file to import it')).toBeHidden();
  });
});
