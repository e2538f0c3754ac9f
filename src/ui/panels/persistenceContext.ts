/** The persistence store (is the workspace saved, and what to do when it is not), provided by the composition root. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { PersistenceState, PersistenceStore } from '../../store/autosave.ts';

export const PersistenceContext = createContext<PersistenceStore | null>(null);

export function usePersistenceStore(): PersistenceStore {
  const store = useContext(PersistenceContext);
  if (store === null) throw new Error('The persistence store is not provided');
  return store;
}

export function usePersistence<T>(selector: (state: PersistenceState) => T): T {
  return useStore(usePersistenceStore(), selector);
}
