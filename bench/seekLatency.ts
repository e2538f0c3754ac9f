/**
 * Moving the playback position (issue 10, "The state at the moment shown"): from the Timeline's input
 * event to the Inspector saying the state at the new moment (its "At … of the playback" caption and
 * the queue's live values). Two times per move: to the DOM updated (the work the move costs, which
 * must fit in one frame, 16.7 ms, on the default workspace, and in 100 ms on fixture 12), and to the
 * frame after it (what a person sees, which also waits for the next vsync). Each after a load of
 * 2,000 requests, the Inspector on DefaultAppPool's request queue, playback paused.
 *
 * Run by scripts/run-bench.mjs (group "ui-seek"); it serves the build (BENCH_DIST, default dist/) on
 * BENCH_PORT (default 4183).
 */
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { withBenchBrowser } from './benchBrowser.ts';
import { fixture12, importConfig, observeLongTasks, percentile, takeLongTasks } from './editLatency.ts';
import type { UiFigure } from './ui.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4183);
const SEEKS = Number(process.env.BENCH_SEEKS ?? 30);
const LOAD = 2000;
/** One frame at 60 Hz. */
const FRAME_MS = 16.7;

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Seeks to `SEEKS` positions spread over the timeline (a fixed order, the same every run). */
interface Move {
  update: number;
  frame: number;
}

async function seeks(browser: Browser, url: string, config: { name: string; text: string } | undefined): Promise<{ samples: Move[]; tasks: number[] }> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForSelector('.react-flow__node');
    if (config !== undefined) await importConfig(page, config.name, config.text);
    await page.getByLabel('URL', { exact: true }).fill('http://localhost/iisstart.htm?load');
    await page.getByLabel('Load', { exact: true }).fill(String(LOAD));
    await page.getByRole('button', { name: 'Start load' }).click();
    // Every event of the load on the timeline (the count stops moving), then paused on the queue.
    const count = page.locator('.trace-panel .events-count');
    let last = '';
    for (let i = 0; i < 120; i++) {
      await page.waitForTimeout(500);
      const now = (await count.textContent()) ?? '';
      if (now === last && now !== '0 events') break;
      last = now;
    }
    const pause = page.getByRole('button', { name: 'Pause' });
    if (await pause.isVisible()) await pause.click();
    await page.getByRole('group', { name: 'Request queue DefaultAppPool' }).click({ position: { x: 20, y: 10 } });
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await inspector.getByText(/of the playback/).waitFor();
    const timeline = page.getByLabel('Timeline');
    const max = Number(await timeline.getAttribute('max'));
    await observeLongTasks(page);
    const samples: Move[] = [];
    for (let i = 0; i < SEEKS; i++) {
      // Positions hop over the first half, where the queue fills and drains, and the rest.
      const position = ((((i * 7919) % SEEKS) + 0.5) / SEEKS) * max;
      await page.evaluate(() => {
        const w = window as { iisFlowSeek?: Promise<{ update: number; frame: number }>; iisFlowSeekObserver?: MutationObserver };
        w.iisFlowSeekObserver?.disconnect();
        const caption = (): string => document.querySelector('.inspector caption')?.textContent ?? '';
        const before = caption();
        const input = document.querySelector('.playback .timeline input');
        w.iisFlowSeek = new Promise((resolve) => {
          const onInput = (event: Event): void => {
            input?.removeEventListener('input', onInput, true);
            const at = event.timeStamp;
            const check = (): void => {
              if (caption() === before) return;
              observer.disconnect();
              const update = performance.now() - at;
              requestAnimationFrame(() => { resolve({ update, frame: performance.now() - at }); });
            };
            const observer = new MutationObserver(check);
            w.iisFlowSeekObserver = observer;
            observer.observe(document.body, { childList: true, subtree: true, characterData: true });
            check();
          };
          input?.addEventListener('input', onInput, true);
        });
      });
      const before = await timeline.getAttribute('aria-valuetext');
      await timeline.fill(position.toFixed(4));
      // A move within the same event (the timeline's tail, past the last event) shows the same moment.
      if ((await timeline.getAttribute('aria-valuetext')) === before) continue;
      const took = await Promise.race([
        page.evaluate(() => (window as { iisFlowSeek?: Promise<{ update: number; frame: number }> }).iisFlowSeek),
        page.waitForTimeout(5000).then(() => undefined),
      ]);
      if (took === undefined) throw new Error(`the Inspector did not show the moment at ${position.toFixed(4)} within 5 s`);
      samples.push(took);
      await page.waitForTimeout(150);
    }
    if (process.env.BENCH_VERBOSE !== undefined) console.error(config?.name ?? 'default', samples.map((s) => `${s.update.toFixed(1)}/${s.frame.toFixed(1)}`).join(' '));
    await page.screenshot({ path: join('e2e', 'screenshots', `bench-seek-${config?.name ?? 'default'}.png`) });
    return { samples, tasks: await takeLongTasks(page) };
  } finally {
    await context.close();
  }
}

function seekFigures(bench: string, what: string, budget: number, run: { samples: Move[]; tasks: number[] }): UiFigure[] {
  const update = run.samples.map((s) => s.update);
  const frame = run.samples.map((s) => s.frame);
  return [
    {
      bench,
      value: round1(percentile(update, 0.95)),
      unit: 'ms',
      budget,
      better: 'lower',
      note: `p95 of ${String(run.samples.length)} Timeline moves on ${what} after a load of ${String(LOAD)}, paused, to the Inspector's queue at the new moment in the DOM (median ${String(round1(percentile(update, 0.5)))}; to the frame after it: median ${String(round1(percentile(frame, 0.5)))}, p95 ${String(round1(percentile(frame, 0.95)))} ms)`,
    },
    {
      bench: `${bench.replace(/P95$/, '')}LongestTask`,
      value: Math.round(Math.max(0, ...run.tasks)),
      unit: 'ms',
      budget: 0,
      better: 'higher',
      note: `informative: longest main-thread task during those moves (${String(run.tasks.length)} over 50 ms)`,
    },
  ];
}

export async function seekLatencyFigures(root: string): Promise<UiFigure[]> {
  return withBenchBrowser(root, process.env.BENCH_DIST ?? 'dist', PORT, async (browser, url) => [
    ...seekFigures('ui.seekInspectorDefaultP95', 'the default workspace', FRAME_MS, await seeks(browser, url, undefined)),
    ...seekFigures('ui.seekInspectorFixture12P95', 'fixture 12 (62 sites)', 100, await seeks(browser, url, { name: 'fixture12.config', text: fixture12(root) })),
  ]);
}
