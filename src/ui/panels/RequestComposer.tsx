import { useState, type SyntheticEvent } from 'react';
import type { SimulationRequest } from '../../engine/index.ts';
import { useSimulation, useStores } from '../hooks/stores.ts';
import { PRESETS } from '../outcomes/presets.ts';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'PROPFIND'];

function parseHeaders(text: string): Record<string, string> | string {
  const headers: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return `"${line}" is not a header (Name: value)`;
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

export function RequestComposer() {
  const { simulation } = useStores();
  const busy = useSimulation((s) => s.busy);
  const [method, setMethod] = useState('GET');
  const [url, setUrl] = useState('http://localhost/');
  const [headers, setHeaders] = useState('');
  const [clientIp, setClientIp] = useState('127.0.0.1');
  const [user, setUser] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [load, setLoad] = useState('200');

  const send = (request: SimulationRequest): void => {
    void simulation.getState().send(request);
  };
  const onSubmit = (event: SyntheticEvent): void => {
    event.preventDefault();
    const parsed = parseHeaders(headers);
    if (typeof parsed === 'string') {
      setProblem(parsed);
      return;
    }
    if (url.trim() === '') {
      setProblem('Give a URL, such as http://localhost/');
      return;
    }
    setProblem(undefined);
    send({ method, url: url.trim(), headers: parsed, clientIp: clientIp.trim() === '' ? '127.0.0.1' : clientIp.trim(), ...(user.trim() === '' ? {} : { user: user.trim() }) });
  };

  return (
    <section className="panel composer" aria-labelledby="composer-title">
      <h2 id="composer-title">Request</h2>
      <form onSubmit={onSubmit}>
        <div className="row">
          <label>
            Method
            <select value={method} onChange={(e) => { setMethod(e.target.value); }}>
              {METHODS.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </label>
          <label className="grow">
            URL
            <input type="text" value={url} onChange={(e) => { setUrl(e.target.value); }} spellCheck={false} />
          </label>
        </div>
        <details>
          <summary>Headers, client, user</summary>
          <label>
            Headers
            <textarea rows={2} value={headers} onChange={(e) => { setHeaders(e.target.value); }} placeholder="Accept-Encoding: gzip" spellCheck={false} />
          </label>
          <div className="row">
            <label>
              Client IP
              <input type="text" value={clientIp} onChange={(e) => { setClientIp(e.target.value); }} />
            </label>
            <label>
              User
              <input type="text" value={user} onChange={(e) => { setUser(e.target.value); }} placeholder="alice:alice-pw" />
            </label>
          </div>
        </details>
        {problem !== undefined && (
          <p className="problem" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" disabled={busy}>
          Send
        </button>
      </form>
      <div className="row load">
        <label>
          Load
          <input type="number" min={1} max={5000} value={load} onChange={(e) => { setLoad(e.target.value); }} />
        </label>
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            const count = Math.round(Number(load));
            if (!Number.isFinite(count) || count < 1 || count > 5000) {
              setProblem('A load is 1 to 5,000 requests.');
              return;
            }
            setProblem(undefined);
            void simulation.getState().sendLoad({ method, url: url.trim() }, count);
          }}
        >
          Start load
        </button>
        <span className="hint">sends that many copies of the request at once</span>
      </div>
      <div className="presets" role="group" aria-label="Presets">
        {PRESETS.map((preset) => (
          <button
            key={preset.label}
            type="button"
            title={`${preset.request.method} ${preset.request.url}`}
            onClick={() => {
              setMethod(preset.request.method);
              setUrl(preset.request.url);
              send(preset.request);
            }}
          >
            {preset.label}
          </button>
        ))}
      </div>
    </section>
  );
}
