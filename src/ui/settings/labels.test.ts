import { describe, expect, it } from 'vitest';
import { WEB_SERVER_FIELDS, type Field } from '../../config/index.ts';
import { FEATURE_GROUPS, ALL_SECTIONS } from './featureGroups.ts';
import { leafName, normalizeFolder, valueLabel } from './labels.ts';

const field = (path: string, attribute: string): Field => {
  const found = Object.values(WEB_SERVER_FIELDS[path] ?? {}).find((f) => f.attribute === attribute);
  if (found === undefined) throw new Error(`${path}@${attribute}`);
  return found;
};

describe('the Settings tab\'s words', () => {
  it('reads a typed folder as a site-relative URL path', () => {
    expect(normalizeFolder(' private/ ')).toEqual({ ok: true, path: '/private' });
    expect(normalizeFolder('//a//b/')).toEqual({ ok: true, path: '/a/b' });
    expect(normalizeFolder('')).toEqual({ ok: true, path: '/' });
    expect(normalizeFolder('/a/../b')).toMatchObject({ ok: false });
    expect(normalizeFolder('/a?x=1')).toMatchObject({ ok: false });
    expect(normalizeFolder('C:\\inetpub')).toMatchObject({ ok: false });
  });

  it('labels an edit in IIS words', () => {
    const anonymous = 'system.webServer/security/authentication/anonymousAuthentication';
    expect(valueLabel(anonymous, '', 'enabled', field('security/authentication/anonymousAuthentication', 'enabled'), false, 'Default Web Site/private')).toBe('Turn anonymousAuthentication off at Default Web Site/private');
    expect(valueLabel('system.webServer/security/requestFiltering', 'requestLimits', 'maxUrl', field('security/requestFiltering/requestLimits', 'maxUrl'), 10, 'server')).toBe('Set requestLimits maxUrl to "10" at server');
    expect(leafName('system.webServer/security/requestFiltering', 'fileExtensions')).toBe('fileExtensions');
  });

  it('every feature names sections the engine reads, once each', () => {
    expect(new Set(ALL_SECTIONS).size).toBe(ALL_SECTIONS.length);
    expect(FEATURE_GROUPS.map((g) => g.title)).toEqual([
      'Authentication', 'Authorization Rules', 'Request Filtering', 'IP Address and Domain Restrictions', 'Default Document', 'Directory Browsing',
      'HTTP Redirect', 'Error Pages', 'Compression', 'Output Caching', 'Modules', 'Handler Mappings',
    ]);
    for (const section of ALL_SECTIONS) expect(section).toMatch(/^system\.(webServer|web)\//);
  });
});
