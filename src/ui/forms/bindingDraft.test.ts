import { describe, expect, it } from 'vitest';
import { applyEdit, defaultWorkspace, editBinding, parseApplicationHost, type ApplicationHostConfig } from '../../config/index.ts';
import { bindingInformationOf, checkBindingDraft, draftFromBinding, newBindingDraft, sslFlagsOf, withProtocol } from './bindingDraft.ts';

const model = (): ApplicationHostConfig => parseApplicationHost(defaultWorkspace().applicationHostConfig).model;

describe('binding drafts', () => {
  it('writes IP:port:host, with * for an empty IP and brackets around IPv6', () => {
    expect(bindingInformationOf({ ...newBindingDraft(), hostName: 'shop.example' })).toBe('*:80:shop.example');
    expect(bindingInformationOf({ ...newBindingDraft(), ipAddress: '', port: '8080' })).toBe('*:8080:');
    expect(bindingInformationOf({ ...newBindingDraft(), ipAddress: '::1' })).toBe('[::1]:80:');
    expect(bindingInformationOf({ ...newBindingDraft('net.tcp'), information: ' 808:* ' })).toBe('808:*');
  });

  it('reads a binding back into its parts, keeping sslFlags bits the form does not show', () => {
    const draft = draftFromBinding({ protocol: 'https', bindingInformation: '10.0.0.1:443:shop.example', sslFlags: 3, endpoint: undefined });
    expect(draft).toMatchObject({ protocol: 'https', ipAddress: '10.0.0.1', port: '443', hostName: 'shop.example', sni: true, otherSslFlags: 2 });
    expect(sslFlagsOf({ ...draft, sni: false })).toBe(2);
    expect(sslFlagsOf({ ...draft, protocol: 'http' })).toBe(0);
  });

  it('moves to the new protocol\'s default port only when the port was the old default', () => {
    expect(withProtocol(newBindingDraft('http'), 'https').port).toBe('443');
    expect(withProtocol({ ...newBindingDraft('http'), port: '8080' }, 'https').port).toBe('8080');
    expect(withProtocol({ ...newBindingDraft('https'), sni: true }, 'http').sni).toBe(false);
  });

  it('puts each problem beside its field, as HTTP.sys would refuse it', () => {
    const m = model();
    expect(checkBindingDraft(m, { ...newBindingDraft(), port: '99999' })).toEqual({ field: 'port', message: 'The port "99999" is not a number from 1 to 65535.' });
    expect(checkBindingDraft(m, { ...newBindingDraft(), ipAddress: '300.1.1.1', port: '99999' })?.field).toBe('ipAddress');
    expect(checkBindingDraft(m, { ...newBindingDraft(), hostName: 'a*.example' })?.field).toBe('hostName');
    expect(checkBindingDraft(m, { ...newBindingDraft('https'), sni: true })?.field).toBe('sni');
    expect(checkBindingDraft(m, { ...newBindingDraft('net.tcp'), information: 'x' })?.field).toBe('information');
    // Default Web Site already has http *:80:.
    expect(checkBindingDraft(m, newBindingDraft())).toMatchObject({ field: 'binding', message: expect.stringMatching(/Default Web Site/) as unknown });
    expect(checkBindingDraft(m, { ...newBindingDraft(), hostName: 'shop.example' })).toBeUndefined();
    expect(checkBindingDraft(m, { ...newBindingDraft('https'), sni: true, hostName: 'shop.example' })).toBeUndefined();
  });

  it('lets the binding being edited keep its own endpoint', () => {
    const m = model();
    expect(checkBindingDraft(m, newBindingDraft(), { site: 'Default Web Site', index: 0 })).toBeUndefined();
    const edit = editBinding(m, 'Default Web Site', 0, 'http', bindingInformationOf({ ...newBindingDraft(), hostName: 'a.example' }));
    if (typeof edit === 'string') throw new Error(edit);
    const result = applyEdit(defaultWorkspace(), edit);
    expect(result.ok && parseApplicationHost(result.workspace.applicationHostConfig).model.sites.sites[0]?.bindings[0]?.bindingInformation).toBe('*:80:a.example');
  });
});
