/**
 * The editing loop of issue 9 end to end, across the panels: a form edit reaches the simulation and the
 * XML, Undo takes it back; the app and the CLI answer alike on the same imported workspace; the page's
 * Content-Security-Policy refuses inline script.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, '..', 'shared', 'fixtures');
const FIXTURE_01 = '01-c1982-IIS-SharedGitConfig-4sites-hostheaders.config';

async function open(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'HTTP.sys', exact: true })).toBeVisible();
  await page.getByLabel('Speed').fill('4');
}

const result = (page: Page) => page.getByLabel('Result');

async function send(page: Page, url: string): Promise<void> {
  await page.getByLabel('Method').selectOption('GET');
  await page.getByLabel('URL', { exact: true }).fill(url);
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('tab', { name: 'Trace' }).click();
}

/** The status.substatus and who decided it, once the response has reached the client. */
async function outcome(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Skip to its result' }).click({ timeout: 2000 }).catch(() => undefined);
  const code = result(page).locator('.result-code');
  await expect(code).toHaveText(/^\d+\.\d+$|^Reset$/);
  return (await code.textContent()) ?? '';
}

/** Finds text in the XML editor with its search, as a person would: the editor scrolls to it. */
async function findInXml(page: Page, text: string): Promise<void> {
  await page.getByRole('tab', { name: 'XML' }).click();
  const editor = page.getByRole('textbox', { name: 'applicationHost.config XML' });
  await editor.click();
  await editor.press('Control+Home');
  await page.keyboard.press('Control+f');
  const field = page.getByRole('textbox', { name: 'Find' });
  await field.pressSequentially(text);
  await field.press('Enter');
  await field.press('Escape');
  await expect(editor).toContainText(text);
}

test('a binding added in a form reaches the simulation and the XML; Undo takes it back', async ({ page }) => {
  test.setTimeout(90_000);
  await open(page);
  await send(page, 'http://shop.example:8080/');
  expect(await outcome(page)).toBe('400.0');

  await page.getByRole('tab', { name: 'Server' }).click();
  const sites = page.getByRole('region', { name: 'Sites' });
  await sites.getByRole('listbox', { name: 'Sites' }).getByRole('option', { name: /^Default Web Site/ }).click();
  const site = page.getByRole('region', { name: 'Site Default Web Site' });
  await site.getByRole('button', { name: 'Add binding…' }).click();
  const form = site.getByRole('form', { name: 'Add binding' });
  await form.getByLabel('Port').fill('8080');
  await form.getByLabel('Host name').fill('shop.example');
  await form.getByRole('button', { name: 'Add binding', exact: true }).click();
  await expect(site.getByRole('table', { name: 'Bindings of Default Web Site' })).toContainText('*:8080:shop.example');

  await send(page, 'http://shop.example:8080/');
  expect(await outcome(page)).toBe('200.0');
  await findInXml(page, 'bindingInformation="*:8080:shop.example"');
  await page.screenshot({ path: 'e2e/screenshots/editing-loop-binding-in-xml.png' });

  // Undo, from the header: the XML is the default again and HTTP.sys no longer routes the host.
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('tab', { name: 'Changes' }).click();
  await expect(page.getByText(/No changes since/)).toBeVisible();
  await send(page, 'http://shop.example:8080/');
  expect(await outcome(page)).toBe('400.0');
  await page.screenshot({ path: 'e2e/screenshots/editing-loop-undone.png' });
});

test('the same requests on the same imported workspace give the same results in the app and in the CLI', async ({ page }) => {
  test.setTimeout(90_000);
  await open(page);
  await page.getByLabel('Import configuration').setInputFiles(join(FIXTURES, FIXTURE_01));
  await expect(page.getByRole('status').filter({ hasText: 'Loaded' })).toContainText(`Loaded ${FIXTURE_01}: 4 sites`);
  const urls = ['http://www.ikinci.com/', 'http://localhost/', 'http://www.ikinci.com/web.config', 'http://www.ikinci.com/nothing.htm'];
  const app: string[] = [];
  for (const url of urls) {
    await send(page, url);
    app.push(await outcome(page));
  }
  await page.screenshot({ path: 'e2e/screenshots/editing-loop-cli-parity.png' });
  const requests = join(mkdtempSync(join(tmpdir(), 'iis-flow-')), 'requests.jsonl');
  writeFileSync(requests, urls.map((url) => JSON.stringify({ method: 'GET', url })).join('\n'));
  const cli = execFileSync('npx', ['tsx', 'src/cli/main.ts', 'simulate', '--config', join(FIXTURES, FIXTURE_01), '--requests', requests], { cwd: ROOT, encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { status: number; subStatus: number })
    .map((r) => (r.status === 0 ? 'Reset' : `${String(r.status)}.${String(r.subStatus)}`));
  expect(app).toEqual(cli);
  // The default content is the same in both: the site's folder holds a fresh install's files (iisstart.htm),
  // none of them in fixture 01's default documents, and directory browsing is off: 403.14, not a missing folder.
  expect(app[0]).toBe('403.14');
});

test('the page refuses inline script: its Content-Security-Policy allows scripts from its own origin only (no inline, no eval)', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await open(page);
  const policy = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
  const scriptSource = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
  expect(scriptSource).toBe("'self'");
  // An inline script added to the page does not run (Playwright's own evaluate is exempt, the page's scripts are not).
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.body.append(script);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
  expect(violations.length).toBeGreaterThan(0);
});
