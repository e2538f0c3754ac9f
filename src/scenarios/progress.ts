/**
 * Progress through the scenarios, kept in the browser: which are completed and the best Predict score of
 * each. Storage may be missing or refuse (private windows, quotas): progress then lasts the page's life.
 */
export interface ScenarioProgress {
  completed: boolean;
  /** The best number of Predict questions answered right in one run (of three). */
  bestScore: number;
}

export type ProgressMap = Readonly<Record<string, ScenarioProgress>>;

/** What progress needs of localStorage. */
export interface ProgressStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const PROGRESS_KEY = 'iis-flow:scenario-progress:v1';

export function readProgress(storage: ProgressStorage | undefined): ProgressMap {
  try {
    const text = storage?.getItem(PROGRESS_KEY);
    if (text === null || text === undefined) return {};
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null) return {};
    const progress: Record<string, ScenarioProgress> = {};
    for (const [id, value] of Object.entries(data as Record<string, unknown>)) {
      if (typeof value !== 'object' || value === null) continue;
      const { completed, bestScore } = value as Record<string, unknown>;
      progress[id] = { completed: completed === true, bestScore: typeof bestScore === 'number' ? Math.max(0, Math.min(3, Math.round(bestScore))) : 0 };
    }
    return progress;
  } catch {
    return {};
  }
}

/** Writes progress; false when the storage refused. */
export function writeProgress(storage: ProgressStorage | undefined, progress: ProgressMap): boolean {
  try {
    if (storage === undefined) return false;
    storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}

/** Records a finished run: completed, and the best score kept. */
export function recordRun(progress: ProgressMap, id: string, score: number): ProgressMap {
  const before = progress[id];
  return { ...progress, [id]: { completed: true, bestScore: Math.max(before?.bestScore ?? 0, score) } };
}
