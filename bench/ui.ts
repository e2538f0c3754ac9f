/**
 * UI figures in headless Chromium against the built app (`npm run build` first): time from navigation
 * to the first drawn graph, and the p95 frame time with 2,000 request tokens in flight. Run by
 * scripts/run-bench.mjs (group "ui"); it serves dist/ with `vite preview` itself.
 */
import type { Browser } from '@playwright/test';
import { withBenchBrowser } from './benchBrowser.ts';

export interface UiFigure {
  bench: string;
  value: number;
  unit: string;
  budget: number;
  better: 'higher' | 'lower';
  note: string;
}

const PORT = Number(process.env.BENCH_PORT ?? 4179);
const DIST = process.env.BENCH_DIST ?? 'dist';
/** Cold loads measured for start-up: each in a fresh browser context. */
const COLD_LOADS = 6;


/** The seeds' first request, step by step: the scenario with the most steps and a cold start. */
const SCENARIO = 'A first request to a cold pool, in nine steps';

/**
 * Walks a scenario in the Learn tab as a person does (Next, once the step is ready) and records every
 * main-thread task over 50 ms and the interval between frames meanwhile.
 */
async function scenarioWalk(browser: Browser, url: string): Promise<{ longest: number; tasks: number; frameP95: number; frames: number }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  try {
    await page.goto(url);
    await page.waitForSelector('.react-flow__node');
    await page.getByRole('tab', { name: 'Learn' }).click();
    const region = page.getByRole('region', { name: 'Scenarios' });
    await region.waitFor();
    await page.waitForTimeout(1500);
    await page.evaluate(() => {
      const w = window as { iisFlowScenarioTasks?: number[]; iisFlowScenarioFrames?: number[]; iisFlowScenarioOn?: boolean };
      const tasks: number[] = [];
      const frames: number[] = [];
      w.iisFlowScenarioTasks = tasks;
      w.iisFlowScenarioFrames = frames;
      w.iisFlowScenarioOn = true;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      }).observe({ type: 'longtask' });
      let last = performance.now();
      const frame = (now: number): void => {
        frames.push(now - last);
        last = now;
        if (w.iisFlowScenarioOn === true) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await region.getByRole('button', { name: SCENARIO, exact: true }).click();
    const next = region.getByRole('button', { name: 'Next' });
    const predict = region.getByRole('button', { name: 'Play and check' });
    for (let step = 0; step < 40; step++) {
      // The step is ready when its Next is enabled; after the last step come the Predict questions.
      await next.and(page.locator(':enabled')).or(predict).first().waitFor({ timeout: 60_000 });
      if (await predict.isVisible()) break;
      // A person reads the step before going on.
      await page.waitForTimeout(600);
      await next.click();
    }
    const { tasks, frames } = await page.evaluate(() => {
      const w = window as { iisFlowScenarioTasks?: number[]; iisFlowScenarioFrames?: number[]; iisFlowScenarioOn?: boolean };
      w.iisFlowScenarioOn = false;
      return { tasks: w.iisFlowScenarioTasks ?? [], frames: w.iisFlowScenarioFrames ?? [] };
    });
    const sorted = frames.slice(1).sort((a, b) => a - b);
    return { longest: tasks.reduce((a, b) => Math.max(a, b), 0), tasks: tasks.length, frameP95: Math.round((sorted[Math.floor(sorted.length * 0.95)] ?? Number.NaN) * 10) / 10, frames: sorted.length };
  } finally {
    await page.close();
  }
}

export async function uiFigures(root: string): Promise<UiFigure[]> {
  return withBenchBrowser(root, DIST, PORT, async (browser, url) => {
    // Cold loads, each in a fresh context (empty cache, nothing compiled): navigation to the first drawn
    // graph node, and every main-thread task over 50 ms from navigation until 2 s after that.
    const loads: number[] = [];
    // Tasks over 50 ms after the page's first contentful paint (from then on there is a page to block),
    // and before it (the modules' evaluation, with nothing on screen yet).
    const startTasks: number[] = [];
    const tasksBeforePaint: number[] = [];
    for (let i = 0; i < COLD_LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
      const cold = await context.newPage();
      await cold.addInitScript(() => {
        const w = window as { firstGraphAt?: number; iisFlowLongTasks?: number[] };
        new MutationObserver((_, observer) => {
          if (document.querySelector('.react-flow__node') !== null) {
            w.firstGraphAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
        // [start, duration] of each task over 50 ms.
        const tasks: [number, number][] = [];
        (w as { iisFlowStartTasks?: [number, number][] }).iisFlowStartTasks = tasks;
        try {
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
          }).observe({ type: 'longtask', buffered: true });
        } catch {
          // longtask is not observable in this browser
        }
      });
      await cold.goto(url);
      // No polling from here (Playwright's own scripts would run on the page's main thread): the
      // observers record, and are read once the page has settled.
      await cold.waitForTimeout(4000);
      const start = await cold.evaluate(() => ({
        firstGraphAt: (window as { firstGraphAt?: number }).firstGraphAt,
        firstPaintAt: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
        tasks: (window as { iisFlowStartTasks?: [number, number][] }).iisFlowStartTasks ?? [],
      }));
      if (start.firstGraphAt === undefined || start.firstPaintAt === undefined) throw new Error('a cold load drew no graph in 4 s');
      loads.push(start.firstGraphAt);
      for (const [at, duration] of start.tasks) (at < start.firstPaintAt ? tasksBeforePaint : startTasks).push(duration);
      await context.close();
    }
    loads.sort((a, b) => a - b);
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.addInitScript(() => {
      // Main-thread tasks over 50 ms while a load arrives and plays: the engine runs in a worker.
      const tasks: number[] = [];
      (window as { iisFlowLongTasks?: number[] }).iisFlowLongTasks = tasks;
      try {
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) tasks.push(entry.duration);
        }).observe({ type: 'longtask', buffered: false });
      } catch {
        // longtask is not observable in this browser
      }
    });
    await page.goto(url);
    await page.waitForSelector('.react-flow__node');
    await page.waitForTimeout(2000);
    await page.evaluate(() => (window as { iisFlowLongTasks?: number[] }).iisFlowLongTasks?.splice(0));
    // 2,000 requests at once to a cold pool: their tokens travel and wait in the queue together.
    await page.getByLabel('URL', { exact: true }).fill('http://localhost/iisstart.htm?load');
    await page.getByLabel('Load').fill('2000');
    await page.getByRole('button', { name: 'Start load' }).click();
    await page.waitForFunction(() => ((window as { iisFlowTokens?: number }).iisFlowTokens ?? 0) >= 2000, undefined, { timeout: 20_000 });
    const frames = await page.evaluate(
      () =>
        new Promise<{ deltas: number[]; work: number[]; maxTokens: number }>((resolve) => {
          const deltas: number[] = [];
          const work: number[] = [];
          let maxTokens = 0;
          let last = performance.now();
          const start = last;
          const frame = (now: number): void => {
            deltas.push(now - last);
            last = now;
            maxTokens = Math.max(maxTokens, (window as { iisFlowTokens?: number }).iisFlowTokens ?? 0);
            work.push((window as { iisFlowFrameWork?: number }).iisFlowFrameWork ?? 0);
            if (now - start < 3000) requestAnimationFrame(frame);
            else resolve({ deltas, work, maxTokens });
          };
          requestAnimationFrame(frame);
        }),
    );
    const longTasks = await page.evaluate(() => (window as { iisFlowLongTasks?: number[] }).iisFlowLongTasks ?? []);
    const longestTask = longTasks.reduce((a, b) => Math.max(a, b), 0);
    const sorted = frames.deltas.slice(1).sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? Number.NaN;
    const work = frames.work.slice(1).sort((a, b) => a - b);
    const workP95 = work[Math.floor(work.length * 0.95)] ?? Number.NaN;
    const dropped = sorted.filter((d) => d > 20).length / Math.max(1, sorted.length);
    const scenario = await scenarioWalk(browser, url);
    return [
      { bench: 'ui.navigationToFirstGraph', value: Math.round(loads[Math.floor(loads.length / 2)] ?? Number.NaN), unit: 'ms', budget: 1000, better: 'lower', note: `built app, headless Chromium, median of ${String(COLD_LOADS)} cold loads (slowest ${String(Math.round(loads.at(-1) ?? Number.NaN))} ms)` },
      {
        bench: 'ui.frameTimeP95',
        value: Math.round(workP95 * 100) / 100,
        unit: 'ms',
        budget: 16.7,
        better: 'lower',
        note: `per frame, from its start (the rAF timestamp) to the end of the token overlay's work (playback clock, positions, drawing), 3 s with up to ${String(frames.maxTokens)} tokens drawn`,
      },
      { bench: 'ui.frameIntervalP95', value: Math.round(p95 * 10) / 10, unit: 'ms', budget: 0, better: 'higher', note: 'informative: interval between frames; an on-time 60 Hz frame measures 16.7 ± 0.2 ms' },
      {
        bench: 'ui.longestTaskDuringLoad',
        value: Math.round(longestTask),
        unit: 'ms',
        budget: 50,
        better: 'lower',
        note: `longest main-thread task from sending 2,000 requests through 3 s of playback (${String(longTasks.length)} tasks over 50 ms; 0 means none)`,
      },
      {
        bench: 'ui.longestTaskAtStart',
        value: Math.round(startTasks.reduce((a, b) => Math.max(a, b), 0)),
        unit: 'ms',
        budget: 50,
        better: 'lower',
        note: `longest main-thread task from the first contentful paint to 4 s after navigation, over ${String(COLD_LOADS)} cold loads (${String(startTasks.length)} tasks over 50 ms; 0 means none)`,
      },
      {
        bench: 'ui.longestTaskBeforeFirstPaint',
        value: Math.round(tasksBeforePaint.reduce((a, b) => Math.max(a, b), 0)),
        unit: 'ms',
        budget: 0,
        better: 'higher',
        note: `informative: the same before the first contentful paint (evaluating React and the app, nothing on screen yet): ${String(tasksBeforePaint.length)} tasks over 50 ms`,
      },
      { bench: 'ui.droppedFrames', value: Math.round(dropped * 1000) / 10, unit: '%', budget: 5, better: 'lower', note: 'frames later than 20 ms' },
      {
        bench: 'ui.longestTaskDuringScenario',
        value: Math.round(scenario.longest),
        unit: 'ms',
        budget: 50,
        better: 'lower',
        note: `longest main-thread task while "${SCENARIO}" runs from its start to its last step with Next, at 1280x720 (${String(scenario.tasks)} tasks over 50 ms; 0 means none)`,
      },
      { bench: 'ui.scenarioFrameIntervalP95', value: scenario.frameP95, unit: 'ms', budget: 0, better: 'higher', note: `informative: interval between frames during that walk, p95 of ${String(scenario.frames)} frames` },
    ];
  });
}
