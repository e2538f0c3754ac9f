/** UI state: the selected graph node and the groups the user expanded. */
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface UiState {
  selectedNode: string | undefined;
  expanded: ReadonlySet<string>;
  selectNode: (id: string | undefined) => void;
  toggleExpanded: (group: string) => void;
}

export type UiStore = StoreApi<UiState>;

export function createUiStore(): UiStore {
  return createStore<UiState>()((set, get) => ({
    selectedNode: undefined,
    expanded: new Set<string>(),
    selectNode: (id) => { set({ selectedNode: id }); },
    toggleExpanded: (group) => {
      const expanded = new Set(get().expanded);
      if (expanded.has(group)) expanded.delete(group);
      else expanded.add(group);
      set({ expanded });
    },
  }));
}
