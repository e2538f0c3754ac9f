/** Runs a configuration edit through the workspace store (one undo step with its label). */
import { useCallback } from 'react';
import type { ConfigEdit } from '../../config/index.ts';
import { useStores } from '../hooks/stores.ts';

/**
 * Returns `run(edit, label)`: makes the edit, or returns why it cannot be made (the edit helpers'
 * message, such as "A site named X already exists.", or the store's when the XML is broken).
 */
export function useConfigEdit(): (edit: ConfigEdit | string, label: string) => string | undefined {
  const { workspace } = useStores();
  return useCallback((edit: ConfigEdit | string, label: string): string | undefined => (typeof edit === 'string' ? edit : workspace.getState().edit(edit, label)), [workspace]);
}
