/**
 * Requests people send to learn something: each shows one part of IIS at work, and ends as its name
 * says on the default workspace (presets.test.ts runs each through the engine).
 */
import type { SimulationRequest } from '../../engine/index.ts';

export interface Preset {
  label: string;
  request: SimulationRequest;
  /** How it ends on the default workspace: `status.substatus` and who decides it. */
  ends: { code: string; decidedBy: string };
}

export const PRESETS: readonly Preset[] = [
  { label: 'Home page', request: { method: 'GET', url: 'http://localhost/' }, ends: { code: '200.0', decidedBy: 'DefaultDocumentModule' } },
  { label: 'Static file', request: { method: 'GET', url: 'http://localhost/iisstart.htm' }, ends: { code: '200.0', decidedBy: 'StaticFileModule' } },
  { label: 'Blocked extension (.mdb)', request: { method: 'GET', url: 'http://localhost/x.mdb' }, ends: { code: '404.7', decidedBy: 'RequestFilteringModule' } },
  // The file is not there: the core's MAP_REQUEST_HANDLER finds no file and sets 404.0 (FREB: ModuleName "IIS Web Core").
  { label: 'Missing file', request: { method: 'GET', url: 'http://localhost/missing.htm' }, ends: { code: '404.0', decidedBy: 'IIS Web Core' } },
  { label: 'ASP.NET page', request: { method: 'GET', url: 'http://localhost/hello.aspx' }, ends: { code: '200.0', decidedBy: 'ManagedPipelineHandler' } },
  // An extension requestFiltering allows (.dll is not in fileExtensions), so the hidden segment "bin"
  // is what refuses it: 404.8. (/App_Data/db.mdf is 404.8 too: hiddenSegments is checked before fileExtensions.)
  { label: 'Hidden segment', request: { method: 'GET', url: 'http://localhost/bin/App.dll' }, ends: { code: '404.8', decidedBy: 'RequestFilteringModule' } },
  // No binding has port 8081: HTTP.sys matches no URL group and answers 400 Bad Request - Invalid Hostname itself.
  { label: 'Unknown host name', request: { method: 'GET', url: 'http://localhost:8081/' }, ends: { code: '400.0', decidedBy: 'HTTP.sys' } },
  { label: 'POST to a static file', request: { method: 'POST', url: 'http://localhost/iisstart.htm' }, ends: { code: '405.0', decidedBy: 'StaticFileModule' } },
];
