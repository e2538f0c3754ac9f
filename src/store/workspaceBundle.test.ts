import { describe, expect, it } from 'vitest';
import { defaultWorkspace, parseApplicationHost, type Workspace } from '../config/index.ts';
import { readFixture, readFixtureBytes } from '../../test-support/sharedFixtures.ts';
import { exportItems, MAX_IMPORT_BYTES, readImport, readImportBytes, workspaceFileName } from './workspaceBundle.ts';

const FIXTURE_01 = '01-c1982-IIS-SharedGitConfig-4sites-hostheaders.config';

describe('reading an imported file', () => {
  it('takes an applicationHost.config, with a fresh install\'s files in each of its sites\' folders', () => {
    const reading = readImportBytes(FIXTURE_01, readFixtureBytes(FIXTURE_01));
    expect(reading.kind).toBe('workspace');
    if (reading.kind !== 'workspace') return;
    expect(reading.sourceName).toBe(FIXTURE_01);
    expect(reading.workspace.applicationHostConfig).toBe(readFixture(FIXTURE_01));
    const { model } = parseApplicationHost(reading.workspace.applicationHostConfig);
    expect(model.sites.sites).toHaveLength(4);
    const folders = Object.keys(reading.workspace.content);
    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) expect(Object.keys(reading.workspace.content[folder] ?? {})).toContain('iisstart.htm');
    expect(reading.errors).toEqual([]);
  });

  it('decodes a UTF-16 file with its byte order mark', () => {
    const text = readFixture('19-karthickvkumar-docker-react-minimal-fragment.config');
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
    const reading = readImportBytes('utf16.config', bytes);
    expect(reading.kind === 'workspace' && reading.workspace.applicationHostConfig).toBe(text);
  });

  it('takes a workspace file as it was exported: an export imports back to the same workspace', () => {
    const workspace: Workspace = {
      applicationHostConfig: readFixture(FIXTURE_01),
      content: { 'C:\\inetpub\\wwwroot': { 'web.config': readFixture('22-dorik84-Web-Server-IIS-web-https-redirect.web.config'), 'x.txt': { text: 'x', hidden: true } } },
      users: [{ name: 'alice', password: 'a', groups: ['Users'] }],
    };
    const [bundle] = exportItems(workspace, FIXTURE_01);
    expect(bundle?.fileName).toBe('01-c1982-IIS-SharedGitConfig-4sites-hostheaders.json');
    const reading = readImport(bundle?.fileName ?? '', bundle?.text() ?? '');
    expect(reading).toMatchObject({ kind: 'workspace', errors: [] });
    expect(reading.kind === 'workspace' && reading.workspace).toEqual(workspace);
  });

  it('shows a configuration\'s errors, and keeps the current files for one that is not well formed', () => {
    const broken = readFixture(FIXTURE_01).replace('<sites>', '<sites><site name="x">');
    const current = defaultWorkspace();
    const reading = readImport('broken.config', broken, current);
    expect(reading.kind).toBe('workspace');
    expect(reading.kind === 'workspace' && reading.errors.length).toBeGreaterThan(0);
    expect(reading.kind === 'workspace' && reading.errors[0]?.line).toBeGreaterThan(0);
    expect(reading.kind === 'workspace' && reading.workspace.content).toBe(current.content);

    const invalid = readFixture(FIXTURE_01).replace('managedPipelineMode="Integrated"', 'managedPipelineMode="Fast"');
    const read = readImport('invalid.config', invalid);
    expect(read.kind === 'workspace' && read.errors.map((d) => d.code)).toContain('IISF0010');
  });

  it('tells a web.config from an applicationHost.config', () => {
    const name = '21-mattgillard-iis-reverse-proxy-web-arr-rewrite.web.config';
    expect(readImport(name, readFixture(name))).toMatchObject({ kind: 'webConfig', fileName: name });
  });

  it.each([
    ['a trace file (another root)', '26-Kodansha-MongoTallerAsmx-freb-404-static.xml', 'it is not an IIS configuration file. The root element is <failedRequest>'],
    ['the IIS schema (a comment, then another root)', '33-lextm-iis_schema-IIS10-IIS_schema.xml', 'The root element is <configSchema>'],
  ])('refuses %s and says why', (_what, name, message) => {
    const reading = readImport(name, readFixture(name));
    expect(reading.kind).toBe('refused');
    expect(reading.kind === 'refused' && reading.message).toContain(message);
  });

  it.each([
    ['plain text', 'notes.txt', 'hello', 'neither XML nor JSON'],
    ['an empty file', 'empty.config', '  \n', 'is empty'],
    ['XML that is not well formed and no configuration', 'page.xml', '<html><body></html>', 'not well-formed XML (line 1'],
    ['JSON that is not a workspace', 'package.json', '{"name":"iis-flow"}', 'not an IIS Flow workspace'],
    ['a workspace file of a later version', 'w.json', '{"format":"iis-flow-workspace","version":2,"applicationHostConfig":""}', 'written by a newer IIS Flow'],
  ])('refuses %s', (_what, name, text, message) => {
    const reading = readImport(name, text);
    expect(reading.kind).toBe('refused');
    expect(reading.kind === 'refused' && reading.message).toContain(message);
    expect(reading.kind === 'refused' && reading.message).toContain(name);
  });

  it('refuses a file over 20 MB before decoding it', () => {
    const reading = readImportBytes('huge.config', new Uint8Array(MAX_IMPORT_BYTES + 1));
    expect(reading).toEqual({ kind: 'refused', message: 'huge.config was not imported: it is 20.0 MB, and IIS Flow reads configuration files of up to 20 MB.' });
  });
});

describe('export', () => {
  it('offers the workspace file, applicationHost.config and each web.config, with their text', () => {
    const workspace = defaultWorkspace();
    workspace.content['D:\\shop'] = { 'web.config': '<configuration/>', 'admin/Web.config': { text: '<configuration><x/></configuration>' }, 'web.config.bak': 'old' };
    const items = exportItems(workspace, 'the embedded default workspace (IIS 10, all role services)');
    expect(items.map((i) => i.label)).toEqual(['Workspace (JSON)', 'applicationHost.config', 'D:\\shop\\web.config', 'D:\\shop\\admin\\Web.config']);
    expect(items.map((i) => i.fileName)).toEqual(['iis-flow-workspace.json', 'applicationHost.config', 'web.config', 'web.config']);
    expect(items[1]?.text()).toBe(workspace.applicationHostConfig);
    expect(items[3]?.text()).toBe('<configuration><x/></configuration>');
    expect(items[3]?.file).toEqual({ kind: 'content', physicalPath: 'D:\\shop', relativePath: 'admin/Web.config' });
  });

  it('names the workspace file after what was imported', () => {
    expect(workspaceFileName('shop.config')).toBe('shop.json');
    expect(workspaceFileName('shop.json')).toBe('shop.json');
    expect(workspaceFileName('a/b')).toBe('iis-flow-workspace.json');
  });
});
