import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseApplicationHost, readApplicationHostModel, serializeApplicationHost, type ApplicationHostConfig } from './index.ts';
import { defaultApplicationPoolSettings, type ApplicationPool, type ApplicationPoolName } from './schema/applicationPools.ts';
import { readSites, type Site, type SiteName } from './schema/sites.ts';
import { applicationHostFixtures, readFixture } from '../../test-support/sharedFixtures.ts';
import { readXml } from './xml/readXml.ts';

const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ._-]{0,14}[A-Za-z0-9]$/);
const timeSpanMs = fc.integer({ min: 0, max: 200 * 3600 }).map((s) => s * 1000);

const poolArbitrary = fc.record({
  name,
  managedPipelineMode: fc.constantFrom('Integrated', 'Classic' as const),
  managedRuntimeVersion: fc.constantFrom('', 'v2.0', 'v4.0'),
  queueLength: fc.integer({ min: 10, max: 65535 }),
  autoStart: fc.boolean(),
  startMode: fc.constantFrom('OnDemand', 'AlwaysRunning' as const),
  enable32BitAppOnWin64: fc.boolean(),
  maxProcesses: fc.integer({ min: 0, max: 64 }),
  idleTimeout: timeSpanMs,
  rapidFailProtection: fc.boolean(),
  rapidFailProtectionMaxCrashes: fc.integer({ min: 1, max: 100 }),
  periodicRestartRequests: fc.integer({ min: 0, max: 100000 }),
  loadBalancerCapabilities: fc.constantFrom('HttpLevel', 'TcpLevel' as const),
});

const bindingArbitrary = fc.oneof(
  fc.record({
    ip: fc.constantFrom('*', '127.0.0.1', '10.0.0.5'),
    port: fc.integer({ min: 1, max: 65535 }),
    host: fc.constantFrom('', 'www.example.com', 'shop.example.org', '*.contoso.com'),
    protocol: fc.constantFrom('http', 'https'),
  }).map((b) => ({ protocol: b.protocol, bindingInformation: `${b.ip}:${String(b.port)}:${b.host}`, sslFlags: b.protocol === 'https' && b.host !== '' ? 1 : 0 })),
  fc.integer({ min: 1, max: 65535 }).map((port) => ({ protocol: 'net.tcp', bindingInformation: `${String(port)}:*`, sslFlags: 0 })),
  fc.constant({ protocol: 'net.pipe', bindingInformation: '*', sslFlags: 0 }),
);

const siteArbitrary = fc.record({
  name,
  serverAutoStart: fc.boolean(),
  maxUrlSegments: fc.integer({ min: 0, max: 16383 }),
  bindings: fc.array(bindingArbitrary, { maxLength: 3 }),
  applications: fc.uniqueArray(fc.stringMatching(/^\/[a-z]{1,8}$/), { maxLength: 3 }),
  physicalPath: fc.stringMatching(/^C:\\[A-Za-z]{1,10}$/),
  enabledProtocols: fc.constantFrom('http', 'http,net.tcp'),
});

const modelArbitrary = fc.record({
  pools: fc.uniqueArray(poolArbitrary, { minLength: 1, maxLength: 5, selector: (p) => p.name.toLowerCase() }),
  sites: fc.uniqueArray(siteArbitrary, { maxLength: 5, selector: (s) => s.name.toLowerCase() }),
});

type Generated = typeof modelArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** Builds a typed model from generated data, starting from an empty document. */
function buildModel(generated: Generated): ApplicationHostConfig {
  const empty = readApplicationHostModel(readXml('<configuration></configuration>').document, undefined);
  const defaults = defaultApplicationPoolSettings();
  const pools: ApplicationPool[] = generated.pools.map((p) => ({
    ...defaults,
    name: p.name as ApplicationPoolName,
    managedPipelineMode: p.managedPipelineMode,
    managedRuntimeVersion: p.managedRuntimeVersion,
    queueLength: p.queueLength,
    autoStart: p.autoStart,
    startMode: p.startMode,
    enable32BitAppOnWin64: p.enable32BitAppOnWin64,
    processModel: { ...defaults.processModel, maxProcesses: p.maxProcesses, idleTimeout: p.idleTimeout },
    failure: { ...defaults.failure, rapidFailProtection: p.rapidFailProtection, rapidFailProtectionMaxCrashes: p.rapidFailProtectionMaxCrashes, loadBalancerCapabilities: p.loadBalancerCapabilities },
    recycling: { ...defaults.recycling, periodicRestart: { ...defaults.recycling.periodicRestart, requests: p.periodicRestartRequests } },
  }));
  const siteDefaults = readSites(undefined, undefined).siteDefaults;
  const sites: Site[] = generated.sites.map((s, index) => ({
    ...siteDefaults,
    name: s.name as SiteName,
    id: index + 1,
    serverAutoStart: s.serverAutoStart,
    limits: { ...siteDefaults.limits, maxUrlSegments: s.maxUrlSegments },
    bindings: s.bindings.map((b) => ({ ...b, endpoint: undefined })),
    applications: ['/', ...s.applications].map((path, i) => ({
      ...empty.sites.applicationDefaults,
      path,
      applicationPool: generated.pools[i % generated.pools.length]?.name ?? '',
      enabledProtocols: s.enabledProtocols,
      virtualDirectories: [{ ...empty.sites.virtualDirectoryDefaults, path: '/', physicalPath: `${s.physicalPath}${path === '/' ? '' : path.replace('/', '\\')}` }],
    })),
  }));
  return { ...empty, applicationPools: { ...empty.applicationPools, pools }, sites: { ...empty.sites, sites } };
}

/** The comparable typed content of a model (without the XML document and parse-only fields). */
function typedContent(model: ApplicationHostConfig): unknown {
  return {
    pools: model.applicationPools.pools,
    sites: model.sites.sites.map((s) => ({ ...s, bindings: s.bindings.map((b) => ({ protocol: b.protocol, bindingInformation: b.bindingInformation, sslFlags: b.sslFlags })) })),
  };
}

describe('serializeApplicationHost (property)', () => {
  it('generated models serialize and parse back to the same model', () => {
    fc.assert(
      fc.property(modelArbitrary, (generated) => {
        const model = buildModel(generated);
        const text = serializeApplicationHost(model);
        const parsed = parseApplicationHost(text);
        expect(parsed.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'IISF0023')).toEqual([]);
        expect(typedContent(parsed.model)).toEqual(typedContent(model));
        // And serializing the parsed model again changes nothing.
        expect(serializeApplicationHost(parsed.model)).toBe(text);
      }),
      { numRuns: 150, seed: 20261121 },
    );
  });

  it('an edit to a real file changes only what was edited', () => {
    const text = readFixture('01-c1982-IIS-SharedGitConfig-4sites-hostheaders.config');
    const { model } = parseApplicationHost(text);
    const [pool, ...rest] = model.applicationPools.pools;
    if (pool === undefined) throw new Error('fixture 01 has pools');
    // The model is immutable: an edit is a new pool object in a new model.
    const edited = { ...pool, queueLength: 4321, processModel: { ...pool.processModel, idleTimeout: 45 * 60_000 } };
    const written = serializeApplicationHost({ ...model, applicationPools: { ...model.applicationPools, pools: [edited, ...rest] } });
    const originalLines = new Set(text.split('\n'));
    const newLines = written.split('\n').filter((line) => !originalLines.has(line));
    expect(newLines.length).toBeGreaterThan(0);
    // The pool's start tag changes and <processModel> is added (the new </add> line exists elsewhere).
    expect(newLines).toHaveLength(2);
    expect(written.split('\n').length - text.split('\n').length).toBe(2);
    const reparsed = parseApplicationHost(written).model.applicationPools.pools[0];
    expect(reparsed?.queueLength).toBe(4321);
    expect(reparsed?.processModel.idleTimeout).toBe(45 * 60_000);
    expect(written).toContain('idleTimeout="00:45:00"');
  });
});

describe('parseApplicationHost never throws (property)', () => {
  const sources = applicationHostFixtures().map(readFixture);
  const mutation = fc.record({
    source: fc.integer({ min: 0, max: sources.length - 1 }),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    kind: fc.constantFrom('delete', 'insert', 'replace', 'truncate'),
    length: fc.integer({ min: 1, max: 40 }),
    text: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('<', '>', '"', '&', '&lol;', '<!--', ']]>', '</site>', '<site>', 'Fast', '="x"')),
  });

  it('random mutations of real files give diagnostics, never an exception', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        const original = sources[m.source] ?? '';
        const position = Math.floor(m.at * original.length);
        const mutated =
          m.kind === 'delete'
            ? original.slice(0, position) + original.slice(position + m.length)
            : m.kind === 'insert'
              ? original.slice(0, position) + m.text + original.slice(position)
              : m.kind === 'replace'
                ? original.slice(0, position) + m.text + original.slice(position + m.length)
                : original.slice(0, position);
        const result = parseApplicationHost(mutated);
        for (const d of result.diagnostics) {
          expect(d.message.length).toBeGreaterThan(0);
          expect(d.line).toBeGreaterThanOrEqual(0);
        }
        if (mutated !== original && !result.wellFormed) expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
