import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test-support/sharedFixtures.ts';
import { applyEdit, defaultContentFor, defaultWorkspace, parseApplicationHost, type SiteContent } from '../../config/index.ts';
import { buildFolderTree, findItem, flattenTree, itemId, listPhysicalRoots, OPEN_ROOTS_LIMIT, problemFileIds, servedUrls, siteOrigin, treeOf } from './fileTree.ts';

const fixture01 = () => parseApplicationHost(readFixture('01-c1982-IIS-SharedGitConfig-4sites-hostheaders.config')).model;
const fixture06 = () => parseApplicationHost(readFixture('06-mlbakerak-WinIRISBuild-nested-apps.config')).model;

describe('listPhysicalRoots', () => {
  it('lists each physical path the virtual directories name, with the site and URL serving it, on fixture 01', () => {
    const roots = listPhysicalRoots(fixture01(), {});
    expect(roots.map((r) => r.physicalPath)).toEqual([
      '%SystemDrive%\\inetpub\\wwwroot',
      'C:\\vhosts\\redisoncloud.com\\http',
      'C:\\vhosts\\ikinci.com\\http',
      'C:\\vhosts\\deneme.com\\http',
    ]);
    expect(roots[1]?.servedBy).toEqual([{ site: 'redisoncloud.com', virtualPath: '/', origin: 'http://redisoncloud.com' }]);
    expect(roots.every((r) => treeOf(r).fileCount === 0)).toBe(true);
  });

  it('joins the virtual directories that share a folder, and a content key written another way, into one path', () => {
    const content: SiteContent = { 'c:/irissys/CSP/': { 'index.csp': 'x' }, 'D:\\orphan': { 'a.txt': 'a' } };
    const roots = listPhysicalRoots(fixture06(), content);
    const csp = roots.find((r) => r.physicalPath === 'C:\\IRISSys\\csp');
    expect(csp?.servedBy.map((s) => s.virtualPath)).toEqual(['/csp', '/iris', '/iris/csp', '/iris/isc']);
    expect((csp === undefined ? undefined : treeOf(csp))?.files.map((f) => f.name)).toEqual(['index.csp']);
    // A path only the content holds is listed last, served by nothing.
    expect(roots.at(-1)).toMatchObject({ physicalPath: 'D:\\orphan', servedBy: [] });
  });
});

describe('buildFolderTree', () => {
  it('makes folders from the files in them, folders first, names sorted as Explorer does', () => {
    const tree = buildFolderTree({ 'b.htm': 'b', 'A.htm': 'a', 'file10.htm': '', 'file9.htm': '', 'shop/web.config': '<configuration/>', 'shop/img/logo.png': { text: 'png', hidden: true } });
    expect(tree.folders.map((f) => f.name)).toEqual(['shop']);
    expect(tree.files.map((f) => f.name)).toEqual(['A.htm', 'b.htm', 'file9.htm', 'file10.htm']);
    expect(tree.fileCount).toBe(6);
    const shop = tree.folders[0];
    expect(shop?.folders[0]?.files[0]).toEqual({ name: 'logo.png', path: 'shop/img/logo.png', hidden: true, readers: undefined, size: 3 });
  });
});

describe('servedUrls', () => {
  it('gives a file the URL of each virtual directory that reaches it, with the binding as a browser would type it', () => {
    const { model } = parseApplicationHost(defaultWorkspace().applicationHostConfig);
    const wwwroot = listPhysicalRoots(model, {})[0];
    if (wwwroot === undefined) throw new Error('no wwwroot');
    expect(servedUrls(model, wwwroot, 'shop/index.htm', false)).toEqual([
      { site: 'Default Web Site', urlPath: '/shop/index.htm', url: 'http://localhost/shop/index.htm' },
    ]);
  });

  it('leaves out a URL that a deeper application takes elsewhere (fixture 06: /iris/csp is its own application)', () => {
    const model = fixture06();
    const csp = listPhysicalRoots(model, { 'C:\\IRISSys\\csp': { 'csp/a.htm': '' } }).find((r) => r.physicalPath === 'C:\\IRISSys\\csp');
    if (csp === undefined) throw new Error('no csp');
    expect(servedUrls(model, csp, 'csp', true).map((u) => u.urlPath)).toEqual(['/csp/csp/', '/iris/csp/csp/', '/iris/isc/csp/']);
    expect(servedUrls(model, csp, '', true).map((u) => u.urlPath)).toEqual(['/csp/', '/iris/', '/iris/csp/', '/iris/isc/']);
  });
});

describe('siteOrigin', () => {
  it('turns bindings into URLs: a port that is not the default, an IP, a wildcard host, https', () => {
    const site = (protocol: string, bindingInformation: string) => {
      const text = `<configuration><system.applicationHost><sites><site name="S" id="1"><bindings><binding protocol="${protocol}" bindingInformation="${bindingInformation}" /></bindings></site></sites></system.applicationHost></configuration>`;
      const parsed = parseApplicationHost(text).model.sites.sites[0];
      if (parsed === undefined) throw new Error('no site');
      return siteOrigin(parsed);
    };
    expect(site('http', '*:8080:')).toBe('http://localhost:8080');
    expect(site('http', '10.0.0.5:80:')).toBe('http://10.0.0.5');
    expect(site('https', '*:443:*.contoso.com')).toBe('https://www.contoso.com');
    expect(site('net.tcp', '808:*')).toBeUndefined();
  });
});

describe('flattenTree and findItem', () => {
  it('opens physical paths and closes folders until toggled, and finds an item again by its id', () => {
    const roots = listPhysicalRoots(fixture01(), { '%SystemDrive%\\inetpub\\wwwroot': { 'a.htm': '', 'Shop/b.htm': '' } });
    const wwwroot = roots[0];
    if (wwwroot === undefined) throw new Error('no wwwroot');
    const closed = flattenTree(roots, new Set());
    expect(closed.slice(0, 3).map((r) => [r.kind, r.depth])).toEqual([['root', 0], ['folder', 1], ['file', 1]]);
    const open = flattenTree(roots, new Set([itemId(wwwroot, 'shop')]));
    expect(open.slice(0, 4).map((r) => r.id)).toEqual([itemId(wwwroot, ''), itemId(wwwroot, 'shop'), itemId(wwwroot, 'Shop/b.htm'), itemId(wwwroot, 'a.htm')]);
    expect(flattenTree(roots, new Set([itemId(wwwroot, '')])).filter((r) => r.root === wwwroot)).toHaveLength(1);
    expect(findItem(roots, itemId(wwwroot, 'SHOP/B.HTM'))).toMatchObject({ kind: 'file', file: { path: 'Shop/b.htm' } });
    expect(findItem(roots, itemId(wwwroot, 'shop'))).toMatchObject({ kind: 'folder', folder: { name: 'Shop', fileCount: 1 } });
    expect(findItem(roots, itemId(wwwroot, 'gone.htm'))).toBeUndefined();
  });
});

describe('a server with many physical paths (fixture 12, 62 sites)', () => {
  const model = parseApplicationHost(readFixture('12-shubham23nov-Web-Service-Health-Check-62sites.config')).model;

  it('starts with its physical paths closed, so the tree lists the paths, not every file', () => {
    const content = defaultContentFor(model);
    const roots = listPhysicalRoots(model, content);
    expect(roots.length).toBeGreaterThan(OPEN_ROOTS_LIMIT);
    const rows = flattenTree(roots, new Set());
    expect(rows.every((r) => r.kind === 'root' && !r.expanded)).toBe(true);
    const first = roots[0];
    if (first === undefined) throw new Error('no root');
    const opened = flattenTree(roots, new Set([itemId(first, '')]));
    expect(opened.filter((r) => r.kind === 'file').length).toBe(treeOf(first).fileCount);
  });

  it('builds a tree once per version of a folder: an edit to one path leaves the others built', () => {
    const workspace = { applicationHostConfig: '', content: defaultContentFor(model) };
    const before = listPhysicalRoots(model, workspace.content);
    const [a, b] = before;
    if (a === undefined || b === undefined) throw new Error('two roots needed');
    const treeA = treeOf(a);
    const treeB = treeOf(b);
    const edited = applyEdit(workspace, { op: 'writeFile', physicalPath: a.physicalPath, relativePath: 'new.htm', text: 'x' });
    if (!edited.ok) throw new Error(edited.message);
    const after = listPhysicalRoots(model, edited.workspace.content);
    expect(treeOf(after[1] ?? b)).toBe(treeB);
    expect(treeOf(after[0] ?? a)).not.toBe(treeA);
    expect(treeOf(after[0] ?? a).files.map((f) => f.name)).toContain('new.htm');
  });
});

describe('problemFileIds', () => {
  it('finds the tree item of a web.config the store flags, under the deepest physical path holding it', () => {
    const roots = listPhysicalRoots(fixture06(), { 'C:\\IRISSys\\csp': { 'a/web.config': '<configuration>' } });
    const csp = roots.find((r) => r.physicalPath === 'C:\\IRISSys\\csp');
    if (csp === undefined) throw new Error('no csp');
    const ids = problemFileIds(roots, ['c:\\irissys\\csp\\A\\web.config', 'D:\\elsewhere\\web.config']);
    expect([...ids]).toEqual([itemId(csp, 'a/web.config')]);
  });

  it('gives each row its place among its siblings, for a tree that draws only some rows', () => {
    const roots = listPhysicalRoots(fixture06(), { 'C:\\IRISSys\\csp': { 'a/x.htm': '', 'b.htm': '', 'c.htm': '' } });
    const rows = flattenTree(roots, new Set());
    const csp = rows.filter((r) => r.root.physicalPath === 'C:\\IRISSys\\csp').map((r) => [r.depth, r.position, r.siblings]);
    expect(csp).toEqual([[0, 2, 2], [1, 1, 3], [1, 2, 3], [1, 3, 3]]);
  });
});
