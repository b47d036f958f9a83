/**
 * The install flow: stage a file -> apk:inspect -> pick phones and options -> install:start,
 * then live progress from `install:progress` / `install:finished`. Framework-free zustand store.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_INSTALL_OPTIONS, type ApkInfo, type InstallJob, type InstallOptions, type InstallProgressEvent } from '../../../shared/domain/install';
import type { ErrorInfo } from '../../../shared/errors';
import type { PushLabBridge } from '../../../shared/ipc';
import { applyProgress, mergeJob, mergeJobs } from './install-logic';

export type ApkStage =
  | { readonly status: 'empty' }
  | { readonly status: 'staging' | 'inspecting'; readonly fileName: string }
  | { readonly status: 'ready'; readonly apk: ApkInfo }
  | { readonly status: 'error'; readonly fileName: string; readonly error: ErrorInfo };

export interface InstallState {
  readonly apk: ApkStage;
  readonly selected: readonly string[];
  readonly options: InstallOptions;
  /** Newest first. */
  readonly jobs: readonly InstallJob[];
  readonly activeJobId: string | null;
  readonly starting: boolean;
  readonly startError: ErrorInfo | null;
  readonly historyError: ErrorInfo | null;
}

export interface InstallActions {
  /** Subscribes to progress events and loads the history; returns the unsubscribe function. */
  start(): () => void;
  loadJobs(): Promise<void>;
  chooseFile(file: File): Promise<void>;
  clearFile(): void;
  setSelected(serial: string, selected: boolean): void;
  selectOnly(serials: readonly string[]): void;
  setOption(option: keyof InstallOptions, value: boolean): void;
  /** Starts an install of the ready APK on `serials` (the caller passes the effective selection). */
  install(serials: readonly string[]): Promise<void>;
}

export type InstallStore = StoreApi<InstallState & InstallActions>;

/** Creates the install store over a bridge. */
export function createInstallStore(bridge: PushLabBridge): InstallStore {
  // A newer file choice wins over a slower earlier one still being read.
  let fileToken = 0;
  // Progress for a job whose install:start reply has not arrived yet.
  const early = new Map<string, InstallProgressEvent[]>();

  return createStore<InstallState & InstallActions>()((set, get) => {
    const addJob = (job: InstallJob) => {
      let jobs = mergeJob(get().jobs, job);
      for (const event of early.get(job.id) ?? []) jobs = applyProgress(jobs, event).jobs;
      early.delete(job.id);
      set({ jobs });
    };

    return {
      apk: { status: 'empty' },
      selected: [],
      options: DEFAULT_INSTALL_OPTIONS,
      jobs: [],
      activeJobId: null,
      starting: false,
      startError: null,
      historyError: null,

      start() {
        const offProgress = bridge.on('install:progress', (event) => {
          const { jobs, applied } = applyProgress(get().jobs, event);
          if (applied) set({ jobs });
          else early.set(event.jobId, [...(early.get(event.jobId) ?? []), event]);
        });
        const offFinished = bridge.on('install:finished', (job) => addJob(job));
        void get().loadJobs();
        return () => {
          offProgress();
          offFinished();
        };
      },

      async loadJobs() {
        const result = await bridge.invoke('install:jobs');
        if (result.ok) set({ jobs: mergeJobs(get().jobs, result.value), historyError: null });
        else set({ historyError: result.error });
      },

      async chooseFile(file) {
        const token = ++fileToken;
        set({ apk: { status: 'staging', fileName: file.name }, startError: null });
        const staged = await bridge.stageFile(file);
        if (token !== fileToken) return;
        if (!staged.ok) {
          set({ apk: { status: 'error', fileName: file.name, error: staged.error } });
          return;
        }
        set({ apk: { status: 'inspecting', fileName: file.name } });
        const inspected = await bridge.invoke('apk:inspect', staged.value);
        if (token !== fileToken) return;
        set({
          apk: inspected.ok
            ? { status: 'ready', apk: inspected.value }
            : { status: 'error', fileName: file.name, error: inspected.error },
        });
      },

      clearFile() {
        fileToken += 1;
        set({ apk: { status: 'empty' }, startError: null });
      },

      setSelected(serial, selected) {
        const rest = get().selected.filter((s) => s !== serial);
        set({ selected: selected ? [...rest, serial] : rest });
      },

      selectOnly(serials) {
        set({ selected: [...serials] });
      },

      setOption(option, value) {
        set({ options: { ...get().options, [option]: value } });
      },

      async install(serials) {
        const stage = get().apk;
        if (stage.status !== 'ready' || serials.length === 0 || get().starting) return;
        set({ starting: true, startError: null });
        const result = await bridge.invoke('install:start', {
          apkPath: stage.apk.path,
          serials: [...serials],
          options: get().options,
        });
        if (result.ok) {
          addJob(result.value);
          set({ starting: false, activeJobId: result.value.id });
        } else {
          set({ starting: false, startError: result.error });
        }
      },
    };
  });
}
