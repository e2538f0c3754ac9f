import { expect, test, type Page } from '@playwright/test';
import { readFixture } from '../test-support/sharedFixtures.ts';

async function open(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'HTTP.sys', exact: true })).toBeVisible();
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: false });
const editor = (page: Page) => page.getByRole('textbox', { name: 'applicationHost.config XML' });
/** The number of the line the editor's cursor is on, from its line-number gutter. */
const cursorLine = (page: Page) => page.locator('.cm-activeLineGutter').first();

/** Selects the first match of `text` with the editor's search (Ctrl+F), as a person would, and closes the search. */
async function find(page: Page, text: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press('Control+f');
  const field = page.getByRole('textbox', { name: 'Find' });
  await field.pressSequentially(text);
  await field.press('Enter');
  await field.press('Escape');
}

async function sendAndExpect(page: Page, url: string, status: string): Promise<void> {
  await page.getByLabel('URL', { exact: true }).fill(url);
  await page.getByRole('button', { name: 'Send' }).click();
  await tab(page, 'Trace').click();
  await expect(page.getByLabel('Result')).toContainText(status);
}

test('broken XML is flagged at its line, never applied, and found again from Problems; fixed, the error goes; Changes lists the line', async ({ page }) => {
  await open(page);
  await page.getByLabel('Speed').fill('4');
  await tab(page, 'XML').click();
  await expect(editor(page)).toBeVisible();
  await expect(page.getByLabel('File')).toHaveValue('applicationHost');

  // Delete the closing tag of <sites>.
  await find(page, '</sites>');
  await page.keyboard.press('Backspace');

  const bar = page.getByText('This XML has errors: the simulation goes on with the last good configuration.');
  await expect(bar).toBeVisible();
  // Inline: the parser's error underlines the end tag it stopped at.
  const inline = page.locator('.cm-lintRange-error');
  await expect(inline).toHaveText('</system.applicationHost');
  await expect(page.getByRole('tab', { name: /Problems/ })).toContainText('1');

  // The simulation still runs the last good configuration.
  await sendAndExpect(page, 'http://localhost/', '200.0');

  // Problems lists the error with its file and line; clicking it moves the editor there.
  await tab(page, 'Problems').click();
  const problems = page.getByRole('list', { name: 'Problems' });
  const problem = problems.getByRole('button').filter({ hasText: 'does not match the start tag <sites>' });
  await expect(problem).toContainText('Error');
  await expect(problem).toContainText('applicationHost.config');
  const place = (await problem.locator('.problem-place').textContent()) ?? '';
  const [line] = place.split(':');
  expect(Number(line)).toBeGreaterThan(100);
  await page.screenshot({ path: 'e2e/screenshots/xml-editor-problems.png' });

  // Move the cursor away first, so that the click is what brings it back.
  await tab(page, 'XML').click();
  await editor(page).press('Control+Home');
  await expect(cursorLine(page)).toHaveText('1');
  await tab(page, 'Problems').click();
  await problem.click();
  await expect(tab(page, 'XML')).toHaveAttribute('aria-selected', 'true');
  await expect(cursorLine(page)).toHaveText(line ?? '');
  await expect(editor(page)).toBeFocused();
  await page.screenshot({ path: 'e2e/screenshots/xml-editor-error.png' });

  // Fix it: put the closing tag back where the parser stopped, on a line of its own.
  await page.keyboard.press('Home');
  await page.keyboard.type('    </sites>\n');
  await expect(bar).toBeHidden();
  await expect(inline).toHaveCount(0);
  await tab(page, 'Problems').click();
  await expect(page.getByRole('heading', { name: 'No problems' })).toBeVisible();

  // Changes: the line moved, listed with its numbers and marked added and removed.
  await tab(page, 'Changes').click();
  const changes = page.getByRole('table', { name: 'Changes to applicationHost.config' });
  await expect(changes.getByRole('row').filter({ hasText: 'added' }).filter({ hasText: '</sites>' })).toHaveCount(1);
  await expect(changes.getByRole('row').filter({ hasText: 'removed' }).filter({ hasText: '</sites>' })).toHaveCount(1);
  await page.screenshot({ path: 'e2e/screenshots/xml-editor-changes.png' });
});

test('an edit in the XML applies, Undo brings the text back into the editor, and Changes is empty again', async ({ page }) => {
  await open(page);
  await page.getByLabel('Speed').fill('4');
  await tab(page, 'Changes').click();
  await expect(page.getByText(/^No changes since the embedded default workspace .* was loaded\.$/)).toBeVisible();

  await tab(page, 'XML').click();
  // Make the default document a page no site has: the request for / ends 403.14 (directory listing denied).
  await find(page, 'value="iisstart.htm"');
  await page.keyboard.type('value="nothing.htm"');
  await expect(page.locator('.cm-content')).toContainText('value="nothing.htm"');
  await sendAndExpect(page, 'http://localhost/', '403.14');

  await page.getByRole('button', { name: 'Undo' }).click();
  await tab(page, 'XML').click();
  await expect(page.locator('.cm-content')).toContainText('value="iisstart.htm"');
  await expect(page.locator('.cm-content')).not.toContainText('nothing.htm');
  await tab(page, 'Changes').click();
  await expect(page.getByText(/^No changes since/)).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/xml-editor-undo.png' });
});

test('the file picker opens a web.config; broken, it is flagged with its file and not applied; its CRLF line breaks are kept', async ({ page }) => {
  await open(page);
  // Fixture 01 (four sites) with fixture 22's web.config (CRLF line breaks) in the folder of ikinci.com.
  const bundle = {
    format: 'iis-flow-workspace',
    version: 1,
    applicationHostConfig: readFixture('01-c1982-IIS-SharedGitConfig-4sites-hostheaders.config'),
    content: { 'C:\\vhosts\\ikinci.com\\http': { 'index.htm': '<h1>ikinci</h1>', 'web.config': readFixture('22-dorik84-Web-Server-IIS-web-https-redirect.web.config') } },
  };
  await page.getByLabel('Import configuration').setInputFiles({ name: 'ikinci.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bundle)) });
  await expect(page.getByRole('status').filter({ hasText: 'Loaded ikinci.json' })).toContainText('4 sites');

  await tab(page, 'XML').click();
  const picker = page.getByLabel('File');
  const webConfig = 'C:\\vhosts\\ikinci.com\\http\\web.config';
  await expect(picker.locator('option')).toHaveText(['applicationHost.config', webConfig]);
  await picker.selectOption({ label: webConfig });
  const webEditor = page.getByRole('textbox', { name: `${webConfig} XML` });
  await expect(webEditor).toContainText('<directoryBrowse enabled="false" />');

  await webEditor.click();
  await page.keyboard.press('Control+f');
  const field = page.getByRole('textbox', { name: 'Find' });
  await field.pressSequentially('</system.webServer>');
  await field.press('Enter');
  await field.press('Escape');
  await page.keyboard.press('Backspace');
  await expect(page.getByText('This XML has errors: the simulation goes on with the last good configuration.')).toBeVisible();
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(1);

  await tab(page, 'Problems').click();
  const problem = page.getByRole('list', { name: 'Problems' }).getByRole('button').filter({ hasText: webConfig });
  await expect(problem).toContainText('Error');
  await page.screenshot({ path: 'e2e/screenshots/xml-editor-web-config.png' });

  // Only the edited line changed (its indentation is left): the file's CRLF line breaks came through the
  // editor untouched, or every line would differ.
  await tab(page, 'Changes').click();
  const section = page.getByRole('region', { name: `${webConfig} (changed)` });
  await expect(section.getByRole('heading')).toContainText('(1 added, 1 removed)');
  await expect(section.getByRole('row').filter({ hasText: 'removed' })).toHaveText(/<\/system\.webServer>/);

  // Back on applicationHost.config, the picker and the editor follow.
  await tab(page, 'XML').click();
  await picker.selectOption({ label: 'applicationHost.config' });
  await find(page, '<site name="ikinci.com"');
  await expect(editor(page)).toContainText('<site name="ikinci.com" id="5"');
});
