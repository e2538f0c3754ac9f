/**
 * Which site and which application pool the Server tab shows in its forms. Kept apart from the UI store
 * (the graph's selection) so that the Inspector can open a pool's form ("Edit in Server tab") and the
 * forms can follow a rename, without the graph re-rendering.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export interface ServerSelection {
  site: string | undefined;
  pool: string | undefined;
  selectSite: (name: string | undefined) => void;
  selectPool: (name: string | undefined) => void;
}

export const serverSelection = createStore<ServerSelection>()((set) => ({
  site: undefined,
  pool: undefined,
  selectSite: (name) => { set({ site: name }); },
  selectPool: (name) => { set({ pool: name }); },
}));

export function useServerSelection<T>(selector: (state: ServerSelection) => T): T {
  return useStore(serverSelection, selector);
}
