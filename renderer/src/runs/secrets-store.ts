/**
 * Stored credentials as the run view sees them: names only. A value goes from the password field
 * straight into `secrets:set` and is never kept here, so it cannot leak into state, logs or a
 * re-render. Framework-free zustand store.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ErrorInfo } from '../../../shared/errors';
import type { PushLabBridge } from '../../../shared/ipc';

/** Same rule as the core's secret store. */
export const SECRET_NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export interface SecretsState {
  /** null until loaded, or when this shell has no store (then `error` says so). */
  readonly names: readonly string[] | null;
  readonly error: ErrorInfo | null;
  readonly saving: boolean;
  /** The name last saved, for the confirmation line. */
  readonly saved: string | null;
}

export interface SecretsActions {
  load(): Promise<void>;
  /** Stores the value; false (and nothing sent) when the name or value is unusable. */
  save(name: string, value: string): Promise<boolean>;
  remove(name: string): Promise<void>;
}

export type SecretsStore = StoreApi<SecretsState & SecretsActions>;

/** Problems with what was typed, as message ids; empty when it can be saved. */
export function secretInputProblems(
  name: string,
  value: string,
): Array<'runs.secrets.nameInvalid' | 'runs.secrets.valueEmpty'> {
  const problems: Array<'runs.secrets.nameInvalid' | 'runs.secrets.valueEmpty'> = [];
  if (!SECRET_NAME.test(name)) problems.push('runs.secrets.nameInvalid');
  if (value.length === 0) problems.push('runs.secrets.valueEmpty');
  return problems;
}

export function createSecretsStore(bridge: PushLabBridge): SecretsStore {
  return createStore<SecretsState & SecretsActions>()((set, get) => ({
    names: null,
    error: null,
    saving: false,
    saved: null,

    async load() {
      const result = await bridge.invoke('secrets:names');
      set(result.ok ? { names: result.value, error: null } : { names: null, error: result.error });
    },

    async save(name, value) {
      if (get().saving || secretInputProblems(name, value).length > 0) return false;
      set({ saving: true, error: null, saved: null });
      const result = await bridge.invoke('secrets:set', { name, value });
      set({ saving: false, ...(result.ok ? { saved: name } : { error: result.error }) });
      if (result.ok) await get().load();
      return result.ok;
    },

    async remove(name) {
      const result = await bridge.invoke('secrets:delete', name);
      if (!result.ok) return set({ error: result.error });
      set({ saved: get().saved === name ? null : get().saved });
      await get().load();
    },
  }));
}
