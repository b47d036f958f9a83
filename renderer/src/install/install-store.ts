/**
 * The install flow: stage a file -> apk:inspect (and/or a simulator .app path -> app:inspect) ->
 * pick devices and options -> install:start for Android phones and install:start-app for
 * simulators, then live progress from `install:progress` / `install:finished`. Framework-free
 * zustand store.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  DEFAULT_INSTALL_OPTIONS,
  type AnyInstallJob,
  type ApkInfo,
  type InstallOptions,
  type InstallProgressEvent,
  type SimulatorAppInfo,
} from '../../../shared/domain/install';
import type { ErrorInfo } from '../../../shared/errors';
import type { PushLabBridge } from '../../../shared/ipc';
import { applyProgress, mergeJob, mergeJobs, splitTargets } from './install-logic';

export type ApkStage =
  | { readonly status: 'empty' }
  | { readonly status: 'staging' | 'inspecting'; readonly fileName: string }
  | { readonly status: 'ready'; readonly apk: ApkInfo }
  | { readonly status: 'error'; readonly fileName: string; readonly error: ErrorInfo };

/** The simulator build: a path typed in (an .app is a folder, which file pickers cannot hand over). */
export type AppStage =
  | { readonly status: 'empty' }
  | { readonly status: 'inspecting'; readonly path: string }
  | { readonly status: 'ready'; readonly app: SimulatorAppInfo }
  | { readonly status: 'error'; readonly path: string; readonly error: ErrorInfo };

export interface InstallState {
  readonly apk: ApkStage;
  readonly app: AppStage;
  /** The .app path as typed. */
  readonly appPathText: string;
  readonly selected: readonly string[];
  readonly options: InstallOptions;
  /** Newest first. */
  readonly jobs: readonly AnyInstallJob[];
  /** The first job the last install started (the APK one when both started). */
  readonly activeJobId: string | null;
  /** Every job the last install started: one per build. */
  readonly activeJobIds: readonly string[];
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
  setAppPath(text: string): void;
  /** Reads the typed .app path's Info.plist (app:inspect). */
  inspectApp(): Promise<void>;
  clearApp(): void;
  setSelected(serial: string, selected: boolean): void;
  selectOnly(serials: readonly string[]): void;
  setOption(option: keyof InstallOptions, value: boolean): void;
  /**
   * Installs the ready builds on `serials` (the caller passes the effective selection): with both
   * an APK and an .app, `simulators` (serials of iOS simulators) decides who gets which.
   */
  install(serials: readonly string[], simulators?: ReadonlySet<string>): Promise<void>;
}

export type InstallStore = StoreApi<InstallState & InstallActions>;

/** Creates the install store over a bridge. */
export function createInstallStore(bridge: PushLabBridge): InstallStore {
  // A newer file choice wins over a slower earlier one still being read.
  let fileToken = 0;
  // Progress for a job whose install:start reply has not arrived yet.
  const early = new Map<string, InstallProgressEvent[]>();

  return createStore<InstallState & InstallActions>()((set, get) => {
    let appToken = 0;
    const addJob = (job: AnyInstallJob) => {
      let jobs = mergeJob(get().jobs, job);
      for (const event of early.get(job.id) ?? []) jobs = applyProgress(jobs, event).jobs;
      early.delete(job.id);
      set({ jobs });
    };

    return {
      apk: { status: 'empty' },
      app: { status: 'empty' },
      appPathText: '',
      selected: [],
      options: DEFAULT_INSTALL_OPTIONS,
      jobs: [],
      activeJobId: null,
      activeJobIds: [],
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

      setAppPath(text) {
        set({ appPathText: text });
      },

      async inspectApp() {
        const path = get().appPathText.trim();
        if (path === '') return;
        const token = ++appToken;
        set({ app: { status: 'inspecting', path }, startError: null });
        const inspected = await bridge.invoke('app:inspect', path);
        if (token !== appToken) return;
        set({
          app: inspected.ok
            ? { status: 'ready', app: inspected.value }
            : { status: 'error', path, error: inspected.error },
        });
      },

      clearApp() {
        appToken += 1;
        set({ app: { status: 'empty' }, appPathText: '', startError: null });
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

      async install(serials, simulators = new Set()) {
        const apk = get().apk;
        const app = get().app;
        const hasApk = apk.status === 'ready';
        const hasApp = app.status === 'ready';
        if ((!hasApk && !hasApp) || serials.length === 0 || get().starting) return;
        set({ starting: true, startError: null });
        const targets = splitTargets(serials, simulators, { apk: hasApk, app: hasApp });
        const started: string[] = [];
        let error: ErrorInfo | null = null;
        if (apk.status === 'ready' && targets.apk.length > 0) {
          const result = await bridge.invoke('install:start', {
            apkPath: apk.apk.path,
            serials: targets.apk,
            options: get().options,
          });
          if (result.ok) {
            addJob(result.value);
            started.push(result.value.id);
          } else error = result.error;
        }
        if (app.status === 'ready' && targets.app.length > 0) {
          const result = await bridge.invoke('install:start-app', {
            appPath: app.app.path,
            serials: targets.app,
          });
          if (result.ok) {
            addJob(result.value);
            started.push(result.value.id);
          } else error ??= result.error;
        }
        set(
          started.length > 0
            ? { starting: false, startError: error, activeJobId: started[0] ?? null, activeJobIds: started }
            : { starting: false, startError: error },
        );
      },
    };
  });
}
