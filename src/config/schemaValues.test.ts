/**
 * A value outside the schema is reported and written back as it was written (issue 11: never lose or
 * invent data). Before, "0x10" and "1e3" read as numbers without a word, and writing the model replaced
 * an invalid value with the default.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_APPLICATION_HOST_CONFIG, parseApplicationHost, serializeApplicationHost } from './index.ts';

const withQueueLength = (value: string): string => DEFAULT_APPLICATION_HOST_CONFIG.replace('<add name="DefaultAppPool"', `<add name="DefaultAppPool" queueLength="${value}"`);

describe('values outside the schema', () => {
  for (const value of ['99999999999', '-5', '0x10', '1e3', '12.5', '']) {
    it(`queueLength="${value}" is an error at its line, and is written back as written`, () => {
      const text = withQueueLength(value);
      const parsed = parseApplicationHost(text);
      const error = parsed.diagnostics.find((d) => d.severity === 'error' && d.message.startsWith(`queueLength="${value}"`));
      expect(error?.line).toBe(text.slice(0, text.indexOf(`queueLength="${value}"`)).split('\n').length);
      expect(serializeApplicationHost(parsed.model)).toBe(text);
      // Another change to the model leaves the invalid value as it was written.
      const { model } = parsed;
      expect(model.applicationPools.pools.some((p) => p.name === '.NET v4.5')).toBe(true);
      const pools = model.applicationPools.pools.map((p) => (p.name === '.NET v4.5' ? { ...p, queueLength: 2000 } : p));
      const written = serializeApplicationHost({ ...model, applicationPools: { ...model.applicationPools, pools } });
      expect(written).toContain(`queueLength="${value}"`);
      expect(written).toContain('queueLength="2000"');
    });
  }

  it('a decimal queueLength with spaces around it is still read', () => {
    const parsed = parseApplicationHost(withQueueLength(' 100 '));
    expect(parsed.model.applicationPools.pools.find((p) => p.name === 'DefaultAppPool')?.queueLength).toBe(100);
  });

  it('a negative site id is an error and is written back as written', () => {
    const text = DEFAULT_APPLICATION_HOST_CONFIG.replace('<site name="Default Web Site" id="1"', '<site name="Default Web Site" id="-3"');
    const parsed = parseApplicationHost(text);
    expect(parsed.diagnostics.some((d) => d.severity === 'error' && d.message.startsWith('id="-3"'))).toBe(true);
    expect(serializeApplicationHost(parsed.model)).toBe(text);
  });
});

describe('writing never loses or invents data', () => {
  for (const text of [
    '<Configuration><system.applicationHost><sites><site name="a" id="1"/></sites></system.applicationHost></Configuration>',
    '<x:configuration xmlns:x="urn:a"><system.applicationHost><sites><site name="a" id="1"/></sites></system.applicationHost></x:configuration>',
    '<foo><bar/></foo>',
  ]) {
    it(`leaves a file whose root is not <configuration> as it is, and says why: ${text.slice(0, 24)}`, () => {
      const parsed = parseApplicationHost(text);
      expect(parsed.diagnostics.some((d) => d.severity === 'error' && /root element/.test(d.message))).toBe(true);
      expect(serializeApplicationHost(parsed.model)).toBe(text);
    });
  }

  it('writes a web.config as a web.config: no <system.applicationHost> is added', () => {
    const text = '<?xml version="1.0" encoding="UTF-8"?>\n<configuration>\n  <system.webServer>\n    <defaultDocument enabled="true" />\n  </system.webServer>\n</configuration>';
    expect(serializeApplicationHost(parseApplicationHost(text).model)).toBe(text);
  });
});
