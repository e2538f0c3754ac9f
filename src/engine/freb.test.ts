import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseApplicationHost } from '../config/index.ts';
import { activityIdFor, formatSystemTime, toFrebXml } from './freb.ts';
import { FREB_EVENTS } from './frebCatalogue.ts';
import type { FrebOptions } from './freb.ts';
import type { Notification, TraceEvent, TraceEventName } from './trace.ts';
import type { RequestResult } from './types.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'fixtures');
const readFixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const F26 = readFixture('26-Kodansha-MongoTallerAsmx-freb-404-static.xml');
const F27 = readFixture('27-Kodansha-MongoTallerAsmx-freb-200-asmx-managed.xml');
const F29 = readFixture('29-CodeAcademyP503-blogezy-freb-500-aspnet-init.xml');

/** The fixture 26 request: its time, process and computer, so that events can be compared byte for byte. */
const F26_EPOCH = 1473571608697; // 2016-09-11T05:26:48.697Z, every event's TimeCreated in F26
const F26_OPTIONS: FrebOptions = {
  epochMs: F26_EPOCH,
  computerName: 'TAMP00038365',
  siteId: 2,
  tokenUserName: 'TAMSA\\60052337',
  authenticationType: 'anonymous',
};

/** Events the export must skip: everything outside the worker, and worker events with no FREB meaning. */
const NOT_EXPORTED = new Set<TraceEventName>([
  'CLIENT_REQUEST_SENT',
  'HTTPSYS_REQUEST_RECEIVED',
  'HTTPSYS_BINDING_MATCHED',
  'HTTPSYS_REQUEST_REJECTED',
  'HTTPSYS_CACHE_HIT',
  'HTTPSYS_CACHE_MISS',
  'HTTPSYS_QUEUED',
  'HTTPSYS_QUEUE_FULL',
  'HTTPSYS_CACHE_STORED',
  'HTTPSYS_RESPONSE_SENT',
  'HTTPSYS_CONNECTION_RESET',
  'W3SVC_NOTIFY_WAS',
  'W3SVC_CONFIGURE_HTTPSYS',
  'WAS_READ_CONFIG',
  'WAS_START_WORKER',
  'WAS_WORKER_STARTUP_FAILED',
  'WAS_RAPID_FAIL_PROTECTION',
  'WAS_IDLE_SHUTDOWN',
  'WAS_RECYCLE',
  'WAS_PING_FAILED',
  'WAS_WORKER_EXITED',
  'WAS_POOL_STATE',
  'LISTENER_ADAPTER_ACTIVATION',
  'WORKER_READY',
  'WORKER_DEQUEUE',
  'WORKER_CRASHED',
  'APPDOMAIN_CREATED',
  'CLIENT_RESPONSE_RECEIVED',
  'CONFIG_ERROR',
]);

function ev(event: TraceEventName, extra: Partial<TraceEvent> = {}): TraceEvent {
  return { t: 0, requestId: 4, component: 'w3wp.exe', event, ...extra };
}

function pair(module: string, notification: Notification, isPost = false, status?: string): TraceEvent[] {
  return [
    ev('NOTIFY_MODULE_START', { module, notification, isPost, pid: 11140 }),
    ev('NOTIFY_MODULE_END', {
      module,
      notification,
      isPost,
      pid: 11140,
      ...(status === undefined ? {} : { data: { NotificationStatus: status } }),
    }),
  ];
}

/** A synthetic trace of F26's request: GET /favicon.ico, 404.0 set by IIS Web Core at MapRequestHandler. */
function favicon404(): RequestResult {
  const trace: TraceEvent[] = [
    ev('CLIENT_REQUEST_SENT', { component: 'Client' }),
    ev('HTTPSYS_REQUEST_RECEIVED', { component: 'HTTP.sys' }),
    ev('HTTPSYS_BINDING_MATCHED', { component: 'HTTP.sys' }),
    ev('WORKER_DEQUEUE'),
    ev('GENERAL_REQUEST_START', { data: { ConnId: '1610612737', RawConnId: '0' } }),
    ev('PRE_BEGIN_REQUEST_START', { module: 'DynamicIpRestrictionModule' }),
    ev('PRE_BEGIN_REQUEST_END', { module: 'DynamicIpRestrictionModule' }),
    ev('GENERAL_ENDPOINT_INFORMATION', {
      data: { RemoteAddress: '::1', RemotePort: '61530', LocalAddress: '::1', LocalPort: '6091' },
    }),
    ev('URL_CACHE_ACCESS_START', { data: { RequestURL: '/favicon.ico' } }),
    ev('GENERAL_GET_URL_METADATA', { data: { PhysicalPath: '', AccessPerms: '513' } }),
    ev('HANDLER_CHANGED', {
      data: {
        OldHandlerName: '',
        NewHandlerName: 'StaticFile',
        NewHandlerModules: 'StaticFileModule,DefaultDocumentModule,DirectoryListingModule',
      },
    }),
    ...pair('IsapiFilterModule', 'MAP_PATH'),
    ...pair('RequestFilteringModule', 'BEGIN_REQUEST'),
    ev('NOTIFY_MODULE_START', { module: 'AnonymousAuthenticationModule', notification: 'AUTHENTICATE_REQUEST', isPost: false }),
    ev('AUTH_START', { data: { AuthTypeSupported: '1' } }),
    ev('AUTH_REQUEST_AUTH_TYPE', { data: { RequestAuthType: '1' } }),
    ev('AUTH_SUCCEEDED', {
      data: { AuthType: '4', NTLMUsed: 'false', RemoteUserName: '', AuthUserName: '', TokenImpersonationLevel: '3' },
    }),
    ev('USER_SET', { data: { AuthType: '', UserName: '', SupportsIsInRole: 'true' } }),
    ev('AUTH_END'),
    ev('NOTIFY_MODULE_END', { module: 'AnonymousAuthenticationModule', notification: 'AUTHENTICATE_REQUEST', isPost: false }),
    ...pair('IsapiFilterModule', 'AUTHENTICATE_REQUEST', true),
    ...pair('UrlAuthorizationModule', 'AUTHORIZE_REQUEST'),
    ...pair('StaticCompressionModule', 'MAP_REQUEST_HANDLER'),
    ev('MODULE_SET_RESPONSE_ERROR_STATUS', {
      module: 'IIS Web Core',
      notification: 'MAP_REQUEST_HANDLER',
      status: 404,
      subStatus: 0,
      data: { ErrorCode: '0x80070002' },
    }),
    ev('NOTIFY_MODULE_START', { module: 'CustomErrorModule', notification: 'SEND_RESPONSE', isPost: false }),
    ev('GENERAL_SEND_CUSTOM_ERROR', { status: 404, subStatus: 0, data: { FileNameOrURL: '404.htm' } }),
    ev('NOTIFY_MODULE_END', { module: 'CustomErrorModule', notification: 'SEND_RESPONSE', isPost: false }),
    ev('HTTPSYS_CACHEABLE', { data: { HttpsysCacheable: 'false', Reason: '21', CachePolicy: '0', TimeToLive: '0' } }),
    ev('GENERAL_FLUSH_RESPONSE_START'),
    ev('GENERAL_REQUEST_END', { data: { BytesReceived: '217' } }),
    ev('HTTPSYS_RESPONSE_SENT', { component: 'HTTP.sys' }),
    ev('CLIENT_RESPONSE_RECEIVED', { component: 'Client' }),
  ];
  return {
    requestId: 4,
    method: 'GET',
    url: 'http://localhost:6091/favicon.ico',
    status: 404,
    subStatus: 0,
    statusText: 'Not Found',
    site: 'TestProject',
    application: '/',
    appPool: 'Clr4IntegratedAppPool',
    workerProcess: 11140,
    handler: 'StaticFile',
    servedFrom: 'worker',
    decidedBy: 'IIS Web Core',
    reason: 'No file matches /favicon.ico.',
    responseHeaders: {},
    bytesSent: 5390,
    startTime: 0,
    endTime: 0.4,
    trace,
  };
}

/** The response of a request HTTP.sys answered alone (503, queue full): no event inside a worker. */
function httpSysOnly(): RequestResult {
  return {
    requestId: 9,
    method: 'GET',
    url: '/busy.htm',
    status: 503,
    subStatus: 0,
    statusText: 'Service Unavailable',
    site: 'Default Web Site',
    application: '/',
    appPool: 'DefaultAppPool',
    workerProcess: undefined,
    handler: undefined,
    servedFrom: 'http.sys',
    decidedBy: 'HTTP.sys',
    reason: 'The queue of DefaultAppPool is full (queueLength 1000).',
    responseHeaders: {},
    bytesSent: 326,
    startTime: 1000,
    endTime: 1001.6,
    trace: [
      { t: 1000, requestId: 9, component: 'Client', event: 'CLIENT_REQUEST_SENT' },
      { t: 1000.2, requestId: 9, component: 'HTTP.sys', event: 'HTTPSYS_REQUEST_RECEIVED' },
      { t: 1000.4, requestId: 9, component: 'HTTP.sys', event: 'HTTPSYS_QUEUE_FULL', status: 503 },
      { t: 1001.6, requestId: 9, component: 'HTTP.sys', event: 'HTTPSYS_RESPONSE_SENT', status: 503 },
    ],
  };
}

const eventBlocks = (xml: string): string[] => xml.match(/<Event [\s\S]*?<\/Event>/g) ?? [];
const renderedOpcodes = (xml: string): string[] =>
  [...xml.matchAll(/<RenderingInfo Culture="en-US">\r?\n {2}<Opcode>([A-Za-z_]+)<\/Opcode>/g)].map((m) => m[1] ?? '');
const rootAttributes = (xml: string): Map<string, string> => {
  const root = /<failedRequest([\s\S]*?)>/.exec(xml)?.[1] ?? '';
  return new Map([...root.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
};
/** Only the thread id differs from F26 (it is derived from the request id); ErrorCode texts are localised there. */
const normalize = (block: string): string =>
  block
    .replace(/ThreadID="\d+"/, 'ThreadID="T"')
    .replace(/ {2}<freb:Description Data="ErrorCode">[^<]*<\/freb:Description>\r\n/g, '');

/** Opcode, level, keywords and EventGuid of the first event named `name` in a fixture. */
function classOf(fixture: string, name: string): { opcode: string; level: string; keywords: string; guid: string } | undefined {
  const block = eventBlocks(fixture).find((b) => b.includes(`<Opcode>${name}</Opcode>`));
  if (block === undefined) return undefined;
  const pick = (re: RegExp): string => re.exec(block)?.[1] ?? '';
  return {
    opcode: pick(/<System>[\s\S]*?<Opcode>(\d+)<\/Opcode>/),
    level: pick(/<Level>(\d+)<\/Level>/),
    keywords: pick(/<Keywords>(0x[0-9A-Fa-f]+)<\/Keywords>/),
    guid: pick(/<EventGuid>(\{[0-9A-F-]+\})<\/EventGuid>/),
  };
}

describe('toFrebXml on fixture 26’s request', () => {
  const xml = toFrebXml(favicon404(), F26_OPTIONS);

  it('writes the three header lines and the root element exactly as F26 does', () => {
    const lines = xml.split('\r\n');
    expect(lines.slice(0, 3)).toEqual([
      '<?xml version="1.0" encoding="UTF-8" ?>',
      "<?xml-stylesheet type='text/xsl' href='freb.xsl'?>",
      '<!-- saved from url=(0014)about:internet -->',
    ]);
    // Request 4 has F26's activity id, so the whole root element is F26's, byte for byte.
    expect(lines.slice(0, 19).join('\r\n')).toBe(F26.split('\r\n').slice(0, 19).join('\r\n'));
    expect(xml.endsWith('</Event>\r\n</failedRequest>')).toBe(true);
  });

  it('writes the root attributes in the fixtures’ order with the result’s values', () => {
    const attributes = rootAttributes(xml);
    expect([...attributes.keys()]).toEqual([...rootAttributes(F26).keys()]);
    expect(Object.fromEntries(attributes)).toMatchObject({
      url: 'http://localhost:6091/favicon.ico',
      siteId: '2',
      appPoolId: 'Clr4IntegratedAppPool',
      processId: '11140',
      verb: 'GET',
      authenticationType: 'anonymous',
      activityId: '{80000004-0000-F900-B63F-84710C7967BB}',
      failureReason: 'STATUS_CODE',
      statusCode: '404',
      triggerStatusCode: '404',
      timeTaken: '0',
    });
  });

  it('writes one event per exported trace event, in order, and skips the rest', () => {
    const expected = favicon404()
      .trace.map((e) => e.event)
      .filter((name) => !NOT_EXPORTED.has(name));
    expect(expected).toHaveLength(favicon404().trace.length - 6);
    expect(renderedOpcodes(xml)).toEqual(expected);
    expect(eventBlocks(xml)).toHaveLength(expected.length);
    expect(xml).not.toMatch(/HTTPSYS_REQUEST_RECEIVED|WORKER_DEQUEUE|CLIENT_/);
  });

  it('gives NOTIFY_MODULE_START the opcode, level, keywords and EventGuid of F26', () => {
    const fixture = classOf(F26, 'NOTIFY_MODULE_START');
    expect(fixture).toEqual({ opcode: '1', level: '5', keywords: '0x100', guid: '{002E91E3-E7AE-44AB-8E07-99230FFA6ADE}' });
    expect(classOf(xml, 'NOTIFY_MODULE_START')).toEqual(fixture);
  });

  it('reproduces F26’s events byte for byte (but for the thread id and localised error texts)', () => {
    const fixtureBlocks = new Set(eventBlocks(F26).map(normalize));
    const mine = eventBlocks(xml).map(normalize);
    const unmatched = mine.filter((block) => !fixtureBlocks.has(block));
    expect(unmatched).toEqual([]);
    expect(mine.length).toBeGreaterThan(30);
  });

  it('writes the data fields and descriptions of a status event', () => {
    const block = eventBlocks(xml).find((b) => b.includes('<Opcode>MODULE_SET_RESPONSE_ERROR_STATUS</Opcode>')) ?? '';
    expect([...block.matchAll(/<Data Name="(\w+)">([^<]*)<\/Data>/g)].map((m) => `${m[1] ?? ''}=${m[2] ?? ''}`)).toEqual([
      'ContextId={80000004-0000-F900-B63F-84710C7967BB}',
      'ModuleName=IIS Web Core',
      'Notification=16',
      'HttpStatus=404',
      'HttpReason=Not Found',
      'HttpSubStatus=0',
      'ErrorCode=2147942402',
      'ConfigExceptionInfo=',
    ]);
    expect(block).toContain('<freb:Description Data="Notification">MAP_REQUEST_HANDLER</freb:Description>');
    expect(block).toContain('<freb:Description Data="ErrorCode">The system cannot find the file specified.\r (0x80070002)</freb:Description>');
  });

  it('writes NotificationStatus 2 as NOTIFICATION_FINISH_REQUEST', () => {
    const result = { ...favicon404(), trace: pair('StaticFileModule', 'EXECUTE_REQUEST_HANDLER', false, '2') };
    const out = toFrebXml(result, F26_OPTIONS);
    expect(out).toContain('<Data Name="NotificationStatus">2</Data>');
    expect(out).toContain('<freb:Description Data="NotificationStatus">NOTIFICATION_FINISH_REQUEST</freb:Description>');
    expect(out).toContain('<Data Name="Notification">128</Data>');
  });

  it('is well-formed XML and deterministic', () => {
    expect(parseApplicationHost(xml).wellFormed).toBe(true);
    expect(toFrebXml(favicon404(), F26_OPTIONS)).toBe(xml);
    expect(toFrebXml(favicon404(), { ...F26_OPTIONS, computerName: 'OTHER' })).not.toBe(xml);
  });

  it('writes TIME_TAKEN with trigger status 0 and the rounded time taken', () => {
    const out = toFrebXml({ ...favicon404(), endTime: 31_250.6 }, { ...F26_OPTIONS, failureReason: 'TIME_TAKEN' });
    expect(Object.fromEntries(rootAttributes(out))).toMatchObject({
      failureReason: 'TIME_TAKEN',
      statusCode: '404',
      triggerStatusCode: '0',
      timeTaken: '31251',
    });
  });
});

describe('the event table', () => {
  it('matches every WWW Server event class the real traces F26, F27 and F29 show', () => {
    let compared = 0;
    for (const name of Object.keys(FREB_EVENTS)) {
      const entry = FREB_EVENTS[name];
      const seen = classOf(F26, name) ?? classOf(F27, name) ?? classOf(F29, name);
      if (entry === undefined || seen === undefined) continue;
      compared++;
      const xml = toFrebXml({ ...favicon404(), trace: [ev(name as TraceEventName)] }, F26_OPTIONS);
      expect({ name, ...classOf(xml, name) }).toEqual({ name, ...seen });
      const fixtureBlock =
        [F26, F27, F29].flatMap(eventBlocks).find((b) => b.includes(`<Opcode>${name}</Opcode>`)) ?? '';
      const fields = (block: string): string[] => [...block.matchAll(/<Data Name="(\w+)">/g)].map((m) => m[1] ?? '');
      const mine = eventBlocks(xml).find((b) => b.includes(`<Opcode>${name}</Opcode>`)) ?? '';
      expect({ name, fields: fields(mine) }).toEqual({ name, fields: fields(fixtureBlock) });
    }
    expect(compared).toBeGreaterThanOrEqual(35);
  });
});

describe('escaping', () => {
  it('escapes a hostile module name, data value and URL, and drops characters XML cannot carry', () => {
    const hostile = '<script>&"\'';
    const result: RequestResult = {
      ...favicon404(),
      url: 'http://localhost/a"b<c>&d\'e',
      appPool: 'Pool"><x',
      trace: [
        ev('NOTIFY_MODULE_START', { module: hostile, notification: 'BEGIN_REQUEST' }),
        ev('GENERAL_SET_RESPONSE_HEADER', { data: { HeaderName: 'X-Evil', HeaderValue: 'a\u0001b\uD800c</Data>', Replace: 'false' } }),
      ],
    };
    const out = toFrebXml(result, { ...F26_OPTIONS, userName: 'DOMAIN\\"me"', computerName: '<pc>' });
    expect(out).toContain('<Data Name="ModuleName">&lt;script&gt;&amp;&quot;&apos;</Data>');
    expect(out).not.toContain('<script>');
    expect(out).toContain('url="http://localhost/a&quot;b&lt;c&gt;&amp;d&apos;e"');
    expect(out).toContain('appPoolId="Pool&quot;&gt;&lt;x"');
    expect(out).toContain('userName="DOMAIN\\&quot;me&quot;"');
    expect(out).toContain('<Computer>&lt;pc&gt;</Computer>');
    expect(out).toContain('<Data Name="HeaderValue">a\uFFFDb\uFFFDc&lt;/Data&gt;</Data>');
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(parseApplicationHost(out).wellFormed).toBe(true);
  });

  it('keeps line breaks of an attribute value as character references', () => {
    const out = toFrebXml({ ...favicon404(), trace: [] }, { ...F26_OPTIONS, tokenUserName: 'a\r\nb' });
    expect(out).toContain('tokenUserName="a&#13;&#10;b"');
  });
});

describe('a request HTTP.sys answered alone', () => {
  const xml = toFrebXml(httpSysOnly(), { siteId: 1 });

  it('still yields a well-formed file with a synthesized GENERAL_REQUEST_START and GENERAL_REQUEST_END', () => {
    expect(parseApplicationHost(xml).wellFormed).toBe(true);
    expect(renderedOpcodes(xml)).toEqual(['GENERAL_REQUEST_START', 'GENERAL_REQUEST_END']);
    const [start, end] = eventBlocks(xml);
    expect(start).toContain('<Data Name="RequestURL">http://localhost/busy.htm</Data>');
    expect(start).toContain('<Data Name="AppPoolId">DefaultAppPool</Data>');
    expect(start).toContain('<TimeCreated SystemTime="2026-01-01T00:00:01.000Z"/>');
    expect(end).toContain('<Data Name="HttpStatus">503</Data>');
    expect(end).toContain('<Data Name="BytesSent">326</Data>');
    expect(end).toContain('<TimeCreated SystemTime="2026-01-01T00:00:01.001Z"/>');
    expect(end).toContain('<Execution ProcessID="0"');
    expect(end).toContain('<Computer>IISFLOW</Computer>');
  });

  it('writes authenticationType NOT_AVAILABLE without user names, laid out as in F29', () => {
    const attributes = rootAttributes(xml);
    expect(attributes.get('authenticationType')).toBe('NOT_AVAILABLE');
    expect(attributes.has('userName')).toBe(false);
    expect(attributes.get('timeTaken')).toBe('2');
    const layout = (text: string): string[] =>
      text
        .split('\r\n')
        .slice(3, 15)
        .map((line) => line.replace(/="[^"]*"/g, '=""'));
    expect(layout(xml)).toEqual(layout(F29));
  });
});

describe('activityIdFor', () => {
  it('is F26’s id for request 4 and distinct per request', () => {
    expect(activityIdFor(4)).toBe('{80000004-0000-F900-B63F-84710C7967BB}');
    expect(activityIdFor(0x80000005)).toBe('{80000005-0001-F900-B63F-84710C7967BB}');
    const ids = new Set(Array.from({ length: 1000 }, (_, i) => activityIdFor(i)));
    expect(ids.size).toBe(1000);
    expect(activityIdFor(Number.NaN)).toBe(activityIdFor(0));
  });
});

describe('formatSystemTime', () => {
  it('formats known instants', () => {
    expect(formatSystemTime(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(formatSystemTime(1473571608697)).toBe('2016-09-11T05:26:48.697Z');
    expect(formatSystemTime(1767225600000)).toBe('2026-01-01T00:00:00.000Z');
    expect(formatSystemTime(951825600000)).toBe('2000-02-29T12:00:00.000Z');
    expect(formatSystemTime(1709251199999)).toBe('2024-02-29T23:59:59.999Z');
    expect(formatSystemTime(1709251200000)).toBe('2024-03-01T00:00:00.000Z');
    expect(formatSystemTime(-1)).toBe('1969-12-31T23:59:59.999Z');
    expect(formatSystemTime(12.9)).toBe('1970-01-01T00:00:00.012Z');
  });

  it('agrees with Date over a spread of instants', () => {
    for (let ms = -2208988800000; ms < 4102444800000; ms += 86399999 * 37 + 12345) {
      expect(formatSystemTime(ms)).toBe(new Date(ms).toISOString());
    }
  });
});
