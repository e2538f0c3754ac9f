import { useReactFlow } from '@xyflow/react';
import { useState, type SyntheticEvent } from 'react';
import { useStores } from '../hooks/stores.ts';
import type { ArchitectureNode } from './architecture.ts';
import { READABLE_ZOOM } from './legibility.ts';

/** Finds a node by name (a pool, a site's URL group, "w3wp", "HTTP.sys"), selects it and centres it. */
export function NodeSearch({ nodes }: { nodes: readonly ArchitectureNode[] }) {
  const { ui } = useStores();
  const { setCenter } = useReactFlow();
  const [text, setText] = useState('');
  const [message, setMessage] = useState('');
  const onSubmit = (event: SyntheticEvent): void => {
    event.preventDefault();
    const wanted = text.trim().toLowerCase();
    if (wanted === '') return;
    const match =
      nodes.find((n) => n.type !== 'band' && n.data.label.toLowerCase() === wanted) ??
      nodes.find((n) => n.type !== 'band' && n.data.label.toLowerCase().includes(wanted)) ??
      nodes.find((n) => n.data.lines.some((line) => line.toLowerCase().includes(wanted)));
    if (match === undefined) {
      setMessage(`No node is named like "${text.trim()}".`);
      return;
    }
    setMessage('');
    ui.getState().selectNode(match.id);
    ui.getState().setViewHeld(true);
    void setCenter(match.position.x + match.width / 2, match.position.y + match.height / 2, { zoom: READABLE_ZOOM, duration: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 300 });
  };
  return (
    <form onSubmit={onSubmit} role="search" className="node-search">
      <label>
        Find a node
        <input type="search" value={text} onChange={(e) => { setText(e.target.value); }} placeholder="w3wp, HTTP.sys…" />
      </label>
      {message !== '' && (
        <span className="problem" role="alert">
          {message}
        </span>
      )}
    </form>
  );
}
