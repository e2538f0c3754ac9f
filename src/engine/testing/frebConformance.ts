/**
 * Comparing the engine with real Failed Request Tracing files: the (module, notification) pairs of
 * their NOTIFY_MODULE_START events, and how many leading pairs agree.
 */
import type { RequestResult } from '../types.ts';

/** `Module NOTIFICATION[ POST]` for every NOTIFY_MODULE_START of a FREB file, in order. */
export function frebModuleSequence(freb: string): string[] {
  const events = freb.match(/<Event [\s\S]*?<\/Event>/g) ?? [];
  const out: string[] = [];
  for (const event of events) {
    if (!event.includes('<Opcode>NOTIFY_MODULE_START</Opcode>')) continue;
    const module = /Name="ModuleName">([^<]*)/.exec(event)?.[1] ?? '';
    const notification = /Data="Notification">([^<]*)/.exec(event)?.[1] ?? '';
    out.push(`${module} ${notification}${/Name="fIsPostNotification">true/.test(event) ? ' POST' : ''}`);
  }
  return out;
}

/** The same pairs from an engine result's trace. */
export function engineModuleSequence(result: RequestResult): string[] {
  return result.trace.filter((e) => e.event === 'NOTIFY_MODULE_START').map((e) => `${e.module ?? ''} ${e.notification ?? ''}${e.isPost === true ? ' POST' : ''}`);
}

/** How many leading entries of `engine` equal those of `real`. */
export function leadingMatch(real: readonly string[], engine: readonly string[]): number {
  let n = 0;
  while (n < real.length && n < engine.length && real[n] === engine[n]) n++;
  return n;
}
