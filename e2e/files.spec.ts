import { expect, test, type Page } from '@playwright/test';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'fixtures');
const FIXTURE_01 = '01-c1982-IIS-SharedGitConfig-4sites-hostheaders.config';

async function openFiles(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'HTTP.sys', exact: true })).toBeVisible();
  await page.getByLabel('Speed').fill('4');
  await page.getByRole('tab', { name: 'Files' }).click();
}

const tree = (page: Page) => page.getByRole('tree', { name: 'Files' });
const selected = (page: Page) => page.getByRole('region', { name: 'Selected in Files' });

/** Sends a GET from the request composer and returns the result shown in the Trace tab. */
async function request(page: Page, url: string): Promise<void> {
  await page.getByLabel('URL', { exact: true }).fill(url);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByRole('tab', { name: 'Trace' }).click();
}

/** The Result of the latest request (it names the status and who decided it, not the URL). */
async function expectResult(page: Page, status: string): Promise<void> {
  await expect(page.getByLabel('Result')).toContainText(status);
}

test('a file added in the Files view is served, renamed away gives 404, hidden gives 404.9, and can be removed', async ({ page }) => {
  await openFiles(page);
  const wwwroot = tree(page).getByRole('treeitem', { name: '%SystemDrive%\\inetpub\\wwwroot' });
  await expect(wwwroot).toHaveAttribute('aria-selected', 'true');
  // Which site serves the physical path is shown beside it.
  await expect(wwwroot).toContainText('Default Web Site /');
  await expect(tree(page).getByRole('treeitem', { name: 'iisstart.htm' })).toBeVisible();

  // Windows' name rules, beside the field.
  const newFile = selected(page).getByRole('form', { name: 'New file' });
  await newFile.getByLabel('Name').fill('bad?.htm');
  await expect(newFile).toContainText('A name cannot contain');
  await newFile.getByLabel('Name').fill('IISSTART.HTM');
  await expect(newFile).toContainText('iisstart.htm already exists');

  await newFile.getByLabel('Name').fill('hello.htm');
  await newFile.getByLabel('Text').fill('<h1>Hello from the Files view</h1>');
  await newFile.getByRole('button', { name: 'Add file' }).click();
  const hello = tree(page).getByRole('treeitem', { name: 'hello.htm' });
  await expect(hello).toHaveAttribute('aria-selected', 'true');
  await expect(selected(page).getByRole('list', { name: 'Served as' })).toContainText('http://localhost/hello.htm');

  await request(page, 'http://localhost/hello.htm');
  await expectResult(page, '200.0');

  // Rename it: the old URL is gone.
  await page.getByRole('tab', { name: 'Files' }).click();
  const rename = selected(page).getByRole('form', { name: 'Rename file' });
  await rename.getByLabel('File name').fill('hi.htm');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(tree(page).getByRole('treeitem', { name: 'hi.htm' })).toHaveAttribute('aria-selected', 'true');
  await expect(tree(page).getByRole('treeitem', { name: 'hello.htm' })).toHaveCount(0);
  await request(page, 'http://localhost/hello.htm');
  await expectResult(page, '404.0');

  // The hidden attribute: IIS will not serve it.
  await page.getByRole('tab', { name: 'Files' }).click();
  await selected(page).getByLabel('Hidden attribute').check();
  await expect(tree(page).getByRole('treeitem', { name: 'hi.htm, hidden' })).toBeVisible();
  await request(page, 'http://localhost/hi.htm');
  await expectResult(page, '404.9');

  // Remove it, after confirming.
  await page.getByRole('tab', { name: 'Files' }).click();
  await selected(page).getByRole('button', { name: 'Remove file hi.htm…' }).click();
  await selected(page).getByRole('group', { name: 'Confirm removing file hi.htm' }).getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(tree(page).getByRole('treeitem', { name: /^hi\.htm/ })).toHaveCount(0);
  await expect(wwwroot).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: 'e2e/screenshots/files.png' });

  // Each change was one labelled edit: Undo brings the file back.
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  await expect(undo).toHaveAttribute('title', 'Undo: Remove file %SystemDrive%\\inetpub\\wwwroot\\hi.htm (Ctrl+Z)');
  await undo.click();
  await expect(tree(page).getByRole('treeitem', { name: 'hi.htm, hidden' })).toBeVisible();
});

test('an ACL that leaves out IUSR gives an anonymous request 401.3', async ({ page }) => {
  await openFiles(page);
  await tree(page).getByRole('treeitem', { name: 'iisstart.htm' }).click();
  await selected(page).getByRole('radio', { name: /Only these accounts/ }).check();
  await selected(page).getByLabel('Readers').fill('Administrators');
  await selected(page).getByRole('button', { name: 'Apply readers' }).click();
  await expect(tree(page).getByRole('treeitem', { name: 'iisstart.htm, readers limited by its ACL' })).toBeVisible();
  await request(page, 'http://localhost/iisstart.htm');
  await expectResult(page, '401.3');
  await page.screenshot({ path: 'e2e/screenshots/files-acl.png' });
});

test('a folder made with its first file serves it at the folder URL, and web.config opens in the XML editor', async ({ page }) => {
  await openFiles(page);
  const newFolder = selected(page).getByRole('form', { name: 'New folder' });
  await newFolder.getByLabel('Folder name').fill('shop');
  await newFolder.getByLabel('First file').fill('default.htm');
  await newFolder.getByLabel('Its text').fill('<h1>Shop</h1>');
  await newFolder.getByRole('button', { name: 'Add folder' }).click();
  await expect(tree(page).getByRole('treeitem', { name: 'shop' })).toHaveAttribute('aria-expanded', 'true');
  await expect(tree(page).getByRole('treeitem', { name: 'default.htm' })).toHaveAttribute('aria-selected', 'true');
  await selected(page).getByRole('button', { name: 'Request http://localhost/shop/default.htm' }).click();
  await expect(page.getByRole('tab', { name: 'Trace' })).toHaveAttribute('aria-selected', 'true');
  await expectResult(page, '200.0');

  // Rename the folder: its files go with it, and its URL changes.
  await page.getByRole('tab', { name: 'Files' }).click();
  await tree(page).getByRole('treeitem', { name: 'shop' }).click();
  const rename = selected(page).getByRole('form', { name: 'Rename folder' });
  await rename.getByLabel('Folder name').fill('store');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(tree(page).getByRole('treeitem', { name: 'store' })).toHaveAttribute('aria-selected', 'true');
  await expect(selected(page).getByRole('list', { name: 'Served as' })).toContainText('http://localhost/store/');
  await expect(tree(page).getByRole('treeitem', { name: 'default.htm' })).toBeVisible();

  // A web.config in the folder: it is configuration, edited in the XML editor.
  const newFile = selected(page).getByRole('form', { name: 'New file' });
  await newFile.getByLabel('Name').fill('web.config');
  // Written by hand, with its closing tags missing: the tree and the file's pane say so.
  await newFile.getByLabel('Text').fill('<configuration>\n  <system.webServer>\n    <directoryBrowse enabled="true" />\n');
  await newFile.getByRole('button', { name: 'Add file' }).click();
  await expect(tree(page).getByRole('treeitem', { name: 'web.config, not well-formed XML' })).toHaveAttribute('aria-selected', 'true');
  await expect(selected(page)).toContainText('Not well-formed XML');
  await page.screenshot({ path: 'e2e/screenshots/files-webconfig.png' });
  await selected(page).getByRole('button', { name: 'Open in XML editor' }).click();
  await expect(page.getByRole('tab', { name: 'XML' })).toHaveAttribute('aria-selected', 'true');
});

test('files uploaded from disk land in the folder; a folder of 600 files draws only the rows in view and reaches the last', async ({ page }) => {
  await openFiles(page);
  const newFolder = selected(page).getByRole('form', { name: 'New folder' });
  await newFolder.getByLabel('Folder name').fill('big');
  await newFolder.getByRole('button', { name: 'Add folder' }).click();
  await tree(page).getByRole('treeitem', { name: 'big' }).click();
  const files = Array.from({ length: 600 }, (_, i) => ({ name: `page${String(i + 1)}.htm`, mimeType: 'text/html', buffer: Buffer.from(`<p>page ${String(i + 1)}</p>`) }));
  await selected(page).getByLabel('Upload files…').setInputFiles(files);
  await expect(selected(page)).toContainText('Upload 600 files to %SystemDrive%\\inetpub\\wwwroot\\big.');
  // The folder stays selected and opens: 601 files, of which only the rows in view are drawn.
  const big = tree(page).getByRole('treeitem', { name: 'big' });
  await expect(big).toHaveAttribute('aria-expanded', 'true');
  await expect(big).toContainText('601');
  const drawn = await tree(page).getByRole('treeitem').count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(60);

  // Keys walk the whole tree: End to its last row (the physical path's own files come after its folders),
  // up into the big folder's last file, Home back to the physical path.
  await tree(page).press('End');
  await expect(tree(page).getByRole('treeitem', { name: 'iisstart.png' })).toHaveAttribute('aria-selected', 'true');
  for (let i = 0; i < 3; i++) await tree(page).press('ArrowUp');
  const last = tree(page).getByRole('treeitem', { name: 'page600.htm' });
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(last).toBeInViewport();
  // Left goes up to the folder, and again closes it.
  await tree(page).press('ArrowLeft');
  await expect(big).toHaveAttribute('aria-selected', 'true');
  await tree(page).press('ArrowLeft');
  await expect(big).toHaveAttribute('aria-expanded', 'false');
  await expect(tree(page).getByRole('treeitem')).toHaveCount(5);
  await tree(page).press('Home');
  await expect(tree(page).getByRole('treeitem', { name: '%SystemDrive%\\inetpub\\wwwroot' })).toHaveAttribute('aria-selected', 'true');
  await expect(tree(page).getByRole('treeitem', { name: 'page600.htm' })).toHaveCount(0);
  await page.screenshot({ path: 'e2e/screenshots/files-large-folder.png' });

  // An uploaded file is served.
  await request(page, 'http://localhost/big/page42.htm');
  await expectResult(page, '200.0');
});

test("fixture 01's four physical paths, each with the site that serves it; a file added to one is served by its host name", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openFiles(page);
  await page.getByLabel('Import configuration').setInputFiles(join(FIXTURES, FIXTURE_01));
  await expect(page.getByRole('status').filter({ hasText: 'Loaded' })).toContainText(`Loaded ${FIXTURE_01}: 4 sites`);
  const roots = tree(page).getByRole('treeitem', { level: 1 });
  await expect(roots).toHaveCount(4);
  const ikinci = tree(page).getByRole('treeitem', { name: 'C:\\vhosts\\ikinci.com\\http' });
  await expect(ikinci).toContainText('ikinci.com /');
  await expect(tree(page).getByRole('treeitem', { name: 'C:\\vhosts\\deneme.com\\http' })).toContainText('deneme.com /');

  await ikinci.click();
  await expect(selected(page).getByRole('list', { name: 'Served as' })).toContainText('http://ikinci.com/');
  const newFile = selected(page).getByRole('form', { name: 'New file' });
  await newFile.getByLabel('Name').fill('about.htm');
  await newFile.getByLabel('Text').fill('<p>About ikinci.com</p>');
  await newFile.getByRole('button', { name: 'Add file' }).click();
  await expect(tree(page).getByRole('treeitem', { name: 'about.htm' })).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: 'e2e/screenshots/files-fixture-01-1440.png' });
  await request(page, 'http://www.ikinci.com/about.htm');
  await expectResult(page, '200.0');
});
