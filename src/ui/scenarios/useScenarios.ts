/** The scenario store, made once per set of app stores (the composition root need not know of it). */
import { useStore } from 'zustand';
import { SCENARIOS } from '../../scenarios/index.ts';
import type { ProgressStorage } from '../../scenarios/index.ts';
import { createScenarioStore, type ScenarioState, type ScenarioStore } from '../../store/scenarioStore.ts';
import { useStores, type Stores } from '../hooks/stores.ts';

const made = new WeakMap<Stores, ScenarioStore>();

/** localStorage, or nothing where it cannot be reached (progress then lasts the page's life). */
function browserStorage(): ProgressStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function useScenarioStore(): ScenarioStore {
  const stores = useStores();
  let store = made.get(stores);
  if (store === undefined) {
    store = createScenarioStore(SCENARIOS, stores, browserStorage());
    made.set(stores, store);
  }
  return store;
}

export function useScenarios<T>(selector: (state: ScenarioState) => T): T {
  return useStore(useScenarioStore(), selector);
}
