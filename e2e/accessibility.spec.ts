/**
 * axe-core on the main views: no serious or critical violation on the default view, each side tab
 * (Inspector, Server, Settings), each workbench tab (Trace, XML, Problems, Changes, Files), and during
 * and after a load. Each failure lists the rule, its impact and the elements it found, so a regression
 * says where it is.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { arrowTo, tabIntoGraph } from './graph-keyboard.ts';

async function open(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'HTTP.sys', exact: true })).toBeVisible();
}

interface Finding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** The serious and critical violations axe finds on the page as it is now. */
async function seriousViolations(page: Page): Promise<Finding[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

async function expectNoSeriousViolation(page: Page, view: string): Promise<void> {
  const found = await seriousViolations(page);
  expect(found, `${view}: ${JSON.stringify(found, null, 2)}`).toEqual([]);
}

// axe reads the whole page (a graph of a hundred nodes, the editor): on a shared machine that takes a while.
test.describe.configure({ timeout: 120_000 });

const sideTab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Side panels' }).getByRole('tab', { name });
const panelTab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Panels' }).getByRole('tab', { name });

test.describe('at 1280x720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the default view, the Inspector with a node selected, and the side tabs have no serious violation', async ({ page }) => {
    await open(page);
    await expectNoSeriousViolation(page, 'default view');
    // The graph by keyboard, with a node's ring and its tooltip showing.
    await tabIntoGraph(page);
    await arrowTo(page, page.getByRole('group', { name: 'WAS', exact: true }));
    await expect(page.getByRole('tooltip')).toBeVisible();
    await expectNoSeriousViolation(page, 'graph focused by keyboard, with a tooltip');
    await page.getByRole('group', { name: 'WAS', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Inspector' })).toContainText('Windows Process Activation Service');
    await expectNoSeriousViolation(page, 'Inspector (WAS)');
    await sideTab(page, 'Server').click();
    await expect(page.getByRole('region', { name: 'Application pools' })).toBeVisible();
    await expectNoSeriousViolation(page, 'Server tab');
    await sideTab(page, 'Settings').click();
    await expect(page.getByRole('tabpanel', { name: 'Settings' })).toBeVisible();
    await expectNoSeriousViolation(page, 'Settings tab');
    await page.screenshot({ path: 'e2e/screenshots/a11y-settings-1280.png' });
  });

  test('the workbench tabs (Trace, XML, Problems, Changes, Files) have no serious violation', async ({ page }) => {
    await open(page);
    await page.getByLabel('Speed').fill('4');
    await page.getByLabel('URL', { exact: true }).fill('http://localhost/');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByLabel('Result')).toContainText('200.0');
    await expectNoSeriousViolation(page, 'Trace with a result and its waterfall');
    await panelTab(page, 'XML').click();
    await expect(page.locator('.cm-editor')).toBeVisible();
    await expectNoSeriousViolation(page, 'XML tab');
    await panelTab(page, 'Problems').click();
    await expectNoSeriousViolation(page, 'Problems tab');
    await panelTab(page, 'Changes').click();
    await expectNoSeriousViolation(page, 'Changes tab');
    await panelTab(page, 'Files').click();
    await expect(page.getByRole('tree')).toBeVisible();
    await expectNoSeriousViolation(page, 'Files tab');
    await page.screenshot({ path: 'e2e/screenshots/a11y-files-1280.png' });
  });
});

test.describe('at 1440x900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('during and after a load there is no serious violation', async ({ page }) => {
    await open(page);
    await page.getByLabel('URL', { exact: true }).fill('http://localhost/');
    await page.getByLabel('Load', { exact: true }).fill('200');
    await page.getByRole('button', { name: 'Start load' }).click();
    // During: playback runs at its normal speed through the load's first events.
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expectNoSeriousViolation(page, 'during a load');
    await page.getByLabel('Speed').fill('4');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 30_000 });
    await expectNoSeriousViolation(page, 'after a load');
    await page.screenshot({ path: 'e2e/screenshots/a11y-after-load-1440.png' });
  });
});
