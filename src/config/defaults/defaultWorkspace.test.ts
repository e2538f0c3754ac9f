import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test-support/sharedFixtures.ts';
import { parseApplicationHost } from '../parse.ts';
import { DEFAULT_APPLICATION_HOST_CONFIG, DEFAULT_SITE_CONTENT } from './defaultApplicationHostConfig.ts';
import { DEFAULT_WWWROOT, defaultContentFor, defaultWorkspace, workspaceForApplicationHost } from './defaultWorkspace.ts';

const FIXTURE_01 = '01-c1982-IIS-SharedGitConfig-4sites-hostheaders.config';

describe('the default content, defined once', () => {
  it('the embedded default workspace is the workspace built for the embedded applicationHost.config', () => {
    expect(defaultWorkspace()).toEqual(workspaceForApplicationHost(DEFAULT_APPLICATION_HOST_CONFIG));
    expect(Object.keys(defaultWorkspace().content)).toEqual([DEFAULT_WWWROOT]);
  });

  it('gives every physical path of fixture 01 a fresh install\'s files, written as the configuration writes it', () => {
    const workspace = workspaceForApplicationHost(readFixture(FIXTURE_01));
    const paths = Object.keys(workspace.content);
    expect(paths).toContain('%SystemDrive%\\inetpub\\wwwroot');
    expect(paths).toContain('C:\\vhosts\\redisoncloud.com\\http');
    expect(paths.length).toBe(4);
    for (const files of Object.values(workspace.content)) expect(files).toEqual(DEFAULT_SITE_CONTENT);
  });

  it('gives each folder its own copy: changing one leaves the others and the defaults alone', () => {
    const content = workspaceForApplicationHost(readFixture(FIXTURE_01)).content;
    const [first, second] = Object.values(content);
    if (first === undefined || second === undefined) throw new Error('fixture 01 has four folders');
    first['iisstart.htm'] = 'changed';
    expect(second['iisstart.htm']).toBe(DEFAULT_SITE_CONTENT['iisstart.htm']);
    expect(DEFAULT_SITE_CONTENT['iisstart.htm']).not.toBe('changed');
  });

  it('counts two spellings of one folder once, and skips an empty physicalPath', () => {
    const config = `<configuration><system.applicationHost>
      <applicationPools><add name="P" /></applicationPools>
      <sites>
        <site name="A" id="1"><application path="/" applicationPool="P"><virtualDirectory path="/" physicalPath="%SystemDrive%\\inetpub\\wwwroot" /></application>
          <bindings><binding protocol="http" bindingInformation="*:80:" /></bindings></site>
        <site name="B" id="2"><application path="/" applicationPool="P"><virtualDirectory path="/" physicalPath="C:\\inetpub\\wwwroot\\" />
          <virtualDirectory path="/empty" physicalPath="" /></application>
          <bindings><binding protocol="http" bindingInformation="*:81:" /></bindings></site>
      </sites></system.applicationHost></configuration>`;
    expect(Object.keys(defaultContentFor(parseApplicationHost(config).model))).toEqual(['%SystemDrive%\\inetpub\\wwwroot']);
  });

  it('uses given content as it is, and keeps given users', () => {
    const content = { 'C:\\site': { 'a.htm': 'A' } };
    const users = [{ name: 'carol', password: 'pw', groups: [] }];
    const workspace = workspaceForApplicationHost(readFixture(FIXTURE_01), { content, users });
    expect(workspace.content).toBe(content);
    expect(workspace.users).toBe(users);
  });
});
