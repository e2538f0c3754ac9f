/** Where a request's time went, from its trace: HTTP.sys, queue wait, worker start, each module, send. Pure. */
import type { TraceEvent } from '../../engine/index.ts';

export interface WaterfallBar {
  label: string;
  start: number;
  duration: number;
  kind: 'httpsys' | 'queue' | 'start' | 'module' | 'managed' | 'send';
}

export function waterfall(events: readonly TraceEvent[]): WaterfallBar[] {
  const bars: WaterfallBar[] = [];
  const first = (name: TraceEvent['event']): TraceEvent | undefined => events.find((e) => e.event === name);
  const received = first('HTTPSYS_REQUEST_RECEIVED');
  const queued = first('HTTPSYS_QUEUED');
  const dequeued = first('WORKER_DEQUEUE');
  const started = first('WAS_START_WORKER');
  const ready = first('WORKER_READY');
  const sent = first('HTTPSYS_RESPONSE_SENT') ?? first('HTTPSYS_CACHE_HIT') ?? first('HTTPSYS_REQUEST_REJECTED');
  const origin = events[0]?.t ?? 0;
  if (received !== undefined) bars.push({ label: 'HTTP.sys receives and routes', start: received.t - origin, duration: Math.max(0, (queued ?? sent ?? received).t - received.t), kind: 'httpsys' });
  if (started !== undefined && ready !== undefined) bars.push({ label: 'WAS starts w3wp.exe', start: started.t - origin, duration: ready.t - started.t, kind: 'start' });
  if (queued !== undefined && dequeued !== undefined) bars.push({ label: 'Waiting in the request queue', start: queued.t - origin, duration: dequeued.t - queued.t, kind: 'queue' });
  const open = new Map<string, TraceEvent>();
  for (const event of events) {
    const key = `${event.module ?? ''}|${event.notification ?? ''}|${event.isPost === true ? 'post' : ''}`;
    if (event.event === 'NOTIFY_MODULE_START') open.set(key, event);
    else if (event.event === 'NOTIFY_MODULE_END') {
      const start = open.get(key);
      if (start === undefined) continue;
      open.delete(key);
      bars.push({ label: `${event.module ?? ''} · ${event.notification ?? ''}${event.isPost === true ? ' (post)' : ''}`, start: start.t - origin, duration: event.t - start.t, kind: (event.module ?? '').endsWith('Module') ? 'module' : 'managed' });
    } else if (event.event === 'APPDOMAIN_CREATED') {
      bars.push({ label: 'ManagedEngine creates the AppDomain', start: event.t - origin, duration: 0, kind: 'start' });
    }
  }
  if (sent !== undefined) {
    const received = events.find((e) => e.event === 'CLIENT_RESPONSE_RECEIVED');
    bars.push({ label: 'HTTP.sys sends, the client receives', start: sent.t - origin, duration: Math.max(0, (received?.t ?? sent.t) - sent.t), kind: 'send' });
  }
  return bars;
}
