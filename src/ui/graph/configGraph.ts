/**
 * Derives the configuration graph (sites -> applications -> application pools) from the model. Pure:
 * no React, so it is tested in Node. The graph is derived, never a second hand-kept copy.
 */
import type { ApplicationHostConfig } from '../../config/index.ts';

export type ConfigNodeData =
  | { kind: 'site'; label: string; id: number; bindings: string[]; serverAutoStart: boolean }
  | { kind: 'application'; label: string; path: string; siteName: string; physicalPath: string; enabledProtocols: string }
  | {
      kind: 'applicationPool';
      label: string;
      managedPipelineMode: string;
      managedRuntimeVersion: string;
      startMode: string;
      /** True when an application names this pool but <applicationPools> does not define it. */
      missing: boolean;
    };

export interface ConfigGraphNode {
  id: string;
  type: ConfigNodeData['kind'];
  position: { x: number; y: number };
  data: ConfigNodeData;
}

export interface ConfigGraphEdge {
  id: string;
  source: string;
  target: string;
}

const COLUMN = { site: 0, application: 340, applicationPool: 700 } as const;
const ROW = 96;

const poolId = (name: string): string => `pool:${name.toLowerCase()}`;

export function toConfigGraph(model: ApplicationHostConfig): { nodes: ConfigGraphNode[]; edges: ConfigGraphEdge[] } {
  const nodes: ConfigGraphNode[] = [];
  const edges: ConfigGraphEdge[] = [];
  const declared = new Set(model.applicationPools.pools.map((p) => p.name.toLowerCase()));
  /** Pool id -> the row of the first application that uses it. */
  const firstUse = new Map<string, number>();
  /** Pools named by applications but not declared, by id. */
  const missing = new Map<string, string>();
  let row = 0;

  for (const site of model.sites.sites) {
    const siteId = `site:${String(site.id)}:${site.name}`;
    const firstRow = row;
    for (const application of site.applications) {
      const applicationId = `app:${site.name}:${application.path}`;
      nodes.push({
        id: applicationId,
        type: 'application',
        position: { x: COLUMN.application, y: row * ROW },
        data: {
          kind: 'application',
          label: `${site.name}${application.path}`,
          path: application.path,
          siteName: site.name,
          physicalPath: application.virtualDirectories.find((v) => v.path === '/')?.physicalPath ?? '',
          enabledProtocols: application.enabledProtocols,
        },
      });
      edges.push({ id: `${siteId}->${applicationId}`, source: siteId, target: applicationId });
      const poolName = application.applicationPool;
      if (poolName !== '') {
        const id = poolId(poolName);
        if (!firstUse.has(id)) firstUse.set(id, row);
        if (!declared.has(poolName.toLowerCase())) missing.set(id, poolName);
        edges.push({ id: `${applicationId}->${id}`, source: applicationId, target: id });
      }
      row++;
    }
    const lastRow = Math.max(firstRow, row - 1);
    if (site.applications.length === 0) row++;
    nodes.push({
      id: siteId,
      type: 'site',
      position: { x: COLUMN.site, y: ((firstRow + lastRow) / 2) * ROW },
      data: { kind: 'site', label: site.name, id: site.id, bindings: site.bindings.map((b) => `${b.protocol} ${b.bindingInformation}`), serverAutoStart: site.serverAutoStart },
    });
  }

  // A pool sits beside the first application that uses it; unused and missing pools follow below.
  const usedRows = new Set<number>();
  const place = (id: string): number => {
    const preferred = firstUse.get(id);
    if (preferred !== undefined && !usedRows.has(preferred)) {
      usedRows.add(preferred);
      return preferred;
    }
    return row++;
  };
  for (const pool of model.applicationPools.pools) {
    const id = poolId(pool.name);
    nodes.push({
      id,
      type: 'applicationPool',
      position: { x: COLUMN.applicationPool, y: place(id) * ROW },
      data: {
        kind: 'applicationPool',
        label: pool.name,
        managedPipelineMode: pool.managedPipelineMode,
        managedRuntimeVersion: pool.managedRuntimeVersion === '' ? 'No Managed Code' : pool.managedRuntimeVersion,
        startMode: pool.startMode,
        missing: false,
      },
    });
  }
  for (const [id, name] of missing) {
    nodes.push({
      id,
      type: 'applicationPool',
      position: { x: COLUMN.applicationPool, y: place(id) * ROW },
      data: { kind: 'applicationPool', label: name, managedPipelineMode: '', managedRuntimeVersion: '', startMode: '', missing: true },
    });
  }
  return { nodes, edges };
}
