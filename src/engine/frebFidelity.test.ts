/**
 * Fidelity against every real Failed Request Tracing file in ../shared/fixtures (26, 27 and 29): the
 * engine must call the same modules at the same notifications, in the same order, as the real server.
 * Each test reports, for its trace, how many leading (module, notification) pairs match.
 *
 * The traces come from two machines, and the workspace's IIS version says which:
 * - 26 (GET /favicon.ico, 404.0) and 27 (GET /IntelliMongo.asmx, 200, managed) are IIS Express 10 with
 *   fixture 16's configuration. Their <modules> list WebSocketModule, which never runs: iiswsock.dll
 *   needs the WebSocket support of HTTP.sys that came with Windows 8 / Server 2012 (IIS 8.0), so these
 *   traces were taken on Windows 7, IIS 7.5's Windows: the workspace says 7.5.
 * - 29 (GET /favicon.ico, 500 from a failed ASP.NET start) is IIS Express 10 on Windows 10, whose
 *   <modules> order is that of fixture 15 (IIS Express's later template: ConfigurationValidationModule,
 *   WebSocketModule, then ApplicationInitializationModule); the workspace says 10.0, and WebSocketModule
 *   runs at BEGIN_REQUEST, post-END_REQUEST and SEND_RESPONSE with no Upgrade header.
 *
 * Modules IIS injects at run time, which no configuration file names, are left out of the comparison:
 * in 27, Visual Studio's Page Inspector (`__DynamicModule_Microsoft.VisualStudio.Web.PageInspector...`)
 * and ASP.NET's `AspNetFilterModule`; in 29, `AspNetInitializationExceptionModule`, which ASP.NET
 * registers when the application fails to start, and which ends the request 500 at BEGIN_REQUEST.
 */
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../test-support/sharedFixtures.ts';
import type { IisVersion } from '../config/index.ts';
import { toFrebXml } from './freb.ts';
import { createSimulation } from './simulation.ts';
import { engineModuleSequence, frebModuleSequence, leadingMatch } from './testing/frebConformance.ts';
import { webConfig } from './testing/scenario.ts';
import type { RequestResult } from './types.ts';

const F16_ROOT = 'C:\\Users\\60052337\\Desktop\\00000\\Generating a Web Ser1\\TestProject';
const F15_ROOT = '%IIS_SITES_HOME%\\WebSite1';

interface Run {
  config: string;
  root: string;
  files: Record<string, string>;
  urls: string[];
  iisVersion: IisVersion;
}

function simulate(run: Run): RequestResult {
  const simulation = createSimulation({ applicationHostConfig: readFixture(run.config), content: { [run.root]: run.files }, iisVersion: run.iisVersion }, { seed: 26, trace: true });
  for (const url of run.urls) {
    simulation.send({ method: 'GET', url });
    simulation.runUntilIdle();
  }
  const result = simulation.results().at(-1);
  if (result === undefined) throw new Error('no result');
  return result;
}

const F16 = '16-Kodansha-MongoTallerAsmx-iisexpress-user-tracing.config';
const F15 = '15-3pillarlabs-core-microservices-template-iisexpress-vs.config';
const favicon26: Run = { config: F16, root: F16_ROOT, files: { 'Default.aspx': '<%@ Page %>' }, urls: ['http://localhost:6091/favicon.ico'], iisVersion: '7.5' };
// A second request, as in the real trace: the URL is in the worker's cache, so no MapPath.
const asmx27: Run = { config: F16, root: F16_ROOT, files: { 'IntelliMongo.asmx': '<%@ WebService Class="IntelliMongo" %>' }, urls: ['http://localhost:6091/IntelliMongo.asmx', 'http://localhost:6091/IntelliMongo.asmx'], iisVersion: '7.5' };
const favicon29: Run = { config: F15, root: F15_ROOT, files: { 'favicon.ico': 'icon' }, urls: ['http://localhost:8080/favicon.ico'], iisVersion: '10.0' };

const isInjected = (entry: string): boolean =>
  entry.startsWith('__DynamicModule_') || entry.startsWith('AspNetFilterModule ') || entry.startsWith('AspNetInitializationExceptionModule ');

describe('FREB fidelity: each real trace, leading (module, notification) pairs', () => {
  it('fixture 26: all 32 pairs match', () => {
    const result = simulate(favicon26);
    expect(`${String(result.status)}.${String(result.subStatus)}`).toBe('404.0');
    expect(result.decidedBy).toBe('IIS Web Core');
    const real = frebModuleSequence(readFixture('26-Kodansha-MongoTallerAsmx-freb-404-static.xml'));
    const engine = engineModuleSequence(result);
    expect({ trace: 26, matching: leadingMatch(real, engine), of: real.length }).toEqual({ trace: 26, matching: 32, of: 32 });
    expect(engine).toEqual(real);
  });

  it('fixture 26: the error is set by IIS Web Core at MAP_REQUEST_HANDLER, as in the real trace', () => {
    const result = simulate({ ...favicon26, files: {} });
    const error = result.trace.find((e) => e.event === 'MODULE_SET_RESPONSE_ERROR_STATUS');
    expect(error).toMatchObject({ module: 'IIS Web Core', notification: 'MAP_REQUEST_HANDLER', status: 404, subStatus: 0 });
  });

  it('fixture 27: every pair matches but the 4 of modules injected at run time (Page Inspector, AspNetFilterModule)', () => {
    const result = simulate(asmx27);
    expect(result.status).toBe(200);
    expect(result.handler).toBe('WebServiceHandlerFactory-Integrated-4.0');
    const real = frebModuleSequence(readFixture('27-Kodansha-MongoTallerAsmx-freb-200-asmx-managed.xml'));
    const comparable = real.filter((entry) => !isInjected(entry));
    expect(real.length - comparable.length).toBe(4);
    const engine = engineModuleSequence(result);
    expect({ trace: 27, matching: leadingMatch(comparable, engine), of: comparable.length }).toEqual({ trace: 27, matching: comparable.length, of: comparable.length });
    expect(engine).toEqual(comparable);
  });

  it('fixture 29: MAP_PATH and every BEGIN_REQUEST pair before the injected AspNetInitializationExceptionModule match, WebSocketModule and ApplicationInitializationModule included', () => {
    const result = simulate(favicon29);
    const real = frebModuleSequence(readFixture('29-CodeAcademyP503-blogezy-freb-500-aspnet-init.xml'));
    const injectedAt = real.findIndex(isInjected);
    expect(injectedAt).toBe(9);
    const engine = engineModuleSequence(result);
    expect({ trace: 29, matching: leadingMatch(real, engine), of: injectedAt }).toEqual({ trace: 29, matching: 9, of: 9 });
    expect(real.slice(0, 9)).toContain('WebSocketModule BEGIN_REQUEST');
    expect(real.slice(0, 9)).toContain('ApplicationInitializationModule BEGIN_REQUEST');
  });

  it('fixture 29: after an error at BEGIN_REQUEST, LOG_REQUEST to SEND_RESPONSE match the real trace pair for pair', () => {
    // The engine cannot fail ASP.NET's start; a BEGIN_REQUEST error it models (ConfigurationValidationModule's
    // 500.22) skips to the same notifications, which the real trace runs after its injected module's 500.
    const failing = simulate({ ...favicon29, files: { ...favicon29.files, 'web.config': webConfig('', '<httpModules><add name="M" type="M" /></httpModules>') } });
    expect(failing.status).toBe(500);
    const real = frebModuleSequence(readFixture('29-CodeAcademyP503-blogezy-freb-500-aspnet-init.xml'));
    const realTail = real.slice(real.findIndex(isInjected) + 1);
    const engine = engineModuleSequence(failing);
    const engineTail = engine.slice(engine.findIndex((entry) => entry.endsWith(' LOG_REQUEST')));
    expect(realTail).toHaveLength(16);
    expect(engineTail).toEqual(realTail);
  });

  it('the workspace IIS version chooses: WebSocketModule runs on IIS 8.0 and later, never on 7.5', () => {
    const modulesOn = (iisVersion: IisVersion): string[] => engineModuleSequence(simulate({ ...favicon29, iisVersion })).filter((e) => e.startsWith('WebSocketModule '));
    expect(modulesOn('10.0')).toEqual(['WebSocketModule BEGIN_REQUEST', 'WebSocketModule END_REQUEST POST', 'WebSocketModule SEND_RESPONSE']);
    expect(modulesOn('8.0')).toHaveLength(3);
    expect(modulesOn('7.5')).toEqual([]);
  });

  it('MAP_PATH runs on a URL-cache miss, for a managed page as for a static file, and not on a hit', () => {
    // RQ_MAP_PATH is raised when the server maps the URL to a physical path (request-processing-constants):
    // on the worker's first request for the URL (26, 29: static files), not on a cached one (27: managed).
    const first = simulate({ ...asmx27, urls: ['http://localhost:6091/IntelliMongo.asmx'] });
    expect(engineModuleSequence(first)[0]).toBe('IsapiFilterModule MAP_PATH');
    expect(engineModuleSequence(simulate(asmx27))).not.toContain('IsapiFilterModule MAP_PATH');
  });

  it('exports a FREB file whose event names follow the engine trace, in the fixtures format', () => {
    const result = simulate({ ...favicon26, files: {} });
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
