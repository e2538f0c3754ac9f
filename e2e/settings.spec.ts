import { expect, test, type Locator, type Page } from '@playwright/test';

/** The Settings side tab, opened. */
async function openSettings(page: Page): Promise<Locator> {
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'HTTP.sys', exact: true })).toBeVisible();
  await page.getByLabel('Speed').fill('4');
  await page.getByRole('tab', { name: 'Settings' }).click();
  return page.getByRole('tabpanel', { name: 'Settings' });
}

async function send(page: Page, url: string): Promise<void> {
  await page.getByLabel('URL', { exact: true }).fill(url);
  await page.getByRole('button', { name: 'Send' }).click();
}

/** Opens one feature's disclosure. */
async function openFeature(settings: Locator, name: string): Promise<void> {
  await settings.getByText(name, { exact: true }).click();
}

test('turning anonymous authentication off for one folder in a <location> tag makes its requests end 401.2', async ({ page }) => {
  const settings = await openSettings(page);
  await settings.getByLabel('Site', { exact: true }).selectOption('Default Web Site');
  const folder = settings.getByLabel('Folder (URL path)');
  await folder.fill('/private');
  await folder.press('Enter');
  await expect(settings.getByRole('heading', { name: 'Settings at Default Web Site/private' })).toBeVisible();
  await settings.getByLabel('applicationHost.config (<location> tag)').check();

  await openFeature(settings, 'Authentication');
  const anonymous = settings.getByRole('region', { name: 'Anonymous Authentication' });
  await expect(anonymous).toContainText("Written to applicationHost.config <location path='Default Web Site/private'>");
  await expect(anonymous).toContainText('from applicationHost.config');
  await anonymous.getByRole('checkbox', { name: 'Enabled' }).uncheck();
  await expect(anonymous.getByRole('checkbox', { name: 'Enabled' })).not.toBeChecked();
  await expect(anonymous).toContainText("from applicationHost.config <location path='Default Web Site/private'>");

  await send(page, 'http://localhost/private/x.htm');
  await expect(page.getByLabel('Result')).toContainText('401.2');
  // The folder above keeps anonymous access.
  await send(page, 'http://localhost/');
  await expect(page.getByLabel('Result')).toContainText('200');

  // The Changes view (or, while it is being built, the origin's Open button) shows the location tag.
  await page.getByRole('tab', { name: 'Changes' }).click();
  const changes = page.getByRole('tabpanel', { name: 'Changes' });
  if (!(await changes.textContent() ?? '').includes('being built')) await expect(changes).toContainText('<location path="Default Web Site/private">');
  await expect(anonymous.getByRole('button', { name: /Open where anonymousAuthentication enabled is set: applicationHost.config <location path='Default Web Site\/private'>, line \d+/ })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/settings-location.png' });

  // Revert to parent: the folder inherits the server's value again, and the request reaches the file system.
  await anonymous.getByRole('button', { name: 'Revert to parent' }).click();
  await expect(anonymous.getByRole('checkbox', { name: 'Enabled' })).toBeChecked();
  await expect(anonymous.locator('.setting-origin-label').first()).toHaveText('from applicationHost.config');
  await send(page, 'http://localhost/private/x.htm');
  await expect(page.getByLabel('Result')).toContainText('404');
});

test('the authentication sections are locked for a web.config, and writing one warns of the 500.19 it causes', async ({ page }) => {
  const settings = await openSettings(page);
  await settings.getByLabel('Site', { exact: true }).selectOption('Default Web Site');
  await settings.getByLabel('web.config', { exact: true }).check();
  const summary = settings.locator('summary', { hasText: 'Authentication' }).first();
  await expect(summary).toContainText('Locked');
  await openFeature(settings, 'Authentication');
  const anonymous = settings.getByRole('region', { name: 'Anonymous Authentication' });
  await expect(anonymous).toContainText('Locked: This configuration section cannot be used at this path');
  let warned = '';
  page.once('dialog', (dialog) => {
    warned = dialog.message();
    void dialog.accept();
  });
  // IIS refuses the locked section: the value in force stays, and the level now answers 500.19.
  await anonymous.getByRole('checkbox', { name: 'Enabled' }).click();
  expect(warned).toContain('500.19');
  await expect(settings.getByRole('alert').filter({ hasText: 'IIS answers 500.19' })).toBeVisible();
  await send(page, 'http://localhost/');
  await expect(page.getByLabel('Result')).toContainText('500.19');
  await page.screenshot({ path: 'e2e/screenshots/settings-locked.png' });
  // Revert to parent takes the section out of the web.config again: no question asked, and no 500.19.
  await anonymous.getByRole('button', { name: 'Revert to parent' }).click();
  await expect(settings.getByRole('alert').filter({ hasText: 'IIS answers 500.19' })).toHaveCount(0);
  await send(page, 'http://localhost/');
  await expect(page.getByLabel('Result')).toContainText('200');
});

test('a delegated section written to web.config: no default document, then directory browsing on', async ({ page }) => {
  const settings = await openSettings(page);
  await settings.getByLabel('Site', { exact: true }).selectOption('Default Web Site');
  await settings.getByLabel('web.config', { exact: true }).check();

  await openFeature(settings, 'Default Document');
  const defaultDocument = settings.getByRole('region', { name: 'Default Document' });
  await expect(defaultDocument).toContainText('Written to %SystemDrive%\\inetpub\\wwwroot\\web.config');
  await defaultDocument.getByRole('checkbox', { name: 'Enabled' }).uncheck();
  await expect(defaultDocument).toContainText('from web.config in /');
  await send(page, 'http://localhost/');
  await expect(page.getByLabel('Result')).toContainText('403.14');

  await openFeature(settings, 'Directory Browsing');
  const directoryBrowse = settings.getByRole('region', { name: 'Directory Browsing' });
  await directoryBrowse.getByRole('checkbox', { name: 'Enabled' }).check();
  await expect(directoryBrowse).toContainText('from web.config in /');
  await send(page, 'http://localhost/');
  await expect(page.getByLabel('Result')).toContainText('200');
  await page.screenshot({ path: 'e2e/screenshots/settings-webconfig.png' });
});

test('modules reorder with the keyboard, and a removed default document changes the answer', async ({ page }) => {
  const settings = await openSettings(page);
  await openFeature(settings, 'Modules');
  const modules = settings.getByRole('list', { name: 'Modules' });
  const items = modules.getByRole('listitem');
  const first = (await items.nth(0).getAttribute('aria-label')) ?? '';
  const second = (await items.nth(1).getAttribute('aria-label')) ?? '';
  const secondName = second.replace(/, 2 of \d+$/, '');
  await items.nth(1).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(items.nth(0)).toHaveAttribute('aria-label', new RegExp(`^${secondName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, 1 of`));
  await expect(items.nth(1)).toHaveAttribute('aria-label', first.replace(/, 1 of/, ', 2 of'));
  // The buttons do the same, and the moved entry keeps the focus.
  await modules.getByRole('button', { name: `Move ${secondName} down` }).click();
  await expect(items.nth(1)).toHaveAttribute('aria-label', new RegExp(`^${secondName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, 2 of`));
  await expect(modules.getByRole('button', { name: `Move ${secondName} down` })).toBeFocused();
  // And a drag: the third entry dropped on the first takes its place.
  const third = ((await items.nth(2).getAttribute('aria-label')) ?? '').replace(/, 3 of \d+$/, '');
  await items.nth(2).dragTo(items.nth(0));
  await expect(items.nth(0)).toHaveAttribute('aria-label', new RegExp(`^${third.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, 1 of`));
  await page.screenshot({ path: 'e2e/screenshots/settings-modules.png' });

  await send(page, 'http://localhost/');
  await expect(page.getByLabel('Result')).toContainText('200');
  await openFeature(settings, 'Default Document');
  const files = settings.getByRole('list', { name: 'Default documents' });
  await files.getByRole('button', { name: 'Remove iisstart.htm' }).click();
  await expect(files.getByText('iisstart.htm', { exact: true })).toHaveCount(0);
  await send(page, 'http://localhost/');
  await expect(page.getByLabel('Result')).toContainText('403.14');
  await page.screenshot({ path: 'e2e/screenshots/settings-default-document.png' });
});

test('a value the schema rejects is refused beside its field', async ({ page }) => {
  const settings = await openSettings(page);
  await openFeature(settings, 'Request Filtering');
  const maxUrl = settings.getByLabel('Maximum URL length (bytes)');
  await expect(maxUrl).toHaveValue('4096');
  await maxUrl.fill('-5');
  await expect(settings.getByText('Expected a whole number from 0 to 4294967295.')).toBeVisible();
  await maxUrl.press('Enter');
  await expect(maxUrl).toHaveAttribute('aria-invalid', 'true');
  await maxUrl.fill('10');
  await maxUrl.press('Enter');
  await expect(maxUrl).toHaveValue('10');
  await send(page, 'http://localhost/iisstart.htm');
  await expect(page.getByLabel('Result')).toContainText('404.14');
  await page.screenshot({ path: 'e2e/screenshots/settings-validation.png' });
});

test('an authorization rule added in a form goes to the folder\'s web.config and denies anonymous users', async ({ page }) => {
  const settings = await openSettings(page);
  await settings.getByLabel('Site', { exact: true }).selectOption('Default Web Site');
  const folder = settings.getByLabel('Folder (URL path)');
  await folder.fill('/private');
  await folder.press('Enter');
  await openFeature(settings, 'Authorization Rules');
  const rules = settings.getByRole('region', { name: 'Authorization Rules' });
  await expect(rules).toContainText('Written to %SystemDrive%\\inetpub\\wwwroot\\private\\web.config');
  await rules.getByRole('button', { name: 'Add rule…' }).click();
  const form = rules.getByRole('form', { name: 'Add rule' });
  await form.getByLabel('Mode').selectOption('Deny');
  await form.getByLabel('Users').fill('?');
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  const list = rules.getByRole('list', { name: 'Authorization rules' });
  await expect(list.getByRole('listitem').filter({ hasText: 'Deny ?' })).toContainText('from web.config in /private');
  await send(page, 'http://localhost/private/x.htm');
  await expect(page.getByLabel('Result')).toContainText('401');
  await send(page, 'http://localhost/');
  await expect(page.getByLabel('Result')).toContainText('200');
  await page.screenshot({ path: 'e2e/screenshots/settings-authorization.png' });
});
