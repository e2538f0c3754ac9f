import { expect, test } from '@playwright/test';

test.describe('the first page', () => {
  test('shows the default site, its application and the default pools, with a status line', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto('/');

    const graph = page.getByRole('region', { name: 'Architecture graph' });
    await expect(graph.getByRole('group', { name: 'URL groups', exact: true })).toContainText('Default Web Site: http *:80:');
    await expect(graph.getByRole('group', { name: 'Application pool DefaultAppPool' })).toBeVisible();
    await expect(graph.getByRole('group', { name: 'Application pool .NET v4.5 Classic' })).toContainText('Classic');

    const status = page.getByRole('status');
    await expect(status).toContainText('Loaded the embedded default workspace');
    await expect(status).toContainText('1 site, 5 application pools, no problems');

    await page.screenshot({ path: 'e2e/screenshots/default-workspace.png', fullPage: true });
    expect(errors).toEqual([]);
  });

  test('the built page forbids inline script with a Content-Security-Policy', async ({ page }) => {
    await page.goto('/');
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain("script-src 'self' 'unsafe-inline'");
  });
});
