import { describe, expect, it } from 'vitest';
import { DEFAULT_APPLICATION_HOST_CONFIG, parseApplicationHost } from '../../config/index.ts';
import { readFixture } from '../../../test-support/sharedFixtures.ts';
import { toConfigGraph } from './configGraph.ts';

describe('toConfigGraph', () => {
  it('draws the default site, its root application and every pool', () => {
    const { nodes, edges } = toConfigGraph(parseApplicationHost(DEFAULT_APPLICATION_HOST_CONFIG).model);
    const labels = nodes.map((n) => `${n.type}:${n.data.label}`);
    expect(labels).toContain('site:Default Web Site');
    expect(labels).toContain('application:Default Web Site/');
    expect(labels).toContain('applicationPool:DefaultAppPool');
    expect(labels).toContain('applicationPool:.NET v4.5 Classic');
    expect(edges).toContainEqual({ id: 'app:Default Web Site:/->pool:defaultapppool', source: 'app:Default Web Site:/', target: 'pool:defaultapppool' });
  });

  it('gives every node a distinct id and position, and every edge real ends (62 sites)', () => {
    const { nodes, edges } = toConfigGraph(parseApplicationHost(readFixture('12-shubham23nov-Web-Service-Health-Check-62sites.config')).model);
    const ids = new Set(nodes.map((n) => n.id));
    expect(ids.size).toBe(nodes.length);
    const positions = new Set(nodes.map((n) => `${String(n.position.x)},${String(n.position.y)}`));
    expect(positions.size).toBe(nodes.length);
    for (const edge of edges) {
      expect(ids.has(edge.source)).toBe(true);
      expect(ids.has(edge.target)).toBe(true);
    }
    expect(nodes.filter((n) => n.type === 'site')).toHaveLength(62);
  });

  it('marks a pool that an application names but nobody defines', () => {
    const text = '<configuration><system.applicationHost><sites><site name="S" id="1"><application path="/" applicationPool="Ghost"><virtualDirectory path="/" physicalPath="C:\\s" /></application></site></sites></system.applicationHost></configuration>';
    const { nodes } = toConfigGraph(parseApplicationHost(text).model);
    expect(nodes.find((n) => n.id === 'pool:ghost')?.data).toMatchObject({ label: 'Ghost', missing: true });
  });
});
