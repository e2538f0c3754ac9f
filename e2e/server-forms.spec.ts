import { expect, test, type Locator, type Page } from '@playwright/test';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'fixtures');

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
const sites = (page: Page): Locator => page.getByRole('region', { name: 'Sites' });
const pools = (page: Page): Locator => page.getByRole('region', { name: 'Application pools' });

async function openServerTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Server' }).click();
  await expect(sites(page)).toBeVisible();
}

async function selectSite(page: Page, name: string): Promise<Locator> {
  await sites(page).getByRole('listbox', { name: 'Sites' }).getByRole('option', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
  const form = page.getByRole('region', { name: `Site ${name}` });
  await expect(form).toBeVisible();
  return form;
}

test('a host-name binding added in the site form makes a request to that host reach the site', async ({ page }) => {
  await open(page);
  await fastPlayback(page);
  // Before: no binding on port 8080, so HTTP.sys refuses the host.
  await send(page, 'http://shop.example:8080/');
  await expect(result(page)).toContainText('400.0');

  await openServerTab(page);
  const site = await selectSite(page, 'Default Web Site');
  await site.getByRole('button', { name: 'Add binding…' }).click();
  const form = site.getByRole('form', { name: 'Add binding' });
  await form.getByLabel('Port').fill('8080');
  await form.getByLabel('Host name').fill('shop.example');
  await form.getByRole('button', { name: 'Add binding', exact: true }).click();
  await expect(site.getByRole('table', { name: 'Bindings of Default Web Site' })).toContainText('*:8080:shop.example');
  await expect(sites(page).getByRole('option', { name: /^Default Web Site/ })).toContainText('http *:8080:shop.example');

  await send(page, 'http://shop.example:8080/');
  await expect(result(page)).toContainText('200.0');
  await trace(page).getByLabel('Event or module').fill('HTTPSYS_BINDING_MATCHED');
  await expect(trace(page).getByRole('cell', { name: /URL group of "Default Web Site" .*binding http \*:8080:shop\.example/ })).toBeVisible();
  // The Changes view has the new binding.
  await page.getByRole('tab', { name: 'Changes' }).click();
  await expect(page.getByText('bindingInformation="*:8080:shop.example"').first()).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/server-forms-binding.png' });
  // Edited: the host name changes in place; the old host is refused again.
  await site.getByRole('button', { name: 'Edit binding http *:8080:shop.example' }).click();
  const edit = site.getByRole('form', { name: 'Edit binding 2' });
  await expect(edit.getByLabel('Host name')).toHaveValue('shop.example');
  await edit.getByLabel('Host name').fill('store.example');
  await edit.getByRole('button', { name: 'Save binding' }).click();
  await expect(site.getByRole('table', { name: 'Bindings of Default Web Site' })).toContainText('*:8080:store.example');
  await send(page, 'http://shop.example:8080/');
  await expect(result(page)).toContainText('400.0');
});

test('an invalid binding says why beside the port and cannot be added', async ({ page }) => {
  await open(page);
  await openServerTab(page);
  const site = await selectSite(page, 'Default Web Site');
  await site.getByRole('button', { name: 'Add binding…' }).click();
  const form = site.getByRole('form', { name: 'Add binding' });
  const port = form.getByLabel('Port');
  await port.fill('99999');
  await expect(port).toHaveAttribute('aria-invalid', 'true');
  await expect(port).toHaveAccessibleDescription('The port "99999" is not a number from 1 to 65535.');
  const add = form.getByRole('button', { name: 'Add binding', exact: true });
  await expect(add).toBeDisabled();
  // The default binding *:80: is Default Web Site's own: HTTP.sys could route it to one site only.
  await port.fill('80');
  await expect(port).toHaveAttribute('aria-invalid', 'false');
  await expect(form.getByText('already has the binding http *:80:')).toBeVisible();
  await expect(add).toBeDisabled();
  // https with SNI needs a host name.
  await form.getByLabel('Type').selectOption('https');
  await form.getByLabel('Require Server Name Indication').check();
  await expect(form.getByLabel('Require Server Name Indication')).toHaveAccessibleDescription(/needs a host name/);
  await form.getByLabel('Host name').fill('secure.example');
  await expect(add).toBeEnabled();
  await page.screenshot({ path: 'e2e/screenshots/server-forms-invalid-binding.png' });
  await port.fill('99999');
  await expect(add).toBeDisabled();
  await expect(site.getByRole('table', { name: 'Bindings of Default Web Site' }).getByRole('row')).toHaveCount(2);
});

test('stopping DefaultAppPool in its form makes the next request end 503 at HTTP.sys', async ({ page }) => {
  await open(page);
  await fastPlayback(page);
  await openServerTab(page);
  await pools(page).getByRole('option', { name: /^DefaultAppPool/ }).click();
  const form = page.getByRole('region', { name: 'Application pool DefaultAppPool' });
  await expect(form).toContainText('Serves Default Web Site.');
  // Recycle: WAS replaces the running worker process (a runtime action, not a configuration edit).
  await send(page, 'http://localhost/');
  await expect(result(page)).toContainText('200.0');
  await form.getByRole('button', { name: 'Recycle' }).click();
  await expect(form.getByRole('status')).toContainText('Asked WAS to recycle DefaultAppPool');
  await trace(page).getByRole('combobox').first().selectOption('');
  await trace(page).getByLabel('Event or module').fill('WAS_RECYCLE');
  await expect(trace(page).getByRole('cell', { name: 'WAS_RECYCLE', exact: true }).first()).toBeVisible();
  await form.getByRole('button', { name: 'Stop pool' }).click();
  await expect(form.getByText('Stopped', { exact: true })).toBeVisible();
  await expect(pools(page).getByRole('option', { name: /^DefaultAppPool/ })).toContainText('Stopped');
  await send(page, 'http://localhost/');
  await expect(result(page)).toContainText('503.0');
  await expect(result(page)).toContainText('HTTP.sys');
  await expect(result(page)).toContainText(/DefaultAppPool\b.* is stopped/);
  await page.screenshot({ path: 'e2e/screenshots/server-forms-pool-stopped.png' });
  await form.getByRole('button', { name: 'Start pool' }).click();
  await send(page, 'http://localhost/');
  await expect(result(page)).toContainText('200.0');
});

test('a pool setting the schema refuses is flagged beside it and never applied', async ({ page }) => {
  await open(page);
  await openServerTab(page);
  await pools(page).getByRole('option', { name: /^DefaultAppPool/ }).click();
  const form = page.getByRole('region', { name: 'Application pool DefaultAppPool' });
  const queueLength = form.getByLabel('queueLength', { exact: true });
  await queueLength.fill('5');
  await queueLength.press('Enter');
  await expect(queueLength).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('queueLength takes a whole number from 10 to 65535.')).toBeVisible();
  await queueLength.fill('2000');
  await queueLength.press('Tab');
  await expect(queueLength).toHaveAttribute('aria-invalid', 'false');
  await form.getByLabel('managedPipelineMode', { exact: true }).selectOption('Classic');
  await expect(pools(page).getByRole('option', { name: /^DefaultAppPool/ })).toContainText('Classic');
  // The Inspector shows the same form for the pool's node, with the values in force.
  await page.getByRole('group', { name: 'Application pool DefaultAppPool' }).click({ position: { x: 20, y: 10 } });
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByLabel('queueLength', { exact: true })).toHaveValue('2000');
  await expect(inspector.getByLabel('managedPipelineMode', { exact: true })).toHaveValue('Classic');
  // Each value says where it comes from; one set on the pool resets to what it inherits.
  await expect(inspector.getByLabel('queueLength', { exact: true })).toHaveAccessibleDescription(/Set on this pool\.$/);
  await inspector.getByRole('button', { name: 'Reset queueLength of DefaultAppPool to the inherited value' }).click();
  await expect(inspector.getByLabel('queueLength', { exact: true })).toHaveValue('1000');
  await expect(inspector.getByLabel('queueLength', { exact: true })).toHaveAccessibleDescription(/IIS default\.$/);
  await expect(inspector.getByLabel('managedRuntimeVersion', { exact: true })).toHaveAccessibleDescription(/From applicationPoolDefaults\.$/);
  // "Edit in Server tab" opens the same pool's form there.
  await inspector.getByRole('button', { name: 'Edit in Server tab' }).click();
  await expect(pools(page).getByRole('option', { name: /^DefaultAppPool/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Application pool DefaultAppPool' })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/server-forms-pool-settings.png' });
});

test('a site renamed to HTML shows the characters as text and runs nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const name = '<img src=x onerror=alert(1)>';
  await open(page);
  await openServerTab(page);
  const site = await selectSite(page, 'Default Web Site');
  await site.getByLabel('Site name').fill(name);
  await site.getByRole('button', { name: 'Rename' }).click();
  const renamed = page.getByRole('region', { name: `Site ${name}` });
  await expect(renamed.getByRole('heading', { level: 3 })).toHaveText(`Site ${name}`);
  await expect(sites(page).getByRole('option', { name: /^<img src=x/ })).toContainText(name);
  await expect(page.getByRole('group', { name: 'URL groups', exact: true })).toContainText(name);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await page.screenshot({ path: 'e2e/screenshots/server-forms-html-name.png' });
  expect(dialogs).toEqual([]);
});

test('a new pool, and the root application of Default Web Site moved to it, serves the next request', async ({ page }) => {
  await open(page);
  await fastPlayback(page);
  await openServerTab(page);
  await pools(page).getByRole('button', { name: 'Add application pool…' }).click();
  const add = page.getByRole('form', { name: 'Add application pool' });
  await add.getByLabel('Name').fill('DefaultAppPool');
  await expect(add.getByText('An application pool named "DefaultAppPool" already exists.')).toBeVisible();
  await expect(add.getByRole('button', { name: 'Add application pool' })).toBeDisabled();
  await add.getByLabel('Name').fill('Shop');
  await add.getByRole('button', { name: 'Add application pool' }).click();
  await expect(pools(page).getByRole('option', { name: /^Shop/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('group', { name: 'Application pool Shop' })).toBeVisible();

  const site = await selectSite(page, 'Default Web Site');
  await site.getByRole('group', { name: 'Application /' }).getByLabel('Application pool').selectOption('Shop');
  await expect(page.getByRole('region', { name: 'Application pool Shop' })).toContainText('Serves Default Web Site.');
  await send(page, 'http://localhost/');
  await expect(result(page)).toContainText('200.0');
  await trace(page).getByLabel('Event or module').fill('HTTPSYS_BINDING_MATCHED');
  await expect(trace(page).getByRole('cell', { name: /request queue Shop/ })).toBeVisible();
  // DefaultAppPool now serves nothing and can go; Shop cannot while it serves the site.
  await pools(page).getByRole('option', { name: /^Shop/ }).click();
  const shop = page.getByRole('region', { name: 'Application pool Shop' });
  await shop.getByRole('button', { name: 'Remove pool' }).click();
  await shop.getByRole('button', { name: 'Yes, remove pool' }).click();
  await expect(shop.getByRole('alert')).toContainText('still serves Default Web Site');
  await page.screenshot({ path: 'e2e/screenshots/server-forms-new-pool.png' });
});

test('a site added in the Add site form takes requests on its binding, and is gone once removed', async ({ page }) => {
  await open(page);
  await fastPlayback(page);
  await openServerTab(page);
  await sites(page).getByRole('button', { name: 'Add site…' }).click();
  const add = page.getByRole('form', { name: 'Add site' });
  await add.getByLabel('Site name').fill('Shop');
  await add.getByLabel('Physical path').fill('C:\\inetpub\\shop');
  await expect(add.getByLabel('Physical path')).toHaveAccessibleDescription(/no files in this folder/);
  // The default binding is Default Web Site's *:80: already.
  await expect(add.getByText('already has the binding http *:80:')).toBeVisible();
  await expect(add.getByRole('button', { name: 'Add site', exact: true })).toBeDisabled();
  await add.getByLabel('Port').fill('8081');
  await add.getByRole('button', { name: 'Add site', exact: true }).click();
  const shop = page.getByRole('region', { name: 'Site Shop' });
  await expect(shop).toContainText('Started');
  await expect(shop.getByRole('group', { name: 'Application /' }).getByLabel('Application pool')).toHaveValue('Shop');
  await expect(pools(page).getByRole('option', { name: /^Shop/ })).toBeVisible();
  await send(page, 'http://localhost:8081/');
  await trace(page).getByLabel('Event or module').fill('HTTPSYS_BINDING_MATCHED');
  await expect(trace(page).getByRole('cell', { name: /URL group of "Shop"/ })).toBeVisible();
  // A virtual directory added under its root application, then removed.
  const root = shop.getByRole('group', { name: 'Application /' });
  await root.getByText('Add virtual directory…').click();
  const vdir = root.getByRole('form', { name: 'Add virtual directory to Shop' });
  await vdir.getByLabel('Virtual path').fill('/images');
  await vdir.getByLabel('Physical path').fill('C:\\images');
  await vdir.getByRole('button', { name: 'Add virtual directory' }).click();
  await expect(root.getByRole('list', { name: 'Virtual directories of /' })).toContainText('/images');
  await page.screenshot({ path: 'e2e/screenshots/server-forms-add-site.png' });
  await root.getByRole('button', { name: 'Remove virtual directory /images of /' }).click();
  await expect(root.getByRole('list', { name: 'Virtual directories of /' }).getByRole('listitem')).toHaveCount(1);

  await shop.getByRole('button', { name: 'Remove site' }).click();
  await shop.getByRole('button', { name: 'Yes, remove site' }).click();
  await expect(sites(page).getByRole('option', { name: /^Shop/ })).toHaveCount(0);
  await send(page, 'http://localhost:8081/');
  await expect(result(page)).toContainText('400.0');
});

test("fixture 12's 62 sites are listed a window at a time and filtered", async ({ page }) => {
  await open(page);
  // The header's file input (Import configuration).
  await page.locator('input[type="file"]').first().setInputFiles(join(FIXTURES, '12-shubham23nov-Web-Service-Health-Check-62sites.config'));
  await expect(page.getByRole('status').filter({ hasText: '62 sites' })).toBeVisible();
  await openServerTab(page);
  const list = sites(page).getByRole('listbox', { name: 'Sites' });
  const options = list.getByRole('option');
  await expect(options.first()).toHaveAttribute('aria-setsize', '62');
  expect(await options.count()).toBeLessThan(20);
  await list.focus();
  await list.press('End');
  await expect(list.getByRole('option', { selected: true })).toHaveAttribute('aria-posinset', '62');
  await sites(page).getByLabel('Filter sites').fill('no site is named like this');
  await expect(sites(page).getByText('No site matches the filter.')).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/server-forms-fixture-12.png' });
});
