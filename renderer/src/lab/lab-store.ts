/**
 * The virtual lab as the UI sees it: status from `lab:status` and `lab:changed`, and the
 * start / stop / plug actions. Framework-free zustand store.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { VirtualLabStatus } from '../../../shared/domain/lab';
import type { ErrorInfo } from '../../../shared/errors';
import type { PushLabBridge } from '../../../shared/ipc';
import type { Result } from '../../../shared/result';

export interface LabState {
  readonly status: VirtualLabStatus | null;
  readonly busy: 'starting' | 'stopping' | null;
  /** Phones whose plug/unplug request is in flight. */
  readonly pending: readonly string[];
  readonly error: ErrorInfo | null;
}

export interface LabActions {
  start(): () => void;
  load(): Promise<void>;
  startLab(phones?: number): Promise<void>;
  stopLab(): Promise<void>;
  plug(phoneId: string, plugged: boolean): Promise<void>;
  clearError(): void;
}

export type LabStore = StoreApi<LabState & LabActions>;

/** Creates the virtual lab store over a bridge. */
export function createLabStore(bridge: PushLabBridge): LabStore {
  return createStore<LabState & LabActions>()((set, get) => {
    const settle = (result: Result<VirtualLabStatus>) => {
      if (result.ok) set({ status: result.value, error: null });
      else set({ error: result.error });
    };

    return {
      status: null,
      busy: null,
      pending: [],
      error: null,

      start() {
        const off = bridge.on('lab:changed', (status) => set({ status }));
        void get().load();
        return off;
      },

      async load() {
        const result = await bridge.invoke('lab:status');
        // No lab configured is not an error worth a banner: the start button reports it.
        if (result.ok) set({ status: result.value });
      },

      async startLab(phones) {
        if (get().busy) return;
        set({ busy: 'starting', error: null });
        settle(await bridge.invoke('lab:start', phones === undefined ? {} : { phones }));
        set({ busy: null });
      },

      async stopLab() {
        if (get().busy) return;
        set({ busy: 'stopping', error: null });
        settle(await bridge.invoke('lab:stop'));
        set({ busy: null });
      },

      async plug(phoneId, plugged) {
        if (get().pending.includes(phoneId)) return;
        set({ pending: [...get().pending, phoneId], error: null });
        settle(await bridge.invoke('lab:plug', phoneId, plugged));
        set({ pending: get().pending.filter((id) => id !== phoneId) });
      },

      clearError() {
        set({ error: null });
      },
    };
  });
}
