/**
 * An application whose pool does not exist loads in IIS (its requests get 503): validation warns with
 * the line instead of failing (src/cli/validateSeverity.test.ts: `validate` exits 0), and the
 * simulation's sentence says why. An
 * application without applicationPool takes the applicationDefaults of its site or of the server.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticCode, parseApplicationHost } from '../config/index.ts';
import { createSimulation } from './simulation.ts';

const ROOT = 'C:\\sites\\shop';

function config(sites: string, serverDefaults = ''): string {
  return [
    '<configuration>',
    '<system.applicationHost>',
    '<applicationPools>',
    '  <add name="DefaultAppPool" />',
    '  <add name="ShopPool" />',
    '</applicationPools>',
    '<sites>',
    sites,
    serverDefaults,
    '</sites>',
    '</system.applicationHost>',
    '</configuration>',
    '',
  ].join('\n');
}

const site = (inner: string): string =>
  `<site name="Shop" id="1"><bindings><binding protocol="http" bindingInformation="*:80:" /></bindings>${inner}</site>`;

function request(text: string, url = 'http://localhost/index.htm') {
  const simulation = createSimulation({ applicationHostConfig: text, content: { [ROOT]: { 'index.htm': 'hi' } } }, { seed: 1, trace: false });
  simulation.send({ method: 'GET', url });
  simulation.runUntilIdle();
  const result = simulation.results()[0];
  if (result === undefined) throw new Error('no result');
  return result;
}

const MISSING_POOL_CONFIG = config(site(`<application path="/" applicationPool="GonePool"><virtualDirectory path="/" physicalPath="${ROOT}" /></application>`));

describe('an application whose pool does not exist', () => {
  it('is a warning at its line, not an error', () => {
    const diagnostic = parseApplicationHost(MISSING_POOL_CONFIG).diagnostics.find((d) => d.code === DiagnosticCode.missingApplicationPool);
    expect(diagnostic?.severity).toBe('warning');
    expect(diagnostic?.line).toBe(8);
    expect(diagnostic?.message).toContain('"GonePool"');
    expect(diagnostic?.message).toContain('its requests get 503');
  });

  it('its requests get 503 from HTTP.sys, and the sentence says IIS loaded the application', () => {
    const result = request(MISSING_POOL_CONFIG);
    expect(result.status).toBe(503);
    expect(result.decidedBy).toBe('HTTP.sys');
    expect(result.reason).toContain('"GonePool"');
    expect(result.reason).toContain('IIS loads the application');
  });
});

describe('an application with no applicationPool', () => {
  const app = `<application path="/"><virtualDirectory path="/" physicalPath="${ROOT}" /></application>`;

  it("takes its site's applicationDefaults before the server's", () => {
    const text = config(site(`<applicationDefaults applicationPool="ShopPool" />${app}`), '<applicationDefaults applicationPool="DefaultAppPool" />');
    const application = parseApplicationHost(text).model.sites.sites[0]?.applications[0];
    expect(application?.applicationPool).toBe('ShopPool');
    expect(application?.applicationPoolFrom).toBe('site');
    expect(request(text).appPool).toBe('ShopPool');
  });

  it("takes the server's applicationDefaults when its site has none", () => {
    const text = config(site(app), '<applicationDefaults applicationPool="ShopPool" />');
    const application = parseApplicationHost(text).model.sites.sites[0]?.applications[0];
    expect(application?.applicationPoolFrom).toBe('server');
    expect(request(text).appPool).toBe('ShopPool');
  });

  it("a missing pool from the site's applicationDefaults: the warning and the 503 sentence say where the name came from", () => {
    const text = config(site(`<applicationDefaults applicationPool="GonePool" />${app}`));
    const diagnostic = parseApplicationHost(text).diagnostics.find((d) => d.code === DiagnosticCode.missingApplicationPool);
    expect(diagnostic?.severity).toBe('warning');
    expect(diagnostic?.message).toContain("from the site's <applicationDefaults>");
    const result = request(text);
    expect(result.status).toBe(503);
    expect(result.reason).toContain("it takes its site's <applicationDefaults>");
  });

  it("a stopped pool from the server's applicationDefaults: the 503 sentence says so", () => {
    const text = config(site(app), '<applicationDefaults applicationPool="ShopPool" />').replace('<add name="ShopPool" />', '<add name="ShopPool" autoStart="false" />');
    const result = request(text);
    expect(result.status).toBe(503);
    expect(result.reason).toContain('ShopPool');
    expect(result.reason).toContain('it takes <sites><applicationDefaults>');
  });
});
