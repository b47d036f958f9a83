/**
 * The Lab hosts panel's state: the saved list with each host's state (hosts:list, refreshed on
 * every devices:changed while the panel is open), the rows being edited, per-row checks, and the
 * save. Framework-free zustand store; the rules are in hosts-draft.ts.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LabHostCheck, LabHostsSetting } from '../../../shared/domain/lab-host';
import type { ErrorInfo } from '../../../shared/errors';
import type { PushLabBridge } from '../../../shared/ipc';
import {
  DEFAULT_ADB_PORT,
  draftChanged,
  draftOf,
  draftProblems,
  hostOfRow,
  hostsToSave,
  nextHostName,
  parsePort,
  tooManyHosts,
  type DraftField,
  type DraftHost,
} from './hosts-draft';

export interface HostCheckState {
  readonly status: 'checking' | 'ok' | 'failed';
  /** The address:port checked: a result is shown only while the row still says the same. */
  readonly target: string;
  readonly result: LabHostCheck | null;
  readonly error: ErrorInfo | null;
}

export interface HostsState {
  readonly open: boolean;
  readonly setting: LabHostsSetting | null;
  readonly loadError: ErrorInfo | null;
  /** The hosts after the primary, as edited. */
  readonly draft: readonly DraftHost[];
  /** A save was tried with problems: empty fields are flagged too. */
  readonly attempted: boolean;
  readonly saving: boolean;
  readonly saveError: ErrorInfo | null;
  /** The file of the last successful save, until the next edit. */
  readonly savedTo: string | null;
  /** Per row id (the primary's is "primary"). */
  readonly checks: Readonly<Record<string, HostCheckState>>;
}

export interface HostsActions {
  /** Follows devices:changed (host states) while open; returns the unsubscribe function. */
  start(): () => void;
  setOpen(open: boolean): void;
  load(): Promise<void>;
  add(): void;
  edit(id: string, field: DraftField, value: string): void;
  remove(id: string): void;
  discard(): void;
  check(id: string): Promise<void>;
  save(): Promise<void>;
}

export type HostsStore = StoreApi<HostsState & HostsActions>;

export const PRIMARY_ROW = 'primary';

const targetOf = (address: string, port: number): string => `${address}:${port}`;

export function createHostsStore(bridge: PushLabBridge): HostsStore {
  let rowCount = 0;
  let loadSeq = 0;

  return createStore<HostsState & HostsActions>()((set, get) => {
    const primary = () => get().setting?.hosts.find((h) => h.primary) ?? null;
    const changed = () => draftChanged(get().setting?.hosts ?? [], get().draft);

    return {
      open: false,
      setting: null,
      loadError: null,
      draft: [],
      attempted: false,
      saving: false,
      saveError: null,
      savedTo: null,
      checks: {},

      start() {
        return bridge.on('devices:changed', () => {
          if (get().open) void get().load();
        });
      },

      setOpen(open) {
        set({ open });
        if (open) void get().load();
      },

      async load() {
        loadSeq += 1;
        const seq = loadSeq;
        const result = await bridge.invoke('hosts:list');
        if (seq !== loadSeq) return;
        if (!result.ok) {
          set({ loadError: result.error });
          return;
        }
        // Unsaved edits stay; an untouched list follows the saved one.
        const keepDraft = get().setting !== null && changed();
        set({
          setting: result.value,
          loadError: null,
          ...(keepDraft ? {} : { draft: draftOf(result.value.hosts) }),
        });
      },

      add() {
        if (tooManyHosts(get().draft)) return;
        rowCount += 1;
        const row: DraftHost = {
          id: `new:${rowCount}`,
          name: nextHostName(primary(), get().draft),
          address: '',
          port: DEFAULT_ADB_PORT,
        };
        set({ draft: [...get().draft, row], savedTo: null });
      },

      edit(id, field, value) {
        set({
          draft: get().draft.map((row) => (row.id === id ? { ...row, [field]: value } : row)),
          savedTo: null,
          saveError: null,
        });
      },

      remove(id) {
        set({ draft: get().draft.filter((row) => row.id !== id), savedTo: null, saveError: null });
      },

      discard() {
        set({ draft: draftOf(get().setting?.hosts ?? []), attempted: false, saveError: null });
      },

      async check(id) {
        const first = primary();
        const row = id === PRIMARY_ROW ? null : get().draft.find((r) => r.id === id);
        const host = id === PRIMARY_ROW ? first : row ? hostOfRow(row) : null;
        const port = host?.port ?? (row ? parsePort(row.port) : null);
        if (!host || port === null) {
          set({ attempted: true });
          return;
        }
        const target = targetOf(host.address, port);
        const checking: HostCheckState = { status: 'checking', target, result: null, error: null };
        set({ checks: { ...get().checks, [id]: checking } });
        const result = await bridge.invoke('hosts:check', { address: host.address, port });
        const next: HostCheckState = result.ok
          ? { status: 'ok', target, result: result.value, error: null }
          : { status: 'failed', target, result: null, error: result.error };
        set({ checks: { ...get().checks, [id]: next } });
      },

      async save() {
        const first = primary();
        if (!first || get().saving) return;
        const problems = draftProblems(first, get().draft);
        const list = hostsToSave(first, get().draft);
        if (Object.keys(problems).length > 0 || list === null) {
          set({ attempted: true, saveError: null });
          return;
        }
        set({ saving: true, saveError: null, savedTo: null });
        const result = await bridge.invoke('hosts:save', list);
        if (result.ok) {
          set({
            saving: false,
            setting: result.value,
            draft: draftOf(result.value.hosts),
            attempted: false,
            savedTo: result.value.file,
          });
        } else {
          set({ saving: false, saveError: result.error });
        }
      },
    };
  });
}

/** The row's check, while the row still names what was checked. */
export function currentCheck(
  checks: Readonly<Record<string, HostCheckState>>,
  id: string,
  address: string,
  port: number | null,
): HostCheckState | null {
  const check = checks[id];
  if (!check || port === null) return null;
  return check.target === targetOf(address.trim(), port) ? check : null;
}
