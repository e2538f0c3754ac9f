import { describe, expect, it } from 'vitest';
import { createUiStore, TRACE_MIN_HEIGHT } from './uiStore.ts';

describe('the trace panel height', () => {
  it('is the layout default until the person resizes it, then whole pixels', () => {
    const ui = createUiStore();
    expect(ui.getState().traceHeight).toBeUndefined();
    ui.getState().setTraceHeight(301.6);
    expect(ui.getState().traceHeight).toBe(302);
  });

  it('never goes below the smallest trace panel', () => {
    const ui = createUiStore();
    ui.getState().setTraceHeight(-50);
    expect(ui.getState().traceHeight).toBe(TRACE_MIN_HEIGHT);
  });

  it('does not notify when the height does not change', () => {
    const ui = createUiStore();
    ui.getState().setTraceHeight(250);
    let notified = 0;
    ui.subscribe(() => { notified++; });
    ui.getState().setTraceHeight(250.2);
    expect(notified).toBe(0);
  });
});
