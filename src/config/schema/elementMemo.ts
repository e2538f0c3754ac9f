/**
 * Model reads of one element, kept and reused while the element is unchanged: after an incremental
 * re-read (xml/rereadChanged.ts) only the changed site or pool is read again, not the 5,000 beside it.
 *
 * An element is unchanged while it is the same object with the same `revision` (a re-read replaces the
 * changed element and bumps its ancestors) and what it inherits (siteDefaults, applicationPoolDefaults:
 * the `context`) is the same objects. The diagnostics a read reported are recorded and reported again
 * on reuse, at the element's current place in the file.
 */
import { DiagnosticSink, type DiagnosticCode, type DiagnosticSeverity } from '../diagnostics.ts';
import type { XmlElement } from '../xml/xmlTree.ts';

export interface Report {
  code: DiagnosticCode;
  severity: DiagnosticSeverity;
  message: string;
  element: XmlElement;
  attributeName: string | undefined;
}

interface Entry<Value> {
  revision: number;
  context: readonly object[];
  value: Value;
  reports: readonly Report[];
}

const NO_DOCUMENT = { prolog: [], root: undefined, epilog: [], source: '' };

/** Records what a read reports against elements, passing it on to the sink of the read in progress. */
class RecordingSink extends DiagnosticSink {
  readonly reports: Report[] = [];

  constructor(private readonly target: DiagnosticSink | undefined) {
    super(NO_DOCUMENT);
  }

  override element(code: DiagnosticCode, severity: DiagnosticSeverity, message: string, element: XmlElement, attributeName?: string): void {
    this.reports.push({ code, severity, message, element, attributeName });
    this.target?.element(code, severity, message, element, attributeName);
  }

  /** Set when the read reported at an offset: that cannot be moved with its element, so the read is not kept. */
  atOffset = false;

  override at(code: DiagnosticCode, severity: DiagnosticSeverity, message: string, offset: number, element: XmlElement | undefined): void {
    this.atOffset = true;
    this.target?.at(code, severity, message, offset, element);
  }
}

/** Runs `read` with a sink that records what it reports (and passes it on to `sink`). */
export function recordReports<Value>(sink: DiagnosticSink | undefined, read: (recorder: DiagnosticSink) => Value): { value: Value; reports: readonly Report[]; replayable: boolean } {
  const recorder = new RecordingSink(sink);
  const value = read(recorder);
  return { value, reports: recorder.reports, replayable: !recorder.atOffset };
}

/** Reports again what a recorded read reported, at the elements' current places. */
export function replayReports(sink: DiagnosticSink, reports: readonly Report[]): void {
  for (const r of reports) sink.element(r.code, r.severity, r.message, r.element, r.attributeName);
}

function sameContext(a: readonly object[], b: readonly object[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class ElementMemo<Value> {
  private readonly entries = new WeakMap<XmlElement, Entry<Value>>();

  /** `read(element, sink)`, or the value it gave last time for this unchanged element in this context. */
  read(element: XmlElement, context: readonly object[], sink: DiagnosticSink | undefined, read: (element: XmlElement, sink: DiagnosticSink) => Value): Value {
    const revision = element.revision ?? 0;
    const known = this.entries.get(element);
    if (known !== undefined && known.revision === revision && sameContext(known.context, context)) {
      if (sink !== undefined) replayReports(sink, known.reports);
      return known.value;
    }
    const { value, reports, replayable } = recordReports(sink, (recorder) => read(element, recorder));
    if (replayable) this.entries.set(element, { revision, context, value, reports });
    return value;
  }
}
