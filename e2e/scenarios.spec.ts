import { expect, test, type Page } from '@playwright/test';

async function openLearn(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'HTTP.sys', exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Learn' }).click();
  await expect(page.getByRole('region', { name: 'Scenarios' })).toBeVisible();
}

const scenarios = (page: Page) => page.getByRole('region', { name: 'Scenarios' });

/** Picks a status and a decider, plays the request, and waits for the verdict. */
async function predict(page: Page, status: string, decidedBy: string): Promise<void> {
  const region = scenarios(page);
  await region.getByRole('group', { name: 'Status' }).getByRole('radio', { name: status, exact: true }).check();
  await region.getByRole('group', { name: 'Decided by' }).getByRole('radio', { name: decidedBy, exact: true }).check();
  await region.getByRole('button', { name: 'Play and check' }).click();
  const skip = region.getByRole('button', { name: 'Skip to the answer' });
  const verdict = region.getByRole('status');
  await expect(skip.or(verdict)).toBeVisible();
  if (await skip.isVisible()) await skip.click();
  await expect(verdict).toBeVisible();
}

for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  test(`a scenario runs from Step 1 to its end, Back returns a step, Predict scores, progress survives a reload (${String(size.width)}x${String(size.height)})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    await openLearn(page);
    const region = scenarios(page);
    await region.getByRole('button', { name: 'A warm request' }).click();
    await expect(region.getByText('Step 1 of 4')).toBeVisible();
    await expect(region.getByText('WAS_START_WORKER')).toBeVisible();
    // Playback pauses at the step's event: the playback bar names it.
    await expect(page.locator('.playback .position')).toContainText('WAS_START_WORKER');
    await page.screenshot({ path: `e2e/screenshots/scenarios-step-${String(size.width)}.png` });
    const timeline = page.getByLabel('Timeline');
    await region.getByRole('button', { name: 'Next' }).click();
    await expect(region.getByText('Step 2 of 4')).toBeVisible();
    await expect(page.locator('.playback .position')).toContainText('HTTPSYS_RESPONSE_SENT');
    // "event N of M": the step's event; M grows as later steps add requests.
    const second = (await timeline.getAttribute('aria-valuetext'))?.replace(/ of \d+$/, '') ?? '';
    await region.getByRole('button', { name: 'Next' }).click();
    await expect(region.getByText('Step 3 of 4')).toBeVisible();
    await expect(page.locator('.playback .position')).toContainText('WORKER_DEQUEUE');
    // Back: the step before, and its playback position.
    await region.getByRole('button', { name: 'Back' }).click();
    await expect(region.getByText('Step 2 of 4')).toBeVisible();
    await expect(timeline).toHaveAttribute('aria-valuetext', new RegExp(`^${second} of \\d+$`));
    await region.getByRole('button', { name: 'Next' }).click();
    await expect(region.getByText('Step 3 of 4')).toBeVisible();
    await region.getByRole('button', { name: 'Next' }).click();
    await expect(region.getByText('Step 4 of 4')).toBeVisible();
    await region.getByRole('button', { name: 'Next' }).click();

    await expect(region.getByText('Predict 1 of 3')).toBeVisible();
    await predict(page, '200.0', 'DefaultDocumentModule');
    await expect(region.getByRole('status')).toContainText('Right.');
    await page.screenshot({ path: `e2e/screenshots/scenarios-predict-${String(size.width)}.png` });
    await region.getByRole('button', { name: 'Next question' }).click();
    await expect(region.getByText('Predict 2 of 3')).toBeVisible();
    await predict(page, '404.0', 'IIS Web Core');
    await expect(region.getByRole('status')).toContainText('Not quite.');
    await expect(region.getByRole('status')).toContainText('405.0 by StaticFileModule');
    await region.getByRole('button', { name: 'Next question' }).click();
    await predict(page, '404.8', 'RequestFilteringModule');
    await region.getByRole('button', { name: 'Finish' }).click();
    await expect(region.getByRole('status')).toContainText('Scenario complete: 2 of 3 predicted right.');

    await page.reload();
    await expect(page.getByRole('group', { name: 'HTTP.sys', exact: true })).toBeVisible();
    await page.getByRole('tab', { name: 'Learn' }).click();
    await expect(scenarios(page).getByText('Completed · Predict 2 of 3')).toBeVisible();
    await page.screenshot({ path: `e2e/screenshots/scenarios-list-${String(size.width)}.png` });
  });
}

/** Walks a scenario from Step 1 to its last step with Next, checking each step's counter and paused event. */
async function walk(page: Page, title: string, steps: number, screenshotAt?: { step: number; name: string }): Promise<void> {
  const region = scenarios(page);
  await region.getByRole('button', { name: title, exact: true }).click();
  for (let step = 1; step <= steps; step++) {
    if (step > 1) await region.getByRole('button', { name: 'Next' }).click();
    await expect(region.getByText(`Step ${String(step)} of ${String(steps)}`)).toBeVisible();
    await expect(region.getByRole('button', { name: 'Next' })).toBeEnabled({ timeout: 30_000 });
    // The step's buttons are kept in view in the side panel, whatever the length of its text.
    await expect(region.getByRole('button', { name: 'Next' })).toBeInViewport({ ratio: 0.9 });
    await expect(region.getByRole('alert')).toHaveCount(0);
    const event = await region.locator('.scenario-event code').textContent().catch(() => null);
    if (event !== null) await expect(page.locator('.playback .position')).toContainText(event);
    if (screenshotAt?.step === step) await page.screenshot({ path: `e2e/screenshots/${screenshotAt.name}.png` });
  }
  await region.getByRole('button', { name: 'Next' }).click();
  await expect(region.getByText('Predict 1 of 3')).toBeVisible();
}

test('Basic authentication: 401.2 and its challenge, 200, 401.1; Back; the Predict verdict scrolls into view at 1280x720', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLearn(page);
  const region = scenarios(page);
  await region.getByRole('button', { name: 'Anonymous access off, then Basic authentication' }).click();
  await expect(region.getByText('Step 1 of 5')).toBeVisible();
  await expect(page.locator('.playback .position')).toContainText('MODULE_SET_RESPONSE_ERROR_STATUS');
  await region.getByRole('button', { name: 'Next' }).click();
  await expect(region.getByText('Step 2 of 5')).toBeVisible();
  await expect(page.locator('.playback .position')).toContainText('HTTPSYS_RESPONSE_SENT');
  await region.getByRole('button', { name: 'Next' }).click();
  await expect(region.getByText('Step 3 of 5')).toBeVisible();
  await expect(page.locator('.playback .position')).toContainText('AUTH_SUCCEEDED');
  await page.screenshot({ path: 'e2e/screenshots/scenarios2-basic-step3.png' });
  await region.getByRole('button', { name: 'Back' }).click();
  await expect(region.getByText('Step 2 of 5')).toBeVisible();
  await expect(page.locator('.playback .position')).toContainText('HTTPSYS_RESPONSE_SENT');
  for (const step of [3, 4, 5]) {
    await region.getByRole('button', { name: 'Next' }).click();
    await expect(region.getByText(`Step ${String(step)} of 5`)).toBeVisible();
  }
  await expect(page.locator('.playback .position')).toContainText('MODULE_SET_RESPONSE_ERROR_STATUS');
  await region.getByRole('button', { name: 'Next' }).click();
  await expect(region.getByText('Predict 1 of 3')).toBeVisible();
  await predict(page, '401.2', 'IIS Web Core');
  const verdict = region.getByRole('status');
  await expect(verdict).toContainText('Not quite.');
  await expect(verdict).toContainText('200.0 by StaticFileModule');
  await expect(verdict.getByRole('button', { name: 'Next question' })).toBeInViewport({ ratio: 0.9 });
  await page.screenshot({ path: 'e2e/screenshots/scenarios2-basic-verdict.png' });
});

test('the new scenarios run from Step 1 to their Predict questions', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLearn(page);
  const walks: Array<[string, number]> = [
    ['Forms authentication: static files in Integrated and Classic mode', 6],
    ['The same application in an Integrated and a Classic pool', 5],
    ['A web garden: one pool, several w3wp.exe', 5],
    ['A net.tcp activation through WAS, without W3SVC', 3],
    ['A configuration change: applicationHost.config -> WAS -> W3SVC -> HTTP.sys', 5],
    ['Removing modules to shrink the attack surface', 5],
    ['A locked section and its 500.19', 4],
    ["IIS 6.0's model beside IIS 7 and later", 6],
  ];
  for (const [title, steps] of walks) {
    await walk(page, title, steps, { step: Math.min(steps, 4), name: `scenarios2-${title.replace(/[^a-z0-9]+/gi, '-').toLowerCase().slice(0, 40)}` });
    await scenarios(page).getByRole('button', { name: 'All scenarios' }).click();
  }
});
