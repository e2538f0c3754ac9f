/**
 * Fidelity against real Failed Request Tracing files: the engine, given the configuration of fixture 16
 * (IIS Express 10), must call the same modules at the same notifications, in the same order, as the
 * real server did in fixture 26 (GET /favicon.ico, 404.0) and, for fixture 27 (GET /IntelliMongo.asmx,
 * 200, managed), everything but the modules that Visual Studio and the ASP.NET ISAPI filter inject at
 * run time, which no configuration file names.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toFrebXml } from './freb.ts';
import { createSimulation } from './simulation.ts';
import type { RequestResult } from './types.ts';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'fixtures');
const read = (name: string): string => readFileSync(join(fixtures, name), 'utf8');
const SITE_ROOT = 'C:\\Users\\60052337\\Desktop\\00000\\Generating a Web Ser1\\TestProject';

/** `Module NOTIFICATION[ POST]` for every NOTIFY_MODULE_START of a FREB file. */
function realSequence(freb: string): string[] {
  const events = freb.match(/<Event [\s\S]*?<\/Event>/g) ?? [];
  return events
    .filter((e) => e.includes('<Opcode>NOTIFY_MODULE_START</Opcode>'))
    .map((e) => {
      const module = /Name="ModuleName">([^<]*)/.exec(e)?.[1] ?? '';
      const notification = /Data="Notification">([^<]*)/.exec(e)?.[1] ?? '';
      const post = /Name="fIsPostNotification">true/.test(e) ? ' POST' : '';
      return `${module} ${notification}${post}`;
    });
}

function engineSequence(result: RequestResult): string[] {
  return result.trace.filter((e) => e.event === 'NOTIFY_MODULE_START').map((e) => `${e.module ?? ''} ${e.notification ?? ''}${e.isPost === true ? ' POST' : ''}`);
}

function simulate(urls: string[], files: Record<string, string>): RequestResult {
  const simulation = createSimulation({ applicationHostConfig: read('16-Kodansha-MongoTallerAsmx-iisexpress-user-tracing.config'), content: { [SITE_ROOT]: files } }, { seed: 26, trace: true });
  for (const url of urls) {
    simulation.send({ method: 'GET', url });
    simulation.runUntilIdle();
  }
  const result = simulation.results().at(-1);
  if (result === undefined) throw new Error('no result');
  return result;
}

describe('FREB fidelity', () => {
  it('fixture 26: the same NOTIFY_MODULE_START (module, notification) sequence as the real trace', () => {
    const result = simulate(['http://localhost:6091/favicon.ico'], { 'Default.aspx': '<%@ Page %>' });
    expect(`${String(result.status)}.${String(result.subStatus)}`).toBe('404.0');
    expect(result.decidedBy).toBe('IIS Web Core');
    const real = realSequence(read('26-Kodansha-MongoTallerAsmx-freb-404-static.xml'));
    expect(real.length).toBe(32);
    expect(engineSequence(result)).toEqual(real);
  });

  it('fixture 26: the error is set by IIS Web Core at MAP_REQUEST_HANDLER, as in the real trace', () => {
    const result = simulate(['http://localhost:6091/favicon.ico'], {});
    const error = result.trace.find((e) => e.event === 'MODULE_SET_RESPONSE_ERROR_STATUS');
    expect(error).toMatchObject({ module: 'IIS Web Core', notification: 'MAP_REQUEST_HANDLER', status: 404, subStatus: 0 });
  });

  it('fixture 27: the same sequence except the modules injected at run time (Page Inspector, AspNetFilterModule)', () => {
    // A second request, as in the real trace: the URL is in the worker's cache, so no MapPath.
    const result = simulate(['http://localhost:6091/IntelliMongo.asmx', 'http://localhost:6091/IntelliMongo.asmx'], { 'IntelliMongo.asmx': '<%@ WebService Class="IntelliMongo" %>' });
    expect(result.status).toBe(200);
    expect(result.handler).toBe('WebServiceHandlerFactory-Integrated-4.0');
    const injected = (entry: string): boolean => entry.startsWith('__DynamicModule_') || entry.startsWith('AspNetFilterModule ');
    const real = realSequence(read('27-Kodansha-MongoTallerAsmx-freb-200-asmx-managed.xml'));
    const comparable = real.filter((entry) => !injected(entry));
    expect(real.length - comparable.length).toBe(4);
    expect(engineSequence(result)).toEqual(comparable);
  });

  it('exports a FREB file whose event names follow the engine trace, in the fixtures format', () => {
    const result = simulate(['http://localhost:6091/favicon.ico'], {});
    const xml = toFrebXml(result, { siteId: 2 });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" ?>')).toBe(true);
    expect(xml).toContain("<?xml-stylesheet type='text/xsl' href='freb.xsl'?>");
    expect(xml).toMatch(/<failedRequest url="http:\/\/localhost:6091\/favicon\.ico"/);
    expect(xml).toContain('statusCode="404"');
    const opcodes = [...xml.matchAll(/<RenderingInfo Culture="en-US">\s*<Opcode>([A-Z_]+)<\/Opcode>/g)].map((m) => m[1]);
    expect(opcodes[0]).toBe('GENERAL_REQUEST_START');
    expect(opcodes.at(-1)).toBe('GENERAL_REQUEST_END');
    expect(opcodes.filter((o) => o === 'NOTIFY_MODULE_START')).toHaveLength(32);
  });
});
