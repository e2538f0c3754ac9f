/**
 * Trace events in columns, for the trip from the engine's worker to the main thread. Posted as objects,
 * every event arrived as a fresh object with five fresh strings (structured clone copies a string each
 * time it meets it): a load's ~100,000 events made half a million objects for the main thread's
 * collector, whose scavenges then blocked it for tens of milliseconds. In columns, numbers travel in
 * typed arrays (transferred, not copied) and each distinct string or data object once per part; decoded
 * events share them.
 */
import type { TraceEvent } from '../engine/index.ts';

export interface EventColumns {
  count: number;
  t: Float64Array;
  requestId: Float64Array;
  /** -1: no value (undefined) in this and the next three. */
  pid: Float64Array;
  status: Float64Array;
  subStatus: Float64Array;
  /** -1 undefined, 0 false, 1 true. */
  isPost: Int8Array;
  /** Indexes into `strings`; 0 is undefined. */
  component: Uint32Array;
  event: Uint32Array;
  module: Uint32Array;
  notification: Uint32Array;
  detail: Uint32Array;
  /** Index into `data`; 0 is undefined. */
  dataIndex: Uint32Array;
  strings: string[];
  data: Readonly<Record<string, string>>[];
}

const NONE = -1;

export function encodeEvents(events: readonly TraceEvent[]): EventColumns {
  const count = events.length;
  const columns: EventColumns = {
    count,
    t: new Float64Array(count),
    requestId: new Float64Array(count),
    pid: new Float64Array(count),
    status: new Float64Array(count),
    subStatus: new Float64Array(count),
    isPost: new Int8Array(count),
    component: new Uint32Array(count),
    event: new Uint32Array(count),
    module: new Uint32Array(count),
    notification: new Uint32Array(count),
    detail: new Uint32Array(count),
    dataIndex: new Uint32Array(count),
    strings: [''],
    data: [{}],
  };
  const stringIndex = new Map<string, number>();
  const dataIndex = new Map<Readonly<Record<string, string>>, number>();
  const intern = (value: string | undefined): number => {
    if (value === undefined) return 0;
    let index = stringIndex.get(value);
    if (index === undefined) {
      index = columns.strings.length;
      columns.strings.push(value);
      stringIndex.set(value, index);
    }
    return index;
  };
  for (let i = 0; i < count; i++) {
    const e = events[i];
    if (e === undefined) continue;
    columns.t[i] = e.t;
    columns.requestId[i] = e.requestId;
    columns.pid[i] = e.pid ?? NONE;
    columns.status[i] = e.status ?? NONE;
    columns.subStatus[i] = e.subStatus ?? NONE;
    columns.isPost[i] = e.isPost === undefined ? NONE : e.isPost ? 1 : 0;
    columns.component[i] = intern(e.component);
    columns.event[i] = intern(e.event);
    columns.module[i] = intern(e.module);
    columns.notification[i] = intern(e.notification);
    columns.detail[i] = intern(e.detail);
    const data = e.data;
    if (data !== undefined) {
      let index = dataIndex.get(data);
      if (index === undefined) {
        index = columns.data.length;
        columns.data.push(data);
        dataIndex.set(data, index);
      }
      columns.dataIndex[i] = index;
    }
  }
  return columns;
}

/** The buffers a part's message transfers instead of copying. */
export function transferablesOf(columns: EventColumns): ArrayBuffer[] {
  const arrays = [columns.t, columns.requestId, columns.pid, columns.status, columns.subStatus, columns.isPost, columns.component, columns.event, columns.module, columns.notification, columns.detail, columns.dataIndex];
  return arrays.map((a) => a.buffer).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}

const orUndefined = (value: number): number | undefined => (value === NONE ? undefined : value);

export function decodeEvents(columns: EventColumns): TraceEvent[] {
  const { strings, data } = columns;
  const text = (index: number | undefined): string | undefined => (index === undefined || index === 0 ? undefined : strings[index]);
  const events: TraceEvent[] = new Array<TraceEvent>(columns.count);
  for (let i = 0; i < columns.count; i++) {
    const post = columns.isPost[i] ?? NONE;
    const dataAt = columns.dataIndex[i] ?? 0;
    // Every field present, in the engine's order: one object shape for all events.
    events[i] = {
      t: columns.t[i] ?? 0,
      requestId: columns.requestId[i] ?? 0,
      component: text(columns.component[i]) as TraceEvent['component'],
      event: text(columns.event[i]) as TraceEvent['event'],
      module: text(columns.module[i]),
      notification: text(columns.notification[i]) as TraceEvent['notification'],
      isPost: post === NONE ? undefined : post === 1,
      status: orUndefined(columns.status[i] ?? NONE),
      subStatus: orUndefined(columns.subStatus[i] ?? NONE),
      detail: text(columns.detail[i]),
      data: dataAt === 0 ? undefined : data[dataAt],
      pid: orUndefined(columns.pid[i] ?? NONE),
    };
  }
  return events;
}
