import { ChangeSet, Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { DEFAULT_APPLICATION_HOST_CONFIG, parseApplicationHost } from '../../config/index.ts';
import { toLintDiagnostics } from './lintDiagnostics.ts';

describe('toLintDiagnostics', () => {
  it('puts a not-well-formed error at its line and column, over the tag it names', () => {
    const broken = DEFAULT_APPLICATION_HOST_CONFIG.replace('</sites>', '');
    const parsed = parseApplicationHost(broken);
    const error = parsed.diagnostics.find((d) => d.severity === 'error');
    expect(error?.code).toBe('IISF0001');
    const doc = Text.of(broken.split('\n'));
    const [lint] = toLintDiagnostics(parsed.diagnostics, doc);
    expect(lint?.severity).toBe('error');
    const line = doc.line(error?.line ?? 0);
    expect(lint?.from).toBe(line.from + (error?.column ?? 0) - 1);
    // The span covers the end tag's name: </system.applicationHost>
    expect(doc.sliceString(lint?.from ?? 0, lint?.to ?? 0)).toBe('</system.applicationHost');
    expect(lint?.message).toContain('IISF0001');
  });

  it('moves diagnostics through what was typed after the parse', () => {
    const doc = Text.of(['<configuration>', '  <bad x="1" />', '</configuration>']);
    const diagnostic = { code: 'IISF0010' as const, severity: 'warning' as const, message: 'bad', line: 2, column: 3, path: '' };
    // Three characters typed at the start of line 1.
    const typed = ChangeSet.of({ from: 0, insert: 'abc' }, doc.length);
    const [lint] = toLintDiagnostics([diagnostic], doc, typed);
    const after = typed.apply(doc);
    expect(after.sliceString(lint?.from ?? 0, lint?.to ?? 0)).toBe('<bad');
  });

  it('leaves out diagnostics with no place in the file, and lines past its end', () => {
    const doc = Text.of(['<configuration/>']);
    const base = { code: 'IISF0027' as const, severity: 'error' as const, message: 'missing', path: 'sites/site' };
    expect(toLintDiagnostics([{ ...base, line: 0, column: 0 }, { ...base, line: 9, column: 1 }], doc)).toEqual([]);
  });
});
