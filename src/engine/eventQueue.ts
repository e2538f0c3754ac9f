/**
 * The future-events calendar: a binary min-heap on (time, sequence). The sequence number breaks ties in
 * the order events were scheduled, so the same inputs always give the same order. Parallel arrays keep
 * the hot path free of per-event objects.
 */

export class EventQueue<T> {
  private times: number[] = [];
  private sequences: number[] = [];
  private payloads: T[] = [];
  private nextSequence = 0;

  get size(): number {
    return this.times.length;
  }

  /** The time of the earliest event, or Infinity. */
  peekTime(): number {
    return this.times.length === 0 ? Number.POSITIVE_INFINITY : (this.times[0] ?? Number.POSITIVE_INFINITY);
  }

  push(time: number, payload: T): void {
    const times = this.times;
    const sequences = this.sequences;
    const payloads = this.payloads;
    let index = times.length;
    const sequence = this.nextSequence++;
    times.push(time);
    sequences.push(sequence);
    payloads.push(payload);
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const parentTime = times[parent] ?? 0;
      if (parentTime < time || (parentTime === time && (sequences[parent] ?? 0) < sequence)) break;
      times[index] = parentTime;
      sequences[index] = sequences[parent] ?? 0;
      payloads[index] = payloads[parent] as T;
      index = parent;
    }
    times[index] = time;
    sequences[index] = sequence;
    payloads[index] = payload;
  }

  /** Visits every pending payload, in no particular order (for rare scans, such as a crashed worker's requests). */
  forEachPayload(visit: (payload: T) => void): void {
    for (const payload of this.payloads) visit(payload);
  }

  /** Removes the earliest event, returning its payload (the time is `peekTime()` before the call). */
  popPayload(): T | undefined {
    if (this.times.length === 0) return undefined;
    const payload = this.payloads[0] as T;
    this.popInto();
    return payload;
  }

  private popInto(): void {
    const times = this.times;
    const sequences = this.sequences;
    const payloads = this.payloads;
    const lastTime = times.pop() ?? 0;
    const lastSequence = sequences.pop() ?? 0;
    const lastPayload = payloads.pop() as T;
    const length = times.length;
    if (length === 0) return;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= length) break;
      const right = left + 1;
      let child = left;
      const leftTime = times[left] ?? 0;
      if (right < length) {
        const rightTime = times[right] ?? 0;
        if (rightTime < leftTime || (rightTime === leftTime && (sequences[right] ?? 0) < (sequences[left] ?? 0))) child = right;
      }
      const childTime = times[child] ?? 0;
      if (lastTime < childTime || (lastTime === childTime && lastSequence < (sequences[child] ?? 0))) break;
      times[index] = childTime;
      sequences[index] = sequences[child] ?? 0;
      payloads[index] = payloads[child] as T;
      index = child;
    }
    times[index] = lastTime;
    sequences[index] = lastSequence;
    payloads[index] = lastPayload;
  }
}
